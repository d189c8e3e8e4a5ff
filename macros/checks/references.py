"""Cross-file checks: every id a file names exists (links in text are checked on the rendered pages, in site_links).

Which fields hold references is declared once, in the model, with ``References``
metadata; this module reads those declarations, so a new reference field needs no code here.
"""

from __future__ import annotations

from typing import Annotated, Any, get_args, get_origin

from macros.checks.located import Located
from macros.load.yamlsource import Path_, dotted
from macros.model.fields import record_fields
from macros.model.models import References
from macros.model.registry import BY_FOLDER
from macros.problems import Problem, did_you_mean, quoted_list


def reference_problems(item: Located, known: dict[str, list[str]]) -> list[Problem]:
    """Every problem with the references of one loaded file; ``known`` maps folders to their ids."""
    return [
        problem
        for path, annotation, value in record_fields(item.entity)
        for problem in _field_problems(item, path, annotation, value, known)
    ]


def _marker(annotation: Any) -> References | None:
    if get_origin(annotation) is Annotated:
        return next((meta for meta in annotation.__metadata__ if isinstance(meta, References)), None)
    return None


def _field_problems(item: Located, name: Path_, annotation: Any, value: Any, known: dict[str, list[str]]) -> list[Problem]:
    origin = get_origin(annotation)
    if origin not in (list, dict) or (not value and origin is list):
        return []
    marker = _marker(get_args(annotation)[0])
    if marker is None:
        return []
    entries: list[tuple[Path_, str]] = (
        [((*name, index), entry) for index, entry in enumerate(value)] if origin is list
        else [((*name, key), key) for key in value]
    )
    ids = known[marker.folder]
    noun = BY_FOLDER[marker.folder].noun
    problems = [
        Problem(
            item.display, item.document.line_of(path), dotted(path),
            f"the id of a {noun} in data/{marker.folder}/", f"'{entry}'",
            did_you_mean(entry, ids, otherwise=_known(ids, marker.folder)),
        )
        for path, entry in entries if entry not in ids
    ]
    return problems


def _known(ids: list[str], folder: str) -> str:
    return f"known ids: {quoted_list(ids)}" if ids else f"data/{folder}/ has no files yet"

