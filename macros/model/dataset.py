"""The validated dataset as the renderers see it: every fact a page needs, loaded before rendering.

Renderers read nothing from disk and assume no convention: the example files, the versions they
were tested with, the master decision tree and the edit link of each file are all fields here,
filled by ``macros.pipeline``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from macros.model.models import Change, Claim, Criterion, DecisionTree, Example, Framework, Measurement, Need, Term, UseCase
from macros.model.registry import (
    CHANGES,
    CLAIMS,
    CRITERIA,
    DECISIONS,
    EXAMPLES,
    FRAMEWORKS,
    GLOSSARY,
    MEASUREMENTS,
    PACKAGES,
    USE_CASES,
    Collection,
)
from macros.text import fence


@dataclass(frozen=True)
class SourceFile:
    """One file of a code example, read and ready to show."""

    path: str
    language: str
    text: str

    @property
    def fence(self) -> str:
        """A backtick fence longer than any run of backticks in the file."""
        return fence(self.text)


@dataclass(frozen=True)
class EditLinks:
    """Where a data file is edited in the repository: MkDocs' ``edit_uri`` joined to the file's path.

    Paths are relative to the docs folder, as MkDocs writes them (``../data/claims/x.yaml``).
    """

    base: str | None
    docs_dir: Path

    def uri(self, path: Path) -> str:
        """The path MkDocs appends to ``repo_url`` + ``edit_uri`` for a page's own edit button."""
        return Path(os.path.relpath(path, self.docs_dir)).as_posix()

    def url(self, path: Path) -> str | None:
        """The full edit address, or None when the site has no repository configured."""
        return urljoin(self.base, self.uri(path)) if self.base else None


@dataclass
class Dataset:
    """The validated dataset: each collection's entities in display order, their files and derived facts."""

    data_dir: Path
    entities: dict[Collection, list[Any]] = field(default_factory=dict)
    files: dict[tuple[str, str], Path] = field(default_factory=dict)
    example_sources: dict[str, dict[str, list[SourceFile]]] = field(default_factory=dict)
    """Example id -> framework id -> the files shown, read from examples/ at load time."""
    tested_versions: dict[str, str] = field(default_factory=dict)
    """Framework id -> the release the code examples are tested with (requirements/examples.txt)."""
    edit_links: EditLinks | None = None
    site_url: str = ""
    """The published site's address (mkdocs.yml ``site_url``), for records read away from the site."""
    site_name: str = ""
    """The site's name (mkdocs.yml ``site_name``): the publication a citation names."""
    built: date = field(default_factory=date.today)
    """The day of the build: the date a downloaded decision record carries."""

    @property
    def frameworks(self) -> list[Framework]:
        return self.entities[FRAMEWORKS]

    @property
    def criteria(self) -> list[Criterion]:
        return self.entities[CRITERIA]

    @property
    def use_cases(self) -> list[UseCase]:
        return self.entities[USE_CASES]

    @property
    def claims(self) -> list[Claim]:
        return self.entities[CLAIMS]

    @property
    def glossary(self) -> list[Term]:
        return self.entities[GLOSSARY]

    @property
    def decisions(self) -> list[DecisionTree]:
        return self.entities[DECISIONS]

    @property
    def examples(self) -> list[Example]:
        return self.entities[EXAMPLES]

    @property
    def needs(self) -> list[Need]:
        return self.entities[PACKAGES]

    @property
    def changes(self) -> list[Change]:
        return self.entities[CHANGES]

    @property
    def master(self) -> DecisionTree | None:
        """The tree marked ``master: true`` (the checks ensure exactly one when there are trees): the chooser's."""
        return next((tree for tree in self.decisions if tree.master), None)

    def source_of(self, collection: Collection, entity_id: str) -> Path:
        """The YAML file an entity was read from."""
        return self.files[(collection.folder, entity_id)]

    def edit_url(self, collection: Collection, entity_id: str) -> str | None:
        """Where a reader edits one entity's file, or None when the site has no repository configured."""
        return self.edit_links.url(self.source_of(collection, entity_id)) if self.edit_links else None

    def get(self, collection: Collection, entity_id: str) -> Any:
        """One entity by id (ids are validated, so it exists)."""
        return next(entity for entity in self.entities[collection] if entity.id == entity_id)

    def criterion(self, criterion_id: str) -> Criterion:
        return self.get(CRITERIA, criterion_id)

    def use_case(self, use_case_id: str) -> UseCase:
        return self.get(USE_CASES, use_case_id)

    def examples_for(self, criterion_id: str) -> list[Example]:
        """Code examples that illustrate a criterion."""
        return [example for example in self.examples if criterion_id in example.criteria]

    def measurements_for(self, criterion_id: str) -> list[Measurement]:
        """Measured numbers that a criterion page shows."""
        return [measurement for measurement in self.entities[MEASUREMENTS] if measurement.criterion == criterion_id]

    def needs_for(self, *, criterion_id: str | None = None, use_case_id: str | None = None) -> list[Need]:
        """The package needs that list a criterion or a use case, for its page to link."""
        return [need for need in self.needs if criterion_id in need.criteria or use_case_id in need.use_cases]

    def claims_about(self, criterion_id: str) -> list[Claim]:
        """The checked claims that concern a criterion, for its page to link."""
        return [claim for claim in self.claims if criterion_id in claim.criteria]
