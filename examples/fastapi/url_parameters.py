"""Typed URL parameters in FastAPI: type hints convert and validate them, url_path_for builds URLs.

Run: fastapi dev url_parameters.py
"""

from typing import Annotated

from fastapi import FastAPI, Path

app = FastAPI()


# The route matches any one path segment; the int hint then converts it, and
# /users/abc is answered with 422 and the validation error, not with 404.
@app.get("/users/{user_id}")
def user_detail(user_id: int) -> dict[str, int | str]:
    return {"user_id": user_id, "url": app.url_path_for("user_detail", user_id=user_id)}


# No slug type ships: a regular expression on Path() does the check (422 when it fails).
Slug = Annotated[str, Path(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]


@app.get("/posts/{slug}")
def post_detail(slug: Slug) -> dict[str, str]:
    return {"slug": slug, "url": app.url_path_for("post_detail", slug=slug)}
