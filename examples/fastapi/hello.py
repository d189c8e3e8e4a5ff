"""Hello world in FastAPI. Run: fastapi dev hello.py"""

from fastapi import FastAPI
from fastapi.responses import PlainTextResponse

app = FastAPI()


# FastAPI turns a returned value into JSON; response_class sends the string as text/plain instead.
@app.get("/", response_class=PlainTextResponse)
def hello() -> str:
    return "Hello, World!"
