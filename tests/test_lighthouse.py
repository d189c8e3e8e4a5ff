"""Lighthouse's accessibility, best-practices and SEO audits score 100 on each kind of template.

These three categories do not depend on timing, so they are a test; performance does, so it is
measured by the benchmark (``scripts/benchmark/lighthouse.py``) and reported in BENCHMARK.md.
Lighthouse checks things axe's WCAG rules leave out, such as a name for Material's search
dialog, meta descriptions and crawlable links. axe, the console watch and the head checks of
tests/test_site.py already run on every page type, so Lighthouse (about 13 s a page) runs on
one page per distinct template: the hand-written home page, a generated data page (framework,
use-case, claims and glossary pages share its layout), a decision page (diagram links and
script-only sections, as on the chooser) and the 404 page (no canonical address).
"""

from __future__ import annotations

import pytest

from scripts.benchmark.lighthouse import FULL_MARKS, audit_from, run_lighthouse
from tests.test_browser_pages import STATIC_PAGE_TYPES, PageType

LIGHTHOUSE_PAGES = [kind for kind in STATIC_PAGE_TYPES if kind.id in {"home", "criterion", "decision", "404"}]


@pytest.mark.parametrize("kind", LIGHTHOUSE_PAGES, ids=str)
def test_lighthouse_full_marks(site_url: str, kind: PageType) -> None:
    audit = run_lighthouse(site_url + kind.path, FULL_MARKS)

    assert audit.scores == dict.fromkeys(FULL_MARKS, 100), audit.failed


def report(score: float, audit_score: float | None, weight: int = 1) -> dict[str, object]:
    """The parts of a Lighthouse JSON report that ``audit_from`` reads."""
    return {
        "categories": {"seo": {"score": score, "auditRefs": [{"id": "meta-description", "weight": weight}]}},
        "audits": {"meta-description": {"score": audit_score, "displayValue": "missing"}},
    }


def test_audit_names_the_failing_audits_of_a_category() -> None:
    audit = audit_from(report(0.9, 0))

    assert audit.scores == {"seo": 90}
    assert audit.failed == ["seo: meta-description (missing)"]


@pytest.mark.parametrize(("audit_score", "weight"), [(1, 1), (None, 1), (0, 0)], ids=["passed", "not-applicable", "no-weight"])
def test_audit_ignores_passed_inapplicable_and_weightless_audits(audit_score: float | None, weight: int) -> None:
    assert audit_from(report(1, audit_score, weight)).failed == []


def test_audit_reports_a_page_lighthouse_could_not_load() -> None:
    error = {"code": "ERRORED_DOCUMENT_REQUEST", "message": "Status code: 404."}
    with pytest.raises(RuntimeError, match=r"could not load http://x/: ERRORED_DOCUMENT_REQUEST: Status code: 404\."):
        audit_from({"runtimeError": error, "finalDisplayedUrl": "http://x/"})
