"""Turn dataset text into Markdown that shows exactly what the contributor wrote.

Data is text, never code. This module is the one place that decides how data text enters a
generated Markdown page:

- ``plain`` fields are escaped for both HTML and Markdown, so every character is shown as typed;
- ``markdown`` fields keep their Markdown (emphasis, lists, links, code), but lose every construct
  that can produce markup or reach beyond the field: raw HTML, entities, attribute lists,
  reference and footnote definitions, abbreviations, admonitions, details and tabs.

``markup_problems`` renders a Markdown field the way the site will and reads the HTML, so link
schemes are judged after Markdown and entity decoding, never by a pattern on the source.
Jinja syntax needs no escaping because generated pages are never rendered as templates.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any

import markdown as python_markdown
import yaml
from markupsafe import Markup

# Characters Python-Markdown (with the tables extension) accepts a backslash escape for and
# that would change the meaning of text placed in a heading, list item or cell. '#' included:
# a heading drops trailing hashes, so "C#" would lose its '#'.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]|#])")
# A line of prose that starts like one of these becomes a block with attributes from the text:
# an admonition (!!! type), details (??? type), a tab (=== "label"), a reference or footnote
# definition ([id]: ...), an abbreviation (*[HTML]: ...). Its first character becomes an entity.
BLOCK_START = re.compile(r"^(\s*)(!!!|\?\?\?|===|\[[^\]\n]*\]:|\*\[)", re.MULTILINE)
# Plain text that starts like a list item ("- x", "1. x"), an admonition (!!!), details (???), tabs
# (===), a fence (~~~) or a definition (": x") would become that block: its trigger is an entity.
LINE_START = re.compile(r"^(?:[-+!?=:~]|\d+[.)](?:\s|$))")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.DOTALL)
SAFE_SCHEMES = ("https", "http", "mailto")
# URL attributes are compared after HTML decoding and without the characters browsers ignore.
IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f]+")
SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")


def fence(text: str, *, minimum: int = 3) -> str:
    """A run of backticks longer than any in ``text``: a code fence or span that ``text`` cannot close."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(minimum, longest + 1)


def html_attribute(text: str) -> Markup:
    """Text for HTML we write ourselves: element text or a double-quoted attribute value."""
    return Markup(html.escape(text, quote=True))


def plain(text: str) -> Markup:
    """Plain text, safe to place anywhere in Markdown and shown literally."""
    escaped = MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))
    start = LINE_START.match(escaped)
    if start:
        trigger = start.group(0).rstrip()[-1]
        position = start.group(0).rstrip().rindex(trigger)
        escaped = f"{escaped[:position]}&#{ord(trigger)};{escaped[position + 1:]}"
    return Markup(escaped)


def markdown(text: str) -> Markup:
    """A Markdown field with everything that could produce markup shown as text instead."""
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
    """Escape markup outside inline code spans, which Markdown already shows literally."""
    pieces = []
    position = 0
    for span in CODE_SPAN.finditer(text):
        pieces.append(_escape_markup(text[position:span.start()]))
        pieces.append(span.group(0))
        position = span.end()
    pieces.append(_escape_markup(text[position:]))
    return BLOCK_START.sub(lambda match: f"{match.group(1)}&#{ord(match.group(2)[0])};{match.group(2)[1:]}", "".join(pieces))


def _escape_markup(text: str) -> str:
    """'&' and '<' become entities (no HTML, comment or entity from data); braces lose attribute lists."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("{", "\\{").replace("}", "\\}")


# ---------------------------------------------------------------------------
# Reading the published HTML of a Markdown field
# ---------------------------------------------------------------------------

# What Markdown and the site's extensions make of a data field. Anything else means a construct
# got through that should not have.
ALLOWED_ELEMENTS = frozenset({
    "p", "a", "em", "strong", "code", "pre", "span", "div", "ul", "ol", "li", "blockquote", "h1", "h2", "h3", "h4",
    "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "hr", "br", "dl", "dt", "dd",
})
ALLOWED_ATTRIBUTES = frozenset({"href", "title", "class", "id", "name", "style", "alt"})
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "poster", "data"})


class _Published(HTMLParser):
    """Collects what a reader's browser would act on in one field's HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.problems.append("an image: data fields show no images; link to the page that has it")
        elif tag not in ALLOWED_ELEMENTS:
            self.problems.append(f"a <{tag}> element")
        for name, value in attrs:
            if name in URL_ATTRIBUTES:
                scheme = url_scheme(value or "")
                if scheme and scheme not in SAFE_SCHEMES:
                    self.problems.append(f"a link with the scheme '{scheme}:'")
            elif name not in ALLOWED_ATTRIBUTES:
                self.problems.append(f"an attribute '{name}'")


def url_scheme(url: str) -> str:
    """The scheme a browser would see in an (already HTML-decoded) URL, lower case; '' if relative."""
    match = SCHEME.match(IGNORED_IN_URLS.sub("", url).lower())
    return match.group(1) if match else ""


def markup_problems(text: str) -> list[str]:
    """What the published HTML of a Markdown field contains that data must not produce."""
    parser = _Published()
    parser.feed(render_field(text))
    parser.close()
    return list(dict.fromkeys(parser.problems))


def render_field(text: str) -> str:
    """One Markdown field as HTML, escaped by ``markdown`` and converted with the site's extensions."""
    converter = site_markdown()
    converter.reset()
    return converter.convert(str(markdown(text)))


@lru_cache(maxsize=1)
def site_markdown() -> python_markdown.Markdown:
    """Python-Markdown with the extensions and settings mkdocs.yml gives the site.

    Syntax highlighting is off: Pygments only colours code inside a block (and takes most of
    the time); every element and link that text can produce is the same without it.
    """
    from mkdocs.utils.yaml import get_yaml_loader

    from macros.paths import ROOT

    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=get_yaml_loader())
    names: list[str] = []
    settings: dict[str, Any] = {}
    for entry in config.get("markdown_extensions", []):
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        settings[name] = dict(options or {})
    settings.setdefault("pymdownx.highlight", {})["use_pygments"] = False
    return python_markdown.Markdown(extensions=names, extension_configs=settings)
