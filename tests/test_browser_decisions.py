"""Decision pages and outcome pages, as a reader meets them in headless Chromium.

For every decision page and every outcome page: the chart's text is at least 12 px at 1280 and
375 px, the chart is there without JavaScript, the page never overflows sideways, nothing shifts
while it loads, the chooser's address round-trips its state, the exported record holds the
answers, versions and review dates, and the print layout hides navigation and buttons.
Elsewhere: the keyboard-only walk to every outcome and axe on each new page type are in
tests/test_browser_accessibility.py; phones and no-JS for every page type in tests/test_browser_pages.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from macros.model.models import DecisionTree, Rating
from macros.paths import DATA_DIR
from macros.pipeline import load_dataset
from macros.render.flowcharts import AnswerPath, answer_paths
from tests.conftest import BuiltSite
from tests.support import once
from tests.test_browser_pages import LAYOUT_SHIFTS, OVERFLOW, PHONE

DATASET = once(load_dataset, DATA_DIR)  # shared with the other modules that read it
MASTER = next(tree for tree in DATASET.decisions if tree.master)
DESKTOP = {"width": 1280, "height": 900}
OUTCOMES = [(tree, outcome) for tree in DATASET.decisions for outcome in tree.outcomes]

# The smallest computed font size of any visible text inside the chart, in CSS px.
SMALLEST_TEXT = """chart => {
  let smallest = Infinity;
  const walker = document.createTreeWalker(chart, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.textContent.trim() && node.parentElement.checkVisibility()) {
      smallest = Math.min(smallest, parseFloat(getComputedStyle(node.parentElement).fontSize));
    }
  }
  return smallest;
}"""
# Visible elements of the page that a print shows; Material's and ours that must not print.
PRINTED = """selectors => selectors.filter((selector) =>
  [...document.querySelectorAll(selector)].some((element) => element.checkVisibility()))"""
NOT_PRINTED = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", "article button",
               ".md-content__button", ".fvd-record__actions"]


def outcome_id(item: tuple[DecisionTree, object]) -> str:
    tree, outcome = item
    return f"{tree.id}/{outcome.id}"  # type: ignore[attr-defined]


def fits_and_holds_still(page: Page) -> None:
    """No part of the page sticks out sideways, and nothing moved while it loaded."""
    page.wait_for_load_state("networkidle")
    width, window = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= window, f"the page is {width} px wide in a {window} px window: {page.evaluate(OVERFLOW)}"
    assert sum(page.evaluate(LAYOUT_SHIFTS)) < 0.01, "the text moved while the page was drawn"


@pytest.mark.parametrize("tree", DATASET.decisions, ids=lambda tree: tree.id)
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
def test_a_decision_page_chart_is_legible_fits_and_links_every_node(
    page: Page, site_url: str, tree: DecisionTree, viewport: dict[str, int]
) -> None:
    page.set_viewport_size(viewport)
    page.goto(f"{site_url}decisions/{tree.id}/")
    chart = page.locator(".fvd-flow")
    expect(chart).to_be_visible()
    fits_and_holds_still(page)
    assert chart.evaluate(SMALLEST_TEXT) >= 12, "chart text under 12 px"
    box = chart.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], "the chart fits the window"
    # Every question once, linking to its step; every outcome, linking to its page.
    questions = chart.locator(".fvd-flow__node--question")
    assert sorted(questions.evaluate_all("nodes => nodes.map(node => node.href)")) == sorted(
        f"{site_url}decisions/{tree.id}/#q-{question.id}" for question in tree.questions)
    hrefs = set(chart.locator(".fvd-flow__node--outcome").evaluate_all("nodes => nodes.map(node => node.href)"))
    assert hrefs == {f"{site_url}decisions/{tree.id}/{outcome.id}/" for outcome in tree.outcomes}
    for question in tree.questions:
        expect(questions.filter(has_text=question.text)).to_have_count(1)


@pytest.mark.parametrize("tree", DATASET.decisions, ids=lambda tree: tree.id)
def test_without_javascript_the_chart_and_its_links_are_there(no_js_page: Page, site_url: str, tree: DecisionTree) -> None:
    no_js_page.goto(f"{site_url}decisions/{tree.id}/")
    chart = no_js_page.locator(".fvd-flow")
    expect(chart).to_be_visible()
    expect(chart.locator(".fvd-flow__node--question")).to_have_count(len(tree.questions))
    titles = set(chart.locator(".fvd-flow__node--outcome").all_inner_texts())
    assert {" ".join(title.split()) for title in titles} == {f"Outcome: {outcome.title}" for outcome in tree.outcomes}


def assert_prints_without_navigation_or_buttons(page: Page, kept: list[str]) -> None:
    page.emulate_media(media="print")
    assert page.evaluate(PRINTED, NOT_PRINTED) == []
    assert page.evaluate(PRINTED, kept) == kept
    page.emulate_media(media="screen")


@pytest.mark.parametrize("item", OUTCOMES, ids=outcome_id)
def test_an_outcome_page_fits_a_phone_holds_still_and_prints_its_record(page: Page, site_url: str, item) -> None:
    """Each outcome page on a phone: every section, a record with every way here, the versions and the
    review dates, no sideways overflow or shift while its buttons are added, and a print of just the outcome."""
    tree, outcome = item
    page.set_viewport_size(PHONE)
    page.goto(f"{site_url}decisions/{tree.id}/{outcome.id}/")
    expect(page.locator("article h1")).to_contain_text(outcome.title)
    for section in ("why", "adds", "costs", "risks", "paths", "record"):
        expect(page.locator(f"#{section}")).to_be_visible()
    expect(page.get_by_role("button", name="Copy decision record")).to_be_visible()
    fits_and_holds_still(page)
    record = page.locator("#record ~ .highlight code").first.inner_text()
    assert record.startswith(f"# Decision record: {outcome.title}")
    assert f"reviewed {tree.reviewed.isoformat()}" in record
    frameworks = {framework.id: framework for framework in DATASET.frameworks}
    for framework_id in outcome.frameworks:
        framework = frameworks[framework_id]
        assert f"{framework.name} {framework.current_version} (latest release {framework.latest_release})" in record
    for path in answer_paths(tree):
        if path.outcome is outcome:
            assert all(f"{question.text} **{answer.label}**" in record for question, answer in path.steps)
    assert_prints_without_navigation_or_buttons(page, ["#why", "#record", "#record ~ .highlight"])


@pytest.mark.parametrize("tree", DATASET.decisions, ids=lambda tree: tree.id)
def test_an_outcome_page_reads_without_javascript(no_js_page: Page, site_url: str, tree: DecisionTree) -> None:
    """One outcome per tree: outcome pages share one template (tests/test_site.py reads every one's HTML)."""
    outcome = tree.outcomes[0]
    no_js_page.goto(f"{site_url}decisions/{tree.id}/{outcome.id}/")
    for section in ("why", "adds", "costs", "risks", "paths", "record", *(["evidence"] if outcome.criteria else [])):
        expect(no_js_page.locator(f"#{section}")).to_be_visible()
    expect(no_js_page.locator("#record ~ .highlight code")).to_contain_text(f"# Decision record: {outcome.title}")
    expect(no_js_page.locator(".fvd-record__actions")).to_have_count(0)  # no dead buttons


def walk(page: Page, site_url: str, tree: DecisionTree, path: AnswerPath) -> None:
    page.goto(f"{site_url}decisions/{tree.id}/")
    chooser = page.locator(".fvd-chooser")
    for _, answer in path.steps:
        chooser.locator(f".fvd-chooser__answers button[data-answer='{answer.id}']").click()
    expect(chooser.locator(".fvd-chooser__result")).to_have_attribute("data-outcome", path.outcome.id)


@pytest.mark.parametrize("tree", DATASET.decisions, ids=lambda tree: tree.id)
def test_every_path_round_trips_through_the_address(page: Page, site_url: str, tree: DecisionTree) -> None:
    """Each path's address restores its result; back and forward step through the answers; the result
    links to its outcome page with the same answers, whose record then names them."""
    chooser = page.locator(".fvd-chooser")
    path = max(answer_paths(tree), key=lambda path: len(path.steps))
    page.goto(f"{site_url}decisions/{tree.id}/?{path.query}")  # a shared link, loaded afresh
    expect(chooser.locator(".fvd-chooser__result")).to_have_attribute("data-outcome", path.outcome.id)
    for other in answer_paths(tree):  # every other address, through the history API the chooser listens to
        page.evaluate("query => { history.pushState(null, '', `?${query}`); dispatchEvent(new PopStateEvent('popstate')); }",
                      other.query)
        expect(chooser.locator(".fvd-chooser__result")).to_have_attribute("data-outcome", other.outcome.id)
        expect(chooser.locator(".fvd-chooser__path li")).to_have_count(len(other.steps))
    walk(page, site_url, tree, path)
    assert page.url == f"{site_url}decisions/{tree.id}/?{path.query}#walk"
    page.go_back()
    expect(chooser.locator(".fvd-chooser__result")).to_have_count(0)
    expect(chooser.locator(".fvd-chooser__path li")).to_have_count(len(path.steps) - 1)
    page.go_forward()
    expect(chooser.locator(".fvd-chooser__result")).to_have_attribute("data-outcome", path.outcome.id)
    chooser.get_by_role("link", name="Read the full recommendation").click()
    page.wait_for_url(f"{site_url}decisions/{tree.id}/{path.outcome.id}/?{path.query}")
    record = page.locator("#record ~ .highlight code").first
    for question, answer in path.steps:
        expect(record).to_contain_text(f"{question.text} **{answer.label}**")
    expect(record).to_contain_text("Our answers:")


def test_an_address_whose_answers_no_longer_fit_says_so_and_keeps_what_fits(page: Page, site_url: str) -> None:
    path = max(answer_paths(MASTER), key=lambda path: len(path.steps))
    (first, first_answer), (second, _) = path.steps[0], path.steps[1]
    page.goto(f"{site_url}decisions/{MASTER.id}/?{first.id}={first_answer.id}&{second.id}=gone&removed-question=x")
    chooser = page.locator(".fvd-chooser")
    notice = chooser.locator(".fvd-chooser__notice")
    expect(notice).to_contain_text("no longer fit")
    expect(notice).to_contain_text("removed-question")
    expect(chooser.locator(".fvd-chooser__path li")).to_have_count(1)  # the answer that still fits
    expect(chooser.locator(".fvd-chooser__question")).to_have_text(second.text)  # continue from there
    page.goto(f"{site_url}decisions/{MASTER.id}/?{path.query}")
    expect(chooser.locator(".fvd-chooser__notice")).to_have_count(0)


def test_the_former_chooser_address_opens_the_master_tree_with_its_answers(page: Page, site_url: str) -> None:
    path = answer_paths(MASTER)[0]
    page.goto(f"{site_url}chooser/?{path.query}#walk")
    page.wait_for_url(f"{site_url}decisions/{MASTER.id}/?{path.query}#walk")
    expect(page.locator(".fvd-chooser__result")).to_have_attribute("data-outcome", path.outcome.id)


def test_the_record_is_copied_and_downloaded_with_answers_versions_and_dates(page: Page, site_url: str) -> None:
    path = max(answer_paths(MASTER), key=lambda path: len(path.steps))
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    walk(page, site_url, MASTER, path)
    result = page.locator(".fvd-chooser__result")
    result.get_by_role("button", name="Copy decision record").click()
    expect(result.get_by_role("button", name="Record copied")).to_be_visible()
    copied = page.evaluate("() => navigator.clipboard.readText()")
    with page.expect_download() as download:
        result.get_by_role("button", name="Download as Markdown").click()
    assert download.value.suggested_filename == f"decision-{MASTER.id}-{path.outcome.id}.md"
    assert Path(download.value.path()).read_text(encoding="utf-8") == copied
    for question, answer in path.steps:
        assert f"{question.text} **{answer.label}**" in copied
    frameworks = {framework.id: framework for framework in DATASET.frameworks}
    for framework_id in path.outcome.frameworks:
        framework = frameworks[framework_id]
        assert f"{framework.name} {framework.current_version} (latest release {framework.latest_release})" in copied
    assert f"reviewed {MASTER.reviewed.isoformat()}" in copied
    for criterion_id in path.outcome.criteria:
        assessment = DATASET.criterion(criterion_id).assessments[path.outcome.frameworks[0]]
        assert f"| {assessment.rating.label} |" in copied and f"| {assessment.reviewed.isoformat()} |" in copied
    assert f"/decisions/{MASTER.id}/?{path.query}#walk" in copied, "the record names its result's address"
    assert any(rating.label in copied for rating in Rating)


def test_printing_a_chooser_result_shows_only_the_result_and_its_record(page: Page, site_url: str) -> None:
    walk(page, site_url, MASTER, answer_paths(MASTER)[0])
    assert_prints_without_navigation_or_buttons(page, [".fvd-chooser__result", ".fvd-chooser__record code"])
    page.emulate_media(media="print")
    assert page.evaluate(PRINTED, [".fvd-flow", "#steps", "article h1"]) == []  # not the chart, steps or heading


def test_comparison_tables_sort_by_rating_in_scale_order(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}criteria/")
    table = page.locator("article table").first
    header = table.locator("th", has_text=DATASET.frameworks[0].name)
    ratings = table.locator("tbody td:nth-child(2) .fvd-rating")
    order = [rating.label for rating in Rating]
    header.click()  # first click: best first
    ranks = [order.index(label) for label in ratings.all_inner_texts()]
    assert ranks == sorted(ranks) and len(set(ranks)) > 1
    header.click()  # second click: the reverse
    assert [order.index(label) for label in ratings.all_inner_texts()] == sorted(ranks, reverse=True)


def test_a_copied_result_link_opens_the_outcome_page_whose_preview_is_the_outcome_card(
    page: Page, site_url: str, site: BuiltSite,
) -> None:
    path = max(answer_paths(MASTER), key=lambda path: len(path.steps))
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    walk(page, site_url, MASTER, path)
    page.get_by_role("button", name="Copy link to this result").click()
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == f"{site_url}decisions/{MASTER.id}/{path.outcome.id}/?{path.query}"
    preview = site.page(f"decisions/{MASTER.id}/{path.outcome.id}/").select_one("meta[property='og:image']")["content"]
    assert preview.endswith(f"/cards/decisions/{MASTER.id}/{path.outcome.id}.png")
    page.goto(copied)
    record = page.locator("#record ~ .highlight code").first
    for question, answer in path.steps:
        expect(record).to_contain_text(f"{question.text} **{answer.label}**")
