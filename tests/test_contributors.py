"""Contributor tooling: annotations on the offending line, freshness warnings, affected pages."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

from macros.model.registry import CRITERIA
from macros.paths import DATA_DIR, ROOT
from macros.pipeline import load_dataset
from macros.problems import Problem
from macros.tools.affected import affected_summary
from macros.tools.contributors import freshness_warnings, github_annotation


def test_annotation_format_escapes_what_github_reads_as_syntax() -> None:
    problem = Problem("data/criteria/a,b.yaml", 8, "assessments.django.rating", "one of 'strong', 'good'", "'50%'",
                      "did you mean 'good'?")
    assert github_annotation(problem) == (
        "::error file=data/criteria/a%2Cb.yaml,line=8,title=assessments.django.rating::"
        "expected one of 'strong', 'good'; found '50%25'%0Ahint: did you mean 'good'?"
    )


def test_validate_prints_annotations_for_github(minimal_data: Path) -> None:
    admin = minimal_data / "criteria" / "admin.yaml"
    admin.write_text(admin.read_text().replace("rating: strong", "rating: stron"))
    result = subprocess.run([sys.executable, "-m", "macros", "validate", "--data", str(minimal_data), "--format", "github"],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=data/criteria/admin.yaml,line=8,title=assessments.django.rating::"
        "expected one of 'strong', 'good', 'fair', 'weak'; found 'stron'%0Ahint: did you mean 'strong'?"
    ]


def test_freshness_warns_about_old_reviews_and_older_series(minimal_data: Path) -> None:
    assert freshness_warnings(load_dataset(minimal_data), today=date(2026, 11, 23)) == []
    late = [str(w) for w in freshness_warnings(load_dataset(minimal_data), today=date(2028, 1, 1))]
    assert "data/criteria/admin.yaml:1: assessments.django.reviewed: expected a review within 365 days; " \
           "found last reviewed 2026-11-23\n    hint: recheck the sources and update 'reviewed'" in late
    django = minimal_data / "frameworks" / "django.yaml"
    newer = ('current_version: "2.0"\nlatest_release: "2.0.0"', 'releases:\n  - series: "2.0"\n    released: 2026-06-01\n'
             '    notes: https://example.org/notes-2\n')
    django.write_text(django.read_text().replace('current_version: "1.0"\nlatest_release: "1.0.0"', newer[0])
                      .replace("releases:\n", newer[1], 1))
    outdated = [str(w) for w in freshness_warnings(load_dataset(minimal_data), today=date(2026, 11, 23))]
    assert "data/criteria/admin.yaml:1: assessments.django.versions: expected a statement checked against django 2.0; " \
           "found written for django 1.0\n    hint: check it against the current release and add its series" in outdated
    assert not any("flask" in warning for warning in outdated)


def test_freshness_command_reports_without_failing() -> None:
    result = subprocess.run([sys.executable, "-m", "macros", "freshness", "--today", "2030-01-01", "--format", "github"],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert result.stdout.startswith("::warning file=data/")


def commit_copy(tmp_path: Path) -> Path:
    """A git repository holding a copy of data/ and examples/, committed; its data folder."""
    repository = tmp_path / "repo"
    shutil.copytree(DATA_DIR, repository / "data")
    shutil.copytree(ROOT / "examples", repository / "examples")
    git = ["git", "-c", "user.email=test@example.invalid", "-c", "user.name=Test"]
    subprocess.run([*git, "init", "-q"], cwd=repository, check=True)
    subprocess.run([*git, "add", "."], cwd=repository, check=True)
    subprocess.run([*git, "commit", "-qm", "base"], cwd=repository, check=True)
    return repository / "data"


def affected(data: Path) -> list[str]:
    result = subprocess.run([sys.executable, "-m", "macros", "affected", "--data", str(data), "--base", "HEAD",
                             "--site-url", "https://example.org/"], cwd=ROOT, capture_output=True, text=True, check=True)
    return result.stdout.splitlines()


def test_affected_pages_are_the_pages_whose_build_differs(tmp_path: Path) -> None:
    """A claim's review date changes its own section; a new alias adds a redirect page and, in both
    criteria × frameworks matrices (home and criteria index), the old cell anchors."""
    data = commit_copy(tmp_path)
    claim_file = data / "claims" / "django-is-mvc.yaml"
    claim_file.write_text(claim_file.read_text().replace("reviewed: 2026-11-23", "reviewed: 2026-11-24"))
    admin = data / "criteria" / "admin.yaml"
    admin.write_text(admin.read_text().replace("id: admin\n", "id: admin\naliases: [back-office]\n", 1))

    lines = affected(data)

    assert lines[0] == "This change alters 4 page(s) or section(s) of the site:"
    assert lines[2:] == [
        "- [/#overview](https://example.org/#overview): section changed",
        "- [/claims/#django-is-mvc](https://example.org/claims/#django-is-mvc): section changed",
        "- [/criteria/](https://example.org/criteria/): changed",
        "- [/criteria/back-office/](https://example.org/criteria/back-office/): new page",
    ]


def test_a_change_to_text_shown_elsewhere_lists_every_page_showing_it(tmp_path: Path) -> None:
    """A criterion's verdict appears on its page, the matrix pages and each framework page: all are listed."""
    data = commit_copy(tmp_path)
    dataset = load_dataset(data)
    criterion = dataset.criteria[0]
    verdict = criterion.assessments["django"].verdict
    path = dataset.source_of(CRITERIA, criterion.id)
    path.write_text(path.read_text().replace(verdict, verdict.rstrip(".") + ", reworded."), encoding="utf-8")

    urls = {line.split("](")[0].removeprefix("- [") for line in affected(data)[2:]}

    assert {f"/criteria/{criterion.id}/", "/criteria/", "/frameworks/django/"} <= {url.split("#")[0] for url in urls}
    assert "/frameworks/flask/" not in urls
    assert affected_summary([], "https://example.org/") == "This change does not alter any page of the site.\n"
