"""The comparison builder (/compare/) as a reader meets it in headless Chromium.

The ``page`` fixture fails a test on any request to another host, failed request, console error
or policy violation, so every test here also checks that the builder works offline and within
the page's Content-Security-Policy. Expected rows, ratings and verdicts come from the dataset.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

import markdown as python_markdown
import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page, expect

from macros.model.models import Rating
from macros.paths import DATA_DIR
from macros.pipeline import load_dataset
from macros.render.comparison import DEFAULT_IMPORTANCE, IMPORTANCE
from macros.render.templates import versions_text
from tests.browser import LIGHTHOUSE_RULES, axe_report, axe_violations
from tests.support import PUBLISHED_URL, once

DATASET = once(load_dataset, DATA_DIR)  # shared with the other modules that read it
CRITERIA = DATASET.criteria
LABELS = {level.id: level.label for level in IMPORTANCE}
MUST, *_, LEAST = (level.id for level in IMPORTANCE)
# Three criteria, none first in the dataset's order, whose importance reverses their order on the page.
PICKS = {CRITERIA[1].id: LEAST, CRITERIA[2].id: DEFAULT_IMPORTANCE, CRITERIA[4].id: MUST}
ORDER = [CRITERIA[4].id, CRITERIA[2].id, CRITERIA[1].id]
QUERY = "?" + urlencode(PICKS)  # the checkboxes' order is the dataset's, like PICKS
PHONE = {"width": 375, "height": 812}

ROW_IDS = """() => [...document.querySelectorAll("article table tbody tr")]
  .filter((row) => !row.hidden && row.getClientRects().length)
  .map((row) => row.querySelector("[data-criterion]").dataset.criterion)"""


def open_builder(page: Page, site_url: str, query: str = "") -> None:
    page.goto(f"{site_url}compare/{query}")
    expect(page.locator(".fvd-compare__status")).not_to_have_text("")  # the script has drawn the choice


def pick(page: Page, criterion_id: str, importance: str) -> None:
    page.locator(f"label[for='pick-{criterion_id}']").click()
    page.locator(f"select[data-criterion='{criterion_id}']").select_option(importance)


def shown(page: Page) -> list[str]:
    return page.evaluate(ROW_IDS)


def assert_shows_the_picks(page: Page) -> None:
    """The form, the table and the importance marks show PICKS, most important first."""
    assert shown(page) == ORDER
    for criterion in CRITERIA:
        box = page.locator(f"#pick-{criterion.id}")
        if criterion.id in PICKS:
            expect(box).to_be_checked()
            expect(page.locator(f"select[data-criterion='{criterion.id}']")).to_have_value(PICKS[criterion.id])
        else:
            expect(box).not_to_be_checked()
    for criterion_id, importance in PICKS.items():
        expect(page.locator(f".fvd-compare__importance[data-criterion='{criterion_id}']")).to_have_text(LABELS[importance])


def test_with_nothing_ticked_every_criterion_shows_and_there_is_nothing_to_export(page: Page, site_url: str) -> None:
    open_builder(page, site_url)
    assert shown(page) == [criterion.id for criterion in CRITERIA]
    expect(page.locator(".fvd-compare__status")).to_contain_text(f"all {len(CRITERIA)} criteria are shown")
    expect(page.locator("button[data-action=copy]")).to_be_disabled()
    expect(page.locator("button[data-action=download]")).to_be_disabled()


def test_ticking_criteria_shows_only_those_most_important_first_and_the_address_records_them(
    page: Page, site_url: str
) -> None:
    open_builder(page, site_url)
    for criterion_id, importance in PICKS.items():
        pick(page, criterion_id, importance)
    assert_shows_the_picks(page)
    assert page.url == f"{site_url}compare/{QUERY}"
    expect(page.locator(".fvd-compare__status")).to_contain_text(f"Showing {len(PICKS)} of {len(CRITERIA)} criteria")
    for row in page.locator("article table tbody tr").all():
        if row.is_visible():  # a shown row has every framework's rating beside it
            expect(row.locator(".fvd-rating")).to_have_count(len(DATASET.frameworks))

    page.locator(f"label[for='pick-{ORDER[0]}']").click()  # untick the must-have
    assert shown(page) == ORDER[1:]
    assert ORDER[0] not in page.url
    page.get_by_role("button", name="Untick all", exact=True).click()
    assert shown(page) == [criterion.id for criterion in CRITERIA]
    assert page.url == f"{site_url}compare/"
    page.get_by_role("button", name="Tick all", exact=True).click()  # each keeps the importance it was given
    levels = {criterion.id: PICKS.get(criterion.id, DEFAULT_IMPORTANCE) for criterion in CRITERIA}
    rank = [level.id for level in IMPORTANCE]
    assert shown(page) == sorted(levels, key=lambda criterion_id: rank.index(levels[criterion_id]))
    assert page.url == f"{site_url}compare/?" + urlencode(levels)


def test_the_address_restores_the_choice_on_reload_from_a_shared_link_and_after_leaving_the_page(
    page: Page, browser: Browser, site_url: str
) -> None:
    open_builder(page, site_url)
    entries = page.evaluate("() => history.length")
    for criterion_id, importance in PICKS.items():
        pick(page, criterion_id, importance)
    assert page.evaluate("() => history.length") == entries, "each choice replaces the address, it adds no entry"
    page.reload()
    expect(page.locator(".fvd-compare__status")).to_contain_text(f"Showing {len(PICKS)}")
    assert_shows_the_picks(page)

    context = browser.new_context()  # someone else opens the shared link
    try:
        shared = context.new_page()
        open_builder(shared, site_url, QUERY)
        assert_shows_the_picks(shared)
    finally:
        context.close()

    # Follow a criterion link (Material's instant navigation) and come back with the browser's Back.
    page.locator(f"article table a[href$='criteria/{ORDER[0]}/']").click()
    page.wait_for_url(f"{site_url}criteria/{ORDER[0]}/")
    page.go_back()
    page.wait_for_url(f"{site_url}compare/{QUERY}")
    expect(page.locator(".fvd-compare__status")).to_contain_text(f"Showing {len(PICKS)}")
    assert_shows_the_picks(page)
    assert page.evaluate("() => history.length") == entries + 1


def focused(page: Page, selector: str) -> bool:
    return page.evaluate("selector => document.activeElement?.matches(selector) ?? false", selector)


def tab_to(page: Page, selector: str, presses: int = 12) -> None:
    for _ in range(presses):
        page.keyboard.press("Tab")
        if focused(page, selector):
            return
    pytest.fail(f"Tab does not reach {selector}")


def test_the_builder_works_with_the_keyboard_alone(page: Page, site_url: str) -> None:
    first, second = CRITERIA[0].id, CRITERIA[1].id
    open_builder(page, site_url)
    page.locator("#compare-criteria a.headerlink").focus()  # the ¶ of the page's heading, above the form
    tab_to(page, f"#pick-{first}")
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none", "focus is invisible"
    page.keyboard.press("Space")
    expect(page.locator(f"#pick-{first}")).to_be_checked()
    page.keyboard.press("Tab")
    assert focused(page, f"select[data-criterion='{first}']")
    for _ in IMPORTANCE:  # up to the first option, the most important
        page.keyboard.press("ArrowUp")
    expect(page.locator(f"select[data-criterion='{first}']")).to_have_value(MUST)
    page.keyboard.press("Tab")  # an unticked criterion's importance is disabled, so Tab skips it
    assert focused(page, f"#pick-{second}")
    page.keyboard.press("Space")
    assert shown(page) == [first, second]
    assert page.url == f"{site_url}compare/?" + urlencode({first: MUST, second: DEFAULT_IMPORTANCE})
    expect(page.locator(f".fvd-compare__importance[data-criterion='{first}']")).to_have_text(LABELS[MUST])

    tab_to(page, "button[data-action=download]", presses=len(CRITERIA) * 2 + 6)
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert [row["criterion"] for row in exported_rows(text)] == [CRITERIA[0].title, CRITERIA[1].title]


def test_without_javascript_the_full_matrix_is_shown_and_the_form_is_not(no_js_page: Page, site_url: str) -> None:
    page = no_js_page
    page.goto(f"{site_url}compare/{QUERY}")  # a shared link, opened without JavaScript: everything
    expect(page.locator("form.fvd-compare")).to_be_hidden()
    rows = page.locator("article table tbody tr")
    expect(rows).to_have_count(len(CRITERIA))
    for row, criterion in zip(rows.all(), CRITERIA, strict=True):
        expect(row).to_be_visible()
        expect(row.locator("td").first).to_have_text(criterion.title)
        for column, framework in enumerate(DATASET.frameworks, start=1):
            assessment = criterion.assessments[framework.id]
            expect(row.locator("td").nth(column).locator(".fvd-rating")).to_have_text(assessment.rating.label)
            expect(row.locator("td").nth(column)).to_contain_text(assessment.verdict)
    expect(page.locator("#importance")).to_be_visible()
    page.wait_for_load_state("networkidle")


def exported_rows(markdown: str) -> list[dict]:
    """The rows of the export's table, read as a Markdown processor with tables reads them."""
    html = BeautifulSoup(python_markdown.markdown(markdown, extensions=["tables"]), "html.parser")
    tables = html.find_all("table")
    assert len(tables) == 1, markdown
    names = [cell.get_text() for cell in tables[0].thead.find_all("th")]
    assert names == ["Criterion", "Importance", *(framework.name for framework in DATASET.frameworks)]
    rows = []
    for row in tables[0].tbody.find_all("tr"):
        first, importance, *cells = row.find_all("td")
        rows.append({
            "criterion": first.get_text(), "link": first.a["href"], "importance": importance.get_text(),
            "cells": [(cell.get_text(), cell.a["href"]) for cell in cells],
        })
    return rows


