"""The comparison builder's renderer (macros/render/comparison.py): the page's Markdown and its export, without MkDocs.

The page is read as the site's Markdown makes it (macros.text.site_markdown) with a real HTML
parser; the export is read as a Markdown table. Expected values come from the loaded datasets.
"""

from __future__ import annotations

import dataclasses
import json

import markdown as python_markdown
import pytest
from bs4 import BeautifulSoup, Tag

from macros.model import addresses
from macros.model.dataset import Dataset
from macros.model.models import Rating
from macros.model.registry import CRITERIA, FRAMEWORKS
from macros.paths import DATA_DIR
from macros.pipeline import load_dataset
from macros.render import comparison
from macros.render.templates import versions_text
from macros.text import site_markdown
from tests.conftest import FIXTURES
from tests.hostile import PLAIN
from tests.support import once

DATASET = once(load_dataset, DATA_DIR)  # shared with the other modules that read it
THREE = load_dataset(FIXTURES / "three-frameworks" / "data")
SITE_URL = "https://example.org/docs/"
PAGE = "compare.md"
# Text that must stay text: a cell separator, an element that closes the cell, a script, Markdown.
HOSTILE = f"{PLAIN} </td><script>window.__fvdRan=true</script> a|b"


def page_html(dataset: Dataset) -> BeautifulSoup:
    converter = site_markdown()
    converter.reset()
    body = comparison.comparison_builder(dataset, site_url=SITE_URL, page_src=PAGE)
    return BeautifulSoup(converter.convert(body), "html.parser")


def export_table(markdown: str) -> Tag:
    """The one table of a Markdown text, as a Markdown processor with tables (like GitHub's) reads it."""
    html = python_markdown.markdown(markdown, extensions=["tables"])
    tables = BeautifulSoup(html, "html.parser").find_all("table")
    assert len(tables) == 1, html
    return tables[0]


def exported(dataset: Dataset, picks: dict[str, str]) -> str:
    """The Markdown the script makes for ``picks`` (criterion id -> importance id): it joins these pieces only."""
    data = comparison.export_data(dataset, site_url=SITE_URL, page_src=PAGE)
    rows = [data["rows"][criterion][0] + data["importance"][level] + data["rows"][criterion][1]
            for criterion, level in picks.items()]
    return "\n".join([data["title"], "", *data["head"], *rows, "", *data["notes"], "", "".join(data["link"])])


def with_hostile_text(dataset: Dataset) -> Dataset:
    """The dataset with hostile text in the first criterion's title and verdicts and the first framework's name."""
    criterion, *others = dataset.criteria
    framework, *rest = dataset.frameworks
    assessments = {fid: assessment.model_copy(update={"verdict": HOSTILE}) for fid, assessment in criterion.assessments.items()}
    return dataclasses.replace(dataset, entities={
        **dataset.entities,
        CRITERIA: [criterion.model_copy(update={"title": HOSTILE, "assessments": assessments}), *others],
        FRAMEWORKS: [framework.model_copy(update={"name": HOSTILE}), *rest],
    })


def cells(row: Tag) -> list[Tag]:
    return row.find_all(["td", "th"], recursive=False)


# ----------------------------------------------------------------------------
# The page
# ----------------------------------------------------------------------------


@pytest.mark.parametrize("dataset", [DATASET, THREE], ids=["site", "three-frameworks"])
def test_the_form_offers_every_criterion_with_each_importance_and_hides_without_javascript(dataset: Dataset) -> None:
    form = page_html(dataset).select_one("form.fvd-compare")
    assert form is not None and "fvd-js-only" in form["class"]
    assert form.select_one("fieldset > legend") is not None
    choices = form.select(".fvd-compare__choice")
    assert [choice.input["data-criterion"] for choice in choices] == [criterion.id for criterion in dataset.criteria]
    for choice, criterion in zip(choices, dataset.criteria, strict=True):
        box, label, select = choice.input, choice.label, choice.find("select")
        assert box["type"] == "checkbox" and label["for"] == box["id"] and label.get_text() == criterion.title
        assert select["aria-label"] == f"Importance of {criterion.title}"
        assert [(option["value"], option.get_text()) for option in select.find_all("option")] == [
            (level.id, level.label) for level in comparison.IMPORTANCE
        ]
        assert [option["value"] for option in select.find_all("option", selected=True)] == [comparison.DEFAULT_IMPORTANCE]
    assert form["data-lowest-rank"] == str(len(Rating)) and form["data-lowest-label"] == list(Rating)[-1].label
    assert {button["data-action"] for button in form.select("button[data-action]")} == {"all", "none", "copy", "download"}
    assert [button["data-copy"] for button in form.select(".fvd-cite button")] == ["link", "markdown", "text"]


