"""ASGI entry point, e.g. uvicorn exampleproject.asgi:application (async views run natively)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "exampleproject.settings")
application = get_asgi_application()
