"""The Content-Security-Policy in Chromium: the site works entirely within it, injected script never runs.

Every browser test already fails on a violation (tests/browser.py). These tests show that the
policy is really in force, so that passing means something: markup injected into a built page (a
script element and an inline event handler) does not run, while the same page without the policy
runs it. That on every kind of page a script added after loading is blocked and reported is
checked by ``assert_a_script_added_later_is_blocked``, which the once-per-page-state test of
tests/test_browser_accessibility.py calls, so each state is opened once.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from macros.csp import with_policy
from macros.render.templates import redirect_page
from tests.browser import Watch
from tests.support import wait_until
from tests.test_browser_pages import MASTER

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
    wait_until(lambda: len(watch.csp_violations) >= count, timeout=5, interval=0.05,
               pause=lambda seconds: page.wait_for_timeout(seconds * 1000))
    return sorted(violation.split()[0] for violation in watch.csp_violations)


def assert_a_script_added_later_is_blocked(page: Page, watch: Watch) -> None:
    """On a page in use: it carries its policy, nothing was blocked so far, and a script added now is blocked
    and reported. The expected report and console error are then taken off ``watch``, which still fails
    the test on anything else."""
    expect(page.locator(POLICY_META)).to_have_count(1)
    watch.assert_clean()  # nothing blocked in normal use

    page.evaluate(ADD_SCRIPT)

    assert blocked(page, watch, 1) == ["script-src-elem"]
    assert page.evaluate(PWNED) is None
    # Chromium also logs the block as a console error, a moment later.
    logged = wait_until(lambda: [error for error in watch.errors if "Content Security Policy" in error], timeout=5,
                        interval=0.05, pause=lambda seconds: page.wait_for_timeout(seconds * 1000))
    assert len(logged) == 1, watch.errors
    watch.errors.remove(logged[0])
    watch.csp_violations.clear()


@pytest.fixture(scope="module")
def copy_url(served_site: tuple[Path, str]) -> Iterator[str]:
    """The served site (``site_url``) with three pages added: markup injected into a built page, once with
    its policy and once without, and a redirect page as the build writes one for an alias (the real
    dataset has none yet). They are taken out again when this module's tests are done.
    """
    root, url = served_site
    built = (root / "criteria" / "database" / "index.html").read_text()
    injected = re.sub(r"(<body[^>]*>)", lambda match: match[1] + INJECTED, built, count=1)
    assert injected != built
    unprotected = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", injected)
    pages = {"injected": injected, "unprotected": unprotected, "old-database": with_policy(redirect_page("../database/"))}
    for name, html in pages.items():
        (root / "criteria" / name).mkdir()
        (root / "criteria" / name / "index.html").write_text(html)
    yield url
    for name in pages:
        shutil.rmtree(root / "criteria" / name)


def test_instant_navigation_search_and_diagrams_work_within_the_first_pages_policy(page: Page, site_url: str) -> None:
    """Instant navigation keeps the policy of the page the reader opened first (the home page, at
    the root): the deeper pages it brings in, their flowchart (which follows dark mode)
    and the search worker must all fit it. The page fixture fails the test on any violation."""
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    page.evaluate("() => { window.__opened = location.pathname }")  # gone if a page is loaded anew
    page.locator("article a[href$='/decisions/']").first.click()
    page.wait_for_url(f"{site_url}decisions/")
    page.locator("article").get_by_role("link", name=MASTER.title, exact=True).click()
    page.wait_for_url(f"{site_url}decisions/{MASTER.id}/")
    chart = page.locator(".fvd-flow")
    questions = chart.locator(".fvd-flow__node--question")  # every tree's chart: tests/test_browser_decisions.py
    expect(questions).to_have_count(len(MASTER.questions))
    colour = questions.first.evaluate("node => getComputedStyle(node).color")
    page.locator("label[title='Switch to dark mode']").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    assert questions.first.evaluate("node => getComputedStyle(node).color") != colour, "the chart follows dark mode"
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("orm")
    expect(page.locator(".md-search-result__list a.md-search-result__link").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert page.evaluate("() => window.__opened") == "/", "every page came by instant navigation"


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


def test_a_redirect_page_forwards_within_its_policy(page: Page, copy_url: str) -> None:
    page.goto(f"{copy_url}criteria/old-database/#django")
    # The #anchor survives: the redirect's inline script ran (the meta refresh would drop it).
    page.wait_for_url(f"{copy_url}criteria/database/#django")
    page.wait_for_load_state("networkidle")
    expect(page.locator(POLICY_META)).to_have_count(1)
