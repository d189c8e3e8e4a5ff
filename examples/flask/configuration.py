"""Flask configuration: defaults from a class, overrides from FLASK_* environment variables."""

from flask import Flask


class Config:
    SECRET_KEY = "dev-only-not-secret"  # set FLASK_SECRET_KEY in production
    ITEMS_PER_PAGE = 20


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_object(Config)  # copies the UPPERCASE attributes
    # FLASK_ITEMS_PER_PAGE=50 sets ITEMS_PER_PAGE to 50: values are parsed as JSON
    # where they can be, so this is an int; anything else stays a string.
    app.config.from_prefixed_env()
    app.config.update(test_config or {})

    @app.get("/settings")
    def show_settings():
        return {"items_per_page": app.config["ITEMS_PER_PAGE"], "debug": app.debug}

    return app
