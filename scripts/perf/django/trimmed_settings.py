"""The same project trimmed to what a JSON API needs: security headers and CommonMiddleware (which sets
Content-Length), no sessions, CSRF, authentication, messages or admin, no template context processors."""

from settings import *  # noqa: F403 - the startproject settings, then what an API drops

INSTALLED_APPS = ["perfapp"]
MIDDLEWARE = ["django.middleware.security.SecurityMiddleware", "django.middleware.common.CommonMiddleware"]
ROOT_URLCONF = "perfapp.urls"
TEMPLATES = [{**TEMPLATES[0], "OPTIONS": {}}]  # noqa: F405
