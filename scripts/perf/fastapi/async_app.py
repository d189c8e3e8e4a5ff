"""FastAPI with ``async def`` endpoints on the event loop; a SQLAlchemy AsyncSession (aiosqlite) per request."""

from typing import Annotated

from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, PlainTextResponse
from models import DATABASE, Fortune, World, WorldOut, query_count, random_id, sorted_fortunes, templates, world_out
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine

engine = create_async_engine(f"sqlite+aiosqlite:///{DATABASE}")


async def get_session():
    async with AsyncSession(engine) as session:
        yield session


SessionDep = Annotated[AsyncSession, Depends(get_session)]
app = FastAPI()


@app.get("/plaintext", response_class=PlainTextResponse)
async def plaintext():
    return "Hello, World!"


@app.get("/json")
async def json_serialization():
    return {"message": "Hello, World!"}


@app.get("/db")
async def single_query(session: SessionDep) -> WorldOut:
    return world_out(await session.get(World, random_id()))


@app.get("/queries")
async def multiple_queries(session: SessionDep, queries: int = 1) -> list[WorldOut]:
    return [world_out(await session.get(World, random_id())) for _ in range(query_count(queries))]


@app.get("/fortunes", response_class=HTMLResponse)
async def fortunes(request: Request, session: SessionDep):
    rows = sorted_fortunes(list(await session.scalars(select(Fortune))))
    return templates.TemplateResponse(request, "fortunes.html", {"fortunes": rows})
