"""A fixture dataset with a third framework and hostile text: no code change, nothing executed."""

from __future__ import annotations

import pytest

from macros.pipeline import load_dataset
from tests.conftest import FIXTURES, BuiltSite

DATASET = load_dataset(FIXTURES / "three-frameworks" / "data")
PAGES = ["", "frameworks/", "criteria/", "use-cases/", "criteria/orm/", "criteria/templates/", "use-cases/apis/",
         "frameworks/django/", "frameworks/fastapi/", "frameworks/flask/"]


def test_fixture_really_has_three_frameworks() -> None:
    assert [framework.id for framework in DATASET.frameworks] == ["django", "fastapi", "flask"]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_and_table_includes_the_third_framework(fixture_site: BuiltSite, url: str) -> None:
    article = fixture_site.article(url)
    if url.startswith("frameworks/") and url != "frameworks/":
        # A framework page covers that framework alone; FastAPI's own page must exist and be complete.
        if url == "frameworks/fastapi/":
            ratings = article.select("#criteria + table .fvd-rating")
            assert [r.get_text() for r in ratings] == ["Good", "Good"]
        return
    assert "FastAPI" in article.get_text()
    for table in article.select("table"):
        text = table.get_text()
        assert all(name in text for name in ("Django", "FastAPI", "Flask")), f"{url}: {text[:200]}"


@pytest.mark.parametrize("url", PAGES)
def test_data_never_becomes_markup(fixture_site: BuiltSite, url: str) -> None:
    page = fixture_site.page(url)
    article = page.select_one("article")
    injected = article.find_all(["script", "img", "b", "i", "u"]) + article.find_all("div", class_=False)
    assert not injected, "raw HTML from data reached the page"
    assert not page.select("script:-soup-contains('alert(')")


def test_hostile_text_is_shown_literally(fixture_site: BuiltSite) -> None:
    text = fixture_site.article("criteria/orm/").get_text()
    assert "<script>alert('plain')</script>" in text
    assert "{{ config.site_name }} {% if true %}jinja{% endif %}" in text
    assert "<b>bold</b> | pipe" in text
    assert "<script>alert('md')</script>" in text
    assert "{% csrf_token %}" in text and "{{ request.user }}" in text
    assert "<div>raw html</div> and {{ page.title }}" in text
    assert "Database & ORM <u>tag</u>" in fixture_site.article("criteria/").get_text()
    code = fixture_site.article("criteria/orm/").select_one("pre code").get_text()
    assert code.strip() == '<form method="post">{% csrf_token %}{{ form.as_p }}</form>'


def test_markdown_fields_still_render_markdown(fixture_site: BuiltSite) -> None:
    article = fixture_site.article("criteria/orm/")
    assert article.select_one("p code").get_text() == "<form>"
    assert "Caveat <b>x</b> {% raw %} stays text." in fixture_site.article("use-cases/apis/").get_text()
