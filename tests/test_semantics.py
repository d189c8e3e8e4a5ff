"""Values that parse but cannot be true: future dates, series the framework file does not list, releases out of order."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from macros.paths import DATA_DIR
from macros.pipeline import load_dataset
from macros.problems import InvalidDatasetError
from tests.support import once
from tests.test_validation import ADMIN, problems_after, replace, write

TODAY = date(2026, 12, 1)
DJANGO = "frameworks/django.yaml"
RELEASE = '  - series: "1.0"\n'
REVIEW_HINT = "write the day the check happened; a date in the future would keep it off the freshness report"
RELEASE_HINT = "list a series once it is out, with the day of its first release"
CLAIM = b"""id: admin-ships
claim: Django ships an admin.
verdict: "true"
summary: It does.
explanation: Fixture explanation.
criteria: [admin]
sources:
  - title: Fixture source
    url: https://example.org/claim
versions: {django: ["1.0"]}
reviewed: 2026-11-23
"""
LOAD = "{requests_per_second: [3000.5, 3100], p50_ms: [5.5, 5.5], p99_ms: [11.5, 11.5]}"
STARTUP = "{minimal: {ms: [150.5], rss_mb: [30.5]}, apps: {app: {ms: [300.5], rss_mb: [40.5]}}}"
MEASUREMENT = f"""id: speed
criterion: database
measured: 2026-11-23
machine: Fixture machine
python: "3.12.1"
command: python fixture.py
setup:
  django: {{requirement: django==1.0.3, interface: wsgi, apps: [{{id: app, label: as generated}}]}}
  flask: {{requirement: flask==1.0.3, interface: wsgi, apps: [{{id: app, label: with an ORM}}]}}
endpoints:
  - {{id: hello, path: /hello, title: Plaintext, description: Fixture endpoint}}
server: Fixture server
load: Fixture load
method: Fixture method
footprint:
  django: {{version: "1.0.3", packages: 3, install_size_mb: 4.5}}
  flask: {{version: "1.0.3", packages: 3, install_size_mb: 4.5}}
runs:
  - baseline_startup_ms: [30.5]
    startup: {{django: {STARTUP}, flask: {STARTUP}}}
    throughput:
      hello: {{django: {{app: {LOAD}}}, flask: {{app: {LOAD}}}}}
""".encode()


def release(series: str, released: str, end_of_support: str = "2029-04") -> str:
    return (f'  - series: "{series}"\n    released: {released}\n    end_of_support: "{end_of_support}"\n'
            "    notes: https://example.org/notes\n")


@pytest.fixture
def data(example_data: Path) -> Path:
    """The minimal dataset with its code example, plus one claim and one measurement, so every rule has input."""
    write("claims/admin-ships.yaml", CLAIM)(example_data)
    write("measurements/speed.yaml", MEASUREMENT)(example_data)
    return example_data


def replace_last(relative: str, old: str, new: str) -> Callable[[Path], None]:
    """Replace the last occurrence: the flask assessment comes after django's."""
    def edit(data: Path) -> None:
        path = data / relative
        before, found, after = path.read_text(encoding="utf-8").rpartition(old)
        assert found, f"fixture text {old!r} not found in {relative}"
        path.write_text(before + new + after, encoding="utf-8")
    return edit


def both(*edits: Callable[[Path], None]) -> Callable[[Path], None]:
    def edit(data: Path) -> None:
        for one in edits:
            one(data)
    return edit


def in_the_future(where: str, found: str, hint: str) -> str:
    """The message for a date after TODAY (2026-12-01)."""
    return f"{where}: expected a date no later than today (2026-12-01); found {found}, in the future\n    hint: {hint}"


def unlisted_series(where: str, framework: str, series: str) -> str:
    """The message for ``series``, which data/frameworks/<framework>.yaml does not list (it lists only '1.0')."""
    listing = f"data/frameworks/{framework}.yaml"
    return (f"{where}: expected a release series listed in {listing} ('1.0'); found '{series}'\n"
            f"    hint: name one of those series, or add '{series}' to releases in {listing} first")


def repeated(where: str, entry: str, first: str) -> str:
    """The message for a second ``entry`` in a list whose first one is ``first``."""
    return (f"{where}: expected each entry once; found a second '{entry}' (the first is {first})\n"
            "    hint: remove the repeat")


