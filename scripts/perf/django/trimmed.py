"""The same project trimmed to what an API needs (trimmed_settings.py); ``app`` is its WSGI application."""

import os

from django.core.wsgi import get_wsgi_application

# Set, not defaulted: a caller's DJANGO_SETTINGS_MODULE (a test run's, say) must not leak in.
os.environ["DJANGO_SETTINGS_MODULE"] = "trimmed_settings"
app = get_wsgi_application()
