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
NOT_CONTENT = frozenset({"reviewed", "aliases", "keywords", "related"})
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
    aliases: tuple[str, ...] = ()
    """The links the section had under its entity's (or framework's) former ids: old change entries still name it."""


def fingerprint(value: BaseModel, *, exclude: frozenset[str] = frozenset()) -> str:
    """A short digest of what a record publishes, review dates and names aside."""
    published: Any = value.model_dump(mode="json", exclude=NOT_CONTENT | exclude)
    return hashlib.sha256(json.dumps(published, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]


def citable_sections(dataset: Dataset) -> list[Section]:
    """Every citable section of the dataset, in a stable order."""
    return list(_sections(dataset))


def _ids(entity: Any) -> list[str]:
    """An entity's id and its former ids, current first."""
    return [entity.id, *getattr(entity, "aliases", [])]


def _sections(dataset: Dataset) -> Iterator[Section]:
    frameworks = {framework.id: framework for framework in dataset.frameworks}
    for framework in dataset.frameworks:
        yield Section(addresses.link(FRAMEWORKS, framework.id), framework.name, FRAMEWORKS, framework.id, (),
                      fingerprint(framework), tuple(addresses.link(FRAMEWORKS, old) for old in framework.aliases))
    for collection in (CRITERIA, USE_CASES):
        for entity in dataset.entities[collection]:
            yield Section(addresses.link(collection, entity.id), entity.title, collection, entity.id, (),
                          fingerprint(entity, exclude=frozenset({"assessments"})),
                          tuple(addresses.link(collection, old) for old in entity.aliases))
            for framework_id, assessment in entity.assessments.items():
                links = [addresses.link(collection, page, anchor)
                         for page in _ids(entity) for anchor in _ids(frameworks[framework_id])]
                yield Section(links[0], f"{entity.title}: {frameworks[framework_id].name}", collection, entity.id,
                              ("assessments", framework_id), fingerprint(assessment), tuple(links[1:]))
    for tree in dataset.decisions:
        yield Section(addresses.link(DECISIONS, tree.id), tree.title, DECISIONS, tree.id, ("questions",),
                      fingerprint(tree, exclude=frozenset({"outcomes", "master"})),
                      tuple(addresses.link(DECISIONS, old) for old in tree.aliases))
        for index, outcome in enumerate(tree.outcomes):
            links = [addresses.outcome_link(tree_id, outcome_id) for tree_id in _ids(tree) for outcome_id in _ids(outcome)]
            yield Section(links[0], f"{tree.title}: {outcome.title}", DECISIONS, tree.id, ("outcomes", index),
                          fingerprint(outcome), tuple(links[1:]))
    for collection, title in ((EXAMPLES, "title"), (PACKAGES, "title"), (CLAIMS, "claim"), (GLOSSARY, "term")):
        for entity in dataset.entities[collection]:
            yield Section(addresses.link(collection, entity.id), getattr(entity, title), collection, entity.id, (),
                          fingerprint(entity), tuple(addresses.link(collection, old) for old in entity.aliases))
    for measurement in dataset.entities[MEASUREMENTS]:
        criterion = dataset.criterion(measurement.criterion)
        links = [addresses.link(CRITERIA, page, MEASURED_ANCHOR) for page in _ids(criterion)]
        yield Section(links[0], f"{criterion.title}: measured", MEASUREMENTS, measurement.id, (),
                      fingerprint(measurement), tuple(links[1:]))


def current_links(dataset: Dataset) -> dict[str, Section]:
    """Every link a change entry may use for a section now published, former ids included, to that section."""
    sections = citable_sections(dataset)
    former = {link: section for section in sections for link in section.aliases}
    return former | {section.link: section for section in sections}
