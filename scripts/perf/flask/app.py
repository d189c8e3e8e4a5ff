"""The Flask app the performance script measures: hello world and a database-backed JSON list."""

import os

from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import Mapped, mapped_column

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{os.environ.get('PERF_DB', 'perf-flask.sqlite3')}"
db = SQLAlchemy(app)


class Item(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    price: Mapped[int]


@app.get("/hello")
def hello():
    return "Hello, world!"


@app.get("/items")
def items():
    rows = db.session.execute(db.select(Item).order_by(Item.id).limit(20)).scalars()
    return [{"id": row.id, "name": row.name, "price": row.price} for row in rows]


def seed(count: int = 100) -> None:
    with app.app_context():
        db.create_all()
        db.session.add_all(Item(name=f"item {n}", price=n * 10) for n in range(count))
        db.session.commit()
