"""Citations: every citable section of the built site offers them, with the facts its data holds,
and shows the change entries that name it. The browser tests (test_browser_citations.py) copy them."""

from __future__ import annotations

import pytest

from macros.model import addresses
from macros.model.sections import Section, citable_sections
from macros.paths import DATA_DIR
from macros.pipeline import load_dataset
from macros.render.citations import Citation, changes_of
from tests.conftest import BuiltSite
from tests.support import PUBLISHED_NAME, PUBLISHED_URL, once

DATASET = once(load_dataset, DATA_DIR)  # shared with the other modules that read it
SECTIONS = citable_sections(DATASET)


def test_markdown_escapes_data_text_and_plain_text_keeps_it_as_typed() -> None:
    cited = Citation("[Admin](javascript:alert(1)) *x*", "https://example.org/criteria/admin/#flask",
                     statement="Good: <b>ships</b> `code`", holds_for="Flask 3.1", reviewed="2026-11-20",
                     site_name="Flask or Django?")
    assert cited.markdown.startswith(r"[\[Admin\](javascript:alert(1)) \*x\*](https://example.org/criteria/admin/#flask)")
    assert "<b>" not in cited.markdown and "&lt;b&gt;" in cited.markdown
    assert "*Flask or Django?*" in cited.markdown and "?*." not in cited.markdown, "no full stop after a question mark"
    assert cited.markdown.endswith("Holds for Flask 3.1; reviewed 2026-11-20.")
    assert cited.text == ("[Admin](javascript:alert(1)) *x*. Good: <b>ships</b> `code`. Holds for Flask 3.1; "
                          "reviewed 2026-11-20. Flask or Django? https://example.org/criteria/admin/#flask")


def test_a_citation_without_statement_or_versions_still_says_when_it_was_reviewed() -> None:
    cited = Citation("WSGI", "https://example.org/glossary/#wsgi", reviewed="2026-11-20", site_name="Site")
    assert cited.markdown == "[WSGI](https://example.org/glossary/#wsgi), *Site*. Reviewed 2026-11-20."
    assert cited.text == "WSGI. Reviewed 2026-11-20. Site. https://example.org/glossary/#wsgi"


def page_of(link: str) -> tuple[str, str]:
    """The built page's address and the heading the section starts at."""
    path, _, anchor = link.partition("#")
    return addresses.url(path.lstrip("/")).lstrip("/"), anchor or "page-title"


def expected_changes(section: Section) -> set[str]:
    """Ids of the entries naming the section, or, for a criterion or use case page, any of its assessments."""
    own = [section] + [part for part in SECTIONS if not section.path and section.collection.has_pages
                       and part.entity_id == section.entity_id and part.collection is section.collection and part.path]
    names = {name for part in own for name in (part.link, *part.aliases)}
    return {change.id for change in DATASET.changes if names & set(change.sections)}


@pytest.mark.parametrize("section", SECTIONS, ids=lambda section: section.link)
def test_every_citable_section_offers_its_citation_and_its_changes(site: BuiltSite, section: Section) -> None:
    url, anchor = page_of(section.link)
    article = site.article(url)
    cite = article.select_one(f"#{anchor} ~ .fvd-cite")
    assert cite is not None, f"{section.link}: no copy buttons"
    address = addresses.absolute(PUBLISHED_URL, section.link)
    assert cite["data-link"] == address
    assert cite["data-markdown"].startswith("[") and f"]({address})" in cite["data-markdown"]
    assert cite["data-text"].startswith(section.title) and cite["data-text"].endswith(address)
    assert [button["data-copy"] for button in cite.select("button")] == ["link", "markdown", "text"]
    changed = article.select_one(f"#{anchor} ~ .fvd-changed")
    linked = {link["href"].rpartition("#")[2] for link in changed.select("a") if "#" in link["href"]}
    assert linked == expected_changes(section), section.link
    for link in changed.select("a[href*='#']"):
        change = next(change for change in DATASET.changes if change.id == link["href"].rpartition("#")[2])
        assert link.get_text() == change.changed.isoformat() and link["title"] == change.summary


def test_the_newest_change_comes_first() -> None:
    named = [section for section in SECTIONS if len(changes_of(section, DATASET)) > 1]
    for section in named:
        dates = [change.changed for change in changes_of(section, DATASET)]
        assert dates == sorted(dates, reverse=True)


def test_an_assessment_citation_carries_rating_verdict_versions_and_review_date(site: BuiltSite) -> None:
    criterion = DATASET.criteria[0]
    for framework in DATASET.frameworks:
        assessment = criterion.assessments.get(framework.id)
        if assessment is None:
            continue
        cite = site.article(f"criteria/{criterion.id}/").select_one(f"#{framework.id} ~ .fvd-cite")
        text = cite["data-text"]
        for part in (assessment.rating.label, assessment.verdict, ", ".join(assessment.versions),
                     assessment.reviewed.isoformat(), PUBLISHED_NAME):
            assert part in text, (part, text)
