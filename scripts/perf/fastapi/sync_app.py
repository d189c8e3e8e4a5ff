"""FastAPI with plain ``def`` endpoints, which FastAPI runs in its thread pool; a SQLAlchemy Session per request.

Set up as FastAPI's SQL tutorial sets up its engine and session dependency (the tutorial uses
SQLModel, which wraps the same SQLAlchemy calls).
"""

from typing import Annotated

from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, PlainTextResponse
from models import DATABASE, Fortune, World, WorldOut, query_count, random_id, sorted_fortunes, templates, world_out
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

# check_same_thread off, as in the tutorial: the thread pool runs requests on several threads.
engine = create_engine(f"sqlite:///{DATABASE}", connect_args={"check_same_thread": False})


def get_session():
    with Session(engine) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]
app = FastAPI()


@app.get("/plaintext", response_class=PlainTextResponse)
def plaintext():
    return "Hello, World!"


@app.get("/json")
def json_serialization():
    return {"message": "Hello, World!"}


@app.get("/db")
def single_query(session: SessionDep) -> WorldOut:
    return world_out(session.get(World, random_id()))


@app.get("/queries")
def multiple_queries(session: SessionDep, queries: int = 1) -> list[WorldOut]:
    return [world_out(session.get(World, random_id())) for _ in range(query_count(queries))]


@app.get("/fortunes", response_class=HTMLResponse)
def fortunes(request: Request, session: SessionDep):
    rows = sorted_fortunes(list(session.scalars(select(Fortune))))
    return templates.TemplateResponse(request, "fortunes.html", {"fortunes": rows})
