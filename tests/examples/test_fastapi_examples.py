"""Each FastAPI example in examples/fastapi/ does what its page says."""

import inspect
import os
import subprocess
import sys
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from tests.support import import_example

FASTAPI_EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "fastapi"


def load(relative_path: str):
    return import_example(FASTAPI_EXAMPLES, relative_path)


def run_python(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run the example the way its docstring says, with this test run's Python."""
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"} | (env or {})
    return subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def validation_errors(response) -> dict[str, str]:
    """FastAPI's 422 body as {"where.the.field": "error type"}."""
    assert response.status_code == 422, response.text
    return {".".join(str(part) for part in error["loc"]): error["type"] for error in response.json()["detail"]}


# hello


def test_hello():
    response = TestClient(load("hello.py").app).get("/")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert response.text == "Hello, World!"


# url-parameters


@pytest.fixture
def url_client():
    return TestClient(load("url_parameters.py").app, follow_redirects=False)


def test_url_parameters_int_is_converted(url_client):
    assert url_client.get("/users/42").json() == {"user_id": 42, "url": "/users/42"}


def test_url_parameters_not_an_int_is_422_not_404(url_client):
    assert validation_errors(url_client.get("/users/abc")) == {"path.user_id": "int_parsing"}


def test_url_parameters_slug_pattern(url_client):
    assert url_client.get("/posts/hello-world").json() == {"slug": "hello-world", "url": "/posts/hello-world"}
    assert validation_errors(url_client.get("/posts/hello world!")) == {"path.slug": "string_pattern_mismatch"}
    assert url_client.get("/posts/a/b").status_code == 404  # a parameter never spans a "/"


def test_url_parameters_trailing_slash_redirects(url_client):
    response = url_client.get("/users/42/")
    assert response.status_code == 307
    assert response.headers["Location"] == "http://testserver/users/42"


# json-api


@pytest.fixture
def json_api_client():
    return TestClient(load("json_api.py").app)


def test_json_api_create_then_list(json_api_client):
    assert json_api_client.get("/books").json() == []
    response = json_api_client.post("/books", json={"title": "  Dune "})
    assert response.status_code == 201
    assert response.json() == {"id": 1, "title": "Dune"}
    assert json_api_client.get("/books").json() == [{"id": 1, "title": "Dune"}]


@pytest.mark.parametrize(
    ("kwargs", "errors"),
    [
        ({"json": {}}, {"body.title": "missing"}),
        ({"json": {"title": ""}}, {"body.title": "string_too_short"}),
        ({"json": {"title": "   "}}, {"body.title": "string_too_short"}),  # stripped before the length check
        ({"json": {"title": 5}}, {"body.title": "string_type"}),  # no silent conversion of a number
        ({"json": ["Dune"]}, {"body": "model_attributes_type"}),
        ({"content": "{not json", "headers": {"content-type": "application/json"}}, {"body.1": "json_invalid"}),
        ({"data": {"title": "Dune"}}, {"body": "model_attributes_type"}),  # a form body is not read as JSON
        ({"content": '{"title": "Dune"}', "headers": {"content-type": "text/plain"}}, {"body": "model_attributes_type"}),
    ],
)
def test_json_api_rejects_bad_input_with_json_422(json_api_client, kwargs, errors):
    response = json_api_client.post("/books", **kwargs)
    assert validation_errors(response) == errors
    assert json_api_client.get("/books").json() == []


def test_json_api_wrong_method_is_405(json_api_client):
    assert json_api_client.delete("/books").status_code == 405


def test_json_api_schema_in_openapi(json_api_client):
    schema = json_api_client.get("/openapi.json").json()
    assert set(schema["paths"]["/books"]) == {"get", "post"}
    assert schema["components"]["schemas"]["BookIn"]["required"] == ["title"]


# models: the migration is applied with the alembic command, as the docstring says, then the app reads the table.


def test_models_migration_applies_and_query_filters(tmp_path, monkeypatch):
    from sqlalchemy import create_engine, text
    from sqlmodel import Session

    database_url = f"sqlite:///{tmp_path / 'articles.db'}"
    models_folder = FASTAPI_EXAMPLES / "models"
    for command in (["upgrade", "head"], ["check"]):  # `check` fails if the models and the migrations disagree
        result = run_python("-m", "alembic", *command, cwd=models_folder, env={"DATABASE_URL": database_url})
        assert result.returncode == 0, result.stdout + result.stderr
    with create_engine(database_url).connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == "ae7061a34027"

    monkeypatch.setenv("DATABASE_URL", database_url)
    module = load("models/app.py")
    with Session(module.engine) as session:
        article = module.Article
        session.add_all([article(title="B", published=True), article(title="A", published=True), article(title="Draft")])
        session.commit()
    assert TestClient(module.app).get("/articles").json() == {"articles": ["A", "B"]}


# forms


@pytest.fixture
def forms_client():
    return TestClient(load("forms.py").app, follow_redirects=False)


def test_forms_valid_post_redirects_with_303(forms_client):
    response = forms_client.post("/signup", data={"username": "ada", "age": "36"})
    assert response.status_code == 303
    assert response.headers["Location"] == "/welcome/ada"
    assert forms_client.get("/welcome/ada").json() == {"message": "Welcome, ada!"}


def test_forms_invalid_post_is_422_with_field_errors(forms_client):
    response = forms_client.post("/signup", data={"username": "ad", "age": "12"})
    assert validation_errors(response) == {"body.username": "string_too_short", "body.age": "greater_than_equal"}
    messages = [error["msg"] for error in response.json()["detail"]]
    assert messages == ["String should have at least 3 characters", "Input should be greater than or equal to 13"]


def test_forms_no_csrf_and_no_form_page(forms_client):
    # A POST without any token goes through, and no GET renders the form: FastAPI ships neither.
    assert forms_client.post("/signup", data={"username": "ada", "age": "36"}).status_code == 303
    assert forms_client.get("/signup").status_code == 405


# login-required


@pytest.fixture
def login_client():
    return TestClient(load("login_required.py").app)


def test_login_required_rejects_anonymous_user_with_401(login_client):
    response = login_client.get("/dashboard", follow_redirects=False)
    assert response.status_code == 401  # no redirect to a login page
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert response.json() == {"detail": "Not authenticated"}


def test_login_required_wrong_password_or_unknown_user_is_401(login_client):
    for form in ({"username": "ada", "password": "wrong"}, {"username": "bob", "password": "correct horse"}):
        response = login_client.post("/token", data=form)
        assert response.status_code == 401
        assert response.json() == {"detail": "Incorrect username or password"}


def test_login_required_token_opens_dashboard(login_client):
    response = login_client.post("/token", data={"username": "ada", "password": "correct horse"})
    assert response.status_code == 200
    token = response.json()
    assert token["token_type"] == "bearer"
    headers = {"Authorization": f"Bearer {token['access_token']}"}
    assert login_client.get("/dashboard", headers=headers).json() == {"user": "ada"}
    assert login_client.cookies == {}  # stateless: the client sends the token each time, no session cookie


def test_login_required_rejects_forged_and_expired_tokens(login_client):
    import jwt

    module = sys.modules["fastapi_example_login_required"]
    forged = jwt.encode({"sub": "ada"}, "another-key-that-is-long-enough-for-hs256", algorithm="HS256")
    expired = jwt.encode({"sub": "ada", "exp": 0}, module.SECRET_KEY, algorithm="HS256")
    for token in (forged, expired):
        response = login_client.get("/dashboard", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401
        assert response.json() == {"detail": "Could not validate credentials"}


def test_login_required_stores_argon2_hashes():
    module = load("login_required.py")
    assert module.USERS["ada"].startswith("$argon2id$")


# testing: the example is itself a test module; run it as its docstring says.


def test_testing_example_passes():
    result = run_python("-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:django", "testing.py", cwd=FASTAPI_EXAMPLES)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout


def test_testing_overrides_are_undone():
    module = load("testing.py")
    client = TestClient(module.app)
    module.app.dependency_overrides[module.greeting_word] = lambda: "Hej"
    assert client.get("/greet/Ada").json() == {"greeting": "Hej, Ada!"}
    module.app.dependency_overrides.clear()
    assert client.get("/greet/Ada").json() == {"greeting": "Hello, Ada!"}


# configuration


def settings_client(module) -> TestClient:
    module.get_settings.cache_clear()
    return TestClient(module.app)


def test_configuration_defaults(monkeypatch):
    for name in ("APP_ITEMS_PER_PAGE", "APP_DEBUG", "APP_SECRET_KEY"):
        monkeypatch.delenv(name, raising=False)
    module = load("configuration.py")
    assert settings_client(module).get("/settings").json() == {"items_per_page": 20, "debug": False}
    assert module.get_settings().secret_key == "dev-only-not-secret"


def test_configuration_environment_overrides_and_converts(monkeypatch):
    monkeypatch.setenv("APP_ITEMS_PER_PAGE", "50")
    monkeypatch.setenv("APP_DEBUG", "true")
    monkeypatch.setenv("APP_SECRET_KEY", "from-the-environment")
    module = load("configuration.py")
    assert settings_client(module).get("/settings").json() == {"items_per_page": 50, "debug": True}
    assert module.get_settings().items_per_page == 50  # an int, not "50"
    assert module.get_settings().secret_key == "from-the-environment"


def test_configuration_bad_value_fails_loudly(monkeypatch):
    from pydantic import ValidationError

    monkeypatch.setenv("APP_ITEMS_PER_PAGE", "many")
    module = load("configuration.py")
    with pytest.raises(ValidationError, match="items_per_page"):
        settings_client(module).get("/settings")


def test_configuration_read_once_and_replaceable_in_tests(monkeypatch):
    monkeypatch.delenv("APP_ITEMS_PER_PAGE", raising=False)
    module = load("configuration.py")
    client = settings_client(module)
    assert client.get("/settings").json()["items_per_page"] == 20
    monkeypatch.setenv("APP_ITEMS_PER_PAGE", "50")
    assert client.get("/settings").json()["items_per_page"] == 20  # lru_cache: read at the first request only
    module.app.dependency_overrides[module.get_settings] = lambda: module.Settings(items_per_page=7)
    assert client.get("/settings").json()["items_per_page"] == 7


# cli-command


def test_cli_command_output():
    cli = load("cli_command.py").cli
    runner = CliRunner()
    assert runner.invoke(cli, ["greet", "Ada"]).output == "Hello, Ada!\n"
    assert runner.invoke(cli, ["greet", "Ada", "--shout"]).output == "HELLO, ADA!\n"
    assert runner.invoke(cli, ["greet"]).exit_code == 2  # missing argument


def test_cli_command_runs_as_a_script():
    result = run_python("cli_command.py", "greet", "Ada", "--shout", cwd=FASTAPI_EXAMPLES)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "HELLO, ADA!\n"


def test_fastapi_cli_only_serves():
    result = run_python("-m", "fastapi", "--help", cwd=FASTAPI_EXAMPLES, env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert result.returncode == 0, result.stderr
    commands = [line.split()[1] for line in result.stdout.split("Commands")[1].splitlines() if line.startswith("│ ")]
    assert commands == ["dev", "run"]


# async-view


def test_async_view(monkeypatch):
    module = load("async_view.py")
    assert inspect.iscoroutinefunction(module.stock)
    threads = {}
    real_fetch = module.fetch_stock

    async def recording_fetch(product: str) -> int:
        threads["async def"] = threading.get_ident()
        return await real_fetch(product)

    def recording_sleep(seconds: float) -> None:
        threads["def"] = threading.get_ident()

    monkeypatch.setattr(module, "fetch_stock", recording_fetch)
    monkeypatch.setattr(module, "time", SimpleNamespace(sleep=recording_sleep))
    with TestClient(module.app) as client:
        assert client.get("/stock").json() == {"apple": 12, "pear": 7}
        assert client.get("/stock/blocking").json() == {"apple": 12, "pear": 7}
        loop_thread = client.portal.call(threading.get_ident)  # the thread that runs the event loop
    assert threads["async def"] == loop_thread  # awaited on the event loop
    assert threads["def"] != loop_thread  # run in the threadpool
