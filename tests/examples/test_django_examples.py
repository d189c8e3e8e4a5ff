"""Each Django example app in examples/django/ does what its page says.

tests/examples/conftest.py puts examples/django on sys.path and selects
exampleproject.settings; pytest-django creates the test database and runs the
migrations, including ex_models/migrations/0001_initial.py.
"""

import io
import runpy
from pathlib import Path

import pytest
from asgiref.sync import async_to_sync
from django.core.management import call_command
from django.test import AsyncClient, Client

from ex_testing.tests import GreetViewTests  # noqa: F401  (the testing example's TestCase, collected here)

SETTINGS_FILE = Path(__file__).resolve().parents[2] / "examples" / "django" / "exampleproject" / "settings.py"


def test_project_passes_system_checks():
    out = io.StringIO()
    call_command("check", stdout=out)
    assert "no issues" in out.getvalue()


@pytest.mark.django_db
def test_migrations_match_models():
    # Exits with status 1 if a model change has no migration yet.
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


# hello


def test_hello(client):
    response = client.get("/hello/")
    assert response.status_code == 200
    assert response.content == b"Hello, World!"


# url-parameters


def test_url_parameters_int_converter(client):
    assert client.get("/url-parameters/users/42/").json() == {"user_id": 42, "url": "/url-parameters/users/42/"}
    assert client.get("/url-parameters/users/abc/").status_code == 404


def test_url_parameters_slug_converter(client):
    response = client.get("/url-parameters/posts/hello-world/")
    assert response.json() == {"slug": "hello-world", "url": "/url-parameters/posts/hello-world/"}
    assert client.get("/url-parameters/posts/hello world!/").status_code == 404


def test_common_middleware_appends_slash(client):
    # APPEND_SLASH (on by default) redirects a GET for a missing slash.
    response = client.get("/url-parameters/users/42")
    assert response.status_code == 301
    assert response.headers["Location"] == "/url-parameters/users/42/"


# json-api


@pytest.fixture
def books():
    from ex_json_api import views

    views.books.clear()
    yield views.books
    views.books.clear()


def test_json_api_create_then_list(books):
    client = Client(enforce_csrf_checks=True)  # csrf_exempt must let the POST through
    assert client.get("/json-api/books/").json() == []
    response = client.post("/json-api/books/", {"title": "  Dune "}, content_type="application/json")
    assert response.status_code == 201
    assert response.json() == {"id": 1, "title": "Dune"}
    assert client.get("/json-api/books/").json() == [{"id": 1, "title": "Dune"}]


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("{}", "application/json"),
        ('{"title": ""}', "application/json"),
        ('{"title": 5}', "application/json"),
        ('["Dune"]', "application/json"),
        ("{not json", "application/json"),
        (b"\xff", "application/json"),
        ("title=Dune", "application/x-www-form-urlencoded"),
    ],
)
def test_json_api_rejects_bad_input_with_json_400(client, books, body, content_type):
    response = client.generic("POST", "/json-api/books/", body, content_type=content_type)
    assert response.status_code == 400
    assert "title" in response.json()["error"]


def test_json_api_wrong_method_is_405(client, books):
    assert client.delete("/json-api/books/").status_code == 405


# models


@pytest.mark.django_db
def test_models_migration_applied_and_query_filters(client):
    from django.db import connection
    from django.db.migrations.recorder import MigrationRecorder

    from ex_models.models import Article

    assert MigrationRecorder(connection).migration_qs.filter(app="ex_models", name="0001_initial").exists()
    Article.objects.bulk_create([Article(title="B", published=True), Article(title="A", published=True), Article(title="Draft")])
    assert client.get("/models/articles/").json() == {"articles": ["A", "B"]}


# forms


