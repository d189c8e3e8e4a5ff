"""Files derived from the dataset model: editors' JSON Schemas and the contributors' field reference.

Both are committed so editors and readers of the repository can use them; ``python -m macros
generate --check`` (run by the tests) fails when one is out of date.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from macros.models import (
    Answer,
    Assessment,
    Dependency,
    Endpoint,
    Footprint,
    Label,
    Outcome,
    Package,
    Question,
    Rating,
    Release,
    Source,
    Throughput,
    UseCaseAssessment,
)
from macros.paths import FIELD_REFERENCE, ROOT, SCHEMA_DIR
from macros.registry import COLLECTIONS, Collection


def schema_path(collection: Collection) -> Path:
    return SCHEMA_DIR / f"{collection.noun.replace(' ', '-')}.schema.json"


def json_schema(collection: Collection) -> str:
    """The JSON Schema of one collection's files, as committed text."""
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **collection.model.model_json_schema(),
    }
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def field_reference() -> str:
    """The Markdown field reference: one table per model, in the order a contributor meets them."""
    lines = [
        "---",
        "render_macros: false",
        "---",
        "",
        "# Dataset field reference",
        "",
        "Generated from `macros/models.py` by `python -m macros generate`; do not edit by hand.",
        "Each file under `data/<folder>/` describes one entity, and its file name is its id.",
        "",
    ]
    models: list[tuple[str, type[BaseModel]]] = [
        (f"`data/{collection.folder}/<id>.yaml`: {collection.noun}", collection.model) for collection in COLLECTIONS
    ]
    models += [
        ("Assessment (criteria)", Assessment), ("Assessment (use cases)", UseCaseAssessment), ("Source", Source),
        ("Release (frameworks)", Release), ("Dependency (frameworks)", Dependency), ("Package (frameworks)", Package),
        ("Question (decision trees)", Question), ("Answer (decision trees)", Answer), ("Outcome (decision trees)", Outcome),
        ("Footprint (measurements)", Footprint), ("Endpoint (measurements)", Endpoint), ("Throughput (measurements)", Throughput),
    ]
    for heading, model in models:
        lines += [f"## {heading}", "", (model.__doc__ or "").strip(), ""]
        lines += ["| Field | Type | Required | Description |", "|---|---|---|---|"]
        for name, info in model.model_fields.items():
            required = "yes" if info.is_required() else "no"
            description = (info.description or "").replace("|", "\\|")
            lines.append(f"| `{name}` | {_type_name(info.annotation, info.metadata)} | {required} | {description} |")
        lines.append("")
    lines += ["## Rating scale", "", "| Rating | Meaning |", "|---|---|"]
    lines += [f"| `{rating.value}` | {rating.meaning} |" for rating in Rating]
    return "\n".join(lines) + "\n"


def _type_name(annotation: Any, metadata: list[Any] | None = None) -> str:
    """A contributor's name for a field type, from its Label or its structure."""
    if get_origin(annotation) is Annotated:
        return _type_name(get_args(annotation)[0], list(annotation.__metadata__))
    for item in metadata or []:
        if isinstance(item, Label):
            return item.text
    origin = get_origin(annotation)
    if origin is list:
        return f"list of {_type_name(get_args(annotation)[0])}"
    if origin is dict:
        key, value = get_args(annotation)
        return f"mapping of {_type_name(key)} to {_type_name(value)}"
    if origin in (Union, UnionType):
        return " or ".join(_type_name(arg) for arg in get_args(annotation) if arg is not type(None))
    if annotation is date:
        return "date (YYYY-MM-DD)"
    if annotation is Rating:
        return "rating: " + " / ".join(f"`{rating.value}`" for rating in Rating)
    return getattr(annotation, "__name__", str(annotation))


def derived_files() -> dict[Path, str]:
    """Every derived file and the text it should hold."""
    files = {schema_path(collection): json_schema(collection) for collection in COLLECTIONS}
    files[FIELD_REFERENCE] = field_reference()
    return files


def write_derived_files() -> list[Path]:
    """Write the derived files; return those that changed."""
    changed = []
    for path, text in derived_files().items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


def stale_derived_files() -> list[str]:
    """Derived files whose committed text differs from what the model gives now."""
    return [
        path.relative_to(ROOT).as_posix()
        for path, text in derived_files().items()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]
