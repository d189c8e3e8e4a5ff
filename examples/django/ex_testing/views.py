from django.http import JsonResponse


def greet(request, name):
    return JsonResponse({"greeting": f"Hello, {name}!"})
