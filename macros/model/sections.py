"""The citable sections of the site and a fingerprint of what each says.

A section is what readers cite: one framework's assessment on a criterion or a use case, a
criterion's or use case's own text, a claim, a glossary term, a framework's facts, a decision
tree's questions, an outcome, a code example, a package need, a measurement. Its fingerprint
covers everything the section publishes except review dates (a review that changes nothing is
not a change). ``macros.tools.changes`` compares fingerprints with the committed lock to find
content that changed without an entry in data/changes/.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from macros.model import addresses
from macros.model.dataset import Dataset
from macros.model.fields import FieldPath
from macros.model.registry import (
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

# Fields that name or find a section rather than say something in it.
NOT_CONTENT = {"reviewed", "aliases", "keywords", "related"}
# The anchor of the measurements on their criterion's page (docs/templates/partials/measurements.md.j2).
MEASURED_ANCHOR = "measured"


@dataclass(frozen=True)
class Section:
    """One citable section: its site link, its title as readers see it, where it is edited, and its fingerprint."""

    link: str
    title: str
    collection: Collection
    entity_id: str
    path: FieldPath
    fingerprint: str


def fingerprint(value: BaseModel, *, exclude: set[str] = frozenset()) -> str:  # type: ignore[assignment]
    """A short digest of what a record publishes, review dates and names aside."""
    published: Any = value.model_dump(mode="json", exclude=NOT_CONTENT | exclude)
    return hashlib.sha256(json.dumps(published, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]


def citable_sections(dataset: Dataset) -> list[Section]:
    """Every citable section of the dataset, in a stable order."""
    return list(_sections(dataset))


def _sections(dataset: Dataset) -> Iterator[Section]:
    names = {framework.id: framework.name for framework in dataset.frameworks}
    for framework in dataset.frameworks:
        yield Section(addresses.link(FRAMEWORKS, framework.id), framework.name, FRAMEWORKS, framework.id, (),
                      fingerprint(framework))
    for collection in (CRITERIA, USE_CASES):
        for entity in dataset.entities[collection]:
            yield Section(addresses.link(collection, entity.id), entity.title, collection, entity.id, (),
                          fingerprint(entity, exclude={"assessments"}))
            for framework_id, assessment in entity.assessments.items():
                yield Section(addresses.link(collection, entity.id, framework_id), f"{entity.title}: {names[framework_id]}",
                              collection, entity.id, ("assessments", framework_id), fingerprint(assessment))
    for tree in dataset.decisions:
        yield Section(addresses.link(DECISIONS, tree.id), tree.title, DECISIONS, tree.id, ("questions",),
                      fingerprint(tree, exclude={"outcomes", "master"}))
        for index, outcome in enumerate(tree.outcomes):
            yield Section(addresses.outcome_link(tree.id, outcome.id), f"{tree.title}: {outcome.title}", DECISIONS,
                          tree.id, ("outcomes", index), fingerprint(outcome))
    for collection, title in ((EXAMPLES, "title"), (PACKAGES, "title"), (CLAIMS, "claim"), (GLOSSARY, "term")):
        for entity in dataset.entities[collection]:
            yield Section(addresses.link(collection, entity.id), getattr(entity, title), collection, entity.id, (),
                          fingerprint(entity))
    for measurement in dataset.entities[MEASUREMENTS]:
        criterion = dataset.criterion(measurement.criterion)
        yield Section(addresses.link(CRITERIA, criterion.id, MEASURED_ANCHOR), f"{criterion.title}: measured",
                      MEASUREMENTS, measurement.id, (), fingerprint(measurement))
