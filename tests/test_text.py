"""Escaping rules that keep data as text while Markdown fields keep their Markdown.

Each test renders with the site's own Markdown settings (macros.text.render_field reads them
from mkdocs.yml), then reads the HTML as a browser would: what elements exist, what text shows.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from hypothesis import example, given
from hypothesis import strategies as st

from macros.model.models import CONTROL_CHARACTERS
from macros.text import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_ELEMENTS,
    SAFE_SCHEMES,
    markdown,
    markup_problems,
    plain,
    render_field,
    site_markdown,
    url_scheme,
)


def site_html(markdown_source: str) -> BeautifulSoup:
    converter = site_markdown()
    converter.reset()
    return BeautifulSoup(converter.convert(markdown_source), "html.parser")


PLAIN_TEXTS = [
    "<b>x</b> *not emphasis* [no](link) a_b {: #id }",
    "- not a list", "+ not a list", "1. not a list", "1986) not a list", "4.8 MB",
    "!!! note \"not an admonition\"", "??? not details", "=== \"not a tab\"", "~~~ not a fence", ": not a definition",
    "# not a heading", "C#", "ends with hashes ##", "&amp; &#106; &lt;b&gt;", "<!-- not a comment -->",
    "</title><script>alert(1)</script>", "{{ jinja }} {% tag %} <!--{{ macro() }}-->", "back\\slash \\* \\<",
]


@pytest.mark.parametrize("text", PLAIN_TEXTS)
def test_plain_text_is_one_paragraph_showing_exactly_what_was_typed(text: str) -> None:
    html = site_html(str(plain(text)))
    assert [element.name for element in html.find_all(True)] == ["p"]
    assert html.p.get_text() == text


@pytest.mark.parametrize("text", PLAIN_TEXTS)
def test_plain_text_is_the_same_in_a_heading_and_a_table_cell(text: str) -> None:
    heading = site_html(f"## {plain(text)} {{ #h }}")
    assert heading.h2.get_text().removesuffix("¶") == text
    cell = site_html(f"| a |\n|---|\n| {plain(text)} |")
    assert cell.td.get_text() == text


def test_markdown_keeps_formatting_but_not_raw_html() -> None:
    html = site_html(str(markdown("**bold** and <script>alert(1)</script> and `<code>`")))
    assert [element.name for element in html.find_all(True)] == ["p", "strong", "code"]
    assert html.get_text() == "bold and <script>alert(1)</script> and <code>"


def test_markdown_leaves_fenced_code_untouched() -> None:
    source = "Before <i>\n\n```html\n<p>{% csrf_token %}</p>\n```\n"
    assert str(markdown(source)) == "Before &lt;i>\n\n```html\n<p>{% csrf_token %}</p>\n```"


@pytest.mark.parametrize(("source", "shown"), [
    ("Para {: .evil onclick=\"alert(1)\" }", 'Para {: .evil onclick="alert(1)" }'),
    ("&amp; &copy; &#106;", "&amp; &copy; &#106;"),
    ("<!-- hidden --> <https://example.org/auto>", "<!-- hidden --> <https://example.org/auto>"),
    ("[a][ref]\n\n[ref]: https://example.org/", "[a][ref]\n[ref]: https://example.org/"),
    ("Note[^1]\n\n[^1]: a footnote", "Note[^1]\n[^1]: a footnote"),
    ("HTML\n\n*[HTML]: Hyper Text", "HTML\n*[HTML]: Hyper Text"),
    ('!!! danger evil-class "t"\n    body', '!!! danger evil-class "t"\n    body'),
    ('??? note "t"\n    body', '??? note "t"\n    body'),
    ('=== "tab"\n    body', '=== "tab"\n    body'),
])
def test_markdown_constructs_that_make_markup_from_data_are_shown_as_text(source: str, shown: str) -> None:
    html = site_html(str(markdown(source)))
    assert {element.name for element in html.find_all(True)} <= {"p"}
    assert not any(element.attrs for element in html.find_all(True))
    assert html.get_text().strip() == shown


def test_markdown_links_lists_and_code_still_render() -> None:
    html = BeautifulSoup(render_field("- [Django](https://www.djangoproject.com/?a=1&b=2)\n- `x < y`\n"), "html.parser")
    assert html.select_one("li a")["href"] == "https://www.djangoproject.com/?a=1&b=2"
    assert html.select_one("li code").get_text() == "x < y"


@pytest.mark.parametrize("source", [
    "[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x]( javascript:alert(1))", "[x](java\tscript:alert(1))",
    "[x](data:text/html,<script>alert(1)</script>)", "[x](vbscript:msgbox)", "[x](file:///etc/passwd)",
])
def test_links_with_unsafe_schemes_are_problems(source: str) -> None:
    assert any("scheme" in problem for problem in markup_problems(source))


@pytest.mark.parametrize("source", [
    "[x](&#106;avascript:alert(1))", "[x](&#x6A;avascript:alert(1))", "[x](<javascript:alert(1)>)",
    "<javascript:alert(1)>", "[a][r]\n\n[r]: javascript:alert(1)",
])
def test_encoded_or_indirect_schemes_never_become_links(source: str) -> None:
    """Entities are shown as typed and definitions as text, so no spelling of javascript: is a live link."""
    html = BeautifulSoup(render_field(source), "html.parser")
    assert all(url_scheme(link.get("href", "")) in ("", "https", "http", "mailto") for link in html.find_all("a"))


def test_images_in_data_are_problems() -> None:
    assert any(found.startswith("an image") for found in markup_problems("![logo](https://example.org/logo.png)"))


def test_a_diagram_fence_in_data_is_shown_as_code() -> None:
    """No diagram runtime reads fences: flowcharts are drawn at build time from data/decisions only."""
    html = BeautifulSoup(render_field("```mermaid\ngraph TD; A-->B\n```"), "html.parser")
    assert html.find("code").get_text().strip() == "graph TD; A-->B"


def test_ordinary_markdown_has_no_problems() -> None:
    source = "Text with [a page](/criteria/database.md#django), **bold**, `code`.\n\n```python\nx = '<b>'\n```\n"
    assert markup_problems(source) == []


# ---------------------------------------------------------------------------
# Properties: any text, rendered as the site renders it
# ---------------------------------------------------------------------------

MARKUP = ["<script>", "</p>", "<!--", "-->", "&amp;", "&#106;", "{: .c }", "{{", "}}", "<!--{{", "[a](b)", "[a]: b",
          "![i](j)", "*[A]:", "[^1]", "!!!", "???", "===", "```", "~~~", "`", "*", "_", "#", "|", "\\", "- ", "1. ", "> ",
          ": ", "javascript:", "\t", "é", "漢", "🙂", "\u200b"]
# Text the model accepts: control characters are refused before anything renders (models.CONTROL_CHARACTERS).
TEXT = st.lists(st.sampled_from(MARKUP) | st.text(max_size=3), min_size=1, max_size=10).map("".join).map(
    lambda text: CONTROL_CHARACTERS.sub("", text))
LINE = TEXT.map(lambda text: " ".join(text.split())).filter(bool)


@given(LINE)
@example("1986. #1 {: .x } <b>&amp;</b>")
def test_any_plain_line_is_one_paragraph_of_exactly_its_text(text: str) -> None:
    html = site_html(str(plain(text)))
    assert [element.name for element in html.find_all(True)] == ["p"]
    assert html.p.get_text() == text


@given(TEXT | TEXT.map(lambda text: text.replace(" ", "\n")))
@example("[x](&#106;avascript:1)\n\n[r]: javascript:2\n{: onclick=x }")
def test_any_markdown_makes_only_markdown_elements_and_safe_links(text: str) -> None:
    html = BeautifulSoup(render_field(text), "html.parser")
    problems = markup_problems(text)
    for element in html.find_all(True):
        assert element.name in ALLOWED_ELEMENTS or problems
        assert set(element.attrs) <= ALLOWED_ATTRIBUTES | {"src"} or problems
        for attribute in ("href", "src"):
            scheme = re.match(r"^\s*([a-zA-Z][\w+.-]*):", element.get(attribute, ""))
            assert not scheme or scheme.group(1).lower() in SAFE_SCHEMES or problems
