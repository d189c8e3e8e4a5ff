"""An async view in Flask. Needs the async extra: pip install "flask[async]"."""

import asyncio

from flask import Flask

app = Flask(__name__)


STOCK = {"apple": 12, "pear": 7}


async def fetch_stock(product: str) -> int:
    await asyncio.sleep(0.01)  # stands in for an awaited HTTP or database call
    return STOCK[product]


# Flask starts an event loop in a thread for this request and runs the view to the end:
# the awaits overlap each other, but the request still ties up one WSGI worker.
@app.get("/stock")
async def stock():
    apples, pears = await asyncio.gather(fetch_stock("apple"), fetch_stock("pear"))
    return {"apple": apples, "pear": pears}
