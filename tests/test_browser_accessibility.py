"""Accessibility in headless Chromium: axe-core's WCAG 2.1 A and AA rules on every kind of page,
in light and dark mode, and the interactive parts used with the keyboard alone.

A violation is fixed in docs/stylesheets/site.css or docs/overrides/, never by turning a rule off.
The desktop test below opens each kind of page once, in dark mode and then switched to light, and
runs every check of those states, axe's and others' (that it loads cleanly, what axe cannot
measure, the policy's hold); the phone-sized axe
runs, with the rules Lighthouse's accessibility category adds, are in tests/test_browser_pages.py.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from macros.model.models import DecisionTree
from macros.render.flowcharts import answer_paths
from tests.browser import Watch, axe_report, axe_violations
from tests.test_browser_csp import assert_a_script_added_later_is_blocked
from tests.test_browser_pages import DATASET, MASTER, PAGE_TYPES, PageType, open_page, settle, switch_scheme

# A matrix cell opened from a shared link: its "#" permalink is shown because it is the target.
TARGETED_CELL = PageType("home-shared-cell", "#m-admin-django")


CONTRAST = """element => {
  // WCAG contrast of an element's text colour against the backgrounds painted behind it.
  const rgba = (value) => {
    const [r, g, b, a = 1] = value.match(/[\\d.]+/g).map(Number);
    return [r, g, b, a];
  };
  const over = (top, bottom) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
  const layers = [];
  for (let node = element; node; node = node.parentElement) {
    const background = rgba(getComputedStyle(node).backgroundColor);
    if (background[3] > 0) layers.unshift(background);
    if (background[3] === 1) break;
  }
  const background = layers.reduce((below, layer) => over(layer, below), [255, 255, 255, 1]);
  const foreground = over(rgba(getComputedStyle(element).color), background);
  const luminance = (colour) => {
    const linear = (c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    const [r, g, b] = colour.slice(0, 3).map((c) => linear(c / 255));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(foreground), luminance(background)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}"""


def copy_link_marks_are_readable_whenever_they_show(page: Page) -> None:
    """axe skips text that is only punctuation, so the matrix cell's # and the heading's ¶ are measured here."""
    mark = page.locator(".fvd-permalink:target")  # shown: the test waited for it before running axe
    assert mark.evaluate(CONTRAST) >= 4.5, "the # of a cell opened from a shared link"
    mark.hover()  # the row's hover background and the link's hover colour
    settle(page)
    assert mark.evaluate(CONTRAST) >= 4.5, "the # under the mouse"
    pilcrow = page.locator("article h2 a.headerlink").first
    pilcrow.focus()
    settle(page)
    expect(pilcrow).to_have_css("opacity", "1")
    assert pilcrow.evaluate(CONTRAST) >= 4.5, "the ¶ of a heading reached with Tab"


def links_stay_readable_under_the_mouse_and_with_focus(page: Page) -> None:
    """axe sees links at rest only; Material turns them its accent colour on hover and focus."""
    links = {
        "a link in running text": page.locator("article p a:not([class])").first,
        "a navigation link": page.locator("nav.md-nav--primary a.md-nav__link:not(.md-nav__link--active)").last,
    }
    for name, link in links.items():
        link.hover()
        settle(page)
        assert link.evaluate(CONTRAST) >= 4.5, f"{name} under the mouse"
        link.focus()
        page.mouse.move(0, 0)
        settle(page)
        assert link.evaluate(CONTRAST) >= 4.5, f"{name} with keyboard focus"


# What axe cannot see, measured in the page states that show it (in both schemes).
BEYOND_AXE: dict[str, Callable[[Page], None]] = {
    TARGETED_CELL.id: copy_link_marks_are_readable_whenever_they_show,
    "criterion": links_stay_readable_under_the_mouse_and_with_focus,
}


def assert_accessible(page: Page, kind: PageType, scheme: str) -> None:
    """No axe violation, and the contrast axe cannot measure where the state shows it."""
    if kind is TARGETED_CELL:
        expect(page.locator(".fvd-permalink:target")).to_have_css("opacity", "1")
    violations = axe_violations(page)
    assert violations == [], f"axe found violations on /{kind.path} in {scheme} mode:\n{axe_report(violations)}"
    if check := BEYOND_AXE.get(kind.id):
        check(page)


@pytest.mark.parametrize("kind", [*PAGE_TYPES, TARGETED_CELL], ids=str)
def test_every_page_state_loads_cleanly_passes_axe_and_holds_its_policy(
    page: Page, watch: Watch, site_url: str, kind: PageType
) -> None:
    """Each kind of page, opened once: first in dark mode (a first visit follows the system's scheme),
    then switched to light with the header's toggle, and checked with axe in each. Throughout, no console
    error, failed request or request to another host (the fixture's watch); at the end, a script added
    after loading is blocked (tests/test_browser_csp.py). Light mode on a first visit is how every
    other browser test opens its pages."""
    open_page(page, site_url, kind, "dark")
    expect(page.locator("article h1")).to_be_visible()
    if kind.answered:
        assert "?" in page.url, "answering a question records it in the address"
    assert_accessible(page, kind, "dark")
    switch_scheme(page, kind, "light")
    assert_accessible(page, kind, "light")
    assert_a_script_added_later_is_blocked(page, watch)


def focused(page: Page, selector: str) -> bool:
    return page.evaluate("selector => document.activeElement?.matches(selector) ?? false", selector)


def tab_to(page: Page, selector: str, *, limit: int = 60) -> None:
    """Press Tab until the focus is on an element matching ``selector``, as a keyboard user would."""
    for _ in range(limit):
        if focused(page, selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reaches {selector}")


@pytest.mark.parametrize("tree", DATASET.decisions, ids=lambda tree: tree.id)
def test_every_outcome_can_be_reached_with_the_keyboard_alone(page: Page, site_url: str, tree: DecisionTree) -> None:
    """Every path of every tree, by Tab and Enter or Space only: the focus moves to the next question's
    first answer after each choice, to the result at the end, and back to the first question on "Start again"."""
    page.goto(f"{site_url}decisions/{tree.id}/")
    chooser = page.locator(".fvd-chooser")
    expect(chooser.locator(".fvd-chooser__answers button").first).to_be_visible()
    page.locator("#walk a.headerlink").focus()  # the ¶ of the "Walk through it" heading, just above the chooser
    for number, path in enumerate(answer_paths(tree)):
        for step, (_, answer) in enumerate(path.steps):
            assert focused(page, ".fvd-chooser__answers button:first-child") or (step == 0 and number == 0), \
                f"focus is not on the first answer of step {step + 1} of {path.query}"
            tab_to(page, f".fvd-chooser__answers button[data-answer='{answer.id}']")
            page.keyboard.press("Enter" if step % 2 == 0 else "Space")
            expect(chooser.locator(".fvd-chooser__path li")).to_have_count(step + 1)
        result = chooser.locator(".fvd-chooser__result")
        expect(result).to_have_attribute("data-outcome", path.outcome.id)
        expect(result).to_be_focused()  # a screen reader reads the recommendation next
        tab_to(page, ".fvd-chooser__controls button:first-child")  # "Start again"
        page.keyboard.press("Enter")
        expect(chooser.locator(".fvd-chooser__path li")).to_have_count(0)


def test_a_flowchart_node_link_can_be_reached_and_opened_with_the_keyboard(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}decisions/{MASTER.id}/")
    page.wait_for_load_state("networkidle")
    # Start on the ¶ link of the "Flowchart" heading and Tab into the chart: its first node, then an outcome.
    page.locator("#flowchart a.headerlink").focus()
    tab_to(page, ".fvd-flow a", limit=10)
    assert focused(page, ".fvd-flow__node--question"), "the chart starts with its first question"
    tab_to(page, ".fvd-flow__node--outcome")
    target = page.evaluate("() => document.activeElement.href")
    assert target.startswith(f"{site_url}decisions/{MASTER.id}/") and target != page.url
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    expect(page.locator("article h1")).to_be_visible()
