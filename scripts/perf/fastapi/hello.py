"""The smallest FastAPI app: what start-up time measures."""

from fastapi import FastAPI
from fastapi.responses import PlainTextResponse

app = FastAPI()


# async def, as the tutorial's first app is written: the endpoint does no blocking I/O.
@app.get("/", response_class=PlainTextResponse)
async def hello():
    return "Hello, World!"
