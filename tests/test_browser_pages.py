"""Every kind of page, as readers meet it: on a phone and without JavaScript.

The ``page`` fixture fails a test on any console error, failed request or request to another
host, so each test that uses it also checks that the page works offline. Each page is opened
once for all the checks of a state: on a desktop, in dark mode and then switched to light, by
the axe test of tests/test_browser_accessibility.py (which also checks that the page loads
cleanly); on a phone and without JavaScript here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, expect

from macros.model.models import DecisionTree
from macros.paths import DATA_DIR
from macros.pipeline import load_dataset
from tests.browser import LIGHTHOUSE_RULES, Watch, axe_report, axe_violations, settle
from tests.support import once, wait_until

DATASET = once(load_dataset, DATA_DIR)  # shared with the other modules that read it
MASTER = next(tree for tree in DATASET.decisions if tree.master)
PHONE = {"width": 375, "height": 812}


@dataclass(frozen=True)
class PageType:
    """One kind of page: where it is, and what it shows once it is ready."""

    id: str
    path: str
    tree: DecisionTree | None = None  # the decision tree whose text flowchart the page shows
    chooser: bool = False
    answered: bool = False  # the chooser after the reader answered its first question

    def __str__(self) -> str:
        return self.id


PAGE_TYPES = [
    PageType("home", ""),
    PageType("framework", "frameworks/django/"),
    PageType("criterion", "criteria/database/"),
    PageType("use-case", "use-cases/rest-apis/"),
    PageType("claims", "claims/"),
    PageType("glossary", "glossary/"),
    PageType("decision", f"decisions/{MASTER.id}/", tree=MASTER, chooser=True),
    PageType("decision-answered", f"decisions/{MASTER.id}/", tree=MASTER, chooser=True, answered=True),
    PageType("outcome", f"decisions/{MASTER.id}/{MASTER.outcomes[0].id}/"),
    PageType("404", "404.html"),
]
# Without JavaScript the answered chooser is the same page as the chooser.
STATIC_PAGE_TYPES = [kind for kind in PAGE_TYPES if not kind.answered]


def drawn_in(page: Page, kind: PageType, scheme: str) -> None:
    """Wait until the page shows ``scheme``; a page with a decision tree shows its flowchart (drawn at build time)."""
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate" if scheme == "dark" else "default")
    if kind.tree is not None:
        expect(page.locator(".fvd-flow")).to_be_visible()


def open_page(page: Page, site_url: str, kind: PageType, scheme: str = "light",
              on_arrival: Callable[[Page], None] | None = None) -> None:
    """Open the page in the reader's colour scheme and wait until everything on it is drawn.

    ``on_arrival`` checks the page as it loaded, before anything is scrolled into view or clicked.
    """
    page.emulate_media(color_scheme=scheme)  # Material follows prefers-color-scheme on a first visit
    page.goto(f"{site_url}{kind.path}")
    if on_arrival:
        on_arrival(page)
    drawn_in(page, kind, scheme)
    if kind.chooser:
        answers = page.locator(".fvd-chooser__answers button")
        expect(answers.first).to_be_visible()
        if kind.answered:
            answers.first.click()
            expect(page.locator(".fvd-chooser__path li")).to_have_count(1)
    page.wait_for_load_state("networkidle")
    settle(page)


def switch_scheme(page: Page, kind: PageType, scheme: str) -> None:
    """Switch to ``scheme`` with the header's toggle, as a reader does on the page, and wait until all is redrawn."""
    page.locator(f"label[title='Switch to {scheme} mode']").click()
    drawn_in(page, kind, scheme)
    settle(page)


def test_the_watch_reports_what_chrome_flags(page: Page, watch: Watch, site_url: str) -> None:
    """The control for every browser test's DevTools-issue check: a deprecated API, used on purpose, is reported."""
    page.goto(site_url)
    page.evaluate("() => { const request = new XMLHttpRequest(); request.open('GET', location.href, false); request.send(); }")
    reported = wait_until(lambda: watch.issues, timeout=5, interval=0.05,
                          pause=lambda seconds: page.wait_for_timeout(seconds * 1000))
    assert [issue.split(":")[0] for issue in reported] == ["DeprecationIssue"]
    watch.issues.clear()


OVERFLOW = """() => {
  // Elements that stick out on the right and are not inside a box that scrolls or clips them.
  const width = window.innerWidth;
  const clipped = (element) => {
    for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
      if (getComputedStyle(node).overflowX !== "visible" && node.getBoundingClientRect().right <= width) return true;
    }
    return false;
  };
  const describe = (element) => element.tagName.toLowerCase() + (element.id ? `#${element.id}` : "")
    + [...element.classList].map((name) => `.${name}`).join("")
    + ` (right edge ${Math.round(element.getBoundingClientRect().right)} px)`;
  return [...document.body.querySelectorAll("*")]
    .filter((element) => element.getBoundingClientRect().right > width + 1 && !clipped(element))
    .slice(0, 10).map(describe);
}"""

