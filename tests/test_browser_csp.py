"""The Content-Security-Policy in Chromium: the site works entirely within it, injected script never runs.

Every browser test already fails on a violation (tests/browser.py). These tests show that the
policy is really in force, so that passing means something: on every kind of page a script added
after loading is blocked and reported, and markup injected into a built page (a script element
and an inline event handler) does not run, while the same page without the policy runs it.
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from playwright.sync_api import Browser, Page, expect

from macros.csp import with_policy
from macros.render.templates import redirect_page
from scripts.static_server import serve
from tests.browser import Watch
from tests.conftest import BuiltSite
from tests.test_browser_pages import MASTER, PAGE_TYPES, PageType, open_page

POLICY_META = 'meta[http-equiv="Content-Security-Policy"]'
INJECTED = '<script>window.__pwned = 1</script><img src="x" alt="" onerror="window.__pwned = 2">'
ADD_SCRIPT = """() => {
  const script = document.createElement("script");
  script.textContent = "window.__pwned = 3";
  document.body.append(script);
}"""
PWNED = "() => window.__pwned"


@contextmanager
def watched(browser: Browser, origin: str) -> Iterator[tuple[Page, Watch]]:
    """A fresh page and the Watch that records what it did, including what the policy blocked."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        watch = Watch(origin=origin)
        watch.attach(page)
        yield page, watch
    finally:
        context.close()


def blocked(page: Page, watch: Watch, count: int) -> list[str]:
    """The directives of the violations, once ``count`` have reached Python (each arrives a moment late)."""
    deadline = time.monotonic() + 5
    while len(watch.csp_violations) < count and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    return sorted(violation.split()[0] for violation in watch.csp_violations)


@pytest.fixture(scope="module")
def copy_url(site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A served copy of the built site with markup injected into a page, once with its policy and once
    without, and a redirect page as the build writes one for an alias (the real dataset has none yet).

    Its sitemap names the local address: Material navigates instantly only to pages in the sitemap,
    whose addresses it gives the page's protocol and host but not its port, so on the tests' server
    (site_url) every link loads a new page.
    """
    root = tmp_path_factory.mktemp("copy") / "site"
    shutil.copytree(site.site_dir, root)
    built = (root / "criteria" / "database" / "index.html").read_text()
    injected = re.sub(r"(<body[^>]*>)", lambda match: match[1] + INJECTED, built, count=1)
    assert injected != built
    unprotected = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", injected)
    for name, html in {"injected": injected, "unprotected": unprotected}.items():
        (root / "criteria" / name).mkdir()
        (root / "criteria" / name / "index.html").write_text(html)
    (root / "criteria" / "old-database").mkdir()
    (root / "criteria" / "old-database" / "index.html").write_text(with_policy(redirect_page("../database/")))
    with serve(root) as url:
        sitemap = root / "sitemap.xml"
        sitemap.write_text(re.sub(r"<loc>https?://[^/]+/", f"<loc>{url}", sitemap.read_text()))
        yield url


@pytest.mark.parametrize("kind", PAGE_TYPES, ids=str)
def test_every_kind_of_page_works_within_its_policy_and_blocks_a_script_added_later(
    browser: Browser, site_url: str, kind: PageType
) -> None:
    with watched(browser, site_url) as (page, watch):
        open_page(page, site_url, kind)  # diagrams drawn, the chooser answered
        expect(page.locator(POLICY_META)).to_have_count(1)
        watch.assert_clean()  # nothing blocked in normal use

        page.evaluate(ADD_SCRIPT)

        assert blocked(page, watch, 1) == ["script-src-elem"]
        assert page.evaluate(PWNED) is None


def test_instant_navigation_search_and_diagrams_work_within_the_first_pages_policy(browser: Browser, copy_url: str) -> None:
    """Instant navigation keeps the policy of the page the reader opened first (the home page, at
    the root): the deeper pages it brings in, their flowchart and the search worker must all fit it."""
    with watched(browser, copy_url) as (page, watch):
        page.goto(copy_url)
        page.wait_for_load_state("networkidle")
        page.evaluate("() => { window.__opened = location.pathname }")  # gone if a page is loaded anew
        page.locator("article a[href$='/decisions/']").first.click()
        page.wait_for_url(f"{copy_url}decisions/")
        page.locator("article").get_by_role("link", name=MASTER.title, exact=True).click()
        page.wait_for_url(f"{copy_url}decisions/{MASTER.id}/")
        diagram = page.locator(".fvd-mermaid")
        diagram.scroll_into_view_if_needed()
        expect(diagram.locator("svg .node")).to_have_count(len(MASTER.questions) + len(MASTER.outcomes))
        page.locator("label[title='Switch to dark mode']").click()
        expect(diagram).to_have_attribute("data-theme", "dark")
        page.locator("input.md-search__input").click()
        page.locator("input.md-search__input").press_sequentially("orm")
        expect(page.locator(".md-search-result__list a.md-search-result__link").first).to_be_visible()
        page.wait_for_load_state("networkidle")
        assert page.evaluate("() => window.__opened") == "/", "every page came by instant navigation"
        watch.assert_clean()


def test_markup_injected_into_a_built_page_does_not_run(browser: Browser, copy_url: str) -> None:
    with watched(browser, copy_url) as (page, watch):
        page.goto(f"{copy_url}criteria/injected/")
        page.wait_for_load_state("networkidle")

        assert blocked(page, watch, 2) == ["script-src-attr", "script-src-elem"]  # the onerror, the <script>
        assert page.evaluate(PWNED) is None
        # The page's own inline scripts still ran: the one in <head> marks it as scripted.
        assert page.evaluate("() => document.documentElement.classList.contains('js')")
        expect(page.locator("article h1")).to_be_visible()


def test_without_the_policy_the_injected_markup_would_run(browser: Browser, copy_url: str) -> None:
    """The control for the test above: the injection is a real one."""
    with watched(browser, copy_url) as (page, watch):
        page.goto(f"{copy_url}criteria/unprotected/")
        page.wait_for_function("() => window.__pwned === 2")  # the <script>, then the onerror
        assert watch.csp_violations == []


def test_a_redirect_page_forwards_within_its_policy(browser: Browser, copy_url: str) -> None:
    with watched(browser, copy_url) as (page, watch):
        page.goto(f"{copy_url}criteria/old-database/#django")
        # The #anchor survives: the redirect's inline script ran (the meta refresh would drop it).
        page.wait_for_url(f"{copy_url}criteria/database/#django")
        page.wait_for_load_state("networkidle")
        expect(page.locator(POLICY_META)).to_have_count(1)
        watch.assert_clean()
