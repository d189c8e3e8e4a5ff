"""An async endpoint in FastAPI, beside a plain def one. Run: fastapi dev async_view.py"""

import asyncio
import time

from fastapi import FastAPI

app = FastAPI()


STOCK = {"apple": 12, "pear": 7}


async def fetch_stock(product: str) -> int:
    await asyncio.sleep(0.01)  # stands in for an awaited HTTP or database call
    return STOCK[product]


# An async def endpoint runs on the server's event loop: while it awaits, the same
# process serves other requests. A blocking call in here would stall all of them.
@app.get("/stock")
async def stock() -> dict[str, int]:
    apples, pears = await asyncio.gather(fetch_stock("apple"), fetch_stock("pear"))
    return {"apple": apples, "pear": pears}


# A plain def endpoint is run in a threadpool, so blocking code is safe here.
@app.get("/stock/blocking")
def stock_blocking() -> dict[str, int]:
    time.sleep(0.01)  # stands in for a blocking call, such as a sync database driver
    return STOCK