def test_the_export_holds_the_chosen_rows_with_ratings_verdicts_links_versions_and_dates(page: Page, site_url: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    open_builder(page, site_url, QUERY)
    assert_shows_the_picks(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download .md file").click()
    assert download.value.suggested_filename == "-".join(f.id for f in DATASET.frameworks) + "-comparison.md"
    text = Path(download.value.path()).read_text(encoding="utf-8")
    page.get_by_role("button", name="Copy Markdown").click()
    expect(page.locator(".fvd-compare__status")).to_contain_text("Copied")
    assert page.evaluate("() => navigator.clipboard.readText()") == text, "copied and downloaded Markdown differ"
    page.locator(".fvd-compare__preview summary").click()
    assert page.locator(".fvd-compare__preview code").text_content() == text, "the preview shows what is exported"

    rows = exported_rows(text)
    assert [row["criterion"] for row in rows] == [DATASET.criterion(criterion_id).title for criterion_id in ORDER]
    for row, criterion_id in zip(rows, ORDER, strict=True):
        criterion = DATASET.criterion(criterion_id)
        assert row["link"] == f"{PUBLISHED_URL}criteria/{criterion_id}/"
        assert row["importance"] == LABELS[PICKS[criterion_id]]
        for (cell, link), framework in zip(row["cells"], DATASET.frameworks, strict=True):
            assessment = criterion.assessments[framework.id]
            assert cell == (f"{assessment.rating.label}: {assessment.verdict} ({versions_text(framework, assessment)}; "
                            f"reviewed {assessment.reviewed.isoformat()}; details)")
            assert link == f"{PUBLISHED_URL}criteria/{criterion_id}/#{framework.id}"
    for framework in DATASET.frameworks:
        assert f"current series {framework.current_version}, latest release {framework.latest_release}" in text
        assert f"[{framework.name}]({PUBLISHED_URL}frameworks/{framework.id}/)" in text
    assert f"<{PUBLISHED_URL}compare/{QUERY}>" in text, "the export links back to this comparison"
    assert not re.search(r"\]\((?!https?://)", text), "every link in the export is absolute"


def test_a_framework_rated_lowest_on_a_must_have_is_named(page: Page, site_url: str) -> None:
    """The dataset may hold no rating at the bottom of the scale; the test gives one cell that rank on the page."""
    lowest = list(Rating)[-1]
    criterion, framework = CRITERIA[3], DATASET.frameworks[-1]
    open_builder(page, site_url)
    page.evaluate(
        """([criterion, rank]) => {
          const row = document.querySelector(`.fvd-compare__importance[data-criterion="${criterion}"]`).closest("tr");
          row.cells[row.cells.length - 1].querySelector(".fvd-rating").dataset.rank = rank;
        }""",
        [criterion.id, str(len(Rating))],
    )
    pick(page, criterion.id, DEFAULT_IMPORTANCE)
    status = page.locator(".fvd-compare__status")
    expect(status).not_to_contain_text(f"{framework.name} on {criterion.title}")
    page.locator(f"select[data-criterion='{criterion.id}']").select_option(MUST)
    expect(status).to_contain_text(f"Rated {lowest.label} on a {LABELS[MUST].lower()}: {framework.name} on {criterion.title}.")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_builder_passes_axe_and_fits_a_phone(page: Page, site_url: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    open_builder(page, site_url, QUERY)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate" if scheme == "dark" else "default")
    page.locator(".fvd-compare__preview summary").click()
    expect(page.locator(".fvd-compare__preview code")).to_be_visible()
    violations = axe_violations(page)
    assert violations == [], f"axe found violations on /compare/ in {scheme} mode:\n{axe_report(violations)}"

    page.set_viewport_size(PHONE)
    page.wait_for_function("width => window.innerWidth === width", arg=PHONE["width"])
    scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll_width <= PHONE["width"], f"the page is {scroll_width} px wide on a phone"
    form_right = page.locator("form.fvd-compare").bounding_box()
    assert form_right["x"] >= 0 and form_right["x"] + form_right["width"] <= PHONE["width"]
    violations = axe_violations(page, LIGHTHOUSE_RULES)
    assert violations == [], f"axe found violations on /compare/ on a phone in {scheme} mode:\n{axe_report(violations)}"


def test_the_comparison_is_cited_with_the_ticked_criteria_their_ratings_and_dates(page: Page, site_url: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    open_builder(page, site_url, QUERY)
    address = f"{PUBLISHED_URL}compare/{QUERY}"
    page.get_by_role("button", name="Copy link: this comparison").click()
    assert page.evaluate("() => navigator.clipboard.readText()") == address
    page.get_by_role("button", name="Plain text: this comparison").click()
    copied = page.evaluate("() => navigator.clipboard.readText()")
    criteria = {criterion.id: criterion for criterion in CRITERIA}
    positions = [copied.index(f"{criteria[criterion_id].title}: ") for criterion_id in ORDER]
    assert positions == sorted(positions), "criteria in the order the page shows them"
    for criterion_id in ORDER:
        for framework in DATASET.frameworks:
            assessment = criteria[criterion_id].assessments.get(framework.id)
            if assessment:
                assert f"{framework.name} {assessment.rating.label}" in copied, copied
    unpicked = next(criterion for criterion in CRITERIA if criterion.id not in PICKS)
    assert f"{unpicked.title}: " not in copied
    dates = sorted({a.reviewed.isoformat() for cid in ORDER for a in criteria[cid].assessments.values()})
    assert (f"reviewed from {dates[0]} to {dates[-1]}." if len(dates) > 1 else f"reviewed {dates[0]}.") in copied
    assert copied.endswith(f"{address} Retrieved {date.today().isoformat()}."), copied
