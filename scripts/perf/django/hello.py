"""The smallest Django app (no installed apps, no middleware): what start-up time measures."""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

settings.configure(DEBUG=False, SECRET_KEY="performance-measurement-only", ROOT_URLCONF=__name__, ALLOWED_HOSTS=["127.0.0.1"])


def hello(request):
    return HttpResponse("Hello, World!")


urlpatterns = [path("", hello)]
app = get_wsgi_application()
