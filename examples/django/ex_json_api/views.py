import json

from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

# Stands in for a database; a module-level list is not shared between worker processes.
books: list[dict] = []


# CsrfViewMiddleware rejects a POST without a CSRF token with 403. API clients send
# none, so the view opts out. Do this only for clients that authenticate without
# cookies (e.g. with a token header); with session auth, keep CSRF protection.
@csrf_exempt
@require_http_methods(["GET", "POST"])  # other methods get 405
def books_view(request):
    if request.method == "GET":
        return JsonResponse(books, safe=False)  # safe=False allows a top-level list
    try:
        data = json.loads(request.body)
    except ValueError:  # malformed JSON or bytes that are not UTF-8
        data = None
    title = data.get("title") if isinstance(data, dict) else None
    if not isinstance(title, str) or not title.strip():
        return JsonResponse({"error": "'title' is required and must be a non-empty string."}, status=400)
    book = {"id": len(books) + 1, "title": title.strip()}
    books.append(book)
    return JsonResponse(book, status=201)
