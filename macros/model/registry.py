"""The dataset's collections: one folder of data/ each, with its model and how the site shows it.

Adding a collection is one line here plus its model; adding an entity is only a YAML file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from macros.model.models import (
    Change,
    Claim,
    Criterion,
    DecisionTree,
    Example,
    Framework,
    Measurement,
    Need,
    Record,
    Term,
    UseCase,
)


@dataclass(frozen=True)
class Collection:
    """One folder of data/: the model of its files and the site section they become."""

    folder: str
    model: type[Record]
    noun: str
    title: str
    sort_key: Callable[[Any], Any]
    single_page: bool = False
    """True: one page lists every entity under its own anchor (/glossary/#wsgi); False: a page each."""
    has_pages: bool = True
    """False for data shown only inside other pages (measurements appear on their criterion's page)."""
    search_boost: float = 1.0
    """Weight of the collection's pages in site search: the pages that answer a topic rank first."""
    description: str = ""
    """The section page's description, for search engines and link previews."""

    def __str__(self) -> str:
        return self.folder


FRAMEWORKS = Collection(
    "frameworks", Framework, "framework", "Frameworks", lambda framework: framework.name.lower(), search_boost=1.5,
    description="The frameworks compared on this site, with their scope, licence and current release.",
)
CRITERIA = Collection(
    "criteria", Criterion, "criterion", "Criteria", lambda criterion: criterion.title.lower(), search_boost=3.0,
    description="Every comparison criterion with each framework's rating and one-line verdict.",
)
USE_CASES = Collection(
    "use-cases", UseCase, "use case", "Use cases", lambda use_case: use_case.title.lower(), search_boost=2.0,
    description="Kinds of projects and how well each framework fits them.",
)
# Claims and the glossary touch every topic in passing; a lower weight keeps them below the pages that answer it.
CLAIMS = Collection(
    "claims", Claim, "claim", "Claims checked", lambda claim: claim.claim.lower(), single_page=True, search_boost=0.3,
    description=(
        "Claims that framework comparison articles repeat, checked against the official documentation: "
        "true, false, misleading or it depends."
    ),
)
GLOSSARY = Collection(
    "glossary", Term, "glossary term", "Glossary", lambda term: term.term.lower(), single_page=True, search_boost=0.3,
    description="Terms used when comparing Python web frameworks, from WSGI and ASGI to ORM, CSRF and migrations.",
)
DECISIONS = Collection(
    "decisions", DecisionTree, "decision tree", "Decision flowcharts", lambda tree: (not tree.master, tree.title.lower()),
    description=(
        "Decision flowcharts for choosing between the frameworks: questions about your project that end in "
        "a recommendation with its reasons."
    ),
)
MEASUREMENTS = Collection(
    "measurements", Measurement, "measurement", "Measurements", lambda measurement: measurement.id, has_pages=False,
)
EXAMPLES = Collection(
    "examples", Example, "code example", "Code examples", lambda example: example.title.lower(), search_boost=2.5,
    description="The same tasks written in each framework, side by side: real files from the repository, run by its tests.",
)
PACKAGES = Collection(
    "packages", Need, "need", "Packages by need", lambda need: need.title.lower(), single_page=True, search_boost=2.0,
    description=(
        "The maintained packages each framework uses for JWT auth, social login, admin, REST and OpenAPI, "
        "WebSockets, background jobs, CMS, forms and file storage, with versions and release dates."
    ),
)
CHANGES = Collection(
    "changes", Change, "change", "What changed", lambda change: (-change.changed.toordinal(), change.id), single_page=True,
    search_boost=0.2,
    description="Every change to an assessment, verdict, claim, version or source, newest first, with a link to the section.",
)
COLLECTIONS = (FRAMEWORKS, CRITERIA, USE_CASES, DECISIONS, EXAMPLES, PACKAGES, CLAIMS, GLOSSARY, CHANGES, MEASUREMENTS)
BY_FOLDER = {collection.folder: collection for collection in COLLECTIONS}
