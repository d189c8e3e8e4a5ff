"""URLs of the Django app the performance script measures."""

from django.http import HttpResponse, JsonResponse
from django.urls import path
from perfapp.models import Item


def hello(request):
    return HttpResponse("Hello, world!")


def items(request):
    rows = Item.objects.order_by("id").values("id", "name", "price")[:20]
    return JsonResponse(list(rows), safe=False)


urlpatterns = [path("hello", hello), path("items", items)]
