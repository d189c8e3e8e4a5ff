"""Every link in the built site works: internal links reach a file and, with a #fragment, an
element with that id; links to sources on the web are well-formed https addresses."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.conftest import BuiltSite
from tests.support import parsed

# Attributes that point at another file: links, and the assets a page loads.
LINKING = [("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"), ("iframe", "src")]
EXTERNAL = ("http:", "https:")
NOT_FILES = ("mailto:", "tel:", "data:")


def parse(path: Path) -> BeautifulSoup:
    return parsed(path)


@functools.cache
def ids(path: Path) -> frozenset[str]:
    return frozenset(str(element["id"]) for element in parse(path).find_all(id=True))


def is_redirect(soup: BeautifulSoup) -> bool:
    return soup.find("meta", attrs={"http-equiv": re.compile("^refresh$", re.IGNORECASE)}) is not None


def pages(site: BuiltSite) -> list[Path]:
    """Every HTML page a reader can land on, without the redirect stubs of renamed pages."""
    return [path for path in sorted(site.site_dir.rglob("*.html")) if not is_redirect(parse(path))]


def target_file(site_dir: Path, page: Path, url_path: str) -> Path | None:
    """The file a page-relative or root-relative address is served from; None if it climbs above the
    site's root (a browser would stop at the root, but the link breaks once the site moves to a subpath)."""
    # A root-relative address starts from the site's root: the site is served at the root of its host.
    segments = [] if url_path.startswith("/") else list(page.parent.relative_to(site_dir).parts)
    parts = url_path.split("/")
    for part in parts:
        if part == "..":
            if not segments:
                return None
            segments.pop()
        elif part not in ("", "."):
            segments.append(part)
    file = site_dir.joinpath(*segments)
    if parts[-1] in ("", ".", "..") or file.is_dir():
        file = file / "index.html"  # a directory address is served by its index.html
    return file


def broken_links(site: BuiltSite, page: Path) -> list[str]:
    """Every internal link of one page that does not resolve, with the reason."""
    problems = []
    soup = parse(page)
    for tag, attribute in LINKING:
        for element in soup.find_all(tag, attrs={attribute: True}):
            address = str(element[attribute]).strip()
            if address.lower().startswith(EXTERNAL + NOT_FILES):
                continue
            parts = urlsplit(address)
            if parts.scheme:
                problems.append(f"{address}: unexpected scheme {parts.scheme!r}")
                continue
            file = target_file(site.site_dir, page, unquote(parts.path)) if parts.path else page
            if file is None or not file.is_file():
                problems.append(f"{address}: no such file")
                continue
            # "#" alone means the top of the page; any other fragment must be an element's id.
            fragment = unquote(parts.fragment)
            if fragment and file.suffix == ".html" and fragment not in ids(file):
                problems.append(f"{address}: no element with id {fragment!r} in {file.relative_to(site.site_dir)}")
    return problems


def test_the_site_has_pages_and_links(site: BuiltSite) -> None:
    """The checks below are not vacuous: they walk the real site."""
    found = pages(site)
    assert len(found) > 30
    assert sum(len(parse(page).find_all("a", href=True)) for page in found) > 1000


@pytest.fixture(scope="module")
def all_pages(site: BuiltSite) -> list[Path]:
    return pages(site)


def test_every_internal_link_resolves(site: BuiltSite, all_pages: list[Path]) -> None:
    problems = {str(page.relative_to(site.site_dir)): broken for page in all_pages if (broken := broken_links(site, page))}
    assert problems == {}, "broken internal links (page: links)"


def test_fragment_links_are_checked_against_ids(site: BuiltSite) -> None:
    """A known anchor resolves and a made-up one is reported, so the check above has teeth."""
    home = site.site_dir / "index.html"
    assert "m-admin-django" in ids(home)
    assert "django" in ids(site.site_dir / "criteria" / "database" / "index.html")
    assert "definitely-not-an-id" not in ids(home)
    assert target_file(site.site_dir, site.site_dir / "criteria" / "database" / "index.html", "../admin/") == (
        site.site_dir / "criteria" / "admin" / "index.html"
    )
    assert target_file(site.site_dir, home, "/.") == home
    assert target_file(site.site_dir, home, "../outside/") is None


def malformed_source(address: str) -> str | None:
    """Why a link to the web is not a well-formed https address, or None when it is."""
    if re.search(r"\s", address):
        return "contains whitespace"
    parts = urlsplit(address)
    if parts.scheme != "https":
        return "not https"
    host = parts.hostname or ""
    if "." not in host or host.startswith(".") or host.endswith(".") or not re.fullmatch(r"[a-z0-9.-]+", host):
        return f"bad host {host!r}"
    return None


def test_every_source_link_is_a_well_formed_https_address(site: BuiltSite, all_pages: list[Path]) -> None:
    problems = []
    checked = 0
    for page in all_pages:
        article = parse(page).select_one("article")
        if article is None:
            continue
        for link in article.find_all("a", href=True):
            address = str(link["href"])
            if not address.lower().startswith(EXTERNAL):
                continue
            checked += 1
            if reason := malformed_source(address):
                problems.append(f"{page.relative_to(site.site_dir)}: {address} ({reason})")
    assert checked > 100, "the site cites its sources with links"
    assert problems == []


@pytest.mark.parametrize(
    "address,reason",
    [
        ("https://docs.djangoproject.com/en/6.1/", None),
        ("http://flask.palletsprojects.com/", "not https"),
        ("https://localhost/page", "bad host 'localhost'"),
        ("https://docs.djangoproject.com/en/6.1/a page", "contains whitespace"),
        ("https:/docs.djangoproject.com", "bad host ''"),
    ],
)
def test_malformed_source_addresses_are_caught(address: str, reason: str | None) -> None:
    assert malformed_source(address) == reason
