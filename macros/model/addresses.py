"""Every address and anchor the site derives from a dataset id: the one place that spells them.

Three forms of one address: the generated file's ``src_uri`` (``criteria/admin.md``), the
Markdown link target that MkDocs validates and rewrites (``/criteria/admin.md#django``), and the
published address a reader pastes (``/criteria/admin/#django``). Entities of single-page
collections (claims, glossary) are anchors of their section's page. Renaming an id changes all
three together; an alias keeps the old ones working (``page_folder`` redirects, ``alias_anchors``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from macros.model.registry import DECISIONS, Collection

# The chooser's own page until decision pages gained the walk-through; it now forwards to the master tree.
CHOOSER_REDIRECT = "chooser/index.html"
# A site-absolute link to a generated page as written in Markdown fields: /criteria/admin.md#flask
# (one page per entity) or /glossary/index.md#wsgi (one page for a whole collection).
SITE_LINK = re.compile(r"^/(?P<folder>[a-z-]+)/(?P<page>[^/#]+)\.md(?:#(?P<anchor>[^/]*))?$")


def index_uri(collection: Collection) -> str:
    """The section's own page: ``criteria/index.md``."""
    return f"{collection.folder}/index.md"


def src_uri(collection: Collection, entity_id: str) -> str:
    """The generated file an entity is shown in: its own page, or its section's page."""
    return index_uri(collection) if collection.single_page else f"{collection.folder}/{entity_id}.md"


def link(collection: Collection, entity_id: str, anchor: str = "") -> str:
    """A Markdown link target: ``/criteria/admin.md``, ``/criteria/admin.md#flask``, ``/glossary/index.md#wsgi``."""
    if collection.single_page:
        return f"/{index_uri(collection)}#{entity_id}"
    return f"/{src_uri(collection, entity_id)}" + (f"#{anchor}" if anchor else "")


def url(src: str) -> str:
    """The published address of a generated file (MkDocs' directory URLs): ``criteria/admin.md`` -> ``/criteria/admin/``."""
    stem = src.removesuffix(".md")
    return "/" if stem == "index" else "/" + stem.removesuffix("index").rstrip("/") + "/"


def entity_url(collection: Collection, entity_id: str) -> str:
    """Where a reader finds an entity: ``/criteria/admin/`` or ``/glossary/#wsgi``."""
    page = url(src_uri(collection, entity_id))
    return f"{page}#{entity_id}" if collection.single_page else page


def outcome_uri(tree_id: str, outcome_id: str) -> str:
    """An outcome's own page, below its tree's: ``decisions/which-framework/django.md``."""
    return f"{outcomes_folder(tree_id)}/{outcome_id}.md"


def outcomes_folder(tree_id: str) -> str:
    """The folder that holds a tree's outcome pages: ``decisions/which-framework``."""
    return f"{DECISIONS.folder}/{tree_id}"


def outcome_from_tree(outcome_id: str) -> str:
    """An outcome page's address relative to its tree's page (``/decisions/t/`` -> ``/decisions/t/django/``)."""
    return f"{outcome_id}/"


def outcome_link(tree_id: str, outcome_id: str) -> str:
    """Markdown link target of an outcome page: ``/decisions/which-framework/django.md``."""
    return f"/{outcome_uri(tree_id, outcome_id)}"


def outcome_folder(tree_id: str, outcome_id: str) -> str:
    """The folder of an outcome's page in the built site: ``decisions/which-framework/django``."""
    return f"{outcomes_folder(tree_id)}/{outcome_id}"


def absolute(site_url: str, link_target: str) -> str:
    """A Markdown link target (``/criteria/admin.md#flask``) as the address a reader pastes elsewhere."""
    path, _, anchor = link_target.partition("#")
    return site_url.rstrip("/") + url(path.lstrip("/")) + (f"#{anchor}" if anchor else "")


def cell_anchor(criterion_id: str, framework_id: str) -> str:
    """The anchor of one cell of the criteria × frameworks matrix: ``m-admin-django``."""
    return f"m-{criterion_id}-{framework_id}"


def cell_aliases(criterion_ids: Iterable[str], framework_ids: Iterable[str]) -> list[str]:
    """Every cell anchor of a criterion's and a framework's ids and aliases, the current one first."""
    frameworks = list(framework_ids)
    return [cell_anchor(criterion, framework) for criterion in criterion_ids for framework in frameworks]


def page_folder(collection: Collection, entity_id: str) -> str:
    """The folder of an entity's page in the built site: ``criteria/admin`` (its redirect, under an old id)."""
    return f"{collection.folder}/{entity_id}"

