"""FastAPI settings with pydantic-settings: typed defaults in a class, overrides from APP_* variables.

Run: APP_ITEMS_PER_PAGE=50 fastapi dev configuration.py
"""

from functools import lru_cache
from typing import Annotated

from fastapi import Depends, FastAPI
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    # APP_ITEMS_PER_PAGE=50 sets items_per_page to the int 50; APP_ITEMS_PER_PAGE=many raises a ValidationError.
    model_config = SettingsConfigDict(env_prefix="APP_")

    secret_key: str = "dev-only-not-secret"  # set APP_SECRET_KEY in production
    items_per_page: int = 20
    debug: bool = False


@lru_cache
def get_settings() -> Settings:
    return Settings()  # reads the environment once, at the first request


SettingsDep = Annotated[Settings, Depends(get_settings)]

app = FastAPI()


@app.get("/settings")
def show_settings(settings: SettingsDep) -> dict[str, int | bool]:
    return {"items_per_page": settings.items_per_page, "debug": settings.debug}
