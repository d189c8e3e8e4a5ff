"""The Flask app the performance script measures: TechEmpower's five test types on Flask-SQLAlchemy.

The database is the SQLite file the script seeds (tables world and fortune) and names in PERF_DB.
"""

import os
import random

from flask import Flask, render_template, request
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import Mapped, mapped_column

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{os.environ['PERF_DB']}"
db = SQLAlchemy(app)


class World(db.Model):
    __tablename__ = "world"
    id: Mapped[int] = mapped_column(primary_key=True)
    randomnumber: Mapped[int]


class Fortune(db.Model):
    __tablename__ = "fortune"
    id: Mapped[int] = mapped_column(primary_key=True)
    message: Mapped[str]


@app.get("/plaintext")
def plaintext():
    return "Hello, World!", {"Content-Type": "text/plain"}


@app.get("/json")
def json_serialization():
    return {"message": "Hello, World!"}


def random_world() -> dict[str, int]:
    world = db.session.get(World, random.randint(1, 10000))
    return {"id": world.id, "randomNumber": world.randomnumber}


@app.get("/db")
def single_query():
    return random_world()


@app.get("/queries")
def multiple_queries():
    count = min(max(request.args.get("queries", 1, type=int), 1), 500)
    return [random_world() for _ in range(count)]


@app.get("/fortunes")
def fortunes():
    rows = [(fortune.id, fortune.message) for fortune in db.session.scalars(db.select(Fortune))]
    rows.append((0, "Additional fortune added at request time."))
    rows.sort(key=lambda row: row[1])
    return render_template("fortunes.html", fortunes=rows)
