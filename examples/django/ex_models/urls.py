from django.urls import path

from . import views

urlpatterns = [path("articles/", views.published_articles, name="published-articles")]
