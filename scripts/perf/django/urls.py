"""The startproject project's URLs: the admin, as startproject adds it, then the measured views."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [path("admin/", admin.site.urls), path("", include("perfapp.urls"))]
