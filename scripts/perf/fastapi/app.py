"""The FastAPI app the performance script measures: hello world and a database-backed JSON list.

The database layer is SQLAlchemy 2's ORM on SQLite, set up as FastAPI's SQL tutorial sets up its
engine and a session per request (the tutorial uses SQLModel, which wraps the same SQLAlchemy calls).
"""

import os
from typing import Annotated

from fastapi import Depends, FastAPI
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel, ConfigDict
from sqlalchemy import create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

# check_same_thread off, as in the tutorial: FastAPI runs `def` endpoints in a thread pool.
engine = create_engine(
    f"sqlite:///{os.environ.get('PERF_DB', 'perf-fastapi.sqlite3')}", connect_args={"check_same_thread": False},
)


class Base(DeclarativeBase):
    pass


class Item(Base):
    __tablename__ = "item"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    price: Mapped[int]


class ItemOut(BaseModel):
    """What /items returns per row: the same JSON object as the other frameworks' apps."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    price: int


def get_session():
    with Session(engine) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]

app = FastAPI()


# async def, as the tutorial's first app is written: the endpoint does no blocking I/O, so it runs
# on the event loop rather than in the thread pool.
@app.get("/hello", response_class=PlainTextResponse)
async def hello():
    return "Hello, world!"


# Plain def, as in the SQL tutorial: the SQLAlchemy session blocks, so FastAPI runs it in its thread pool.
@app.get("/items", response_model=list[ItemOut])
def items(session: SessionDep):
    return session.scalars(select(Item).order_by(Item.id).limit(20)).all()


def seed(count: int = 100) -> None:
    """Create the table and ``count`` rows, the same rows as the other frameworks' apps."""
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        session.add_all(Item(name=f"item {n}", price=n * 10) for n in range(count))
        session.commit()
