"""A login-protected endpoint in FastAPI: the OAuth2 password flow with a signed JWT, as in the
docs' security tutorial (PyJWT for tokens, pwdlib with Argon2 for password hashes).

Run: fastapi dev login_required.py, then use "Authorize" on /docs.
"""

import os
from datetime import UTC, datetime, timedelta
from typing import Annotated

import jwt
from fastapi import Depends, FastAPI, HTTPException, status
from fastapi.security import OAuth2PasswordBearer, OAuth2PasswordRequestForm
from pwdlib import PasswordHash
from pydantic import BaseModel

SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret-set-SECRET_KEY-in-production")  # signs tokens
ALGORITHM = "HS256"
password_hash = PasswordHash.recommended()  # Argon2

# FastAPI has no user model or storage: this dict stands in for a users table.
USERS = {"ada": password_hash.hash("correct horse")}
DUMMY_HASH = password_hash.hash("not a password")

# Reads "Authorization: Bearer <token>"; without that header it answers 401 before the endpoint runs.
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")
app = FastAPI()


class Token(BaseModel):
    access_token: str
    token_type: str = "bearer"


def unauthorized(detail: str) -> HTTPException:
    return HTTPException(status.HTTP_401_UNAUTHORIZED, detail, headers={"WWW-Authenticate": "Bearer"})


# The login endpoint: form fields username and password in, a token that expires in 30 minutes out.
@app.post("/token")
def login(form: Annotated[OAuth2PasswordRequestForm, Depends()]) -> Token:
    # Unknown names are checked against a dummy hash too, so the answer takes as long as for real ones.
    stored_hash = USERS.get(form.username, DUMMY_HASH)
    if not password_hash.verify(form.password, stored_hash) or form.username not in USERS:
        raise unauthorized("Incorrect username or password")
    claims = {"sub": form.username, "exp": datetime.now(UTC) + timedelta(minutes=30)}
    return Token(access_token=jwt.encode(claims, SECRET_KEY, algorithm=ALGORITHM))


def current_user(token: Annotated[str, Depends(oauth2_scheme)]) -> str:
    try:
        username = jwt.decode(token, SECRET_KEY, algorithms=[ALGORITHM])["sub"]  # checks signature and expiry
    except (jwt.InvalidTokenError, KeyError):
        raise unauthorized("Could not validate credentials") from None
    if username not in USERS:
        raise unauthorized("Could not validate credentials")
    return username


CurrentUser = Annotated[str, Depends(current_user)]


@app.get("/dashboard")
def dashboard(user: CurrentUser) -> dict[str, str]:
    return {"user": user}
