"""Renderers, Markdown in and Markdown out: page bodies, shared partials, stubs and addresses, without MkDocs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from macros.model import addresses
from macros.model.models import Rating
from macros.model.registry import CRITERIA, FRAMEWORKS, GLOSSARY, USE_CASES
from macros.pages.generated import Site, call
from macros.pipeline import load_site
from macros.render import templates as render
from tests.conftest import FIXTURES

MINIMAL = FIXTURES / "minimal" / "data"


@pytest.fixture(scope="module")
def site() -> Site:
    return load_site(MINIMAL)


def test_a_criterion_body_has_its_title_anchor_and_one_column_per_framework(site: Site) -> None:
    dataset = site.dataset
    criterion = dataset.criteria[0]
    lines = render.criterion_page(criterion, dataset).splitlines()
    assert lines[0] == f"# {criterion.title} {{ #page-title }}"
    header = lines.index("## At a glance { #at-a-glance }") + 2
    assert lines[header] == "| | " + "".join(f"[{f.name}](#{f.id}) | " for f in dataset.frameworks)
    assert lines[header + 1] == "|---|" + "---|" * len(dataset.frameworks)
    sections = [f"## {framework.name} {{ #{framework.id} }}" for framework in dataset.frameworks]
    assert [line for line in lines if line in sections] == sections


def test_link_lists_link_each_entity_with_its_summary(site: Site) -> None:
    dataset = site.dataset
    use_case = dataset.use_cases[0]
    body = render.use_case_page(use_case, dataset)
    for criterion in (dataset.criterion(criterion_id) for criterion_id in use_case.criteria):
        assert f"| [{criterion.title}](/criteria/{criterion.id}.md) |" in body


def test_rating_badges_carry_their_rank_on_the_scale() -> None:
    badges = [render.rating_badge(rating) for rating in Rating]
    assert [badge.split('data-rank="')[1][0] for badge in badges] == ["1", "2", "3", "4"]
    assert all(f">{rating.label}</span>" in badge for rating, badge in zip(Rating, badges, strict=True))


@pytest.mark.parametrize(("text", "span"), [("plain", "`plain`"), ("a`b", "``a`b``"), ("`edge", "`` `edge ``")])
def test_code_spans_show_backticks_as_typed(text: str, span: str) -> None:
    assert render.code_span(text) == span


def test_section_index_text_is_escaped_data(site: Site) -> None:
    body = render.section_index(FRAMEWORKS, site.dataset)
    for framework in site.dataset.frameworks:
        assert f"[{framework.name}](/frameworks/{framework.id}.md)" in body


def test_every_stub_is_front_matter_and_one_macro_call_whose_body_the_site_holds(site: Site) -> None:
    for page in site.pages:
        front, body = page.stub.removeprefix("---\n").split("---\n", 1)
        meta = yaml.safe_load(front)
        assert meta == {"render_macros": True, **page.meta}
        assert body == f"\n<!--{{{{ {page.call} }}}}-->\n"
        assert site.body(page.call) == page.body


def test_a_description_with_yaml_syntax_reads_back_as_typed(tmp_path: Path, site: Site) -> None:
    page = site.pages[0]
    tricky = 'yes: "no" # {a: [b]} !ENV x\n---'
    stub = type(page)(**{**page.__dict__, "meta": {"description": tricky}}).stub
    assert yaml.safe_load(stub.split("---\n")[1])["description"] == tricky


def test_macro_calls_quote_their_arguments() -> None:
    assert call("criterion_page", "async") == 'criterion_page("async")'
    assert call("outcome_page", "pick", "django") == 'outcome_page("pick", "django")'
    assert call("master_decision_link") == "master_decision_link()"
    assert json.loads(call("x", 'a"b').removeprefix("x(").removesuffix(")")) == 'a"b'


def test_addresses_of_pages_and_of_entities_on_a_shared_page() -> None:
    assert addresses.src_uri(CRITERIA, "admin") == "criteria/admin.md"
    assert addresses.link(CRITERIA, "admin", "django") == "/criteria/admin.md#django"
    assert addresses.link(GLOSSARY, "wsgi") == "/glossary/index.md#wsgi"
    assert addresses.entity_url(USE_CASES, "api") == "/use-cases/api/"
    assert addresses.entity_url(GLOSSARY, "wsgi") == "/glossary/#wsgi"
    assert [addresses.url(src) for src in ("index.md", "criteria/index.md")] == ["/", "/criteria/"]
    assert addresses.outcome_uri("pick", "django") == "decisions/pick/django.md"
    assert addresses.url(addresses.outcome_uri("pick", "django")) == "/decisions/pick/django/"
    assert addresses.outcome_folder("pick", "old") == "decisions/pick/old"
    assert addresses.absolute("https://example.org/", "/criteria/admin.md#flask") == "https://example.org/criteria/admin/#flask"
    assert addresses.cell_aliases(["admin", "back-office"], ["django"]) == ["m-admin-django", "m-back-office-django"]
    assert addresses.page_folder(CRITERIA, "old") == "criteria/old"