def test_forms_valid_post_redirects(client):
    response = client.post("/forms/signup/", {"username": "ada", "age": "36"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/forms/welcome/ada/"
    assert client.get(response.headers["Location"]).content.strip() == b"<p>Welcome, ada!</p>"


def test_forms_invalid_post_shows_errors(client):
    response = client.post("/forms/signup/", {"username": "ad", "age": "12"})
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "username": ["Ensure this value has at least 3 characters (it has 2)."],
        "age": ["Ensure this value is greater than or equal to 13."],
    }
    assert "Ensure this value has at least 3 characters" in response.text


def test_forms_post_without_csrf_token_is_rejected():
    # The test client skips CSRF checks unless asked; the real middleware answers 403.
    response = Client(enforce_csrf_checks=True).post("/forms/signup/", {"username": "ada", "age": "36"})
    assert response.status_code == 403


def test_forms_get_renders_csrf_field(client):
    assert 'name="csrfmiddlewaretoken"' in client.get("/forms/signup/").text


# login-required


def test_login_required_redirects_anonymous_user(client):
    response = client.get("/login-required/dashboard/")
    assert response.status_code == 302
    assert response.headers["Location"] == "/accounts/login/?next=/login-required/dashboard/"


@pytest.mark.django_db
def test_login_required_allows_logged_in_user(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("ada"))
    response = client.get("/login-required/dashboard/")
    assert response.status_code == 200
    assert response.json() == {"user": "ada"}


@pytest.mark.django_db
def test_login_view_sends_user_back_to_next(client, django_user_model):
    django_user_model.objects.create_user("ada", password="correct horse")
    assert client.get("/accounts/login/?next=/login-required/dashboard/").status_code == 200
    response = client.post(
        "/accounts/login/", {"username": "ada", "password": "correct horse", "next": "/login-required/dashboard/"}
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/login-required/dashboard/"
    assert client.get("/login-required/dashboard/").json() == {"user": "ada"}


# testing: GreetViewTests (imported above) runs as part of this module.


# configuration


def test_configuration_view_reads_settings(client, settings):
    settings.ITEMS_PER_PAGE = 7
    assert client.get("/configuration/settings/").json() == {"items_per_page": 7, "debug": False}


def test_settings_module_defaults(monkeypatch):
    for name in ("DJANGO_SECRET_KEY", "DJANGO_DEBUG", "DJANGO_ALLOWED_HOSTS", "DJANGO_ITEMS_PER_PAGE"):
        monkeypatch.delenv(name, raising=False)
    values = runpy.run_path(str(SETTINGS_FILE))
    assert values["DEBUG"] is False
    assert values["SECRET_KEY"].startswith("django-insecure-")  # flagged by check --deploy
    assert values["ALLOWED_HOSTS"] == ["localhost", "127.0.0.1"]
    assert values["ITEMS_PER_PAGE"] == 20


def test_settings_module_reads_environment(monkeypatch):
    monkeypatch.setenv("DJANGO_SECRET_KEY", "from-the-environment")
    monkeypatch.setenv("DJANGO_DEBUG", "true")
    monkeypatch.setenv("DJANGO_ALLOWED_HOSTS", "example.com,www.example.com")
    monkeypatch.setenv("DJANGO_ITEMS_PER_PAGE", "50")
    values = runpy.run_path(str(SETTINGS_FILE))
    assert values["SECRET_KEY"] == "from-the-environment"
    assert values["DEBUG"] is True
    assert values["ALLOWED_HOSTS"] == ["example.com", "www.example.com"]
    assert values["ITEMS_PER_PAGE"] == 50


# cli-command


def test_cli_command_output():
    out = io.StringIO()
    call_command("greet", "Ada", stdout=out)
    assert out.getvalue() == "Hello, Ada!\n"
    out = io.StringIO()
    call_command("greet", "Ada", "--shout", stdout=out)
    assert out.getvalue() == "HELLO, ADA!\n"


# async-view


@pytest.mark.django_db
def test_async_view_counts_with_async_orm(client):
    from ex_models.models import Article

    Article.objects.bulk_create([Article(title="A"), Article(title="B")])
    response = client.get("/async-view/articles/count/")  # WSGI-style test client
    assert response.status_code == 200
    assert response.json() == {"articles": 2}


@pytest.mark.django_db
def test_async_view_under_asgi():
    from ex_models.models import Article

    Article.objects.create(title="A")
    response = async_to_sync(AsyncClient().get)("/async-view/articles/count/")  # ASGI handler
    assert response.json() == {"articles": 1}
