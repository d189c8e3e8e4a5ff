"""Hostile text in every text field of every entity kind reaches the reader as text, wherever it lands.

The fixture under tests/fixtures/every-kind holds one entity of each kind; every plain-text and
Markdown field the model declares (found from the model, see tests/hostile.py) is overwritten
with markup, entities, comments, attribute lists and template syntax, and the site is built.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator

import pytest
from bs4 import BeautifulSoup, Comment
from hypothesis import example, given, settings
from hypothesis import strategies as st

from macros.pipeline import load_dataset
from macros.problems import InvalidDatasetError
from tests.conftest import BuiltSite, build_site
from tests.hostile import EVERY_KIND, RAW_LINE, Written, built_from

DATA_TEXT = re.compile(r"fvd-(?:attr|cls|comment|ref|title|footnote|abbr)|^x-fvd")


def html_files(site: BuiltSite) -> Iterator[tuple[str, BeautifulSoup]]:
    for path in sorted(site.site_dir.rglob("*.html")):
        yield path.relative_to(site.site_dir).as_posix(), BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def shown_text(soup: BeautifulSoup) -> str:
    """What a reader can see or a link preview shows: the page's text plus its meta descriptions."""
    metas = [meta.get("content", "") for meta in soup.find_all("meta")]
    return "\n".join([soup.get_text(), *metas])


def json_strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for child in value.values():
            yield from json_strings(child)
    elif isinstance(value, list):
        for child in value:
            yield from json_strings(child)


def test_every_entity_kind_and_both_text_kinds_are_poisoned(hostile_site: tuple[BuiltSite, Written]) -> None:
    _, written = hostile_site
    folders = {key.split("/")[0] for key, _ in written}
    assert folders == {path.name for path in (EVERY_KIND / "data").iterdir()}
    assert {kind for kind, _ in written.values()} == {"plain", "markdown"}


def test_no_element_attribute_or_comment_from_data_in_any_page(hostile_site: tuple[BuiltSite, Written]) -> None:
    site, _ = hostile_site
    found = []
    for name, soup in html_files(site):
        for element in soup.find_all(True):
            if DATA_TEXT.search(element.name):
                found.append(f"{name}: <{element.name}>")
            for attribute, value in element.attrs.items():
                values = value if isinstance(value, list) else [value]
                if DATA_TEXT.search(attribute) or attribute.startswith("on"):
                    found.append(f"{name}: attribute {attribute} on <{element.name}>")
                if attribute in ("class", "id", "href") and any(DATA_TEXT.search(item) for item in values):
                    found.append(f"{name}: {attribute}={value!r} on <{element.name}>")
        found += [f"{name}: comment {text!r}" for text in soup.find_all(string=lambda s: isinstance(s, Comment))
                  if "fvd" in text]
    assert found == []


def test_every_plain_value_is_shown_exactly_as_typed(hostile_site: tuple[BuiltSite, Written]) -> None:
    site, written = hostile_site
    corpus = "\n".join(shown_text(soup) for _, soup in html_files(site))
    # Keywords are words for the search index, not shown on pages (macros/render/search_terms.py).
    missing = [f"{key}:{path}" for (key, path), (kind, value) in written.items()
               if kind == "plain" and path[0] != "keywords" and value not in corpus]
    assert missing == []


def test_markdown_values_show_their_raw_html_as_text(hostile_site: tuple[BuiltSite, Written]) -> None:
    site, written = hostile_site
    corpus = "\n".join(soup.get_text() for _, soup in html_files(site))
    assert f"Intro {RAW_LINE}" in corpus
    missing = [f"{key}:{path}" for (key, path), (kind, value) in written.items()
               if kind == "markdown" and value.rsplit("\n", 1)[-1] not in corpus]
    assert missing == []


def test_titles_and_link_previews_hold_the_text_as_typed(hostile_site: tuple[BuiltSite, Written]) -> None:
    site, written = hostile_site
    title = written[("criteria/admin", ("title",))][1]
    head = site.page("criteria/admin/").head
    assert head.title.get_text() == f"{title} - Flask or Django?"
    assert head.select_one('meta[property="og:title"]')["content"] == f"{title} - Flask or Django?"
    verdict = written[("criteria/admin", ("assessments", "django", "verdict"))][1]
    assert verdict in head.select_one('meta[name="description"]')["content"]
    assert site.page("criteria/admin/").select_one("[data-md-component=header-topic] .md-ellipsis").get_text(strip=True) == title
    assert title in [link.get_text(strip=True) for link in site.article("criteria/").select("a")]


