"""A SQLModel table and a query as FastAPI's SQL tutorial sets them up, and an Alembic migration.

Run from this folder: alembic upgrade head && fastapi dev app.py
"""

import os
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, FastAPI
from sqlmodel import Field, Session, SQLModel, create_engine, select


class Article(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)  # None until the database assigns it
    title: str = Field(max_length=200)
    published: bool = False


# One engine for the app; migrations/env.py reads the same DATABASE_URL.
DATABASE_URL = os.environ.get("DATABASE_URL", "sqlite:///articles.db")
# SQLite connections refuse other threads by default, and FastAPI runs sync code in a threadpool.
engine = create_engine(DATABASE_URL, connect_args={"check_same_thread": False})


def get_session() -> Iterator[Session]:
    with Session(engine) as session:  # one session per request, closed after the response
        yield session


SessionDep = Annotated[Session, Depends(get_session)]

app = FastAPI()


@app.get("/articles")
def published_articles(session: SessionDep) -> dict[str, list[str]]:
    query = select(Article.title).where(Article.published).order_by(Article.title)
    return {"articles": list(session.exec(query).all())}
