from django.urls import path

from . import views

app_name = "ex_forms"

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("welcome/<str:username>/", views.welcome, name="welcome"),
]
