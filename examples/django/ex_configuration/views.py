from django.conf import settings
from django.http import JsonResponse


def show_settings(request):
    # django.conf.settings is the one settings module chosen by DJANGO_SETTINGS_MODULE.
    return JsonResponse({"items_per_page": settings.ITEMS_PER_PAGE, "debug": settings.DEBUG})
