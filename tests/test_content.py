"""The published dataset covers the content brief, with no placeholders and a source for every statement."""

from __future__ import annotations

import re

import pytest

from macros.model.addresses import SITE_LINK
from macros.paths import DATA_DIR
from macros.pipeline import load_dataset
from tests.support import once

DATASET = once(load_dataset, DATA_DIR)  # shared with the other modules that read it

# From the content brief (shared/CONTENT-BRIEF.md): the ids it proposes and the claims it lists.
BRIEF_CRITERIA = [
    "philosophy", "learning-curve", "project-structure", "performance", "scalability", "database", "admin",
    "authentication", "forms", "security", "async", "rest-apis", "templating", "routing", "testing",
    "developer-tooling", "configuration", "ecosystem", "customization", "deployment", "maintenance",
]
BRIEF_USE_CASES = [
    "small-apps", "prototyping", "custom-apps", "rest-apis", "microservices", "large-projects", "rapid-development",
    "e-commerce", "high-security", "content-sites", "social-platforms", "learning", "large-teams", "real-time",
]
BRIEF_CLAIMS = [
    "Flask is single-threaded and needs extra tooling under heavy load.",
    "Flask is faster than Django; Django is heavy.",
    "Django handles high traffic efficiently; Flask needs extra tools as it scales.",
    "Django follows the MVC pattern.",
    "Django's philosophy is \"convention over configuration\".",
    "Flask's async support is ahead of Django's; Django has not fully embraced async.",
    "Flask has no database abstraction or form validation.",
    "Django supports multiple databases through its ORM.",
    "Django protects against CSRF, XSS, clickjacking and SQL injection by default.",
    "Django needs fewer lines of code than Flask for equivalent functionality.",
    "Flask has integrated unit-testing support.",
    "Flask is built on Werkzeug and Jinja2.",
    "Flask ships a development server and an interactive debugger.",
    "Django was first released in July 2005.",
    "Flask is easier for beginners; Django has a steeper learning curve.",
    "Django's preference for built-in components limits third-party integrations.",
    "Django makes deployment of common setups easy with built-in tools.",
    "Django can serve many content formats (HTML, XML, JSON).",
    "Flask is the better choice for REST APIs and microservices.",
]
BRIEF_TERMS = ["WSGI", "ASGI", "ORM", "MTV", "CSRF", "Migration", "Blueprint", "Middleware"]
# "placeholder" itself is a real word in SQL explanations, so the check looks for authoring leftovers.
PLACEHOLDER = re.compile(r"\b(TODO|TBD|FIXME|XXX|lorem ipsum|fill in|stub)\b|\?\?", re.IGNORECASE)


def all_text(value: object) -> list[str]:
    """Every string in a model, recursively."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in all_text(item)]
    if isinstance(value, (list, tuple)):
        return [text for item in value for text in all_text(item)]
    if hasattr(value, "model_dump"):
        return all_text(value.model_dump(mode="json"))
    return []


def known_ids(entities: list) -> set[str]:
    """Ids and the old ids kept as aliases: a renamed entry still covers the brief."""
    return {name for entity in entities for name in (entity.id, *entity.aliases)}


def test_every_criterion_use_case_and_claim_of_the_brief_is_present() -> None:
    """The brief is the minimum: contributors may add entries (CONTRIBUTING) without touching this test."""
    assert set(BRIEF_CRITERIA) <= known_ids(DATASET.criteria)
    assert set(BRIEF_USE_CASES) <= known_ids(DATASET.use_cases)
    assert set(BRIEF_CLAIMS) <= {c.claim for c in DATASET.claims}
    terms = {t.term.split(" (")[0] for t in DATASET.glossary}
    assert set(BRIEF_TERMS) <= terms


@pytest.mark.parametrize("collection", ["frameworks", "criteria", "use_cases", "claims", "glossary"])
def test_no_placeholder_or_empty_text(collection: str) -> None:
    for entity in getattr(DATASET, collection):
        for text in all_text(entity):
            assert text.strip(), f"{entity.id}: empty text"
            assert not PLACEHOLDER.search(text), f"{entity.id}: placeholder in {text[:80]!r}"


@pytest.mark.parametrize("criterion", DATASET.criteria + DATASET.use_cases, ids=lambda e: e.id)
def test_every_assessment_is_substantive_sourced_and_versioned(criterion) -> None:
    for framework_id, assessment in criterion.assessments.items():  # a gap is allowed; a thin entry is not
        assert len(assessment.explanation.split()) >= 60, f"{criterion.id}/{framework_id}: explanation too thin"
        assert assessment.sources and all(source.url.startswith("https://") for source in assessment.sources)
        assert assessment.versions


def test_every_source_anywhere_is_https() -> None:
    for collection in ("frameworks", "criteria", "use_cases", "claims", "glossary"):
        for entity in getattr(DATASET, collection):
            dumped = entity.model_dump(mode="json")
            urls = re.findall(r"'url': '([^']+)'", str(dumped)) + re.findall(r"\]\((https?:[^)\s]+)", str(dumped))
            assert all(url.startswith("https://") for url in urls), entity.id


def test_cross_references_in_text_use_site_paths() -> None:
    """Links between pages are written as /section/id.md so the validator and MkDocs can check them."""
    for collection in ("frameworks", "criteria", "use_cases", "claims", "glossary"):
        for entity in getattr(DATASET, collection):
            for text in all_text(entity):
                for target in re.findall(r"\]\((/[^)\s]*)\)", text):
                    assert SITE_LINK.match(target) or target in ("/methodology.md",), f"{entity.id}: {target}"
