"""A fourth framework with gaps, added to the real dataset as a contributor would: YAML only, no code change.

The fixture framework (tests/fixtures/fourth-framework/) is assessed on one criterion and one use
case, and has no code examples and no measurements. Every page type must build strictly, show the
gaps as "not assessed yet" in words, and never give the framework a rating it does not have.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from macros.model import coverage
from macros.model.coverage import NOT_ASSESSED
from macros.model.registry import CRITERIA, EXAMPLES, USE_CASES
from macros.paths import DATA_DIR
from macros.pipeline import load_dataset
from tests.conftest import FIXTURES, BuiltSite, build_site
from tests.support import built_once

FOURTH = FIXTURES / "fourth-framework"
FRAMEWORK = yaml.safe_load((FOURTH / "embla.yaml").read_text(encoding="utf-8"))
ASSESSED = yaml.safe_load((FOURTH / "assessments.yaml").read_text(encoding="utf-8"))
GAP = NOT_ASSESSED.capitalize()


def with_fourth_framework(root: Path) -> Path:
    """A copy of data/ and examples/ in ``root`` with the fourth framework's file and its few assessments added."""
    data = root / "data"
    shutil.copytree(DATA_DIR, data)
    shutil.copytree(DATA_DIR.parent / "examples", root / "examples")
    shutil.copy(FOURTH / "embla.yaml", data / "frameworks" / "embla.yaml")
    for folder, entries in ASSESSED.items():
        for entity_id, assessment in entries.items():
            path = data / folder / f"{entity_id}.yaml"
            document = yaml.safe_load(path.read_text(encoding="utf-8"))
            document["assessments"][FRAMEWORK["id"]] = assessment
            path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return data


def build(folder: Path) -> tuple[BuiltSite, Path]:
    data = with_fourth_framework(folder)
    return build_site(folder / "site", data_dir=data), data


@pytest.fixture(scope="module")
def fourth(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuiltSite, Path]:
    """The real site plus the fourth framework, built strictly once per run."""
    return built_once(tmp_path_factory, "fourth-framework", build)


@pytest.fixture(scope="module")
def site(fourth: tuple[BuiltSite, Path]) -> BuiltSite:
    return fourth[0]


@pytest.fixture(scope="module")
def dataset(fourth: tuple[BuiltSite, Path]):
    return load_dataset(fourth[1])


def column(table, name: str) -> list:
    """The body cells of the column headed ``name``."""
    headings = [cell.get_text(strip=True) for cell in table.select("thead th")]
    index = headings.index(name)
    return [row.select("td")[index] for row in table.select("tbody tr")]


def test_the_fixture_is_partial(dataset) -> None:
    """The premise: the framework is in the dataset, assessed on the one criterion and use case, nowhere else."""
    framework_id = FRAMEWORK["id"]
    assert framework_id in [framework.id for framework in dataset.frameworks]
    assessed = {collection.folder: [entity.id for entity in dataset.entities[collection]
                                    if framework_id in coverage.covered_ids(collection, entity)]
                for collection in coverage.COVERED}
    assert assessed == {CRITERIA.folder: list(ASSESSED["criteria"]), USE_CASES.folder: list(ASSESSED["use-cases"]),
                        EXAMPLES.folder: []}


def test_coverage_counts_every_gap(dataset) -> None:
    counts = {count.collection: count for count in coverage.coverage(dataset)[FRAMEWORK["id"]]}
    assert counts[CRITERIA].assessed == 1 and counts[CRITERIA].total == len(dataset.criteria)
    assert counts[USE_CASES].assessed == 1 and counts[EXAMPLES].assessed == 0
    assert len(counts[CRITERIA].missing) == len(dataset.criteria) - 1


@pytest.mark.parametrize("url", ["", "criteria/", "use-cases/", "compare/"])
def test_matrices_show_gaps_in_words(site: BuiltSite, url: str) -> None:
    """Home matrix, criteria and use-case indexes, comparison builder: one badge where assessed, words elsewhere."""
    table = next(table for table in site.article(url).select("table")
                 if FRAMEWORK["name"] in [cell.get_text(strip=True) for cell in table.select("thead th")])
    cells = column(table, FRAMEWORK["name"])
    rated = [cell for cell in cells if cell.select(".fvd-rating")]
    gaps = [cell for cell in cells if cell.select(".fvd-gap")]
    assert len(rated) == 1 and len(gaps) == len(cells) - 1
    assert all(cell.get_text(" ", strip=True).endswith(GAP) and not cell.select("[data-rank]") for cell in gaps)
    for cell in gaps:  # each gap links to the framework's section of its page
        assert cell.select_one(".fvd-gap")["href"].endswith(f"/#{FRAMEWORK['id']}")


