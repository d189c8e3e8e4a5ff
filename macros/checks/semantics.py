"""Checks a reviewer would make once every file parses: values that are well-formed but cannot be true.

The model checks each value on its own (a date is a date, a series looks like '5.2'); these
rules relate values to each other and to the framework files: no date in the future, no
release series the framework's file does not list, releases newest first, and so on. They run
only on files that loaded, and compare only with frameworks that loaded, so one broken file
is reported once.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from pydantic import BaseModel

from macros.checks.located import Located
from macros.load.yamlsource import Path_, dotted
from macros.model.fields import record_fields
from macros.model.models import Assessment, Framework, Rating
from macros.model.registry import CLAIMS, CRITERIA, DECISIONS, EXAMPLES, FRAMEWORKS, MEASUREMENTS, USE_CASES, Collection
from macros.problems import Problem, quoted_list

# What to write instead of a future date, by the field's name.
FUTURE_HINTS = {
    "reviewed": "write the day the check happened; a date in the future would keep it off the freshness report",
    "measured": "write the day the script ran",
    "released": "list a series once it is out, with the day of its first release",
    "first_release": "write the day of the framework's first public release",
}


def semantic_problems(loaded: Mapping[Collection, list[Located]], *, today: date) -> list[Problem]:
    """Every cross-field problem of the loaded files; ``today`` is the latest date a record may carry."""
    frameworks = {item.entity.id: item for item in loaded[FRAMEWORKS]}
    problems: list[Problem] = []
    for items in loaded.values():
        for item in items:
            problems += _future_date_problems(item, today)
            problems += _repeat_problems(item)
            problems += _self_reference_problems(item)
    for item in loaded[FRAMEWORKS]:
        problems += _release_problems(item)
    for collection in (CRITERIA, USE_CASES):
        for item in loaded[collection]:
            for framework_id, assessment in item.entity.assessments.items():
                assert isinstance(assessment, Assessment)
                path: Path_ = ("assessments", framework_id)
                problems += _version_problems(item, (*path, "versions"), framework_id, assessment.versions, frameworks)
                problems += _review_problems(item, (*path, "reviewed"), assessment.reviewed,
                                             {framework_id: assessment.versions}, frameworks, today)
    for collection in (CLAIMS, EXAMPLES):
        for item in loaded[collection]:
            for framework_id, series in item.entity.versions.items():
                problems += _version_problems(item, ("versions", framework_id), framework_id, series, frameworks)
            problems += _review_problems(item, ("reviewed",), item.entity.reviewed, item.entity.versions, frameworks, today)
    for item in loaded[MEASUREMENTS]:
        problems += _measured_release_problems(item, frameworks)
        problems += _measured_coverage_problems(item)
    use_cases = {item.entity.id: item for item in loaded[USE_CASES]}
    for item in loaded[DECISIONS]:
        problems += _outcome_problems(item, use_cases)
    return problems


def _problem(item: Located, path: Path_, expected: str, found: str, hint: str) -> Problem:
    return Problem(item.display, item.document.line_of(path), dotted(path), expected, found, hint)


# ----------------------------------------------------------------------------
# Every record: no future dates, no repeated list entries, no page related to itself.
# ----------------------------------------------------------------------------


def _future_date_problems(item: Located, today: date) -> list[Problem]:
    return [
        _problem(item, path, f"a date no later than today ({today.isoformat()})", f"{value.isoformat()}, in the future",
                 FUTURE_HINTS.get(str(path[-1]), "dates record what has happened: write the day it happened"))
        for path, _, value in record_fields(item.entity) if isinstance(value, date) and value > today
    ]


def _repeat_problems(item: Located) -> list[Problem]:
    """A list of names, ids or versions names each once: a repeat is a slip that would show twice."""
    problems = []
    for path, value in _lists(item.entity):
        first: dict[str, int] = {}
        for index, entry in enumerate(value):
            if not isinstance(entry, str):
                continue
            if entry in first:
                problems.append(_problem(
                    item, (*path, index), "each entry once", f"a second '{entry}' (the first is {dotted((*path, first[entry]))})",
                    "remove the repeat",
                ))
            first.setdefault(entry, index)
    return problems


def _lists(record: BaseModel) -> Iterator[tuple[Path_, list[Any]]]:
    """Every list field, and every list in a mapping field (``versions: {django: [...]}``), with its path."""
    for path, _, value in record_fields(record):
        if isinstance(value, list):
            yield path, value
        elif isinstance(value, dict):
            yield from (((*path, key), child) for key, child in value.items() if isinstance(child, list))


def _self_reference_problems(item: Located) -> list[Problem]:
    """``related`` lists other pages worth reading next, never the page itself."""
    related = getattr(item.entity, "related", None)
    if not isinstance(related, list):
        return []
    return [
        _problem(item, ("related", index), "the id of another page worth reading next",
                 f"'{entry}', this file's own id", "remove it: a page is always related to itself")
        for index, entry in enumerate(related) if entry == item.entity.id
    ]


# ----------------------------------------------------------------------------
# Framework files: releases newest first and consistent with current_version and latest_release.
# ----------------------------------------------------------------------------


def _series_key(series: str) -> tuple[int, ...]:
    return tuple(int(part) for part in series.split("."))


def _in_series(release: str, series: str) -> bool:
    """Whether the release number ``release`` ('6.1.3') belongs to ``series`` ('6.1')."""
    return release == series or release.startswith(series + ".")


def listed_series(framework: Framework) -> list[str]:
    """The release series a framework's file lists: its releases, and current_version."""
    listed = [release.series for release in framework.releases]
    return listed if framework.current_version in listed else [*listed, framework.current_version]


