from django.urls import path

from . import views

app_name = "ex_url_parameters"  # namespace for reverse("ex_url_parameters:...")

urlpatterns = [
    # <int:...> matches digits only and passes an int; users/abc/ is a 404.
    path("users/<int:user_id>/", views.user_detail, name="user-detail"),
    # <slug:...> accepts ASCII letters, digits, hyphens and underscores only.
    path("posts/<slug:slug>/", views.post_detail, name="post-detail"),
]
