"""Contributor tooling: GitHub annotations, freshness warnings and the pages a change affects.

Used by the command line (``python -m macros validate --format github``, ``freshness``,
``affected``) and by the CI workflows in .github/.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path, PurePosixPath

from macros.model.dataset import Dataset
from macros.model.models import Assessment
from macros.model.registry import BY_FOLDER, CLAIMS, CRITERIA, DECISIONS, EXAMPLES, FRAMEWORKS, GLOSSARY, MEASUREMENTS, USE_CASES
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
# Freshness: assessments not reviewed for a year or written for an older series.
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
    return warnings


# ----------------------------------------------------------------------------
# Affected pages: what a data change shows up on, for the pull-request summary.
# ----------------------------------------------------------------------------


@dataclass(frozen=True)
class AffectedPage:
    url: str
    reason: str


def _entity_page(folder: str, entity_id: str) -> str:
    collection = BY_FOLDER[folder]
    return f"/{folder}/#{entity_id}" if collection.single_page else f"/{folder}/{entity_id}/"


def affected_pages(changed_files: list[str], dataset: Dataset) -> list[AffectedPage]:
    """The site pages whose content depends on the changed data files (paths relative to the repository)."""
    pages: dict[str, str] = {}

    def add(url: str, reason: str) -> None:
        pages.setdefault(url, reason)

    examples_by_file = {path: example for example in dataset.examples for paths in example.files.values() for path in paths}
    for changed in changed_files:
        path = PurePosixPath(changed)
        if changed in examples_by_file:
            add(f"/examples/{examples_by_file[changed].id}/", f"shows {changed}")
            continue
        if len(path.parts) != 3 or path.parts[0] != "data" or path.parts[1] not in BY_FOLDER:
            continue
        folder, entity_id = path.parts[1], path.stem
        reason = f"generated from {changed}"
        if BY_FOLDER[folder].has_pages:
            add(_entity_page(folder, entity_id), reason)
        for url in _dependent_pages(folder, entity_id, dataset):
            add(url, f"shows data from {changed}")
    return [AffectedPage(url, reason) for url, reason in sorted(pages.items())]


def _dependent_pages(folder: str, entity_id: str, dataset: Dataset) -> list[str]:
    """Pages that embed an entity's data besides its own page."""
    if folder == FRAMEWORKS.folder:
        # A framework appears in every table; list the section indexes rather than every page.
        return ["/", "/frameworks/", "/criteria/", "/use-cases/"]
    if folder == CRITERIA.folder:
        using = [u.id for u in dataset.use_cases if entity_id in u.criteria]
        return ["/", "/criteria/", *(f"/frameworks/{f.id}/" for f in dataset.frameworks), *(f"/use-cases/{u}/" for u in using)]
    if folder == USE_CASES.folder:
        return ["/use-cases/", *(f"/frameworks/{f.id}/" for f in dataset.frameworks)]
    if folder == CLAIMS.folder:
        claim = next((c for c in dataset.claims if c.id == entity_id), None)
        return [f"/criteria/{criterion}/" for criterion in (claim.criteria if claim else [])]
    if folder == EXAMPLES.folder:
        example = next((e for e in dataset.examples if e.id == entity_id), None)
        return ["/examples/", *(f"/criteria/{criterion}/" for criterion in (example.criteria if example else []))]
    if folder == DECISIONS.folder:
        return ["/decisions/", *(["/chooser/"] if dataset.decisions and dataset.decisions[0].id == entity_id else [])]
    if folder == MEASUREMENTS.folder:
        measurement = next((m for m in dataset.entities[MEASUREMENTS] if m.id == entity_id), None)
        return [f"/criteria/{measurement.criterion}/"] if measurement else []
    if folder == GLOSSARY.folder:
        return ["/glossary/"]
    return []


def affected_summary(pages: list[AffectedPage], site_url: str) -> str:
    """Markdown for the pull request: each affected page linked on the published site."""
    if not pages:
        return "This change does not alter any generated page.\n"
    lines = [f"This change alters {len(pages)} page(s) of the site:", ""]
    lines += [f"- [{page.url}]({site_url.rstrip('/')}{page.url}): {page.reason}" for page in pages]
    return "\n".join(lines) + "\n"


def changed_files(base: str, repository: Path) -> list[str]:
    """Files changed between ``base`` and the working tree, relative to the repository."""
    import subprocess

    result = subprocess.run(["git", "diff", "--name-only", base, "--", "data", "examples"], cwd=repository,
                            capture_output=True, text=True, check=True)
    return [line for line in result.stdout.splitlines() if line]
