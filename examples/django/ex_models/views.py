from django.http import JsonResponse

from .models import Article


def published_articles(request):
    titles = Article.objects.filter(published=True).order_by("title").values_list("title", flat=True)
    return JsonResponse({"articles": list(titles)})