CASES: list[tuple[str, Callable[[Path], None], list[str]]] = [
    (
        "review of an assessment in the future",
        replace(ADMIN, "    reviewed: 2026-11-23\n  flask:", "    reviewed: 2026-12-02\n  flask:"),
        [in_the_future("data/criteria/admin.yaml:15: assessments.django.reviewed", "2026-12-02", REVIEW_HINT)],
    ),
    (
        "review of a framework page in the future",
        replace("frameworks/flask.yaml", "reviewed: 2026-11-23", "reviewed: 2027-01-01"),
        [in_the_future("data/frameworks/flask.yaml:35: reviewed", "2027-01-01", REVIEW_HINT)],
    ),
    (
        "measurement in the future",
        replace("measurements/speed.yaml", "measured: 2026-11-23", "measured: 2026-12-24"),
        [in_the_future("data/measurements/speed.yaml:3: measured", "2026-12-24", "write the day the script ran")],
    ),
    (
        "release in the future",
        both(replace(DJANGO, RELEASE, release("1.1", "2027-03-01") + RELEASE),
             replace(DJANGO, 'current_version: "1.0"', 'current_version: "1.1"'),
             replace(DJANGO, 'latest_release: "1.0.0"', 'latest_release: "1.1.0"')),
        [in_the_future("data/frameworks/django.yaml:11: releases[0].released", "2027-03-01", RELEASE_HINT)],
    ),
    (
        "listed release dated in the future, reported once and not by every review",
        replace(DJANGO, "released: 2026-01-01", "released: 2027-01-01"),
        [in_the_future("data/frameworks/django.yaml:11: releases[0].released", "2027-01-01", RELEASE_HINT)],
    ),
    (
        "assessment for a series the framework does not list",
        replace(ADMIN, '    versions: ["1.0"]', '    versions: ["1.0", "1.1"]'),
        [unlisted_series("data/criteria/admin.yaml:14: assessments.django.versions[1]", "django", "1.1")],
    ),
    (
        "use-case assessment for a series the framework does not list",
        replace_last("use-cases/prototyping.yaml", 'versions: ["1.0"]', 'versions: ["0.9"]'),
        [unlisted_series("data/use-cases/prototyping.yaml:25: assessments.flask.versions[0]", "flask", "0.9")],
    ),
    (
        "claim for a series the framework does not list",
        replace("claims/admin-ships.yaml", 'versions: {django: ["1.0"]}', 'versions: {django: ["2.0"]}'),
        [unlisted_series("data/claims/admin-ships.yaml:10: versions.django[0]", "django", "2.0")],
    ),
    (
        "example for a series the framework does not list",
        replace("examples/hello.yaml", 'flask: ["1.0"]', 'flask: ["3.1"]'),
        [unlisted_series("data/examples/hello.yaml:8: versions.flask[0]", "flask", "3.1")],
    ),
    (
        "current version missing from the releases",
        both(replace(DJANGO, 'current_version: "1.0"', 'current_version: "2.0"'),
             replace(DJANGO, 'latest_release: "1.0.0"', 'latest_release: "2.0.1"')),
        ["data/frameworks/django.yaml:5: current_version: expected the newest series listed under releases ('1.0'); "
         "found '2.0'\n"
         "    hint: add '2.0' to releases (newest first), or set current_version: '1.0'"],
    ),
    (
        "current version older than a listed series",
        replace(DJANGO, RELEASE, release("1.1", "2026-06-01") + RELEASE),
        ["data/frameworks/django.yaml:5: current_version: expected the newest series listed under releases ('1.1'); "
         "found '1.0'\n"
         "    hint: set current_version: '1.1', or remove '1.1' from releases if it is not out yet"],
    ),
    (
        "latest release of another series",
        replace(DJANGO, 'latest_release: "1.0.0"', 'latest_release: "1.10.0"'),
        ["data/frameworks/django.yaml:6: latest_release: expected a release of the current series '1.0', e.g. '1.0.0'; "
         "found '1.10.0'\n"
         "    hint: latest_release is the newest release of current_version: update the two together"],
    ),
    (
        "releases not newest first",
        replace(DJANGO, "python_versions:", release("1.1", "2026-06-01") + "python_versions:"),
        ["data/frameworks/django.yaml:5: current_version: expected the newest series listed under releases ('1.1'); "
         "found '1.0'\n"
         "    hint: set current_version: '1.1', or remove '1.1' from releases if it is not out yet",
         "data/frameworks/django.yaml:15: releases[1].series: expected a series older than '1.0' above it "
         "(releases are listed newest first); found '1.1'\n"
         "    hint: move '1.1' above '1.0'"],
    ),
    (
        "older series released after a newer one",
        replace(DJANGO, "python_versions:", release("0.9", "2026-06-01") + "python_versions:"),
        ["data/frameworks/django.yaml:16: releases[1].released: expected a date no later than 2026-01-01, "
         "when the newer series '1.0' came out; found 2026-06-01\n"
         "    hint: check both dates against the release notes"],
    ),
    (
        "series listed twice",
        replace(DJANGO, "python_versions:", release("1.0", "2026-01-01") + "python_versions:"),
        ["data/frameworks/django.yaml:15: releases[1].series: expected each series listed once; "
         "found a second '1.0' (the first is releases[0])\n"
         "    hint: merge the two entries"],
    ),
    (
        "series released before the framework",
        replace(DJANGO, "python_versions:", release("0.9", "2004-01-01") + "python_versions:"),
        ["data/frameworks/django.yaml:16: releases[1].released: expected a date on or after first_release (2005-07-15); "
         "found 2004-01-01\n"
         "    hint: no series comes out before the framework's first release: check both dates"],
    ),
    (
        "support that ends before the release",
        replace(DJANGO, 'end_of_support: "2029-04"', 'end_of_support: "2025-12"'),
        ["data/frameworks/django.yaml:13: releases[0].end_of_support: expected a month no earlier than the series' "
         "release (2026-01); found '2025-12'\n"
         "    hint: support ends after the series comes out: check the project's support page"],
    ),
    (
        "review older than the series it covers",
        replace(ADMIN, "    reviewed: 2026-11-23\n  flask:", "    reviewed: 2025-12-31\n  flask:"),
        ["data/criteria/admin.yaml:15: assessments.django.reviewed: expected a review on or after django 1.0 came out "
         "(2026-01-01); found 2025-12-31\n"
         "    hint: check it against django 1.0 and update the date, or drop '1.0' from its versions"],
    ),
    (
        "measured release of an unlisted series",
        replace("measurements/speed.yaml", 'django: {version: "1.0.3"', 'django: {version: "1.1.0"'),
        ["data/measurements/speed.yaml:16: footprint.django.version: expected a release of a series listed in "
         "data/frameworks/django.yaml ('1.0'); found '1.1.0'\n"
         "    hint: measure a listed series, or add its series to releases in data/frameworks/django.yaml"],
    ),
    (
        "measured app missing from a run",
        replace("measurements/speed.yaml", "hello: {django: {app: ", "hello: {django: {other: "),
        ["data/measurements/speed.yaml:22: runs[0].throughput.hello.django: expected the apps of setup.django: 'app', "
         "in that order; found 'other'\n"
         "    hint: rerun scripts/measure_performance.py rather than editing its numbers"],
    ),
    (
        "rounds of one run differ in number",
        replace_last("measurements/speed.yaml", "requests_per_second: [3000.5, 3100]", "requests_per_second: [3000.5]"),
        ["data/measurements/speed.yaml:22: runs[0].throughput.hello.flask.app.requests_per_second: expected 2 rounds, "
         "as runs[0].throughput.hello.django.app.requests_per_second has; found 1\n"
         "    hint: every load of a run is paired with the same round of the others: rerun the script"],
    ),
    (
        "outcome recommending a framework its use case rates weak",
        replace("use-cases/prototyping.yaml", "    rating: good\n    verdict: Fast with the admin.",
                "    rating: weak\n    verdict: Fast with the admin."),
        ["data/decisions/pick.yaml:33: outcomes[0].frameworks[0]: expected a framework that the use cases behind this "
         "outcome do not rate weak; found 'django', rated weak for 'prototyping' in data/use-cases/prototyping.yaml\n"
         "    hint: recommend another framework, or remove the use case from this outcome's use_cases"],
    ),
    (
        "page related to itself",
        replace(ADMIN, "related: [database]", "related: [database, admin]"),
        ["data/criteria/admin.yaml:5: related[1]: expected the id of another page worth reading next; "
         "found 'admin', this file's own id\n"
         "    hint: remove it: a page is always related to itself"],
    ),
    (
        "series repeated in a claim's versions",
        replace("claims/admin-ships.yaml", 'versions: {django: ["1.0"]}', 'versions: {django: ["1.0", "1.0"]}'),
        [repeated("data/claims/admin-ships.yaml:10: versions.django[1]", "1.0", "versions.django[0]")],
    ),
    (
        "list entry repeated",
        replace("use-cases/prototyping.yaml", "criteria: [admin, database]", "criteria: [admin, database, admin]"),
        [repeated("data/use-cases/prototyping.yaml:5: criteria[2]", "admin", "criteria[0]")],
    ),
]


