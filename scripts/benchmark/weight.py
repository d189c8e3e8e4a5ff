"""Page weight, read from the built files as a browser finds them from each page's HTML: what a first visit to
each page type downloads, and the search index."""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

SITE_ORIGIN = "https://site.invalid/"
# One page of each kind; for a pattern, the first page in the sitemap (navigation order) that matches it.
# A tree's page (decisions/*/) comes before its outcomes' pages (decisions/*/*/) in the sitemap.
PAGE_TYPES = (
    "",
    "frameworks/*/",
    "criteria/*/",
    "use-cases/*/",
    "claims/",
    "glossary/",
    "decisions/*/",
    "decisions/*/*/",
    "compare/",
    "404.html",
)


class Size(NamedTuple):
    raw: int
    gzip: int


def size_of(paths: Iterable[Path]) -> Size:
    """Bytes on disk and gzip-compressed at level 6, as common web servers send them, file by file."""
    contents = [path.read_bytes() for path in dict.fromkeys(paths)]
    return Size(sum(map(len, contents)), sum(len(gzip.compress(content, compresslevel=6)) for content in contents))


def page_types(site_dir: Path) -> list[str]:
    """One page of each kind, found in the built site so that renames cannot break the benchmark."""
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    paths = [urlsplit(url).path.lstrip("/") for url in re.findall(r"<loc>\s*(.*?)\s*</loc>", sitemap)]
    return [next(path for path in paths if fnmatch(path, kind)) if "*" in kind else kind for kind in PAGE_TYPES]


@dataclass(frozen=True)
class PageWeight:
    path: str
    html: Size
    css: Size
    js: Size
    html_css_js: Size
    startup: Size
    """Fetched by Material's own script on every first visit: the search index and the sitemap."""
    total: Size


def page_file(site_dir: Path, path: str) -> Path:
    return site_dir / path if path.endswith(".html") else site_dir / path / "index.html"


def chrome_bytes(site_dir: Path, path: str) -> int:
    """Bytes of a page's HTML outside its article and its table of contents (Material draws it twice, in the sidebar
    and in the drawer): what the page carries whatever it says, which must not grow with the other pages' number."""
    soup = BeautifulSoup(page_file(site_dir, path).read_text(encoding="utf-8"), "html.parser")
    for own in soup.select("article, nav.md-nav--secondary"):
        own.decompose()
    return len(str(soup).encode("utf-8"))


def page_weight(site_dir: Path, path: str) -> PageWeight:
    """HTML, the style sheets and scripts it links, and what Material's bundle fetches as the page starts (seen in
    Chromium): its search worker and index when there is a search form, the sitemap for instant navigation."""
    html = page_file(site_dir, path)
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    page_url = urljoin(SITE_ORIGIN, path)
    script = soup.find("script", id="__config")
    config = json.loads(script.string) if script and script.string else {}
    base = urljoin(page_url, config.get("base", ".")).rstrip("/") + "/"
    scripts = [tag["src"] for tag in soup.select("script[src]")]
    scripts += [urljoin(base, config["search"])] if config.get("search") else []
    startup = ["search/search_index.json"] if soup.find("form", attrs={"name": "search"}) else []
    startup += ["sitemap.xml"] if "navigation.instant" in config.get("features", []) else []

    def files(references: Iterable[str], relative_to: str = page_url) -> list[Path]:
        """The site's own files among ``references``: what other hosts serve is not the site's weight."""
        urls = [urlsplit(urljoin(relative_to, reference)) for reference in references]
        paths = [site_dir / url.path.lstrip("/") for url in urls if f"{url.scheme}://{url.netloc}/" == SITE_ORIGIN]
        return [path for path in paths if path.is_file()]

    css = files(link["href"] for link in soup.select("link[rel~=stylesheet][href]"))
    js, fetched = files(scripts), files(startup, base)
    sizes = map(size_of, [[html], css, js, [html, *css, *js], fetched, [html, *css, *js, *fetched]])  # the fields' order
    return PageWeight(path, *sizes)


def search_index_by_section(index: Path) -> list[tuple[str, int]]:
    """Bytes of the index's JSON per top-level section, largest first: what excluding one would save."""
    sizes: Counter[str] = Counter()
    for document in json.loads(index.read_text(encoding="utf-8"))["docs"]:
        section = document["location"].split("#", 1)[0].split("/", 1)[0] or "(home page)"
        sizes[section] += len(json.dumps(document, ensure_ascii=False).encode())
    return sizes.most_common()


@dataclass(frozen=True)
class Weights:
    pages: list[PageWeight]
    search_index: Size
    search_sections: list[tuple[str, int]]
    sitemap: Size


def measure_weights(site_dir: Path, paths: list[str]) -> Weights:
    index, sitemap = site_dir / "search" / "search_index.json", site_dir / "sitemap.xml"
    weights = [page_weight(site_dir, path) for path in paths]
    return Weights(weights, size_of([index]), search_index_by_section(index), size_of([sitemap]))
