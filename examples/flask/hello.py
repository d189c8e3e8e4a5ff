"""Hello world in Flask. Run: flask --app hello run"""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello():
    return "Hello, World!"
