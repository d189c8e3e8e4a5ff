"""One URL prefix per example app."""

from django.urls import include, path

urlpatterns = [
    path("hello/", include("ex_hello.urls")),
    path("url-parameters/", include("ex_url_parameters.urls")),
    path("json-api/", include("ex_json_api.urls")),
    path("models/", include("ex_models.urls")),
    path("forms/", include("ex_forms.urls")),
    path("login-required/", include("ex_login_required.urls")),
    path("testing/", include("ex_testing.urls")),
    path("configuration/", include("ex_configuration.urls")),
    path("async-view/", include("ex_async_view.urls")),
    # Django's own login and logout views, used by the login-required example.
    path("accounts/", include("django.contrib.auth.urls")),
]