@pytest.mark.parametrize("folder", ["criteria", "use-cases"])
def test_entity_pages_keep_a_section_that_says_so(site: BuiltSite, dataset, folder: str) -> None:
    collection = CRITERIA if folder == "criteria" else USE_CASES
    for entity in dataset.entities[collection]:
        article = site.article(f"{folder}/{entity.id}/")
        heading = article.select_one(f"h2#{FRAMEWORK['id']}")
        assert heading is not None, f"{folder}/{entity.id}/ lost the framework's section"
        section = []
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2":
                break
            section.append(sibling)
        text = " ".join(part.get_text(" ", strip=True) for part in section)
        if FRAMEWORK["id"] in entity.assessments:
            assert entity.assessments[FRAMEWORK["id"]].verdict in text
        else:
            assert text.startswith(f"{GAP}.") and not any(part.select(".fvd-rating") for part in section)
            assert any(link.get_text() == "Add the assessment" for part in section for link in part.select("a"))


def test_framework_page_rates_only_what_is_assessed(site: BuiltSite, dataset) -> None:
    article = site.article(f"frameworks/{FRAMEWORK['id']}/")
    ratings = article.select("#criteria + table .fvd-rating")
    assert len(ratings) == 1
    assert len(article.select("#criteria + table .fvd-gap")) == len(dataset.criteria) - 1
    assert len(article.select("#use-cases + table .fvd-gap")) == len(dataset.use_cases) - 1


def test_example_pages_say_what_is_not_written(site: BuiltSite, dataset) -> None:
    for example in dataset.examples:
        article = site.article(f"examples/{example.id}/")
        assert f"Not written yet in {FRAMEWORK['name']}." in article.get_text(" ", strip=True)
        tabs = [label.get_text(strip=True) for label in article.select(".tabbed-labels label")]
        assert FRAMEWORK["name"] not in tabs


def test_methodology_lists_the_counts_from_the_data(site: BuiltSite, dataset) -> None:
    table = site.article("methodology/").select_one("#not-assessed ~ table")
    row = next(row for row in table.select("tbody tr") if row.select_one("td").get_text(strip=True) == FRAMEWORK["name"])
    expected = [f"{count.assessed} of {count.total}" for count in coverage.coverage(dataset)[FRAMEWORK["id"]]]
    assert [cell.get_text(strip=True) for cell in row.select("td")[1:]] == expected


@pytest.mark.parametrize("url", ["claims/", "glossary/", "decisions/", "examples/"])
def test_other_page_types_build_without_a_rating_for_it(site: BuiltSite, url: str) -> None:
    """Pages that do not compare every framework still build, and nothing on them rates the fixture framework."""
    article = site.article(url)
    assert article.select("h1")
    assert FRAMEWORK["name"] not in " ".join(badge.parent.get_text() for badge in article.select(".fvd-rating"))


def test_decision_pages_build(site: BuiltSite, dataset) -> None:
    for tree in dataset.decisions:
        assert site.article(f"decisions/{tree.id}/").select(".fvd-flow")
        for outcome in tree.outcomes:
            assert site.article(f"decisions/{tree.id}/{outcome.id}/").select("h1")


def test_json_api_leaves_gaps_out(site: BuiltSite, dataset) -> None:
    """A missing assessment is absent from the export, never null or a placeholder value."""
    document = json.loads((site.site_dir / "api" / "v1" / "dataset.json").read_text(encoding="utf-8"))
    assert FRAMEWORK["id"] in [framework["id"] for framework in document["frameworks"]]
    for folder, key in (("criteria", "criteria"), ("use-cases", "use_cases")):
        with_entry = [entity["id"] for entity in document[key] if FRAMEWORK["id"] in entity["assessments"]]
        assert with_entry == list(ASSESSED[folder])
    assert not [example for example in document["examples"] if FRAMEWORK["id"] in example["files"]]


def test_search_finds_the_framework_and_its_gaps(site: BuiltSite) -> None:
    index = json.loads((site.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {document["location"] for document in index["docs"]}
    assert f"frameworks/{FRAMEWORK['id']}/" in locations
    assert f"criteria/database/#{FRAMEWORK['id']}" in locations
    section = next(document for document in index["docs"] if document["location"] == f"criteria/database/#{FRAMEWORK['id']}")
    assert GAP in section["text"]


def test_comparison_export_says_not_assessed(site: BuiltSite) -> None:
    form = site.article("compare/").select_one("form[data-export]")
    export = json.loads(form["data-export"])
    rows = export["rows"]
    assert "Fair" in "".join(rows[next(iter(ASSESSED["criteria"]))])
    assert all(GAP in "".join(row) for criterion_id, row in rows.items() if criterion_id not in ASSESSED["criteria"])
