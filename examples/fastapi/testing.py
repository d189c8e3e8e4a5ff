"""Testing a FastAPI app with pytest and TestClient, one dependency replaced in a test.

The app and its tests share this file to keep the example whole; in a project, the app
lives in its package and the tests in tests/. Run: pytest testing.py
"""

from typing import Annotated

import pytest
from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient


def greeting_word() -> str:
    return "Hello"  # stands in for a dependency that reads settings, a database or another service


app = FastAPI()


@app.get("/greet/{name}")
def greet(name: str, word: Annotated[str, Depends(greeting_word)]) -> dict[str, str]:
    return {"greeting": f"{word}, {name}!"}


@pytest.fixture
def client():
    with TestClient(app) as client:  # `with` also runs the app's lifespan (start-up and shut-down)
        yield client
    app.dependency_overrides.clear()  # the overrides live on the app: undo them after each test


def test_greet_returns_json(client):
    response = client.get("/greet/Ada")
    assert response.status_code == 200
    assert response.json() == {"greeting": "Hello, Ada!"}


def test_greet_with_dependency_replaced(client):
    app.dependency_overrides[greeting_word] = lambda: "Bonjour"
    response = client.get("/greet/Ada")
    assert response.status_code == 200
    assert response.json() == {"greeting": "Bonjour, Ada!"}
