"""Turn dataset text into Markdown that shows exactly what the contributor wrote.

Data is text, never code: plain fields are escaped for both HTML and Markdown, and
Markdown fields keep their Markdown but lose raw HTML, which is shown as literal text.
Jinja syntax needs no escaping because generated pages are never rendered as templates.
"""

from __future__ import annotations

import html
import re

from markupsafe import Markup

# Characters Python-Markdown (with the tables extension) accepts a backslash escape for and
# that would change the meaning of one line of text placed in a heading, list item or cell.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]|])")
LINE_START_SPECIAL = ("#", "+", "-", ".")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.DOTALL)


def plain(text: str) -> Markup:
    """One line of plain text, safe to place anywhere in Markdown and shown literally."""
    escaped = MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))
    if escaped.startswith(LINE_START_SPECIAL):
        escaped = "\\" + escaped
    return Markup(escaped)


def markdown(text: str) -> Markup:
    """A Markdown field with raw HTML outside code shown as text (``<script>`` stays visible)."""
    blocks: list[str] = []
    prose: list[str] = []
    fence: str | None = None
    for line in text.strip("\n").split("\n"):
        match = FENCE.match(line)
        if fence is None and match:
            blocks.append(_escape_prose("\n".join(prose)))
            prose, fence = [], match.group(1)
            blocks.append(line)
        elif fence is not None:
            blocks.append(line)
            if match and match.group(1).startswith(fence):
                fence = None
        else:
            prose.append(line)
    blocks.append(_escape_prose("\n".join(prose)))
    return Markup("\n".join(block for block in blocks if block != ""))


def _escape_prose(text: str) -> str:
    """Escape '<' outside inline code spans, which Markdown already shows literally."""
    pieces = []
    position = 0
    for span in CODE_SPAN.finditer(text):
        pieces.append(text[position:span.start()].replace("<", "&lt;"))
        pieces.append(span.group(0))
        position = span.end()
    pieces.append(text[position:].replace("<", "&lt;"))
    return "".join(pieces)