@pytest.mark.parametrize(("edit", "expected"), [(edit, expected) for _, edit, expected in CASES],
                         ids=[name for name, _, _ in CASES])
def test_semantic_problem_gives_exact_located_message(edit: Callable[[Path], None], expected: list[str], data: Path) -> None:
    assert problems_after(edit, data, today=TODAY) == expected


def test_fixture_is_valid_before_it_is_broken(data: Path) -> None:
    dataset = load_dataset(data, today=TODAY)
    assert [len(dataset.claims), len(dataset.examples), len(dataset.measurements_for("database"))] == [1, 1, 1]


def test_today_is_the_latest_date_allowed(data: Path) -> None:
    load_dataset(data, today=date(2026, 11, 23))  # the fixture's review date itself is fine
    with pytest.raises(InvalidDatasetError) as raised:
        load_dataset(data, today=date(2026, 11, 22))
    assert raised.value.problems
    assert all(problem.found == "2026-11-23, in the future" for problem in raised.value.problems)


def test_a_broken_framework_file_is_reported_once_not_by_every_version_that_names_it(data: Path) -> None:
    write(DJANGO, b"id: django\nname: Django\n")(data)
    problems = problems_after(lambda _: None, data, today=TODAY)
    assert problems and all(problem.startswith("data/frameworks/django.yaml:") for problem in problems)


def test_the_real_dataset_passes_every_semantic_rule() -> None:
    """Every rule, the links in its text included: load_dataset raises InvalidDatasetError listing what fails.

    ``once``: the modules that read the dataset loaded it already in this process; a failure there raises here again.
    """
    dataset = once(load_dataset, DATA_DIR)
    assert dataset.criteria and dataset.frameworks
