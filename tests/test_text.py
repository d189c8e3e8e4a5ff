"""Escaping rules that keep data as text while Markdown fields keep their Markdown."""

from __future__ import annotations

import markdown as python_markdown

from macros.text import markdown, plain


def to_html(text: str) -> str:
    return python_markdown.markdown(text, extensions=["tables", "fenced_code"])


def test_plain_text_shows_html_and_markdown_characters_literally() -> None:
    html = to_html(str(plain("<b>x</b> *not emphasis* [no](link) a_b {: #id }")))
    assert html == "<p>&lt;b&gt;x&lt;/b&gt; *not emphasis* [no](link) a_b {: #id }</p>"


def test_plain_text_starting_with_a_list_marker_stays_a_paragraph() -> None:
    assert to_html(str(plain("- not a list"))) == "<p>- not a list</p>"


def test_plain_text_in_a_table_cell_keeps_its_pipe() -> None:
    html = to_html(f"| a |\n|---|\n| {plain('x | y')} |")
    assert "<td>x | y</td>" in html


def test_markdown_keeps_formatting_but_not_raw_html() -> None:
    html = to_html(str(markdown("**bold** and <script>alert(1)</script> and `<code>`")))
    assert html == "<p><strong>bold</strong> and &lt;script&gt;alert(1)&lt;/script&gt; and <code>&lt;code&gt;</code></p>"


def test_markdown_leaves_fenced_code_untouched() -> None:
    source = "Before <i>\n\n```html\n<p>{% csrf_token %}</p>\n```\n"
    assert str(markdown(source)) == "Before &lt;i>\n\n```html\n<p>{% csrf_token %}</p>\n```"
