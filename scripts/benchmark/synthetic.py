"""Synthetic datasets N times the size of the real one, for measuring how the build grows.

Copies are made from the real YAML files, so every copy is as long and as rich in Markdown,
code and links as real content. Only what must be unique changes: the id (file name), the
title the page and navigation show, the aliases (an alias may name one entity only) and a
glossary term's other names. References still point at the original entities, which exist in
every synthetic dataset, so the dataset stays valid and builds strictly.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from macros.model.registry import BY_FOLDER

# Collections multiplied, and the field each shows as its title. Frameworks stay at two (every
# criterion and use case assesses each one), decision trees and measurements stay as they are.
MULTIPLIED: dict[str, str] = {
    "criteria": "title",
    "use-cases": "title",
    "claims": "claim",
    "glossary": "term",
    "examples": "title",
}
# Glossary terms also match by their other names; copies must not steal the original's mentions.
RENAMED_LISTS = ("aka",)
SAME_PAGE_LINK = re.compile(r"\]\(#")


def multiply_dataset(source: Path, target: Path, factor: int) -> dict[str, int]:
    """Write ``source`` to ``target`` with ``factor`` times the entities of each multiplied collection.

    Returns the number of files per multiplied collection, for the report.
    """
    shutil.copytree(source, target)
    counts = {}
    for folder, title_field in MULTIPLIED.items():
        originals = sorted((target / folder).glob("*.yaml"))
        for copy_number in range(2, factor + 1):
            for original in originals:
                _write_copy(original, copy_number, title_field)
        counts[folder] = len(originals) * factor
    return counts


def _write_copy(original: Path, copy_number: int, title_field: str) -> None:
    """One renamed copy of an entity file beside it: ``<id>-copy<N>.yaml``."""
    data: dict[str, Any] = yaml.safe_load(original.read_text(encoding="utf-8"))
    suffix = f"copy{copy_number}"
    data["id"] = f"{data['id']}-{suffix}"
    # A suffix without parentheses: the glossary reads '(...)' at the end of a term as a qualifier.
    data[title_field] = f"{data[title_field]} copy {copy_number}"
    if data.get("aliases"):
        data["aliases"] = [f"{alias}-{suffix}" for alias in data["aliases"]]
    for field in RENAMED_LISTS:
        if data.get(field):
            data[field] = [f"{value} copy {copy_number}" for value in data[field]]
    folder = original.parent.name
    if not BY_FOLDER[folder].single_page:
        # Some sections exist only on the original's page (measurements belong to one criterion):
        # a copy links them there, so a strict build of the copy finds every anchor.
        original_page = f"](/{folder}/{original.stem}.md#"
        data = _map_strings(data, lambda text: SAME_PAGE_LINK.sub(lambda _: original_page, text))
    path = original.with_name(f"{data['id']}.yaml")
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000), encoding="utf-8")


def _map_strings(value: Any, change: Callable[[str], str]) -> Any:
    """``value`` with ``change`` applied to every string in it, however deeply nested."""
    if isinstance(value, str):
        return change(value)
    if isinstance(value, dict):
        return {key: _map_strings(child, change) for key, child in value.items()}
    if isinstance(value, list):
        return [_map_strings(child, change) for child in value]
    return value
