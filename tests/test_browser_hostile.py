"""What a browser does with hostile data: the flowchart and the chooser draw it as text, nothing runs.

The pages are the hostile build of the every-kind fixture (see tests/hostile.py); the browser
also runs the scripts that turn data into DOM (Mermaid labels, the chooser's buttons).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.conftest import BuiltSite
from tests.hostile import Written

# Any element or attribute the payload names, and any sign that injected script ran.
INJECTED = """() => ({
  elements: document.querySelectorAll("x-fvd, x-fvd-code, [fvd-attr], .fvd-cls").length,
  handlers: [...document.querySelectorAll("*")].filter(e => [...e.attributes].some(a => a.name.startsWith("on"))).length,
  ran: window.__fvdRan === true,
})"""


@pytest.fixture(scope="module")
def hostile_url(hostile_site: tuple[BuiltSite, Written]) -> Iterator[str]:
    from scripts.static_server import serve

    with serve(hostile_site[0].site_dir) as url:
        yield url


@pytest.fixture
def hostile_page(browser: Browser, hostile_url: str) -> Iterator[Page]:
    from tests.browser import Watch

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watch = Watch(origin=hostile_url)
    watch.attach(page)
    yield page
    context.close()
    watch.assert_clean()


def test_flowchart_labels_show_the_data_as_text(hostile_page: Page, hostile_url: str, hostile_site) -> None:
    _, written = hostile_site
    question = written[("decisions/pick", ("questions", 0, "text"))][1]
    hostile_page.goto(f"{hostile_url}decisions/pick/")
    hostile_page.locator(".fvd-mermaid").scroll_into_view_if_needed()
    hostile_page.wait_for_selector(".fvd-mermaid svg .node")
    labels = hostile_page.eval_on_selector_all(".fvd-mermaid svg .node", "nodes => nodes.map(node => node.textContent)")
    assert question in [" ".join(label.split()) for label in labels]
    assert hostile_page.evaluate(INJECTED) == {"elements": 0, "handlers": 0, "ran": False}


def test_chooser_shows_questions_answers_and_outcomes_as_text(hostile_page: Page, hostile_url: str, hostile_site) -> None:
    _, written = hostile_site
    label = written[("decisions/pick", ("questions", 0, "answers", 0, "label"))][1]
    outcome = written[("decisions/pick", ("outcomes", 0, "title"))][1]
    hostile_page.goto(f"{hostile_url}chooser/")
    button = hostile_page.locator(".fvd-chooser__answers button").first
    assert button.text_content() == label
    button.click()
    assert hostile_page.locator(".fvd-chooser__title strong").text_content() == outcome
    assert hostile_page.evaluate(INJECTED) == {"elements": 0, "handlers": 0, "ran": False}


@pytest.mark.parametrize("url", ["", "criteria/admin/", "frameworks/flask/", "claims/", "glossary/", "examples/hello/"])
def test_no_page_turns_data_into_elements_or_handlers(hostile_page: Page, hostile_url: str, url: str) -> None:
    hostile_page.goto(f"{hostile_url}{url}")
    hostile_page.wait_for_load_state("networkidle")
    assert hostile_page.evaluate(INJECTED) == {"elements": 0, "handlers": 0, "ran": False}
