"""The dataset's collections: one folder of data/ each, with its model and how the site shows it.

Adding a collection is one line here plus its model; adding an entity is only a YAML file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from macros.models import Claim, Criterion, Framework, Record, Term, UseCase


@dataclass(frozen=True)
class Collection:
    """One folder of data/: the model of its files and the site section they become."""

    folder: str
    model: type[Record]
    noun: str
    title: str
    sort_key: Callable[[Any], str]
    single_page: bool = False
    """True: one page lists every entity under its own anchor (/glossary/#wsgi); False: a page each."""

    def __str__(self) -> str:
        return self.folder


FRAMEWORKS = Collection("frameworks", Framework, "framework", "Frameworks", lambda framework: framework.name.lower())
CRITERIA = Collection("criteria", Criterion, "criterion", "Criteria", lambda criterion: criterion.title.lower())
USE_CASES = Collection("use-cases", UseCase, "use case", "Use cases", lambda use_case: use_case.title.lower())
CLAIMS = Collection("claims", Claim, "claim", "Claims checked", lambda claim: claim.claim.lower(), single_page=True)
GLOSSARY = Collection("glossary", Term, "glossary term", "Glossary", lambda term: term.term.lower(), single_page=True)
COLLECTIONS = (FRAMEWORKS, CRITERIA, USE_CASES, CLAIMS, GLOSSARY)
BY_FOLDER = {collection.folder: collection for collection in COLLECTIONS}
