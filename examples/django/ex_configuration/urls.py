from django.urls import path

from . import views

urlpatterns = [path("settings/", views.show_settings, name="show-settings")]
