"""Contributor tooling: annotations on the offending line, freshness warnings, affected pages."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

from macros.paths import DATA_DIR, ROOT
from macros.pipeline import load_dataset
from macros.problems import Problem
from macros.tools.contributors import affected_pages, affected_summary, freshness_warnings, github_annotation


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


def test_affected_pages_of_a_criterion_change() -> None:
    dataset = load_dataset(DATA_DIR)
    urls = [page.url for page in affected_pages(["data/criteria/admin.yaml", "docs/index.md"], dataset)]
    assert urls[:3] == ["/", "/criteria/", "/criteria/admin/"]
    assert {"/frameworks/django/", "/frameworks/flask/"} <= set(urls)
    assert {f"/use-cases/{u.id}/" for u in dataset.use_cases if "admin" in u.criteria} <= set(urls)
    example_file = dataset.examples[0].files["flask"][0]
    assert [p.url for p in affected_pages([example_file], dataset)] == [f"/examples/{dataset.examples[0].id}/"]


def test_affected_summary_on_a_sample_change_in_git(tmp_path: Path) -> None:
    repository = tmp_path / "repo"
    shutil.copytree(DATA_DIR, repository / "data")
    shutil.copytree(ROOT / "examples", repository / "examples")
    git = ["git", "-c", "user.email=test@example.invalid", "-c", "user.name=Test"]
    subprocess.run([*git, "init", "-q"], cwd=repository, check=True)
    subprocess.run([*git, "add", "."], cwd=repository, check=True)
    subprocess.run([*git, "commit", "-qm", "base"], cwd=repository, check=True)
    claim = repository / "data" / "claims" / "django-is-mvc.yaml"
    claim.write_text(claim.read_text().replace("reviewed: 2026-11-23", "reviewed: 2026-11-24"))
    result = subprocess.run([sys.executable, "-m", "macros", "affected", "--data", str(repository / "data"), "--base", "HEAD",
                             "--site-url", "https://example.org/"], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.splitlines()[0] == "This change alters 5 page(s) of the site:"
    expected = ("- [/claims/#django-is-mvc](https://example.org/claims/#django-is-mvc): "
                "generated from data/claims/django-is-mvc.yaml")
    assert expected in result.stdout
    assert affected_summary([], "https://example.org/") == "This change does not alter any generated page.\n"