def _release_problems(item: Located) -> list[Problem]:
    framework: Framework = item.entity
    releases = framework.releases
    problems = []
    seen: dict[str, int] = {}
    for index, release in enumerate(releases):
        path: Path_ = ("releases", index)
        if index and release.series not in seen:
            newer = releases[index - 1]
            if _series_key(release.series) >= _series_key(newer.series):
                problems.append(_problem(
                    item, (*path, "series"), f"a series older than '{newer.series}' above it (releases are listed newest first)",
                    f"'{release.series}'", f"move '{release.series}' above '{newer.series}'",
                ))
            elif release.released > newer.released:
                problems.append(_problem(
                    item, (*path, "released"),
                    f"a date no later than {newer.released.isoformat()}, when the newer series '{newer.series}' came out",
                    release.released.isoformat(), "check both dates against the release notes",
                ))
        if release.series in seen:
            problems.append(_problem(
                item, (*path, "series"), "each series listed once",
                f"a second '{release.series}' (the first is releases[{seen[release.series]}])", "merge the two entries",
            ))
        seen.setdefault(release.series, index)
        if release.released < framework.first_release:
            problems.append(_problem(
                item, (*path, "released"), f"a date on or after first_release ({framework.first_release.isoformat()})",
                release.released.isoformat(), "no series comes out before the framework's first release: check both dates",
            ))
        if release.end_of_support is not None and release.end_of_support < f"{release.released:%Y-%m}":
            problems.append(_problem(
                item, (*path, "end_of_support"), f"a month no earlier than the series' release ({release.released:%Y-%m})",
                f"'{release.end_of_support}'", "support ends after the series comes out: check the project's support page",
            ))
    newest = max((release.series for release in releases), key=_series_key)
    if framework.current_version != newest:
        listed = framework.current_version in seen
        problems.append(_problem(
            item, ("current_version",), f"the newest series listed under releases ('{newest}')", f"'{framework.current_version}'",
            f"set current_version: '{newest}', or remove '{newest}' from releases if it is not out yet" if listed
            else f"add '{framework.current_version}' to releases (newest first), or set current_version: '{newest}'",
        ))
    if not _in_series(framework.latest_release, framework.current_version):
        problems.append(_problem(
            item, ("latest_release",), f"a release of the current series '{framework.current_version}', "
            f"e.g. '{framework.current_version}.0'", f"'{framework.latest_release}'",
            "latest_release is the newest release of current_version: update the two together",
        ))
    return problems


# ----------------------------------------------------------------------------
# Statements about versions: only series the framework's file lists, checked after they came out.
# ----------------------------------------------------------------------------


def _version_problems(
    item: Located, path: Path_, framework_id: str, versions: list[str], frameworks: Mapping[str, Located]
) -> list[Problem]:
    """Each series named for ``framework_id`` is one its framework file lists."""
    framework_item = frameworks.get(framework_id)
    if framework_item is None:  # an unknown or broken framework file is reported on its own
        return []
    listed = listed_series(framework_item.entity)
    return [
        _problem(item, (*path, index), f"a release series listed in {framework_item.display} ({quoted_list(listed)})",
                 f"'{series}'", f"name one of those series, or add '{series}' to releases in {framework_item.display} first")
        for index, series in enumerate(versions) if series not in listed
    ]


