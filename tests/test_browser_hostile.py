"""What a browser does with hostile data: the flowchart and the chooser draw it as text, nothing runs.

The pages are the hostile build of the every-kind fixture (see tests/hostile.py); the browser
also runs the script that turns data into DOM (the chooser's buttons and records).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import BuiltSite
from tests.hostile import Written
from tests.support import served

# Any element or attribute the payload names, and any sign that injected script ran.
INJECTED = """() => ({
  elements: document.querySelectorAll("x-fvd, x-fvd-code, [fvd-attr], .fvd-cls").length,
  handlers: [...document.querySelectorAll("*")].filter(e => [...e.attributes].some(a => a.name.startsWith("on"))).length,
  ran: window.__fvdRan === true,
})"""


@pytest.fixture(scope="module")
def site_url(hostile_site: tuple[BuiltSite, Written], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """This module's pages are the hostile build, served as the real one is; conftest's watched ``page`` opens them."""
    with served(hostile_site[0].site_dir, tmp_path_factory.mktemp("served-hostile") / "site") as (_, url):
        yield url


def test_flowchart_labels_show_the_data_as_text(page: Page, site_url: str, hostile_site) -> None:
    _, written = hostile_site
    question = written[("decisions/pick", ("questions", 0, "text"))][1]
    page.goto(f"{site_url}decisions/pick/")
    labels = page.locator(".fvd-flow__node--question").all_text_contents()
    assert " ".join(question.split()) in [" ".join(label.split()).partition(" ")[2] for label in labels]
    assert page.evaluate(INJECTED) == {"elements": 0, "handlers": 0, "ran": False}


def test_chooser_shows_questions_answers_and_outcomes_as_text(page: Page, site_url: str, hostile_site) -> None:
    _, written = hostile_site
    label = written[("decisions/pick", ("questions", 0, "answers", 0, "label"))][1]
    outcome = written[("decisions/pick", ("outcomes", 0, "title"))][1]
    page.goto(f"{site_url}decisions/pick/")
    button = page.locator(".fvd-chooser__answers button").first
    assert button.text_content() == label
    button.click()
    assert page.locator(".fvd-chooser__title strong").text_content() == outcome
    expect(page.locator(".fvd-chooser__record code")).to_contain_text("# Decision record: ")  # as text, escaped
    assert page.evaluate(INJECTED) == {"elements": 0, "handlers": 0, "ran": False}


@pytest.mark.parametrize("url", ["", "criteria/admin/", "frameworks/flask/", "claims/", "glossary/", "examples/hello/",
                                 "decisions/pick/django/"])
def test_no_page_turns_data_into_elements_or_handlers(page: Page, site_url: str, url: str) -> None:
    page.goto(f"{site_url}{url}")
    page.wait_for_load_state("networkidle")
    assert page.evaluate(INJECTED) == {"elements": 0, "handlers": 0, "ran": False}
