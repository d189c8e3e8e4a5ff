"""Lighthouse's best-practices and SEO audits score 100; what they read of a page's own content holds on every page.

What Lighthouse (12.8.2, its default config) adds to the rest of the suite, and where it is checked:

- Accessibility is axe-core, the same pinned release, with the WCAG A/AA rules and some more. Those
  extra rules are ``LIGHTHOUSE_RULES`` in tests/browser.py: the axe runs at a phone's size (Lighthouse's
  form factor) in tests/test_browser_pages.py use them on every page type, and
  tests/test_browser_accessibility.py runs the WCAG rules on every page state in light and dark mode.
  Lighthouse does not run the category here.
- Performance depends on timing, so the benchmark measures it (``scripts/benchmark/lighthouse.py``,
  reported in BENCHMARK.md); it is not a test.
- Audits that read a page's content: font-size (the phone test measures the legible share on every
  page type), link-text and crawlable-anchors, and the audits of the head (document-title,
  meta-description, viewport, charset, doctype, is-crawlable, hreflang, canonical): the static tests
  below check them on every built page, the 404 page's own template included.
- Audits of what the scripts do: errors-in-console, deprecations and inspector-issues are what the
  browser tests' watch (tests/browser.py) fails on, for every page state they open; third-party-cookies
  cannot happen while the watch allows no request to another host.
- What is left needs Lighthouse's own browser and is the same on every page, since every page has
  the same template and head and loads the same scripts: is-on-https, redirects-http,
  geolocation- and notification-on-start, paste-preventing-inputs (the header's search field),
  image-aspect-ratio and image-size-responsive (the site has no <img>), http-status-code and robots-txt.
  One page covers it: the home page, where readers arrive. Each further page would cost about 13 s
  and find nothing the checks above do not.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from scripts.benchmark.lighthouse import audit_from, run_lighthouse
from tests.conftest import BuiltSite
from tests.test_browser_pages import STATIC_PAGE_TYPES, PageType

LIGHTHOUSE_ONLY = ("best-practices", "seo")
LIGHTHOUSE_PAGES = [kind for kind in STATIC_PAGE_TYPES if kind.id == "home"]
# Lighthouse's link-text audit: English link texts that say nothing of where the link goes.
VAGUE_LINK_TEXTS = {
    "click here", "click this", "go", "here", "information", "learn more", "more", "more info", "more information",
    "right here", "read more", "see more", "start", "this",
}


@pytest.mark.parametrize("kind", LIGHTHOUSE_PAGES, ids=str)
def test_lighthouse_full_marks(site_url: str, kind: PageType) -> None:
    audit = run_lighthouse(site_url + kind.path, LIGHTHOUSE_ONLY)

    assert audit.scores == dict.fromkeys(LIGHTHOUSE_ONLY, 100), audit.failed


@pytest.fixture(scope="module")
def built_pages(site: BuiltSite) -> dict[str, BeautifulSoup]:
    """Every page of the build a reader can open (a redirect page for an old address forwards at once), parsed once."""
    pages = {}
    for path in sorted(site.site_dir.rglob("*.html")):
        html = site.page(str(path.relative_to(site.site_dir)))
        if not html.select_one('meta[http-equiv="refresh"]'):
            pages[str(path.relative_to(site.site_dir))] = html
    assert "404.html" in pages and "index.html" in pages
    return pages


def test_every_page_has_the_head_lighthouse_audits(site: BuiltSite, built_pages: dict[str, BeautifulSoup]) -> None:
    """Lighthouse's doctype, charset, viewport, document-title, meta-description, is-crawlable, hreflang and canonical."""
    for name, html in built_pages.items():
        raw = (site.site_dir / name).read_text(encoding="utf-8")
        assert raw.lstrip().lower().startswith("<!doctype html>"), f"{name}: no doctype, the page renders in quirks mode"
        assert re.search(r"<meta charset=\"?utf-8", raw[:1024], re.IGNORECASE), f"{name}: charset not in its first 1024 bytes"
        viewport = html.select_one('meta[name="viewport"]')
        assert viewport and "width=device-width" in viewport["content"], f"{name}: not laid out for phones"
        assert html.title and html.title.get_text(strip=True), f"{name}: no title"
        description = html.select_one('meta[name="description"]')
        assert description and description["content"].strip(), f"{name}: no meta description"
        robots = [meta["content"].lower() for meta in html.select('meta[name="robots"], meta[name="googlebot"]')]
        assert not any(word in content for content in robots for word in ("noindex", "none")), f"{name}: hidden from search"
        assert html.select("link[hreflang]") == [], f"{name}: hreflang links, which Lighthouse would audit"
        canonical = html.select('link[rel="canonical"]')
        assert len(canonical) <= 1 and all(link["href"].startswith("https://") for link in canonical), name


def test_every_link_says_where_it_goes_and_can_be_crawled(built_pages: dict[str, BeautifulSoup]) -> None:
    """Lighthouse's link-text and crawlable-anchors audits, on every page of the build."""
    vague, uncrawlable, links = [], [], 0
    for name, html in built_pages.items():
        for link in html.find_all("a"):
            links += 1
            href = "".join(link.get("href", "").split())
            if link.has_attr("href") and " ".join(link.get_text().split()).lower() in VAGUE_LINK_TEXTS:
                vague.append(f"{name}: {link}")
            if not link.get("role") and re.match(r"javascript:|file:", href):
                uncrawlable.append(f"{name}: {link}")
    assert links > 1000, "the check must see the site's links"
    assert vague == [], "links whose text says nothing of where they go"
    assert uncrawlable == [], "links a crawler cannot follow"


def report(score: float, audit_score: float | None, weight: int = 1) -> dict[str, object]:
    """The parts of a Lighthouse JSON report that ``audit_from`` reads."""
    return {
        "categories": {"seo": {"score": score, "auditRefs": [{"id": "meta-description", "weight": weight}]}},
        "audits": {"meta-description": {"score": audit_score, "displayValue": "missing"}},
    }


def test_audit_names_the_failing_audits_of_a_category() -> None:
    audit = audit_from(report(0.9, 0))

    assert audit.scores == {"seo": 90}
    assert audit.failed == ["seo: meta-description (missing)"]


@pytest.mark.parametrize(("audit_score", "weight"), [(1, 1), (None, 1), (0, 0)], ids=["passed", "not-applicable", "no-weight"])
def test_audit_ignores_passed_inapplicable_and_weightless_audits(audit_score: float | None, weight: int) -> None:
    assert audit_from(report(1, audit_score, weight)).failed == []


def test_audit_reports_a_page_lighthouse_could_not_load() -> None:
    error = {"code": "ERRORED_DOCUMENT_REQUEST", "message": "Status code: 404."}
    with pytest.raises(RuntimeError, match=r"could not load http://x/: ERRORED_DOCUMENT_REQUEST: Status code: 404\."):
        audit_from({"runtimeError": error, "finalDisplayedUrl": "http://x/"})
