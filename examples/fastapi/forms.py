"""Form validation in FastAPI: Form() reads the fields (python-multipart), Pydantic checks them.

No HTML, no CSRF: FastAPI renders no forms and ships no CSRF protection.
Run: fastapi dev forms.py
"""

from typing import Annotated

from fastapi import FastAPI, Form, status
from fastapi.responses import RedirectResponse
from pydantic import BaseModel, Field

app = FastAPI()


class Signup(BaseModel):
    username: str = Field(min_length=3, max_length=30)
    age: int = Field(ge=13)  # the form sends text; Pydantic converts it to an int


# Invalid fields never reach the function: FastAPI answers 422 with JSON errors per field.
@app.post("/signup")
def signup(form: Annotated[Signup, Form()]) -> RedirectResponse:
    url = app.url_path_for("welcome", username=form.username)
    # 303 makes the browser follow with a GET; RedirectResponse's default, 307, repeats the POST.
    return RedirectResponse(url, status_code=status.HTTP_303_SEE_OTHER)


@app.get("/welcome/{username}")
def welcome(username: str) -> dict[str, str]:
    return {"message": f"Welcome, {username}!"}
