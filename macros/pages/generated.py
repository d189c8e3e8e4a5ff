"""Which pages the dataset generates: a small stub per page whose body is one macro call.

Each generated page is a virtual file holding its front matter and a call such as
``<!--{{ criterion_page("async") }}-->``; mkdocs-macros runs the call (``macros.site_macros``)
and the macro returns the body rendered here, once per build. Validation reads the same bodies
(``macros.checks.site_links``), so what is checked is what is published.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from macros.model import addresses
from macros.model.dataset import Dataset
from macros.model.models import DecisionTree
from macros.model.registry import COLLECTIONS, CRITERIA, DECISIONS, EXAMPLES, FRAMEWORKS, USE_CASES, Collection
from macros.paths import TEMPLATES_DIR
from macros.render import templates as render

# Key under which the hooks keep the build's Site on MkDocs' config, for the macros to read.
CONFIG_KEY = "dataset_site"


def _summary(entity: Any, dataset: Dataset) -> str:
    return entity.summary


@dataclass(frozen=True)
class PageKind:
    """How a page-per-entity collection's pages are made: the macro their stubs call, its renderer, their description."""

    macro: str
    render: Callable[[Any, Dataset], str]
    describe: Callable[[Any, Dataset], str] = _summary


ENTITY_PAGES: dict[Collection, PageKind] = {
    FRAMEWORKS: PageKind("framework_page", render.framework_page),
    CRITERIA: PageKind("criterion_page", render.criterion_page, render.verdicts_description),
    USE_CASES: PageKind("use_case_page", render.use_case_page, render.verdicts_description),
    DECISIONS: PageKind("decision_page", render.decision_page),
    EXAMPLES: PageKind("example_page", render.example_page),
}
OUTCOME_MACRO = "outcome_page"


@dataclass(frozen=True)
class GeneratedPage:
    """One virtual page: its stub (front matter and a macro call), its rendered body and the file to edit."""

    src_uri: str
    title: str
    source: Path
    collection: Collection
    meta: dict[str, Any]
    call: str
    body: str
    is_index: bool = False
    """Only section indexes are in the navigation: a section's pages are listed on its index, so a
    page's navigation does not grow with the dataset (each page's HTML listing its whole section
    made building n pages cost n x n). ``macros/pages/navigation.py`` marks a page's section."""
    keywords: dict[str, list[str]] = field(default_factory=dict)
    """Anchor ('' for the page itself) -> words readers search for that the text may not use."""

    @property
    def search_keywords(self) -> dict[str, list[str]]:
        """The keywords by search-index location: 'criteria/admin/', 'glossary/#wsgi'."""
        page = addresses.url(self.src_uri).lstrip("/")
        return {page + (f"#{anchor}" if anchor else ""): words for anchor, words in self.keywords.items() if words}

    @property
    def stub(self) -> str:
        """The virtual file MkDocs reads; macro rendering is switched on for it alone."""
        front_matter = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in self.meta.items())
        return f"---\nrender_macros: true\n{front_matter}---\n\n<!--{{{{ {self.call} }}}}-->\n"


@dataclass
class Site:
    """The validated dataset and every page generated from it, each rendered once."""

    dataset: Dataset
    pages: list[GeneratedPage] = field(init=False)

    def __post_init__(self) -> None:
        self.pages = list(_generated_pages(self.dataset))
        self._by_call = {page.call: page for page in self.pages}

    def body(self, call: str) -> str:
        """The body of the page whose stub makes ``call`` (hand-written pages may make the same calls)."""
        return self._by_call[call].body


def call(name: str, *arguments: str) -> str:
    """A macro call with string arguments (ids are slugs; JSON strings are Jinja string literals)."""
    return f"{name}({', '.join(json.dumps(argument) for argument in arguments)})"


def _meta(collection: Collection, description: str) -> dict[str, Any]:
    meta: dict[str, Any] = {"description": description}
    if collection.search_boost != 1.0:
        meta["search"] = {"boost": collection.search_boost}
    return meta


