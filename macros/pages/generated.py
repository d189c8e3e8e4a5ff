"""Which pages the dataset generates, where they live and where their edit links point."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from macros.dataset import Dataset
from macros.model.registry import COLLECTIONS, CRITERIA, DECISIONS, EXAMPLES, FRAMEWORKS, USE_CASES, Collection
from macros.paths import TEMPLATES_DIR
from macros.render import templates as render
from macros.render.templates import EditUrl


@dataclass(frozen=True)
class GeneratedPage:
    """One virtual Markdown page and the file a reader should edit to change it."""

    src_uri: str
    title: str
    markdown: str
    source: Path
    collection: Collection
    is_index: bool = False


ENTITY_RENDERERS: dict[Collection, Callable[[Any, Dataset], str]] = {
    FRAMEWORKS: render.framework_page, CRITERIA: render.criterion_page, USE_CASES: render.use_case_page,
    DECISIONS: render.decision_page, EXAMPLES: render.example_page,
}
CHOOSER = "chooser.md"


def generated_pages(dataset: Dataset, *, edit_url: EditUrl | None = None) -> Iterator[GeneratedPage]:
    """Every generated page: each section's index, then one page per entity, in display order.

    Single-page collections (claims, glossary) are all index: each entity is a section of it,
    with its own edit link when ``edit_url`` turns a file into a repository URL.
    """
    for collection in COLLECTIONS:
        if not collection.has_pages:
            continue
        yield GeneratedPage(
            src_uri=f"{collection.folder}/index.md",
            title=collection.title,
            markdown=render.section_index(collection, dataset, edit_url=edit_url),
            source=TEMPLATES_DIR / f"{collection.folder}-index.md.j2",
            collection=collection,
            is_index=True,
        )
        if collection.single_page:
            continue
        if collection is DECISIONS and dataset.decisions:
            yield GeneratedPage(
                src_uri=CHOOSER, title="Chooser", markdown=render.chooser_page(dataset),
                source=dataset.source_of(DECISIONS, dataset.decisions[0].id), collection=DECISIONS,
            )
        for entity in dataset.entities[collection]:
            yield GeneratedPage(
                src_uri=f"{collection.folder}/{entity.id}.md",
                title=getattr(entity, "title", None) or entity.name,
                markdown=ENTITY_RENDERERS[collection](entity, dataset),
                source=dataset.source_of(collection, entity.id),
                collection=collection,
            )


def expand_nav(nav: list[Any], pages: list[GeneratedPage]) -> list[Any]:
    """Replace each ``Title: <section>/index.md`` entry of mkdocs.yml's nav by the section's pages.

    With Material's ``navigation.indexes`` the index page becomes the section's own page.
    """
    sections = {page.src_uri: page.collection for page in pages if page.is_index}
    expanded: list[Any] = []
    for entry in nav:
        title, target = next(iter(entry.items())) if isinstance(entry, dict) else (None, entry)
        collection = sections.get(target) if isinstance(target, str) else None
        if collection is None:
            expanded.append(entry)
            continue
        children = [{page.title: page.src_uri} for page in pages if page.collection is collection and not page.is_index]
        expanded.append({title or target: [target, *children]} if children else entry)
    return expanded


def redirect_pages(dataset: Dataset) -> dict[str, str]:
    """A redirect page at each alias of a page-per-entity collection: old links land on the new page."""
    redirects = {}
    for collection in COLLECTIONS:
        if not collection.has_pages or collection.single_page:
            continue
        for entity in dataset.entities[collection]:
            for alias in getattr(entity, "aliases", []):
                redirects[f"{collection.folder}/{alias}/index.html"] = render.redirect_page(f"../{entity.id}/")
    return redirects
