"""Links the strict build would reject, found before building and reported at the YAML that holds them.

``mkdocs build --strict`` fails on a link to a page that does not exist or to an anchor the page
does not have, and names the generated ``.md`` page. Here every generated page is rendered as
MkDocs will render it, each link is resolved the way MkDocs resolves it (``/x.md`` from the docs
folder, ``#a`` on the same page, anything else from the page's folder), and each broken link is
traced back to the data field that holds it, so a contributor meets it in ``validate`` instead.

``validate`` renders the pages for this; a build checks the pages it has just rendered instead
(``LinkRecorder`` keeps each page's links as written, before MkDocs rewrites them), so that no
page is converted twice.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from macros.load.yamlsource import YamlDocument, dotted, read_yaml
from macros.model.dataset import Dataset
from macros.model.fields import FieldPath, text_fields, value_at
from macros.model.registry import COLLECTIONS
from macros.pages.generated import Site
from macros.paths import DOCS_DIR
from macros.problems import Problem, did_you_mean
from macros.text import site_markdown

# Hand-written pages whose sections come from macros: their anchors are only known after a build.
MACRO_CALL = "<!--{{"
EXCLUDED_DOCS = ("templates/", "overrides/")


@dataclass(frozen=True)
class PageLinks:
    """What the check reads from one rendered page: its links as written, and the ids they may land on."""

    hrefs: list[str]
    ids: set[str]


class _Html(HTMLParser):
    """The link targets and element ids of one rendered page, read from its HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"] or "")
        if tag == "a" and attributes.get("href") is not None:
            self.hrefs.append(attributes["href"] or "")


def _parse(markdown_text: str) -> PageLinks:
    converter = site_markdown()
    converter.reset()
    parser = _Html()
    parser.feed(converter.convert(markdown_text))
    parser.close()
    return PageLinks(parser.hrefs, parser.ids)


class LinkRecorder(Extension):
    """Keeps the links of each page a build renders as the Markdown wrote them (``/x.md#a``), read just before
    MkDocs' own tree processor ('relpath', priority 0) turns them into addresses."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def take(self) -> list[str]:
        """The links of the page rendered last; the next page starts empty."""
        hrefs, self.hrefs = self.hrefs, []
        return hrefs

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(_RecordLinks(md, self), "fvd_record_links", 0.5)


class _RecordLinks(Treeprocessor):
    def __init__(self, md: Markdown, recorder: LinkRecorder) -> None:
        super().__init__(md)
        self.recorder = recorder

    def run(self, root: Element) -> None:
        self.recorder.hrefs += [href for link in root.iter("a") if (href := link.get("href")) is not None]


@dataclass
class _Pages:
    """The pages a build will have: generated Markdown by address, and hand-written files."""

    generated: dict[str, str]
    docs_dir: Path
    _parsed: dict[str, PageLinks] = field(default_factory=dict)
    _ids: dict[str, set[str] | None] = field(default_factory=dict)

    def parsed(self, src_uri: str) -> PageLinks:
        """A generated page rendered once (unless the build gave it), for its links and its ids."""
        if src_uri not in self._parsed:
            self._parsed[src_uri] = _parse(self.generated[src_uri])
        return self._parsed[src_uri]

    def exists(self, src_uri: str) -> bool:
        hand_written = not src_uri.startswith(EXCLUDED_DOCS) and (self.docs_dir / src_uri).is_file()
        return src_uri in self.generated or hand_written

    def anchors(self, src_uri: str) -> set[str] | None:
        """The ids of a page, or None when they cannot be known without building it (macro sections)."""
        if src_uri in self.generated:
            return self.parsed(src_uri).ids
        if src_uri not in self._ids:
            text = (self.docs_dir / src_uri).read_text(encoding="utf-8")
            self._ids[src_uri] = None if MACRO_CALL in text else _parse(text).ids
        return self._ids[src_uri]


def resolve(page: str, href: str) -> tuple[str, str] | None:
    """The page (src_uri) and anchor a link leads to, as MkDocs reads it; None for other sites."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if not path:
        return page, parts.fragment
    target = path.lstrip("/") if path.startswith("/") else posixpath.join(posixpath.dirname(page), path)
    return posixpath.normpath(target), parts.fragment


def broken(site: _Pages, page: str, href: str) -> str | None:
    """Why MkDocs would reject ``href`` on ``page``, or None if it lands."""
    target = resolve(page, href)
    if target is None:
        return None
    src_uri, anchor = target
    if not site.exists(src_uri):
        return "a page that does not exist" if src_uri.endswith(".md") else "an address MkDocs does not recognise"
    ids = site.anchors(src_uri) if anchor and src_uri.endswith(".md") else None
    if ids is not None and anchor not in ids:
        return f"a section '#{anchor}' that {src_uri} does not have"
    return None


def link_problems(
    built: Site, *, docs_dir: Path = DOCS_DIR, rendered: Mapping[str, PageLinks] | None = None,
) -> list[Problem]:
    """Every link in a generated page that the strict build would reject, located in the data.

    ``rendered``: the pages as a build rendered them, by address (only generated ones are read); otherwise each
    generated page is rendered here."""
    site = _Pages({page.src_uri: page.body for page in built.pages}, docs_dir, dict(rendered or {}))
    fields = list(_markdown_fields(built.dataset))
    problems: dict[tuple[str, str, str], Problem] = {}
    for page in site.generated:
        for href in site.parsed(page).hrefs:
            reason = broken(site, page, href)
            if reason is None:
                continue
            for holder in (holder for holder in fields if href in holder.text):
                problems.setdefault((holder.display, dotted(holder.path), href), holder.problem(href, reason, site))
    return list(problems.values())


@dataclass(frozen=True)
class _Field:
    display: str
    source: Path
    path: FieldPath
    text: str

    def problem(self, href: str, reason: str, site: _Pages) -> Problem:
        target = resolve("", href)
        pages = sorted(uri for uri in site.generated if not uri.endswith("index.md"))
        wanted = target[0] if target else href
        document = read_yaml(self.source, display=self.display)
        line = document.line_within(self.path, self.text.index(href)) if isinstance(document, YamlDocument) else 1
        return Problem(
            self.display, line, dotted(self.path),
            "a link to a site page written /<folder>/<id>.md, with an anchor the page has",
            f"a link to '{href}', {reason}",
            did_you_mean(
                f"/{wanted}", [f"/{page}" for page in pages],
                otherwise="e.g. [the ORM](/criteria/database.md#django); see the page's address",
            ),
        )


def _markdown_fields(dataset: Dataset) -> Iterator[_Field]:
    """Each Markdown field of every entity, with its file and line for messages."""
    root = dataset.data_dir.parent
    for collection in COLLECTIONS:
        for entity in dataset.entities[collection]:
            path = dataset.source_of(collection, entity.id)
            data = entity.model_dump(mode="json")
            markdown_paths = [field for field, kind in text_fields(collection.model, data) if kind == "markdown"]
            display = path.relative_to(root).as_posix()
            for field_path in markdown_paths:
                yield _Field(display, path, field_path, value_at(data, field_path))
