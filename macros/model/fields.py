"""Walks over the model's fields: every field of a record, and which hold plain text or Markdown.

Checks that look at every field (references, reviewer checks) or every text field (links in
Markdown, hostile-text tests) ask here, so a new field is covered the moment the model declares it.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from macros.model.models import Label

Kind = Literal["plain", "markdown"]
FieldPath = tuple[str | int, ...]
KINDS: dict[str, Kind] = {"one line of plain text": "plain", "Markdown": "markdown"}


def text_fields(model: type[BaseModel], data: dict[str, Any]) -> list[tuple[FieldPath, Kind]]:
    """Every plain-text and Markdown field present in one entity's data (parsed YAML or a model dump)."""
    return list(_walk(model, data, ()))


def record_fields(record: BaseModel, prefix: FieldPath = ()) -> Iterator[tuple[FieldPath, Any, Any]]:
    """Every field of a validated record and of the records nested in it: (path, annotation, value)."""
    for name, info in type(record).model_fields.items():
        value = getattr(record, name)
        path = (*prefix, name)
        yield path, info.annotation, value
        children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        for key, child in children:
            if isinstance(child, BaseModel):
                yield from record_fields(child, (*path, key))


def value_at(data: Any, path: FieldPath) -> Any:
    for part in path:
        data = data[part]
    return data


def _kind(metadata: Any) -> Kind | None:
    return next((KINDS[item.text] for item in metadata if isinstance(item, Label) and item.text in KINDS), None)


def strip_optional(annotation: Any) -> Any:
    """``X`` for ``X | None``; any other annotation as it is."""
    if get_origin(annotation) in (Union, UnionType):
        members = [arg for arg in get_args(annotation) if arg is not type(None)]
        return members[0] if len(members) == 1 else annotation
    return annotation


def _walk(annotation: Any, value: Any, path: FieldPath) -> Iterator[tuple[FieldPath, Kind]]:
    annotation = strip_optional(annotation)
    if get_origin(annotation) is Annotated:
        kind = _kind(annotation.__metadata__)
        if kind:
            yield path, kind
            return
        annotation = get_args(annotation)[0]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel) and isinstance(value, dict):
        for key, item in value.items():
            field = annotation.model_fields.get(key)
            if field is None or item is None:
                continue
            kind = _kind(field.metadata)
            if kind:
                yield (*path, key), kind
            else:
                yield from _walk(field.annotation, item, (*path, key))
    elif get_origin(annotation) is list and isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(get_args(annotation)[0], item, (*path, index))
    elif get_origin(annotation) is dict and isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(get_args(annotation)[1], item, (*path, key))
