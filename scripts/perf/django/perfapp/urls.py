"""TechEmpower's five test types as Django views, the same in both measured projects."""

import random

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import path

from perfapp.models import Fortune, World


def plaintext(request):
    return HttpResponse("Hello, World!", content_type="text/plain")


def json_serialization(request):
    return JsonResponse({"message": "Hello, World!"})


def random_world() -> dict[str, int]:
    world = World.objects.get(id=random.randint(1, 10000))
    return {"id": world.id, "randomNumber": world.randomnumber}


def single_query(request):
    return JsonResponse(random_world())


def multiple_queries(request):
    try:
        count = min(max(int(request.GET.get("queries", 1)), 1), 500)
    except ValueError:
        count = 1
    return JsonResponse([random_world() for _ in range(count)], safe=False)


def fortunes(request):
    rows = list(Fortune.objects.values_list("id", "message"))
    rows.append((0, "Additional fortune added at request time."))
    rows.sort(key=lambda row: row[1])
    return render(request, "fortunes.html", {"fortunes": rows})


urlpatterns = [
    path("plaintext", plaintext), path("json", json_serialization), path("db", single_query),
    path("queries", multiple_queries), path("fortunes", fortunes),
]
