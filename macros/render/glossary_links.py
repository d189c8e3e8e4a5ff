"""Link the first mention of each glossary term on a page to its entry on the glossary page.

A Python-Markdown tree processor, so it sees rendered text only: code, links, headings and
badges are never touched. It emits site-absolute ``/glossary/index.md#<id>`` links, which
MkDocs' own link processor (which runs after it) validates and makes relative.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable
from dataclasses import dataclass, field

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from macros.model import addresses
from macros.model.models import Term
from macros.model.registry import GLOSSARY

SKIPPED_TAGS = {"a", "code", "pre", "kbd", "abbr", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style"}
QUALIFIER = re.compile(r"\s*\(([^)]*)\)\s*$")
# Runs after inline processing and the table of contents, before MkDocs rewrites links (priority 0).
PRIORITY = 1


def phrases_of(term: Term) -> list[str]:
    """What counts as a mention: the term and its other names.

    A qualifier of one word is dropped ('Request context (Flask)' -> 'Request context');
    a longer one is the phrase itself ('Project (Django project)' -> 'Django project'), so
    a generic word such as 'project' is never linked.
    """
    qualifier = QUALIFIER.search(term.term)
    if qualifier is None:
        names = [term.term]
    elif " " in qualifier.group(1).strip():
        names = [qualifier.group(1).strip()]
    else:
        names = [term.term[: qualifier.start()]]
    return names + list(term.aka)


_Trie = dict[str, "_Trie"]  # a phrase's next character -> the rest; "" marks where a phrase ends


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """Any of ``phrases`` as a whole word or words, in any case, the longest where several start at one place.

    Written as a trie (``(?:d(?:jango|rf))``) rather than one alternative per phrase: at each place in the
    text the regex follows the letters it reads instead of trying every phrase in turn, so linking a page
    no longer takes longer the bigger the glossary is. Longer phrases are tried before their prefixes, as
    in an alternation sorted by length: two phrases that can both match at one place are prefix and whole.
    """
    trie: _Trie = {}
    for phrase in phrases:
        node = trie
        for character in phrase:
            node = node.setdefault(character, {})
        node[""] = {}
    return re.compile(r"\b(" + _regex_of(trie) + r")\b", re.IGNORECASE)


def _regex_of(node: _Trie) -> str:
    branches = [re.escape(character) + _regex_of(child) for character, child in sorted(node.items()) if character]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


@dataclass
class GlossaryLinker:
    """Finds terms in text; one instance serves a whole build."""

    terms: list[Term]
    skip_pages: set[str] = field(default_factory=lambda: {addresses.index_uri(GLOSSARY)})
    current_page: str = ""

    def __post_init__(self) -> None:
        self.term_of: dict[str, str] = {}
        for term in self.terms:
            for phrase in phrases_of(term):
                self.term_of[phrase.lower()] = term.id
        self.pattern = phrase_pattern(self.term_of) if self.term_of else None

    def enabled(self) -> bool:
        return self.pattern is not None and self.current_page not in self.skip_pages


class _GlossaryTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, linker: GlossaryLinker) -> None:
        super().__init__(md)
        self.linker = linker

    def run(self, root: ElementTree.Element) -> None:
        if self.linker.enabled():
            self._walk(root, linked=set())

    def _walk(self, element: ElementTree.Element, linked: set[str]) -> None:
        if element.tag in SKIPPED_TAGS or "fvd-" in element.get("class", ""):
            return
        if element.text:
            element.text, anchors = self._link(element.text, linked)
            for index, anchor in enumerate(anchors):
                element.insert(index, anchor)
        for child in list(element):
            self._walk(child, linked)
            if child.tail:
                child.tail, anchors = self._link(child.tail, linked)
                position = list(element).index(child) + 1
                for offset, anchor in enumerate(anchors):
                    element.insert(position + offset, anchor)

    def _link(self, text: str, linked: set[str]) -> tuple[str, list[ElementTree.Element]]:
        """Split ``text`` at first mentions: the leading text and the links (each carrying its tail)."""
        assert self.linker.pattern is not None
        anchors: list[ElementTree.Element] = []
        leading = text
        position = 0
        for match in self.linker.pattern.finditer(text):
            term_id = self.linker.term_of[match.group(1).lower()]
            if term_id in linked:
                continue
            linked.add(term_id)
            anchor = ElementTree.Element("a", {"href": addresses.link(GLOSSARY, term_id), "class": "fvd-term"})
            anchor.text = match.group(1)
            if anchors:
                anchors[-1].tail = text[position:match.start()]
            else:
                leading = text[:match.start()]
            anchors.append(anchor)
            position = match.end()
        if anchors:
            anchors[-1].tail = text[position:]
        return leading, anchors


class GlossaryLinksExtension(Extension):
    """Registers the tree processor; MkDocs accepts extension instances in markdown_extensions."""

    def __init__(self, linker: GlossaryLinker) -> None:
        super().__init__()
        self.linker = linker

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(_GlossaryTreeprocessor(md, self.linker), "fvd_glossary_links", PRIORITY)
