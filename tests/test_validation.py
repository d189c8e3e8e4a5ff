"""Each kind of bad input gives one exact, located message: file, line, field, expectation, hint."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from macros.model import coverage
from macros.pipeline import load_dataset
from macros.problems import InvalidDatasetError

ADMIN = "criteria/admin.yaml"


def replace(relative: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(data: Path) -> None:
        path = data / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"fixture text {old!r} not found in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return edit


def write(relative: str, content: bytes) -> Callable[[Path], None]:
    def edit(data: Path) -> None:
        (data / relative).parent.mkdir(parents=True, exist_ok=True)
        (data / relative).write_bytes(content)
    return edit


def copy(source: str, target: str) -> Callable[[Path], None]:
    def edit(data: Path) -> None:
        (data / target).write_bytes((data / source).read_bytes())
    return edit


CASES: list[tuple[str, Callable[[Path], None], list[str]]] = [
    (
        "backticks in a one-line field",
        replace(ADMIN, "    verdict: Ships one.", "    verdict: Ships `admin`."),
        ["data/criteria/admin.yaml:9: assessments.django.verdict: expected plain text without backticks; "
         "found 'Ships `admin`.'\n"
         "    hint: one-line fields are shown as typed, so backticks would appear on the page; write the name without them"],
    ),
    (
        "yaml syntax error",
        replace(ADMIN, "    verdict: Ships one.", "    verdict: [Ships one."),
        ["data/criteria/admin.yaml:10: expected valid YAML; found a syntax error (expected ',' or ']', but got ':')\n"
         "    hint: check indentation and quote text that contains ': ' or starts with a special character"],
    ),
    (
        "duplicate key",
        replace(ADMIN, "    rating: strong\n", "    rating: strong\n    rating: good\n"),
        ["data/criteria/admin.yaml:9: assessments.django.rating: expected each field once per mapping; "
         "found a second 'rating' (the first is on line 8)\n"
         "    hint: YAML would silently keep only the last one: merge the two entries or rename one"],
    ),
    (
        "unknown field",
        replace(ADMIN, "    verdict: Ships one.", "    verdit: Ships one."),
        ["data/criteria/admin.yaml:7: assessments.django.verdict: expected the required field 'verdict'; found no such field\n"
         "    hint: add 'verdict:' here. One sentence that stands alone in a table cell.",
         "data/criteria/admin.yaml:9: assessments.django.verdit: expected one of the fields 'rating', 'verdict', "
         "'explanation', 'sources', 'versions', 'reviewed'; found an unknown field 'verdit'\n"
         "    hint: did you mean 'verdict'?"],
    ),
    (
        "missing required field",
        replace(ADMIN, "    explanation: Fixture explanation.\n", ""),
        ["data/criteria/admin.yaml:7: assessments.django.explanation: expected the required field 'explanation'; "
         "found no such field\n"
         "    hint: add 'explanation:' here. What ships, what you add, what it costs. Markdown; code examples in fenced blocks."],
    ),
    (
        "wrong type",
        replace(ADMIN, '    versions: ["1.0"]', '    versions: "1.0"'),
        ["data/criteria/admin.yaml:14: assessments.django.versions: expected a list; found '1.0'\n"
         "    hint: write a list as lines starting with '- ' under the field"],
    ),
    (
        "unquoted version number",
        replace(ADMIN, '    versions: ["1.0"]', "    versions: [3.10]"),
        ["data/criteria/admin.yaml:14: assessments.django.versions[0]: expected a number in plain decimal digits "
         "(like 42 or 12.5), or quoted text; found '3.10', which YAML reads as the number 3.1\n"
         '    hint: write it as 3.1 if you mean that number, or quote it ("3.10") to keep the text as typed'],
    ),
    (
        "version number YAML reads unchanged",
        replace(ADMIN, '    versions: ["1.0"]', "    versions: [3.1]"),
        ["data/criteria/admin.yaml:14: assessments.django.versions[0]: expected a quoted release series such as '3.1'; "
         "found 3.1 (float)\n"
         "    hint: put quotes around versions: YAML reads 3.10 as the number 3.1"],
    ),
    (
        "rating outside the scale",
        replace(ADMIN, "    rating: strong", "    rating: stron"),
        ["data/criteria/admin.yaml:8: assessments.django.rating: expected one of 'strong', 'good', 'fair', 'weak'; "
         "found 'stron'\n"
         "    hint: did you mean 'strong'?"],
    ),
    (
        "unknown framework",
        replace(ADMIN, "  flask:", "  flaks:"),
        ["data/criteria/admin.yaml:16: assessments.flaks: expected the id of a framework in data/frameworks/; found 'flaks'\n"
         "    hint: did you mean 'flask'?"],
    ),
    (
        "unknown criterion",
        replace(ADMIN, "related: [database]", "related: [databse]"),
        ["data/criteria/admin.yaml:5: related[0]: expected the id of a criterion in data/criteria/; found 'databse'\n"
         "    hint: did you mean 'database'?"],
    ),
    (
        "unknown use case",
        replace("use-cases/prototyping.yaml", "related: []", "related: [protoyping-fast]"),
        ["data/use-cases/prototyping.yaml:6: related[0]: expected the id of a use case in data/use-cases/; "
         "found 'protoyping-fast'\n"
         "    hint: did you mean 'prototyping'?"],
    ),
    (
        "link in Markdown to an unknown page",
        replace(ADMIN, "    explanation: Fixture explanation.\n",
                "    explanation: |\n      First line.\n      See [the database](/criteria/databases.md#flask).\n"),
        ["data/criteria/admin.yaml:12: assessments.django.explanation: expected a link to a site page written "
         "/<folder>/<id>.md, with an anchor the page has; found a link to '/criteria/databases.md#flask', "
         "a page that does not exist\n"
         "    hint: did you mean '/criteria/database.md'?"],
    ),
    (
        "script link in Markdown",
        replace(ADMIN, "    explanation: Fixture explanation.\n", "    explanation: Click [here](javascript:alert(1)).\n"),
        ["data/criteria/admin.yaml:10: assessments.django.explanation: expected Markdown whose links go to https pages or "
         "site pages, with no images or diagrams; found a link with the scheme 'javascript:'\n"
         "    hint: link with [text](https://...) or [text](/criteria/database.md); everything else is shown as text"],
    ),
    (
        "example file that does not exist",
        write("examples/hello.yaml", b"id: hello\ntitle: Hello\nsummary: Hi.\ncriteria: [admin]\nfiles:\n"
              b"  django: [examples/django/hello.py]\n  flask: [examples/flask/helo.py]\n"
              b"versions: {flask: ['1.0']}\nreviewed: 2026-11-23\n"),
        ["data/examples/hello.yaml:6: files.django[0]: expected a file that exists under examples/; "
         "found 'examples/django/hello.py'\n"
         "    hint: paths are relative to the repository root, e.g. examples/flask/hello.py",
         "data/examples/hello.yaml:7: files.flask[0]: expected a file that exists under examples/; "
         "found 'examples/flask/helo.py'\n"
         "    hint: paths are relative to the repository root, e.g. examples/flask/hello.py"],
    ),
    (
        "alias that is a live id",
        replace(ADMIN, "id: admin\n", "id: admin\naliases: [database]\n"),
        ["data/criteria/admin.yaml:2: aliases[0]: expected an old id that no other entry uses; "
         "found 'database', used by data/criteria/database.yaml\n"
         "    hint: an alias keeps an old link alive; it cannot also be a live id or another alias"],
    ),
    (
        "duplicate id",
        copy(ADMIN, "criteria/admin.yml"),
        ["data/criteria/admin.yml:1: id: expected an id unused by other criteria; "
         "found 'admin', already used by data/criteria/admin.yaml\n"
         "    hint: each id names one page: give this one its own id and file name"],
    ),
    (
        "id does not match the file name",
        replace(ADMIN, "id: admin", "id: admin-site"),
        ["data/criteria/admin.yaml:1: id: expected 'admin' (the file name); found 'admin-site'\n"
         "    hint: rename the file to admin-site.yaml or set id: admin"],
    ),
    (
        "malformed URL",
        replace(ADMIN, "url: https://example.org/django/admin", "url: htps://example.org/django/admin"),
        ["data/criteria/admin.yaml:13: assessments.django.sources[0].url: expected an https URL, "
         "e.g. https://docs.djangoproject.com/en/5.2/; found 'htps://example.org/django/admin'\n"
         "    hint: copy the address from the browser; it must start with https:// and contain no spaces"],
    ),
    (
        "malformed date",
        replace(ADMIN, "    reviewed: 2026-11-23\n  flask:", "    reviewed: 2026-13-45\n  flask:"),
        ["data/criteria/admin.yaml:15: assessments.django.reviewed: expected a date written YYYY-MM-DD; found '2026-13-45'\n"
         "    hint: write the date as YYYY-MM-DD, e.g. 2026-11-23, with a real month and day"],
    ),
    (
        "empty file",
        write(ADMIN, b"  \n"),
        ["data/criteria/admin.yaml:1: expected a YAML mapping of fields; found an empty file\n"
         "    hint: copy an existing file of the same folder as a starting point, or delete this one"],
    ),
    (
        "not UTF-8",
        write(ADMIN, "id: admin\ntitle: Caf\u00e9\n".encode("latin-1")),
        ["data/criteria/admin.yaml:2: expected a file encoded as UTF-8; found byte 0xe9 that is not valid UTF-8\n"
         "    hint: save the file as UTF-8 (most editors offer it under 'Save with encoding')"],
    ),
    (
        "file that is not YAML in a collection folder",
        write("criteria/notes.txt", b"a stray note"),
        ["data/criteria/notes.txt:1: expected a .yaml file; found 'notes.txt'\n"
         "    hint: rename it to end in .yaml, or move it out of data/criteria/"],
    ),
]


def problems_after(edit: Callable[[Path], None], data: Path, *, today: date | None = None) -> list[str]:
    """Apply ``edit`` to ``data``; the problems loading it then reports (it must fail), as text."""
    edit(data)
    with pytest.raises(InvalidDatasetError) as raised:
        load_dataset(data, today=today)
    return [str(problem) for problem in raised.value.problems]


@pytest.mark.parametrize(("edit", "expected"), [(edit, expected) for _, edit, expected in CASES],
                         ids=[name for name, _, _ in CASES])
def test_bad_input_gives_exact_located_message(edit: Callable[[Path], None], expected: list[str], minimal_data: Path) -> None:
    assert problems_after(edit, minimal_data) == expected


def test_a_missing_assessment_is_a_gap_not_a_problem(minimal_data: Path) -> None:
    """Left out, a framework is not assessed yet: the data stays valid and coverage names the gap with its file."""
    path = minimal_data / "use-cases" / "prototyping.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("  flask:\n")], encoding="utf-8")
    dataset = load_dataset(minimal_data)
    assert [(gap.collection.folder, gap.entity_id, gap.framework.id) for gap in coverage.gaps(dataset)] == [
        ("use-cases", "prototyping", "flask"),
    ]
    assert str(coverage.gaps(dataset)[0]).endswith("prototyping.yaml: assessments.flask: not assessed yet")


def test_an_entity_must_assess_at_least_one_framework(minimal_data: Path) -> None:
    path = minimal_data / "use-cases" / "prototyping.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("assessments:")] + "assessments: {}\n", encoding="utf-8")
    [problem] = problems_after(lambda _: None, minimal_data)
    assert problem.startswith("data/use-cases/prototyping.yaml:") and "assessments" in problem


def test_every_problem_in_every_file_is_reported_in_one_run(minimal_data: Path) -> None:
    replace(ADMIN, "    rating: strong", "    rating: stron")(minimal_data)
    replace("criteria/database.yaml", "url: https://example.org/flask/admin", "url: example.org")(minimal_data)
    write("frameworks/flask.yaml", b"")(minimal_data)
    problems = problems_after(lambda _: None, minimal_data)
    assert [line.split(": expected")[0] for line in problems] == [
        "data/criteria/admin.yaml:8: assessments.django.rating",
        "data/criteria/database.yaml:22: assessments.flask.sources[0].url",
        "data/frameworks/flask.yaml:1",
    ]


def test_fixture_is_valid_before_it_is_broken(minimal_data: Path) -> None:
    dataset = load_dataset(minimal_data)
    assert [framework.id for framework in dataset.frameworks] == ["django", "flask"]
