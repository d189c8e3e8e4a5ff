"""The record every check reads: a validated entity and the file and document it came from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from macros.load.folder import Source
from macros.load.yamlsource import Path_, YamlDocument, dotted
from macros.model.registry import Collection
from macros.problems import Problem


@dataclass(frozen=True)
class Located:
    """A validated entity with its source, so every problem found in it names file, line and field."""

    entity: Any
    source: Source

    @property
    def collection(self) -> Collection:
        return self.source.collection

    @property
    def path(self) -> Path:
        return self.source.path

    @property
    def display(self) -> str:
        return self.source.display

    @property
    def document(self) -> YamlDocument:
        return self.source.document

    def problem(self, path: Path_, expected: str, found: str, hint: str = "") -> Problem:
        """A problem at the line of field ``path`` of this file."""
        return Problem(self.display, self.document.line_of(path), dotted(path), expected, found, hint)