def _keywords(entity: Any) -> list[str]:
    """What readers may type for an entity: its keywords, or a glossary term's other names."""
    return [*getattr(entity, "keywords", []), *getattr(entity, "aka", [])]


def _generated_pages(dataset: Dataset) -> list[GeneratedPage]:
    """Each section's index, then one page per entity in display order (single-page collections: index only)."""
    pages = []
    for collection in COLLECTIONS:
        if not collection.has_pages:
            continue
        index_call = call("section_index", collection.folder)
        pages.append(GeneratedPage(
            src_uri=addresses.index_uri(collection), title=collection.title,
            source=TEMPLATES_DIR / f"{collection.folder}-index.md.j2", collection=collection,
            meta=_meta(collection, collection.description) if collection.single_page else {"description": collection.description},
            call=index_call, body=render.section_index(collection, dataset), is_index=True,
            keywords={entity.id: _keywords(entity) for entity in dataset.entities[collection]} if collection.single_page else {},
        ))
        if collection.single_page:
            continue
        kind = ENTITY_PAGES[collection]
        for entity in dataset.entities[collection]:
            title = getattr(entity, "title", None) or entity.name
            pages.append(GeneratedPage(
                src_uri=addresses.src_uri(collection, entity.id), title=title,
                source=dataset.source_of(collection, entity.id), collection=collection,
                # Not in the navigation, so the page's title must come from its front matter.
                meta={"title": title, **_meta(collection, kind.describe(entity, dataset))},
                call=call(kind.macro, entity.id), body=kind.render(entity, dataset), keywords={"": _keywords(entity)},
            ))
    return pages + [page for tree in dataset.decisions for page in _outcome_pages(tree, dataset)]


def _outcome_pages(tree: DecisionTree, dataset: Dataset) -> list[GeneratedPage]:
    """One page per outcome of a tree, below the tree's page, edited in the tree's file."""
    pages = []
    for outcome in tree.outcomes:
        title = f"{outcome.title} ({tree.title})"
        pages.append(GeneratedPage(
            src_uri=addresses.outcome_uri(tree.id, outcome.id), title=title,
            source=dataset.source_of(DECISIONS, tree.id), collection=DECISIONS,
            meta={"title": title, "description": outcome.summary}, call=call(OUTCOME_MACRO, tree.id, outcome.id),
            body=render.outcome_page(tree, outcome, dataset),
        ))
    return pages


def former_pages(dataset: Dataset) -> dict[str, str]:
    """Each page folder an old id published (``criteria/old-id``) -> its entity's folder now.

    Entity aliases, and outcome pages under a tree's old id and under an outcome's old id.
    """
    moved = {
        addresses.page_folder(collection, alias): addresses.page_folder(collection, entity.id)
        for collection in COLLECTIONS if collection.has_pages and not collection.single_page
        for entity in dataset.entities[collection]
        for alias in getattr(entity, "aliases", [])
    }
    moved |= {
        addresses.outcome_folder(tree_id, outcome_id): addresses.outcome_folder(tree.id, outcome.id)
        for tree in dataset.decisions for outcome in tree.outcomes
        for tree_id in (tree.id, *tree.aliases) for outcome_id in (outcome.id, *outcome.aliases)
        if (tree_id, outcome_id) != (tree.id, outcome.id)
    }
    return moved


def redirect_pages(dataset: Dataset) -> dict[str, str]:
    """A redirect page at each old address (``former_pages``), and at the former chooser page.

    Redirects keep the query and the anchor, so a shared chooser result still opens its answers.
    """
    redirects = {
        f"{old}/index.html": render.redirect_page(posixpath.relpath(new, old) + "/")
        for old, new in former_pages(dataset).items()
    }
    if dataset.master:
        redirects[addresses.CHOOSER_REDIRECT] = render.redirect_page(f"..{addresses.entity_url(DECISIONS, dataset.master.id)}")
    return redirects
