from django.http import JsonResponse

from ex_models.models import Article  # the model from the models example


# Under ASGI (exampleproject/asgi.py) this runs on the server's event loop; under
# WSGI Django runs it in a one-off event loop per request.
async def article_count(request):
    # a-prefixed queryset methods (acount, aget, afirst, async for) are awaitable; Django 6.1
    # still runs the query through sync_to_async in a thread, as its database layer is synchronous.
    return JsonResponse({"articles": await Article.objects.acount()})