def test_json_api_and_search_index_hold_every_value_exactly(hostile_site: tuple[BuiltSite, Written]) -> None:
    site, written = hostile_site
    api = set(json_strings(json.loads((site.site_dir / "api/v1/dataset.json").read_text(encoding="utf-8"))))
    assert [value for _, value in written.values() if value not in api] == []
    # Material shows search results as HTML: titles and text in the index are escaped HTML.
    index = json.loads((site.site_dir / "search/search_index.json").read_text(encoding="utf-8"))
    title = written[("criteria/admin", ("title",))][1]
    entry = next(doc for doc in index["docs"] if doc["location"] == "criteria/admin/")
    assert BeautifulSoup(entry["title"], "html.parser").get_text() == title
    assert not BeautifulSoup(" ".join(doc["text"] + doc["title"] for doc in index["docs"]), "html.parser").find_all("x-fvd")


def test_sitemap_is_valid_xml_of_addresses_only(hostile_site: tuple[BuiltSite, Written]) -> None:
    import xml.etree.ElementTree as ElementTree

    site, _ = hostile_site
    tree = ElementTree.parse(site.site_dir / "sitemap.xml")
    assert all("fvd" not in (element.text or "") for element in tree.iter())


# ---------------------------------------------------------------------------
# Properties: generated text in every field; either a located error or text on the page.
# ---------------------------------------------------------------------------

SNIPPETS = [
    "<script>alert(1)</script>", "</title>", "<!--", "-->", "<img src=x onerror=alert(1)>", "&amp;", "&#106;", "&lt;",
    "{{ x }}", "{% raw %}", "<!--{{ overview_matrix() }}-->", "{: .c #i k=v }", "[a](javascript:alert(1))",
    "[a]: https://example.org", "*[A]: b", "[^1]", "!!! note", "=== \"t\"", "??? x", "```", "`", "*", "_", "#", "|",
    "\\", "'", '"', "- ", "1. ", "> ", ":", "~~~", "é", "漢字", "🙂", "\u200b", "\u2028",
]
PLAIN_TEXT = st.lists(st.sampled_from(SNIPPETS) | st.text(max_size=4), min_size=1, max_size=8).map("".join)
MARKDOWN_TEXT = st.lists(st.sampled_from([*SNIPPETS, "\n", "\n\n", "    "]) | st.text(max_size=4), min_size=1,
                         max_size=12).map("".join)
# Each example is a full build (about half a second): a fifth of the profile's examples.
BUILDS = settings(max_examples=max(3, settings().max_examples // 5))


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str, str]]:
    """The structure of the fixture built with rich but harmless text: what templates and Markdown make."""
    tmp_path = tmp_path_factory.mktemp("baseline")
    benign = "Text with **bold**, `code`, [a link](https://example.org/), a list:\n\n- one\n- two\n\n```python\nx = 1\n```"
    data_dir, _ = built_from(tmp_path, lambda kind, number: "Plain text" if kind == "plain" else benign)
    return structure(dict(html_files(build_site(tmp_path / "site", data_dir=data_dir)))) | MARKDOWN_STRUCTURE


@BUILDS
@given(plain=PLAIN_TEXT, markdown_text=MARKDOWN_TEXT)
@example(plain="#1 <b>pick</b> &copy;", markdown_text="[x](&#106;avascript:alert(1)) {: onclick=x }")
def test_generated_text_is_a_located_error_or_shown_as_text(
    tmp_path_factory: pytest.TempPathFactory, baseline: set[tuple[str, str]], plain: str, markdown_text: str,
) -> None:
    tmp_path = tmp_path_factory.mktemp("generated")
    data_dir, written = built_from(tmp_path, lambda kind, number: plain if kind == "plain" else markdown_text)
    try:
        load_dataset(data_dir)
    except InvalidDatasetError as error:
        assert all(re.match(r"data/[\w-]+/[\w-]+\.yaml:\d+: ", str(problem)) for problem in error.problems)
        return
    site = build_site(tmp_path / "site", data_dir=data_dir)
    pages = dict(html_files(site))
    corpus = "\n".join(shown_text(soup) for soup in pages.values())
    assert plain in corpus
    api = set(json_strings(json.loads((site.site_dir / "api/v1/dataset.json").read_text(encoding="utf-8"))))
    assert {value for _, value in written.values()} <= api
    assert structure(pages) <= baseline


def structure(pages: dict[str, BeautifulSoup]) -> set[tuple[str, str]]:
    """Which elements, attributes and scripts the pages have, independent of the text in them."""
    found: set[tuple[str, str]] = set()
    for soup in pages.values():
        for element in soup.find_all(True):
            found.add(("element", element.name))
            found.update(("attribute", name) for name in element.attrs)
        found.add(("scripts", str(Counter(script.get("src") for script in soup.find_all("script")))))
    return found


# What Markdown constructs may add on top of the baseline: headings, quotes, tables, emphasis.
MARKDOWN_STRUCTURE = {("element", name) for name in ("h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "em", "hr", "br", "ol",
                                                     "table", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd")} | {
    ("attribute", name) for name in ("id", "style", "title", "name")}
