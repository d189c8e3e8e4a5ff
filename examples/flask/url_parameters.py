"""Typed URL parameters in Flask: converters in the rule, url_for to build URLs."""

from flask import Flask, url_for

app = Flask(__name__)


# <int:...> matches digits only and passes an int; /users/abc is a 404.
@app.get("/users/<int:user_id>")
def user_detail(user_id: int):
    return {"user_id": user_id, "url": url_for("user_detail", user_id=user_id)}


# The default converter (<string:...>) takes any text without a slash.
# Flask has no slug converter: check the format yourself or add a custom converter.
@app.get("/posts/<slug>")
def post_detail(slug: str):
    return {"slug": slug, "url": url_for("post_detail", slug=slug)}
