"""Contributor tooling: GitHub annotations and freshness warnings.

Used by the command line (``python -m macros validate --format github``, ``freshness``) and by
the CI workflows in .github/; the pages a change affects are in ``macros.tools.affected``.
"""

from __future__ import annotations

from datetime import date, timedelta

from macros.model.dataset import Dataset
from macros.model.models import Assessment
from macros.model.needs import package_notes
from macros.model.registry import BY_FOLDER, CLAIMS, CRITERIA, EXAMPLES, PACKAGES, USE_CASES
from macros.problems import Problem

STALE_AFTER = timedelta(days=365)


# ----------------------------------------------------------------------------
# GitHub annotations: a problem shows on the offending line of the pull request.
# ----------------------------------------------------------------------------


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(problem: Problem, *, level: str = "error") -> str:
    """``::error file=...,line=...,title=...::message`` as GitHub Actions reads it."""
    title = problem.field or "file"
    message = f"expected {problem.expected}; found {problem.found}" + (f"\nhint: {problem.hint}" if problem.hint else "")
    properties = f"file={_escape_property(problem.file)},line={problem.line},title={_escape_property(title)}"
    return f"::{level} {properties}::{_escape_data(message)}"


# ----------------------------------------------------------------------------
# Freshness: assessments not reviewed for a year or written for an older series; quiet or lagging packages.
# ----------------------------------------------------------------------------


def _series_key(series: str) -> tuple[int, ...]:
    return tuple(int(part) for part in series.split("."))


def freshness_warnings(dataset: Dataset, *, today: date) -> list[Problem]:
    """Warnings (never errors) for content due for review."""
    current = {framework.id: framework.current_version for framework in dataset.frameworks}
    warnings: list[Problem] = []

    def check(display: str, field: str, reviewed: date, versions: dict[str, list[str]]) -> None:
        if today - reviewed > STALE_AFTER:
            warnings.append(Problem(display, 1, f"{field}reviewed", f"a review within {STALE_AFTER.days} days",
                                    f"last reviewed {reviewed}", "recheck the sources and update 'reviewed'"))
        for framework_id, series in versions.items():
            newest = max(series, key=_series_key)
            if framework_id in current and _series_key(newest) < _series_key(current[framework_id]):
                warnings.append(Problem(
                    display, 1, f"{field}versions", f"a statement checked against {framework_id} {current[framework_id]}",
                    f"written for {framework_id} {newest}", "check it against the current release and add its series"))

    def display(collection_folder: str, entity_id: str) -> str:
        return dataset.source_of(BY_FOLDER[collection_folder], entity_id).relative_to(dataset.data_dir.parent).as_posix()

    for collection in (CRITERIA, USE_CASES):
        for entity in dataset.entities[collection]:
            for framework_id, assessment in entity.assessments.items():
                assert isinstance(assessment, Assessment)
                check(display(collection.folder, entity.id), f"assessments.{framework_id}.", assessment.reviewed,
                      {framework_id: assessment.versions})
    for collection in (CLAIMS, EXAMPLES):
        for entity in dataset.entities[collection]:
            check(display(collection.folder, entity.id), "", entity.reviewed, entity.versions)
    frameworks = {framework.id: framework for framework in dataset.frameworks}
    for need in dataset.needs:
        for framework_id, packages in need.packages.items():
            for index, package in enumerate(packages):
                for note in package_notes(package, frameworks[framework_id], today=today):
                    warnings.append(Problem(
                        display(PACKAGES.folder, need.id), 1, f"packages.{framework_id}.{index}", "a maintained package",
                        f"{package.name} {package.version}: {note}",
                        "check PyPI for a newer release, or replace it with a maintained package"))
    return warnings
