from django.http import JsonResponse
from django.urls import reverse


def user_detail(request, user_id: int):
    return JsonResponse({"user_id": user_id, "url": reverse("ex_url_parameters:user-detail", args=[user_id])})


def post_detail(request, slug: str):
    return JsonResponse({"slug": slug, "url": reverse("ex_url_parameters:post-detail", args=[slug])})
