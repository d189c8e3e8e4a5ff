"""A JSON API in FastAPI: GET lists books, POST creates one. Run: fastapi dev json_api.py"""

from typing import Annotated

from fastapi import FastAPI, status
from pydantic import BaseModel, StringConstraints

app = FastAPI()


class BookIn(BaseModel):
    """The request body: Pydantic parses and validates it before the endpoint runs."""

    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Book(BookIn):
    id: int


# Stands in for a database; a module-level list is not shared between worker processes.
books: list[Book] = []


@app.get("/books")
def list_books() -> list[Book]:  # the return type is also the response schema in /docs
    return books


# A body that is not JSON, not an object or has no valid title never gets here:
# FastAPI answers 422 with a JSON list of what failed and where.
@app.post("/books", status_code=status.HTTP_201_CREATED)
def create_book(book: BookIn) -> Book:
    created = Book(id=len(books) + 1, title=book.title)
    books.append(created)
    return created
