"""A JSON API in plain Flask: GET lists books, POST creates one."""

from flask import Flask, request

app = Flask(__name__)

# Stands in for a database; a module-level list is not shared between worker processes.
books: list[dict] = []


@app.get("/books")
def list_books():
    return books  # Flask serializes a returned dict or list to JSON.


@app.post("/books")
def create_book():
    # silent=True returns None for a missing or malformed JSON body, so the
    # client gets the JSON error below instead of Flask's HTML 400/415 page.
    data = request.get_json(silent=True)
    title = data.get("title") if isinstance(data, dict) else None
    if not isinstance(title, str) or not title.strip():
        return {"error": "'title' is required and must be a non-empty string."}, 400
    book = {"id": len(books) + 1, "title": title.strip()}
    books.append(book)
    return book, 201
