"""The glossary linker's phrase pattern: a trie that finds what one alternative per phrase would find."""

from __future__ import annotations

import re

import pytest

from macros.pages.generated import Site
from macros.paths import DATA_DIR
from macros.pipeline import load_site
from macros.render.glossary_links import GlossaryLinker, phrase_pattern


@pytest.fixture(scope="module")
def real_site() -> Site:
    """The real dataset's pages, whose text mentions its glossary's terms."""
    return load_site(DATA_DIR, check_links=False)


def alternation(phrases: list[str]) -> re.Pattern[str]:
    """The reference: every phrase an alternative, longest first, as the linker's pattern used to be written."""
    alternatives = sorted(phrases, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(map(re.escape, alternatives)) + r")\b", re.IGNORECASE)


def found(pattern: re.Pattern[str], text: str) -> list[tuple[int, str]]:
    return [(match.start(), match.group(1)) for match in pattern.finditer(text)]


def test_the_longest_phrase_wins_and_only_whole_words_match() -> None:
    pattern = phrase_pattern(["request", "request context", "orm", "n+1 query"])
    text = "A Request Context, requests, ORMs, the ORM, an N+1 query and a request."
    assert [phrase for _, phrase in found(pattern, text)] == ["Request Context", "ORM", "N+1 query", "request"]


def test_a_phrase_whose_longer_form_stops_mid_word_falls_back_to_the_shorter() -> None:
    pattern = phrase_pattern(["django", "django rest framework"])
    assert found(pattern, "django rest frameworks") == [(0, "django")]


def test_the_trie_finds_what_an_alternation_finds_on_every_page(real_site: Site) -> None:
    linker = GlossaryLinker(real_site.dataset.glossary)
    reference = alternation(list(linker.term_of))
    assert linker.pattern is not None
    texts = [page.body for page in real_site.pages]
    assert any(found(reference, text) for text in texts), "no page mentions a term: the comparison proves nothing"
    for text in texts:
        assert found(linker.pattern, text) == found(reference, text)
