"""Published links: every page address, section anchor and card image the built site serves.

The registry (tests/published-links.txt) lists them. Once published, a link must keep
working: either it still exists, or the data declares an alias, which leaves a redirect
page at the old address (pages), an extra anchor on the page (claims, glossary terms) or a
copy of the card at its old address (wikis embed cards: macros/pages/cards.py).
``python -m macros links`` rewrites the registry from a fresh build.
"""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

from macros.pages.cards import FOLDER as CARDS
from macros.paths import ROOT

REGISTRY = ROOT / "tests" / "published-links.txt"
# Site folders that hold no pages a reader links to.
SKIPPED = ("/assets/", "/search/", "/api/", "/stylesheets/", "/404.html")
REDIRECT = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)"')


class _Anchors(HTMLParser):
    """Collects the ids a reader can link to inside a page's article: headings and marked anchors."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.depth = 0  # > 0 while inside <article>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "article":
            self.depth += 1
        anchor = attributes.get("id") or ""
        linkable = tag in {"h2", "h3", "h4", "h5", "h6"} or "fvd-permalink" in (attributes.get("class") or "")
        if self.depth and anchor and linkable and not anchor.startswith("__"):
            self.ids.add(anchor)
        if self.depth and tag == "a" and attributes.get("class") == "fvd-alias" and anchor:
            self.ids.add(anchor)

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1


def page_url(html_file: Path, site_dir: Path) -> str:
    """The site-absolute address of a built page: '/', '/criteria/admin/'."""
    return "/" + html_file.relative_to(site_dir).as_posix().removesuffix("index.html")


def published_links(site_dir: Path) -> set[str]:
    """Every page address (``/criteria/admin/``), anchor (``/criteria/admin/#django``) and card
    (``/cards/criteria/admin.png``) of a built site."""
    links = {"/" + card.relative_to(site_dir).as_posix() for card in (site_dir / CARDS).rglob("*.png")}
    for html_file in sorted(site_dir.rglob("*.html")):
        url = page_url(html_file, site_dir)
        text = html_file.read_text(encoding="utf-8")
        if url.startswith(SKIPPED) or REDIRECT.search(text):
            continue
        parser = _Anchors()
        parser.feed(text)
        links.add(url)
        links.update(f"{url}#{anchor}" for anchor in parser.ids)
    return links


def resolves(link: str, site_dir: Path, current: set[str]) -> bool:
    """Does a published link still land somewhere: directly, or through a redirect page?"""
    if link in current:
        return True
    url, _, anchor = link.partition("#")
    page = site_dir / url.lstrip("/") / "index.html"
    if not page.exists():
        return False
    redirect = REDIRECT.search(page.read_text(encoding="utf-8"))
    if not redirect:
        return False
    target = posixpath.normpath(posixpath.join(url, redirect.group(1))).rstrip("/") + "/"
    return (f"{target}#{anchor}" if anchor else target) in current


def read_registry(path: Path = REGISTRY) -> set[str]:
    return {line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")}


def write_registry(links: set[str], path: Path = REGISTRY) -> None:
    header = "# Every published page and anchor. Written by 'python -m macros links'; never remove a line by hand.\n"
    path.write_text(header + "".join(f"{link}\n" for link in sorted(links)), encoding="utf-8")
