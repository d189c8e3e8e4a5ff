"""Words the site search should match that a page's text may not contain.

Material's search indexes title, text and tags, and gives tags a weight of a million, so a
keyword stored as a tag outranks every word of every other page ("django rest framework" as a
tag lifted a page for any query with "django"). Instead, each entry of the search index gets a
``keywords`` field, weighted in mkdocs.yml like ordinary words: the entity's keywords (a
glossary term's other names), and the unhyphenated spelling of each hyphenated word
(e-commerce -> ecommerce), because the search separator keeps hyphenated words whole.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

# Words joined by hyphens with a letter somewhere: 'e-commerce', 'django-allauth', not '2026-11-23'.
HYPHENATED = re.compile(r"\b(?=[\w-]*[A-Za-z])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+\b")
FIELD = "keywords"


def spelling_variants(text: str) -> list[str]:
    """Each hyphenated word of ``text`` written without its hyphens, once: 'e-commerce' -> 'ecommerce'."""
    return list(dict.fromkeys(word.replace("-", "").lower() for word in HYPHENATED.findall(text)))


def add_keywords(index: dict[str, Any], keywords: Mapping[str, list[str]]) -> dict[str, Any]:
    """The Material search index with a keywords field on each entry.

    ``keywords`` maps an entry's location ('criteria/admin/', 'glossary/#wsgi') to the words
    readers use for it; entries of the same page but another section get only spelling variants.
    """
    for entry in index["docs"]:
        words = list(keywords.get(entry["location"], []))
        words += spelling_variants(" ".join([entry.get("title", ""), entry.get("text", ""), *words]))
        if words:
            entry[FIELD] = list(dict.fromkeys(words))
    return index
