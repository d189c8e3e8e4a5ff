"""Copy link and copy citation as readers use them: mouse, keyboard, a touch phone, instant navigation.

The clipboard is read back in the browser; what it must hold comes from the dataset (the
section's title, rating or verdict, versions and review date) and from mkdocs.yml (the
published address), never from a copy of the page.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from macros.model import addresses
from macros.model.registry import CLAIMS, CRITERIA, GLOSSARY
from macros.paths import DATA_DIR
from macros.pipeline import load_dataset
from macros.text import plain
from tests.browser import Watch
from tests.conftest import watched_page
from tests.support import PUBLISHED_URL, once
from tests.test_browser_pages import PHONE

DATASET = once(load_dataset, DATA_DIR)  # shared with the other modules that read it
CRITERION = DATASET.criteria[0]
FRAMEWORK = next(framework for framework in DATASET.frameworks if framework.id in CRITERION.assessments)
ASSESSMENT = CRITERION.assessments[FRAMEWORK.id]
TITLE = f"{CRITERION.title}: {FRAMEWORK.name}"
ADDRESS = addresses.absolute(PUBLISHED_URL, addresses.link(CRITERIA, CRITERION.id, FRAMEWORK.id))


def allow_clipboard(page: Page, site_url: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))


def clipboard(page: Page) -> str:
    return page.evaluate("() => navigator.clipboard.readText()")


def buttons_after(page: Page, anchor: str) -> Locator:
    """The copy buttons under the heading with id ``anchor``."""
    return page.locator(f"#{anchor} ~ .fvd-cite").first


def assert_assessment_citation(copied: str, *, markdown: bool) -> None:
    text = plain if markdown else str
    title = f"[{plain(TITLE)}]({ADDRESS})" if markdown else TITLE
    assert title in copied, copied
    assert f"{ASSESSMENT.rating.label}: {text(ASSESSMENT.verdict)}" in copied, copied
    assert f"Holds for {FRAMEWORK.name} {', '.join(ASSESSMENT.versions)}" in copied, copied
    assert f"reviewed {ASSESSMENT.reviewed.isoformat()}" in copied, copied
    assert ADDRESS in copied and f"Retrieved {date.today().isoformat()}." in copied, copied


def test_copy_link_and_both_citations_with_the_mouse(page: Page, site_url: str) -> None:
    allow_clipboard(page, site_url)
    page.goto(f"{site_url}criteria/{CRITERION.id}/#{FRAMEWORK.id}")
    bar = buttons_after(page, FRAMEWORK.id)
    bar.get_by_role("button", name=f"Copy link: {TITLE}").click()
    assert clipboard(page) == ADDRESS
    expect(page.get_by_role("status")).to_have_text("Link copied")
    bar.get_by_role("button", name=f"Copy citation: {TITLE}").click()
    assert_assessment_citation(clipboard(page), markdown=True)
    expect(page.get_by_role("status")).to_have_text("Citation copied as Markdown")
    bar.get_by_role("button", name=f"Plain text: {TITLE}").click()
    assert_assessment_citation(clipboard(page), markdown=False)


def test_the_keyboard_reaches_the_buttons_from_the_heading_and_copies(page: Page, site_url: str) -> None:
    term = DATASET.glossary[0]
    allow_clipboard(page, site_url)
    page.goto(f"{site_url}glossary/")
    page.locator(f"#{term.id} > a.headerlink").focus()
    page.keyboard.press("Tab")  # the change line's link
    expect(page.locator(f"#{term.id} ~ .fvd-changed a").first).to_be_focused()
    page.keyboard.press("Tab")
    link_button = buttons_after(page, term.id).get_by_role("button", name=f"Copy link: {term.term}")
    expect(link_button).to_be_focused()
    page.keyboard.press("Enter")
    assert clipboard(page) == addresses.absolute(PUBLISHED_URL, addresses.link(GLOSSARY, term.id))
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    copied = clipboard(page)
    assert f"[{plain(term.term)}]" in copied and f"Reviewed {term.reviewed.isoformat()}." in copied, copied


def test_copying_works_on_a_page_reached_by_instant_navigation(page: Page, site_url: str) -> None:
    allow_clipboard(page, site_url)
    page.goto(f"{site_url}criteria/")
    page.evaluate("() => { window.fvdSamePage = true }")
    page.locator(f"article a[href$='{CRITERION.id}/']").first.click()
    page.wait_for_url(f"{site_url}criteria/{CRITERION.id}/")
    assert page.evaluate("() => window.fvdSamePage === true"), "the page was not loaded by instant navigation"
    buttons_after(page, FRAMEWORK.id).get_by_role("button", name=f"Copy citation: {TITLE}").click()
    assert_assessment_citation(clipboard(page), markdown=True)


@pytest.fixture
def phone(browser: Browser, watch: Watch) -> Iterator[Page]:
    """A touch phone: no hover, a finger for a pointer."""
    yield from watched_page(browser, watch, viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)


def test_on_a_touch_phone_the_buttons_are_visible_large_and_copy_when_tapped(phone: Page, site_url: str) -> None:
    claim = DATASET.claims[0]
    allow_clipboard(phone, site_url)
    phone.goto(f"{site_url}claims/#{claim.id}")
    heading_mark = phone.locator(f"#{claim.id} > a.headerlink")
    assert heading_mark.evaluate("mark => getComputedStyle(mark).opacity") == "1", "the ¶ is hidden on a touch screen"
    bar = buttons_after(phone, claim.id)
    for name in ("Copy link", "Copy citation", "Plain text"):
        button = bar.get_by_role("button", name=f"{name}: {claim.claim}")
        expect(button).to_be_visible()
        box = button.bounding_box()
        assert box and box["height"] >= 44 and box["x"] + box["width"] <= PHONE["width"], (name, box)
    bar.get_by_role("button", name=f"Copy citation: {claim.claim}").tap()
    copied = clipboard(phone)
    address = addresses.absolute(PUBLISHED_URL, addresses.link(CLAIMS, claim.id))
    assert f"[{plain(claim.claim)}]({address})" in copied, copied
    assert f"{claim.verdict.label}: {plain(claim.summary)}" in copied, copied
    for framework in DATASET.frameworks:
        if framework.id in claim.versions:
            assert f"{framework.name} {', '.join(claim.versions[framework.id])}" in copied, copied
    assert f"reviewed {claim.reviewed.isoformat()}" in copied, copied


def test_on_a_touch_phone_an_outcome_is_cited_with_its_recommendation(phone: Page, site_url: str) -> None:
    tree = next(tree for tree in DATASET.decisions if tree.master)
    outcome = tree.outcomes[0]
    allow_clipboard(phone, site_url)
    phone.goto(f"{site_url}decisions/{tree.id}/{outcome.id}/")
    buttons_after(phone, "page-title").get_by_role("button", name="Plain text").tap()
    copied = clipboard(phone)
    frameworks = {framework.id: framework for framework in DATASET.frameworks}
    names = [frameworks[framework_id].name for framework_id in outcome.frameworks]
    assert f"Recommended: {', then '.join(names)}. {outcome.summary}" in copied, copied
    assert f"reviewed {tree.reviewed.isoformat()}" in copied, copied
    assert addresses.absolute(PUBLISHED_URL, addresses.outcome_link(tree.id, outcome.id)) in copied, copied


def test_without_javascript_the_change_line_shows_and_the_buttons_do_not(no_js_page: Page, site_url: str) -> None:
    no_js_page.goto(f"{site_url}criteria/{CRITERION.id}/")
    expect(no_js_page.locator(f"#{FRAMEWORK.id} ~ .fvd-changed").first).to_be_visible()
    expect(no_js_page.locator(".fvd-cite").first).to_be_hidden()