@pytest.mark.parametrize("dataset", [DATASET, THREE], ids=["site", "three-frameworks"])
def test_the_matrix_has_every_criterion_and_each_frameworks_rating_verdict_versions_and_date(dataset: Dataset) -> None:
    """The full matrix is the page without JavaScript; adding a framework adds a column, from the data alone."""
    table = page_html(dataset).find("table")
    assert [cell.get_text() for cell in cells(table.thead.tr)] == ["Criterion", *(f.name for f in dataset.frameworks)]
    rows = table.tbody.find_all("tr")
    assert [row.select_one(".fvd-compare__importance")["data-criterion"] for row in rows] == [c.id for c in dataset.criteria]
    for row, criterion in zip(rows, dataset.criteria, strict=True):
        first, *framework_cells = cells(row)
        assert first.a.get_text() == criterion.title and first.a["href"] == addresses.link(CRITERIA, criterion.id)
        assert first.select_one(".fvd-compare__importance").get_text() == ""  # the script writes the importance
        for cell, framework in zip(framework_cells, dataset.frameworks, strict=True):
            assessment = criterion.assessments[framework.id]
            assert cell.select_one(".fvd-rating").get_text() == assessment.rating.label
            verdict = cell.find("a")
            assert verdict.get_text() == assessment.verdict
            assert verdict["href"] == addresses.link(CRITERIA, criterion.id, framework.id)
            meta = f"{versions_text(framework, assessment)}; reviewed {assessment.reviewed.isoformat()}"
            assert cell.select_one(".fvd-compare__meta").get_text() == meta


def test_the_page_says_why_there_is_no_total() -> None:
    section = page_html(DATASET).find(id="importance")
    assert section is not None and section.name == "h2"
    text = " ".join(" ".join(part.get_text() for part in section.find_next_siblings(["p", "ul"])).split())
    assert "this page shows none" in text and "They are not numbers" in text
    assert all(rating.label in text for rating in Rating)
    assert list(Rating)[-1].meaning in text


def test_the_script_reads_exactly_the_export_pieces_the_renderer_makes() -> None:
    form = page_html(DATASET).select_one("form.fvd-compare")
    assert json.loads(form["data-export"]) == comparison.export_data(DATASET, site_url=SITE_URL, page_src=PAGE)


# ----------------------------------------------------------------------------
# The export
# ----------------------------------------------------------------------------


@pytest.mark.parametrize("dataset", [DATASET, THREE], ids=["site", "three-frameworks"])
def test_each_exported_row_links_its_criterion_and_gives_every_frameworks_rating_verdict_versions_and_date(
    dataset: Dataset,
) -> None:
    levels = [level.id for level in comparison.IMPORTANCE]
    picks = {criterion.id: levels[index % len(levels)] for index, criterion in enumerate(dataset.criteria)}
    table = export_table(exported(dataset, picks))
    header = cells(table.thead.tr)
    assert [cell.get_text() for cell in header] == ["Criterion", "Importance", *(f.name for f in dataset.frameworks)]
    assert [cell.a["href"] for cell in header[2:]] == [
        f"{SITE_URL}frameworks/{framework.id}/" for framework in dataset.frameworks
    ]
    labels = {level.id: level.label for level in comparison.IMPORTANCE}
    rows = table.tbody.find_all("tr")
    assert len(rows) == len(dataset.criteria)
    for row, criterion in zip(rows, dataset.criteria, strict=True):
        first, importance, *framework_cells = cells(row)
        assert len(framework_cells) == len(dataset.frameworks), "a cell was split or lost"
        assert first.a.get_text() == criterion.title and first.a["href"] == f"{SITE_URL}criteria/{criterion.id}/"
        assert importance.get_text() == labels[picks[criterion.id]]
        for cell, framework in zip(framework_cells, dataset.frameworks, strict=True):
            assessment = criterion.assessments[framework.id]
            assert cell.strong.get_text() == assessment.rating.label
            assert cell.get_text() == (
                f"{assessment.rating.label}: {assessment.verdict} ({versions_text(framework, assessment)}; "
                f"reviewed {assessment.reviewed.isoformat()}; details)"
            )
            assert cell.a["href"] == f"{SITE_URL}criteria/{criterion.id}/#{framework.id}"


