"""Flowcharts and the chooser, as a reader meets them in headless Chromium.

Elsewhere: the flowchart after instant navigation and in dark mode is in tests/test_browser_csp.py
(one walk from the home page checks both it and the first page's policy); the text flowchart
without JavaScript is in tests/test_browser_pages.py (every page type without JavaScript), and
so is what a phone gets on arrival: Mermaid from the site, only on pages with a flowchart and
only once scrolled to, and a chooser drawn without pushing the text down (the phone test, which
opens every page type).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from macros.model.models import Answer, DecisionTree, Rating
from macros.paths import DATA_DIR
from macros.pipeline import load_dataset
from macros.render.flowcharts import question_order
from tests.support import once

DATASET = once(load_dataset, DATA_DIR)  # shared with the other modules that read it
MASTER = DATASET.decisions[0]


def paths(tree: DecisionTree) -> Iterator[tuple[list[tuple[str, Answer]], str]]:
    """Every path from the start to an outcome: the (question, answer) steps and the outcome id."""
    by_id = {question.id: question for question in tree.questions}

    def walk(question_id: str, steps: list[tuple[str, Answer]]) -> Iterator[tuple[list[tuple[str, Answer]], str]]:
        for answer in by_id[question_id].answers:
            trail = [*steps, (question_id, answer)]
            if answer.outcome:
                yield trail, answer.outcome
            else:
                yield from walk(answer.next or "", trail)

    yield from walk(tree.start, [])


def diagram_labels(page: Page) -> set[str]:
    page.wait_for_selector(".fvd-mermaid svg")
    texts = page.eval_on_selector_all(".fvd-mermaid svg .node", "nodes => nodes.map(node => node.textContent)")
    return {" ".join(text.split()) for text in texts}


@pytest.mark.parametrize("tree", DATASET.decisions, ids=lambda tree: tree.id)
def test_flowchart_renders_every_question_and_outcome(page: Page, site_url: str, tree: DecisionTree) -> None:
    page.goto(f"{site_url}decisions/{tree.id}/")
    expected = {question.text for question in tree.questions} | {outcome.title for outcome in tree.outcomes}
    assert diagram_labels(page) == expected
    assert page.locator(".fvd-mermaid svg").get_attribute("aria-roledescription") == "flowchart-v2"


def test_a_flowchart_node_link_opens_its_page(page: Page, site_url: str) -> None:
    first = question_order(MASTER)[0]
    page.goto(f"{site_url}decisions/{MASTER.id}/")
    page.wait_for_selector(".fvd-mermaid svg")
    page.locator(".fvd-mermaid svg a", has_text=first.text).first.click()
    page.wait_for_url(f"{site_url}criteria/{first.criteria[0]}/")
    assert page.locator("h1").inner_text().startswith(DATASET.criterion(first.criteria[0]).title)


def test_chooser_reaches_every_outcome_of_the_master_tree(page: Page, site_url: str) -> None:
    """Every path through the master tree in one visit, each after the last result's "Start again",
    which must bring back the first question and an address without answers."""
    page.goto(f"{site_url}chooser/")
    chooser = page.locator(".fvd-chooser")
    result = chooser.locator(".fvd-chooser__result")
    reached = set()
    for steps, outcome in paths(MASTER):
        for _, answer in steps:
            chooser.locator(f".fvd-chooser__answers button[data-answer='{answer.id}']").click()
        expect(result, f"the path to {outcome}").to_have_attribute("data-outcome", outcome)
        title = next(o.title for o in MASTER.outcomes if o.id == outcome)
        expect(result, f"the path to {outcome}").to_contain_text(title)
        query = "&".join(f"{question_id}={answer.id}" for question_id, answer in steps)
        assert page.url == f"{site_url}chooser/?{query}#walk", f"the path to {outcome}"
        reached.add(outcome)
        chooser.get_by_role("button", name="Start again").click()
        expect(result).to_have_count(0)
        expect(chooser.locator(".fvd-chooser__path li")).to_have_count(0)
        assert page.url == f"{site_url}chooser/#walk"
    assert reached == {outcome.id for outcome in MASTER.outcomes}


def test_a_shared_link_restores_the_answers_and_history_steps_through_them(page: Page, site_url: str) -> None:
    steps, outcome = next(path for path in paths(MASTER) if len(path[0]) >= 2)
    query = "&".join(f"{question_id}={answer.id}" for question_id, answer in steps)
    page.goto(f"{site_url}chooser/?{query}")
    chooser = page.locator(".fvd-chooser")
    expect(chooser.locator(".fvd-chooser__result")).to_have_attribute("data-outcome", outcome)
    assert chooser.locator(".fvd-chooser__path li").count() == len(steps)

    page.goto(f"{site_url}chooser/")
    for _, answer in steps:
        chooser.locator(f".fvd-chooser__answers button[data-answer='{answer.id}']").click()
    page.go_back()
    expect(chooser.locator(".fvd-chooser__result")).to_have_count(0)
    expect(chooser.locator(".fvd-chooser__path li")).to_have_count(len(steps) - 1)
    page.go_forward()
    expect(chooser.locator(".fvd-chooser__result")).to_have_attribute("data-outcome", outcome)


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