WIDE_TABLES = """() => {
  // Every table that sticks out of the window, and whether a box around it scrolls sideways
  // within the window (Material wraps tables in .md-typeset__scrollwrap).
  const width = window.innerWidth;
  return [...document.querySelectorAll("article table")].filter((table) => {
    const rect = table.getBoundingClientRect();
    return rect.right > width || rect.left < 0;
  }).map((table) => {
    let box = table;
    while (box && !(["auto", "scroll"].includes(getComputedStyle(box).overflowX) && box.scrollWidth > box.clientWidth)) {
      box = box.parentElement;
    }
    const rect = box?.getBoundingClientRect();
    return {
      table: table.querySelector("th")?.textContent.trim() || "(table)",
      scrolls: Boolean(box) && rect.left >= 0 && rect.right <= width,
    };
  });
}"""


# The layout shifts so far: the buffered entries are in the observer's records at once.
LAYOUT_SHIFTS = """() => {
  const observer = new PerformanceObserver(() => {});
  observer.observe({type: "layout-shift", buffered: true});
  const shifts = observer.takeRecords().map((entry) => entry.value);
  observer.disconnect();
  return shifts;
}"""


def arrives_without_shifting(page: Page) -> None:
    """A page with the chooser and a flowchart, as it arrives on a phone: the script-drawn chooser does
    not push the flowchart and the text below it down."""
    expect(page.locator(".fvd-chooser__answers button").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert sum(page.evaluate(LAYOUT_SHIFTS)) < 0.01, "the text moved while the page was drawn"


LEGIBLE_SHARE = """() => {
  // Lighthouse's font-size audit: the share of the visible text, by characters, set in 12 px or larger.
  let legible = 0, total = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent.trim().length;
    if (!length || !node.parentElement.checkVisibility({visibilityProperty: true})) continue;
    total += length;
    if (parseFloat(getComputedStyle(node.parentElement).fontSize) >= 12) legible += length;
  }
  return total ? legible / total : 0;
}"""


@pytest.mark.parametrize("kind", PAGE_TYPES, ids=str)
def test_on_a_phone_a_page_fits_the_width_is_legible_and_passes_axe(page: Page, site_url: str, kind: PageType) -> None:
    """Lighthouse judges pages at a phone's size; its checks that depend on a page's content run here on
    every page type: axe with the rules of its accessibility category, and its legible font-size share."""
    page.set_viewport_size(PHONE)
    arriving = kind.chooser and not kind.answered  # an answered chooser arrives as the chooser does
    open_page(page, site_url, kind, on_arrival=arrives_without_shifting if arriving else None)
    scroll_width, window_width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert window_width == PHONE["width"]
    assert scroll_width <= window_width, f"the page is {scroll_width} px wide: {page.evaluate(OVERFLOW)}"
    wide = page.evaluate(WIDE_TABLES)
    assert [table for table in wide if not table["scrolls"]] == [], "wide tables must scroll inside their own box"
    if kind.id == "framework":
        assert wide, "the check above is not vacuous: the framework page's release tables really need their scroll box"
    legible = page.evaluate(LEGIBLE_SHARE)
    assert legible >= 0.6, f"only {legible:.0%} of the text is 12 px or larger; Lighthouse's font-size audit wants 60%"
    violations = axe_violations(page, LIGHTHOUSE_RULES)
    assert violations == [], f"axe found violations on /{kind.path} on a phone:\n{axe_report(violations)}"


@pytest.mark.parametrize("kind", STATIC_PAGE_TYPES, ids=str)
def test_without_javascript_the_text_is_all_there(no_js_page: Page, site_url: str, kind: PageType) -> None:
    page = no_js_page
    page.goto(f"{site_url}{kind.path}")
    article = page.locator("article.md-content__inner")
    expect(article.locator("h1")).to_be_visible()
    # Everything in the article is shown, except the parts that are drawn by JavaScript.
    text = article.locator(":scope > :not(.fvd-js-only, .fvd-chooser)")
    assert text.count() > 1
    for index in range(text.count()):
        expect(text.nth(index)).to_be_visible()
    for part in article.locator(".fvd-js-only, .fvd-chooser").all():
        expect(part).to_be_hidden()  # no empty widget
    tables = article.locator("table")
    for index in range(tables.count()):
        table = tables.nth(index)
        # A table in a closed <details> or an unselected tab is hidden with or without JavaScript.
        folded = table.locator("xpath=ancestor::details[not(@open)] | ancestor::div[contains(@class, 'tabbed-block')]")
        if folded.count() == 0:
            expect(table).to_be_visible()
    if kind.tree is not None:
        expect(article.locator("#walk")).to_be_hidden()  # the chooser's heading: without JavaScript, no chooser
        expect(article.locator("#steps")).to_be_visible()
        expect(article.locator(".fvd-flow")).to_be_visible()  # the flowchart is drawn at build time
        expect(article.locator("#outcomes")).to_be_visible()
        for question in kind.tree.questions:
            expect(article.locator(f"#q-{question.id}")).to_be_visible()
        for outcome in kind.tree.outcomes:
            expect(article.locator(f"#o-{outcome.id}")).to_be_visible()
    page.wait_for_load_state("networkidle")
