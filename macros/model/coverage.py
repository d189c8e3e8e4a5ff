"""Coverage: which framework is not yet assessed where. Gaps are allowed and shown, never filled in.

A criterion or use case without an entry for a framework, or a code example without its files,
is a gap. Pages say "not assessed yet" there (never a rating), and ``python -m macros coverage``
lists every gap so contributors can see what is left; the build does not fail on them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from macros.model.dataset import Dataset
from macros.model.models import Framework
from macros.model.registry import CRITERIA, EXAMPLES, USE_CASES, Collection

NOT_ASSESSED = "not assessed yet"
"""What every page, export and description says where a framework has no entry: words, never a rating."""

COVERED: tuple[Collection, ...] = (CRITERIA, USE_CASES, EXAMPLES)
"""The collections in which every framework is expected to appear, in the order they are reported."""


@dataclass(frozen=True)
class Gap:
    """One framework missing from one entity."""

    collection: Collection
    entity_id: str
    framework: Framework
    file: Path

    @property
    def field(self) -> str:
        return "files" if self.collection is EXAMPLES else "assessments"

    @property
    def anchor(self) -> str:
        """Where the gap is explained: the framework's section of the page; an example page says it once, at the end."""
        return "" if self.collection is EXAMPLES else self.framework.id

    def __str__(self) -> str:
        return f"{self.file}: {self.field}.{self.framework.id}: {NOT_ASSESSED}"


def covered_ids(collection: Collection, entity: object) -> set[str]:
    """The framework ids an entity of a covered collection speaks for."""
    return set(entity.files if collection is EXAMPLES else entity.assessments)  # type: ignore[attr-defined]


def gaps(dataset: Dataset) -> list[Gap]:
    """Every gap, collection by collection, in display order."""
    return [
        Gap(collection, entity.id, framework, dataset.source_of(collection, entity.id))
        for collection in COVERED
        for entity in dataset.entities[collection]
        for framework in dataset.frameworks
        if framework.id not in covered_ids(collection, entity)
    ]


@dataclass(frozen=True)
class Coverage:
    """How many entities of one covered collection a framework is assessed on."""

    collection: Collection
    assessed: int
    total: int
    missing: list[Gap]


def coverage(dataset: Dataset) -> dict[str, list[Coverage]]:
    """Each framework's coverage (by id), collection by collection, from one pass over the gaps."""
    found = gaps(dataset)
    result: dict[str, list[Coverage]] = {}
    for framework in dataset.frameworks:
        result[framework.id] = []
        for collection in COVERED:
            missing = [gap for gap in found if gap.framework.id == framework.id and gap.collection is collection]
            total = len(dataset.entities[collection])
            result[framework.id].append(Coverage(collection, total - len(missing), total, missing))
    return result


def summary(dataset: Dataset) -> list[str]:
    """One line per framework: on how many entities of each covered collection it is assessed."""
    lines = []
    by_framework = coverage(dataset)
    for framework in dataset.frameworks:
        counts = by_framework[framework.id]
        missing = sum(len(count.missing) for count in counts)
        lines.append(f"{framework.name}: " + ", ".join(f"{c.collection.folder} {c.assessed}/{c.total}" for c in counts)
                     + (f" ({missing} {NOT_ASSESSED})" if missing else " (complete)"))
    return lines
