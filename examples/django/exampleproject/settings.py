"""Settings for the example project, read from DJANGO_* environment variables.

Defaults are safe for production (DEBUG off) except SECRET_KEY, whose dev-only
fallback `manage.py check --deploy` reports; set DJANGO_SECRET_KEY outside development.
"""

import os
import tempfile
from pathlib import Path

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-dev-only-not-secret")
DEBUG = os.environ.get("DJANGO_DEBUG", "false").lower() in {"1", "true", "yes"}
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(",")

# A setting of our own (the configuration example reads it); settings are plain Python.
ITEMS_PER_PAGE = int(os.environ.get("DJANGO_ITEMS_PER_PAGE", "20"))

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "ex_hello",
    "ex_url_parameters",
    "ex_json_api",
    "ex_models",
    "ex_forms",
    "ex_login_required",
    "ex_testing",
    "ex_configuration",
    "ex_cli_command",
    "ex_async_view",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "exampleproject.urls"
WSGI_APPLICATION = "exampleproject.wsgi.application"

TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True}]

# The SQLite file lives outside the repository; tests use an in-memory database.
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("DJANGO_DB_PATH", Path(tempfile.gettempdir()) / "exampleproject.sqlite3"),
    }
}

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
