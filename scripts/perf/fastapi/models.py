"""What the two FastAPI apps share: the tables, the response model and the fortunes template."""

import os
import random
from pathlib import Path

from fastapi.templating import Jinja2Templates
from pydantic import BaseModel
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

DATABASE = os.environ["PERF_DB"]  # the SQLite file the script seeds
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")


class Base(DeclarativeBase):
    pass


class World(Base):
    __tablename__ = "world"
    id: Mapped[int] = mapped_column(primary_key=True)
    randomnumber: Mapped[int]


class Fortune(Base):
    __tablename__ = "fortune"
    id: Mapped[int] = mapped_column(primary_key=True)
    message: Mapped[str]


class WorldOut(BaseModel):
    """The JSON object the db and queries endpoints return, as in the other frameworks' apps."""

    id: int
    randomNumber: int  # noqa: N815 - TechEmpower's field name


def random_id() -> int:
    return random.randint(1, 10000)


def query_count(queries: int) -> int:
    """TechEmpower's rule for the queries parameter: at least 1, at most 500."""
    return min(max(queries, 1), 500)


def world_out(world: World) -> WorldOut:
    return WorldOut(id=world.id, randomNumber=world.randomnumber)


def sorted_fortunes(fortunes: list[Fortune]) -> list[tuple[int, str]]:
    rows = [(fortune.id, fortune.message) for fortune in fortunes]
    rows.append((0, "Additional fortune added at request time."))
    return sorted(rows, key=lambda row: row[1])
