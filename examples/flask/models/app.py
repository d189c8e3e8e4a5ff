"""A Flask-SQLAlchemy 3.1 model, a query and Flask-Migrate migrations.

Run from this folder: flask --app app db upgrade && flask --app app run
"""

import os
from pathlib import Path

from flask import Flask
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)
# An absolute path keeps `flask db ...` working from any current directory.
migrate = Migrate(directory=str(Path(__file__).with_name("migrations")))


class Article(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    published: Mapped[bool] = mapped_column(default=False)


def create_app(database_uri: str | None = None) -> Flask:
    app = Flask(__name__)
    # A relative SQLite path is created in the app's instance folder.
    app.config["SQLALCHEMY_DATABASE_URI"] = database_uri or os.environ.get("DATABASE_URL", "sqlite:///articles.db")
    db.init_app(app)
    migrate.init_app(app, db)

    @app.get("/articles")
    def published_articles():
        query = select(Article.title).where(Article.published).order_by(Article.title)
        return {"articles": db.session.scalars(query).all()}

    return app
