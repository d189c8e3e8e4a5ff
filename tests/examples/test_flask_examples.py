"""Each Flask example in examples/flask/ does what its page says."""

import inspect
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import import_example

FLASK_EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "flask"


def load(relative_path: str):
    return import_example(FLASK_EXAMPLES, relative_path)


# hello


def test_hello():
    response = load("hello.py").app.test_client().get("/")
    assert response.status_code == 200
    assert response.text == "Hello, World!"


# url-parameters


def test_url_parameters_int_converter():
    client = load("url_parameters.py").app.test_client()
    assert client.get("/users/42").json == {"user_id": 42, "url": "/users/42"}
    assert client.get("/users/abc").status_code == 404


def test_url_parameters_default_converter_accepts_any_text_without_slash():
    client = load("url_parameters.py").app.test_client()
    assert client.get("/posts/hello-world").json == {"slug": "hello-world", "url": "/posts/hello-world"}
    # Not a slug, still matched: Flask's string converter only excludes "/".
    assert client.get("/posts/hello world!").status_code == 200
    assert client.get("/posts/a/b").status_code == 404


# json-api


@pytest.fixture
def json_api_client():
    module = load("json_api.py")
    return module.app.test_client()


def test_json_api_create_then_list(json_api_client):
    assert json_api_client.get("/books").json == []
    response = json_api_client.post("/books", json={"title": "  Dune "})
    assert response.status_code == 201
    assert response.json == {"id": 1, "title": "Dune"}
    assert json_api_client.get("/books").json == [{"id": 1, "title": "Dune"}]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"json": {}},
        {"json": {"title": ""}},
        {"json": {"title": 5}},
        {"json": ["Dune"]},
        {"data": "{not json", "content_type": "application/json"},
        {"data": "title=Dune", "content_type": "application/x-www-form-urlencoded"},
    ],
)
def test_json_api_rejects_bad_input_with_json_400(json_api_client, kwargs):
    response = json_api_client.post("/books", **kwargs)
    assert response.status_code == 400
    assert "title" in response.json["error"]


def test_json_api_wrong_method_is_405(json_api_client):
    assert json_api_client.delete("/books").status_code == 405


# models


def test_models_migration_applies_and_query_filters(tmp_path):
    from flask_migrate import check, upgrade
    from sqlalchemy import text

    module = load("models/app.py")
    app = module.create_app(f"sqlite:///{tmp_path / 'articles.db'}")
    with app.app_context():
        upgrade()  # runs migrations/versions/*.py: the schema comes from the migration
        check()  # raises if the models and the migrations disagree
        session, article = module.db.session, module.Article
        assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == "e14721c54757"
        session.add_all([article(title="B", published=True), article(title="A", published=True), article(title="Draft")])
        session.commit()
    response = app.test_client().get("/articles")
    assert response.json == {"articles": ["A", "B"]}


# forms


def csrf_token_from(html: str) -> str:
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)


def test_forms_valid_post_redirects():
    client = load("forms.py").app.test_client()
    token = csrf_token_from(client.get("/signup").text)
    response = client.post("/signup", data={"csrf_token": token, "username": "ada", "age": "36"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/welcome/ada"


def test_forms_invalid_post_shows_errors():
    client = load("forms.py").app.test_client()
    token = csrf_token_from(client.get("/signup").text)
    response = client.post("/signup", data={"csrf_token": token, "username": "ad", "age": "12"})
    assert response.status_code == 200
    assert "Field must be between 3 and 30 characters long." in response.text
    assert "Number must be at least 13." in response.text


def test_forms_post_without_csrf_token_is_rejected():
    client = load("forms.py").app.test_client()
    response = client.post("/signup", data={"username": "ada", "age": "36"})
    assert response.status_code == 400
    assert "The CSRF token is missing." in response.text


def test_forms_welcome_page_escapes_input():
    client = load("forms.py").app.test_client()
    assert "&lt;b&gt;" in client.get("/welcome/<b>").text


# login-required


def test_login_required_redirects_anonymous_user():
    client = load("login_required.py").app.test_client()
    response = client.get("/dashboard")
    assert response.status_code == 302
    assert response.headers["Location"] == "/login?next=%2Fdashboard"
    assert client.get("/login").status_code == 200


def test_login_required_allows_logged_in_user():
    client = load("login_required.py").app.test_client()
    assert client.post("/login", data={"username": "ada", "password": "wrong"}).status_code == 401
    response = client.post("/login", data={"username": "ada", "password": "correct horse"})
    assert response.status_code == 302
    response = client.get("/dashboard")
    assert response.status_code == 200
    assert response.json == {"user": "ada"}


# testing: the example is itself a test module; run it as its docstring says.


def test_testing_example_passes():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:django", "testing.py"],
        cwd=FLASK_EXAMPLES,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout


# configuration


def test_configuration_defaults_from_object(monkeypatch):
    monkeypatch.delenv("FLASK_ITEMS_PER_PAGE", raising=False)
    app = load("configuration.py").create_app()
    assert app.test_client().get("/settings").json["items_per_page"] == 20


def test_configuration_prefixed_env_overrides_and_parses_json(monkeypatch):
    monkeypatch.setenv("FLASK_ITEMS_PER_PAGE", "50")
    monkeypatch.setenv("FLASK_SECRET_KEY", "from-the-environment")
    app = load("configuration.py").create_app()
    assert app.config["ITEMS_PER_PAGE"] == 50  # an int, not "50"
    assert app.config["SECRET_KEY"] == "from-the-environment"
    assert app.test_client().get("/settings").json["items_per_page"] == 50


# cli-command


def test_cli_command_output():
    runner = load("cli_command.py").app.test_cli_runner()
    assert runner.invoke(args=["greet", "Ada"]).output == "Hello, Ada!\n"
    assert runner.invoke(args=["greet", "Ada", "--shout"]).output == "HELLO, ADA!\n"
    assert runner.invoke(args=["greet"]).exit_code == 2  # missing argument


# async-view


def test_async_view():
    app = load("async_view.py").app
    assert inspect.iscoroutinefunction(app.view_functions["stock"])
    response = app.test_client().get("/stock")
    assert response.status_code == 200
    assert response.json == {"apple": 12, "pear": 7}
