"""Testing a Flask app with pytest and Flask's test client.

The app and its tests share this file to keep the example whole; in a project,
create_app lives in the package and the fixture in tests/conftest.py.
Run: pytest testing.py
"""

import pytest
from flask import Flask


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.config.update(test_config or {})

    @app.get("/greet/<name>")
    def greet(name: str):
        return {"greeting": f"Hello, {name}!"}

    return app


@pytest.fixture
def client():
    app = create_app({"TESTING": True})  # exceptions propagate to the test
    return app.test_client()


def test_greet_returns_json(client):
    response = client.get("/greet/Ada")
    assert response.status_code == 200
    assert response.json == {"greeting": "Hello, Ada!"}


def test_unknown_url_is_404(client):
    assert client.get("/nope").status_code == 404