def _review_problems(
    item: Located, path: Path_, reviewed: date, versions: Mapping[str, list[str]], frameworks: Mapping[str, Located],
    today: date,
) -> list[Problem]:
    """A statement said to hold for a series was checked on or after that series came out.

    A release dated in the future is reported on the framework file alone.
    """
    problems = []
    for framework_id, series_list in versions.items():
        framework_item = frameworks.get(framework_id)
        if framework_item is None:
            continue
        released = {release.series: release.released for release in framework_item.entity.releases}
        for series in series_list:
            if series in released and reviewed < released[series] <= today:
                problems.append(_problem(
                    item, path, f"a review on or after {framework_id} {series} came out ({released[series].isoformat()})",
                    reviewed.isoformat(),
                    f"check it against {framework_id} {series} and update the date, or drop '{series}' from its versions",
                ))
    return problems


def _measured_release_problems(item: Located, frameworks: Mapping[str, Located]) -> list[Problem]:
    """The release a footprint measured belongs to a series its framework file lists."""
    problems = []
    for framework_id, footprint in item.entity.footprint.items():
        framework_item = frameworks.get(framework_id)
        if framework_item is None:
            continue
        listed = listed_series(framework_item.entity)
        if not any(_in_series(footprint.version, series) for series in listed):
            problems.append(_problem(
                item, ("footprint", framework_id, "version"),
                f"a release of a series listed in {framework_item.display} ({quoted_list(listed)})", f"'{footprint.version}'",
                f"measure a listed series, or add its series to releases in {framework_item.display}",
            ))
    return problems


def _measured_coverage_problems(item: Located) -> list[Problem]:
    """Every run records every app of setup, on every endpoint, with as many rounds as the run's others.

    The script writes it so; the check is for hand edits, which would otherwise publish a table
    with a hole in it or pair rounds that were not measured together.
    """
    measurement = item.entity
    apps = {framework_id: [app.id for app in setup.apps] for framework_id, setup in measurement.setup.items()}
    problems = []

    def covers(path: Path_, found: dict[str, Any], wanted: list[str], what: str) -> bool:
        if list(found) == wanted:
            return True
        problems.append(_problem(item, path, f"{what}: {quoted_list(wanted)}, in that order", quoted_list(list(found)),
                                 "rerun scripts/measure_performance.py rather than editing its numbers"))
        return False

    covers(("footprint",), measurement.footprint, list(apps), "one entry per framework of setup")
    endpoint_ids = [endpoint.id for endpoint in measurement.endpoints]
    for index, run in enumerate(measurement.runs):
        if covers(("runs", index, "startup"), run.startup, list(apps), "one entry per framework of setup"):
            for framework_id, startup in run.startup.items():
                covers(("runs", index, "startup", framework_id, "apps"), startup.apps, apps[framework_id],
                       f"the apps of setup.{framework_id}")
        if not covers(("runs", index, "throughput"), run.throughput, endpoint_ids, "one entry per endpoint"):
            continue
        counted: list[tuple[int, Path_]] = []  # (rounds, where) of every recorded list, in file order
        for endpoint_id, by_framework in run.throughput.items():
            where: Path_ = ("runs", index, "throughput", endpoint_id)
            if not covers(where, by_framework, list(apps), "one entry per framework of setup"):
                continue
            for framework_id, by_app in by_framework.items():
                path: Path_ = ("runs", index, "throughput", endpoint_id, framework_id)
                if covers(path, by_app, apps[framework_id], f"the apps of setup.{framework_id}"):
                    counted += [(len(getattr(samples, key)), (*path, app_id, key))
                                for app_id, samples in by_app.items() for key in ("requests_per_second", "p50_ms", "p99_ms")]
        mismatch = next(((count, where) for count, where in counted if count != counted[0][0]), None)
        if mismatch:
            problems.append(_problem(
                item, mismatch[1], f"{counted[0][0]} rounds, as {dotted(counted[0][1])} has", f"{mismatch[0]}",
                "every load of a run is paired with the same round of the others: rerun the script",
            ))
    return problems


# ----------------------------------------------------------------------------
# Decision trees: an outcome does not recommend a framework for a use case the data rates weak.
# ----------------------------------------------------------------------------


def _outcome_problems(item: Located, use_cases: Mapping[str, Located]) -> list[Problem]:
    problems = []
    for o_index, outcome in enumerate(item.entity.outcomes):
        for f_index, framework_id in enumerate(outcome.frameworks):
            for use_case_id in outcome.use_cases:
                use_case_item = use_cases.get(use_case_id)
                assessment = use_case_item.entity.assessments.get(framework_id) if use_case_item else None
                if assessment is not None and assessment.rating == Rating.WEAK:
                    problems.append(_problem(
                        item, ("outcomes", o_index, "frameworks", f_index),
                        "a framework that the use cases behind this outcome do not rate weak",
                        f"'{framework_id}', rated weak for '{use_case_id}' in {use_case_item.display}",
                        "recommend another framework, or remove the use case from this outcome's use_cases",
                    ))
    return problems