def test_the_export_names_each_frameworks_current_versions_and_review_date_and_links_the_comparison() -> None:
    markdown = exported(DATASET, {DATASET.criteria[0].id: comparison.DEFAULT_IMPORTANCE})
    html = BeautifulSoup(python_markdown.markdown(markdown, extensions=["tables"]), "html.parser")
    notes = [item.get_text() for item in html.find_all("li")]
    assert notes == [
        f"{framework.name}: current series {framework.current_version}, latest release {framework.latest_release}; "
        f"facts reviewed {framework.reviewed.isoformat()}."
        for framework in DATASET.frameworks
    ]
    assert html.find_all("p")[-1].a["href"] == f"{SITE_URL}compare/"
    assert all(link["href"].startswith(SITE_URL) for link in html.find_all("a")), "every link is absolute"


def test_the_export_pieces_exist_for_every_criterion_and_importance() -> None:
    data = comparison.export_data(DATASET, site_url=SITE_URL, page_src=PAGE)
    assert list(data["rows"]) == [criterion.id for criterion in DATASET.criteria]
    assert all(len(pieces) == 2 for pieces in data["rows"].values())
    assert list(data["importance"]) == [level.id for level in comparison.IMPORTANCE]
    assert data["filename"] == "-".join(f.id for f in DATASET.frameworks) + "-comparison.md"


# ----------------------------------------------------------------------------
# Hostile text
# ----------------------------------------------------------------------------


def test_hostile_text_stays_text_on_the_page() -> None:
    dataset = with_hostile_text(DATASET)
    html = page_html(dataset)
    assert html.find("script") is None and html.find("x-fvd") is None and html.find(attrs={"fvd-attr": True}) is None
    assert html.select_one(".fvd-compare__choice label").get_text() == HOSTILE
    assert html.select_one(".fvd-compare__choice select")["aria-label"] == f"Importance of {HOSTILE}"
    table = html.find("table")
    assert cells(table.thead.tr)[1].get_text() == HOSTILE
    first_row = table.tbody.tr
    assert len(cells(first_row)) == 1 + len(dataset.frameworks), "a | in the text split a cell"
    assert cells(first_row)[0].a.get_text() == HOSTILE
    assert all(cell.find("a").get_text() == HOSTILE for cell in cells(first_row)[1:])


def test_hostile_text_stays_text_in_the_export() -> None:
    dataset = with_hostile_text(DATASET)
    criterion = dataset.criteria[0]
    markdown = exported(dataset, {criterion.id: "must"})
    assert "<script>" not in markdown and "<x-fvd" not in markdown
    table = export_table(markdown)
    assert table.find("script") is None and table.find("x-fvd") is None
    assert cells(table.thead.tr)[2].get_text() == HOSTILE
    first, _, *framework_cells = cells(table.tbody.tr)
    assert len(framework_cells) == len(dataset.frameworks), "a | in the text split a cell"
    assert first.a.get_text() == HOSTILE
    assert all(HOSTILE in cell.get_text() for cell in framework_cells)


@pytest.mark.parametrize("text", ["a | b", "one\ntwo", "one\r\ntwo | three", "\\|", "`|`", "[x](y) | <b>"])
def test_a_markdown_cell_keeps_its_text_on_one_line_in_one_cell(text: str) -> None:
    cell = comparison.markdown_cell(text)
    assert "\n" not in cell and "\r" not in cell
    table = export_table(f"| a | b |\n|---|---|\n| {cell} | end |")
    assert [td.get_text() for td in cells(table.tbody.tr)] == [" ".join(text.replace("\r\n", "\n").split("\n")), "end"]


def test_a_link_address_cannot_end_early() -> None:
    assert comparison.markdown_url("https://example.org/a b(c)|d") == "https://example.org/a%20b%28c%29%7Cd"
    table = export_table(f"| x |\n|---|\n| {comparison.markdown_link('t', 'https://example.org/a b)c')} |")
    assert table.tbody.a["href"] == "https://example.org/a%20b%29c"
