"""The change record: a changed section needs an entry in data/changes/, and the lock records it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.checks.changes import lock_path, read_lock
from macros.model.sections import citable_sections
from macros.paths import ROOT
from macros.pipeline import load_dataset
from macros.tools.changes import lock_text, unrecorded_changes, updated_lock

EVERY_KIND = Path(__file__).parent / "fixtures" / "every-kind"


@pytest.fixture
def published(tmp_path: Path) -> Path:
    """A copy of the every-kind data with a lock that records it as published."""
    shutil.copytree(EVERY_KIND, tmp_path, dirs_exist_ok=True)
    data = tmp_path / "data"
    lock_path(data).write_text(lock_text(updated_lock(load_dataset(data), None)))
    return data


def run(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "macros", *arguments], cwd=ROOT, capture_output=True, text=True, check=False)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_every_kind_of_entity_has_citable_sections() -> None:
    links = {section.link for section in citable_sections(load_dataset(EVERY_KIND / "data"))}
    assert {"/criteria/admin.md", "/criteria/admin.md#django", "/frameworks/django.md", "/claims/index.md#admin-ships",
            "/glossary/index.md#orm", "/packages/index.md#background-jobs", "/examples/hello.md"} <= links
    assert "/criteria/database.md#measured" in links


def test_a_review_alone_is_not_a_change(published: Path) -> None:
    edit(published / "criteria" / "admin.yaml", "reviewed: 2026-11-23", "reviewed: 2026-11-24")
    assert unrecorded_changes(load_dataset(published), read_lock(published)) == []


def test_a_changed_verdict_without_an_entry_is_reported_at_its_line(published: Path) -> None:
    edit(published / "criteria" / "admin.yaml", "verdict: ", "verdict: Now ")
    result = run("validate", "--data", str(published))
    assert result.returncode == 1
    assert "data/criteria/admin.yaml:7: assessments.django: expected an entry in data/changes/ naming " \
           "/criteria/admin.md#django; found published text that changed since data/changes.lock.json recorded it" \
           in result.stderr
    assert "Traceback" not in result.stderr


def test_an_entry_accounts_for_the_change_and_generate_records_it(published: Path) -> None:
    edit(published / "criteria" / "admin.yaml", "verdict: ", "verdict: Now ")
    (published / "changes" / "2026-11-24-admin.yaml").write_text(
        "id: 2026-11-24-admin\nchanged: 2026-11-24\nkind: updated\nsummary: The Django verdict now says more.\n"
        'sections: ["/criteria/admin.md#django"]\n'
    )
    assert run("validate", "--data", str(published)).returncode == 0
    assert run("generate", "--check", "--data", str(published)).returncode == 1  # the lock has not recorded it yet
    assert run("generate", "--data", str(published)).returncode == 0
    recorded = json.loads(lock_path(published).read_text())["sections"]["/criteria/admin.md#django"]
    assert recorded["changes"] == ["2026-11-23-admin-corrected", "2026-11-24-admin"]
    # Recorded once: the next change to the same section needs an entry of its own.
    edit(published / "criteria" / "admin.yaml", "verdict: Now ", "verdict: Then ")
    assert run("validate", "--data", str(published)).returncode == 1


def test_a_new_section_needs_an_entry(published: Path) -> None:
    shutil.copy(published / "glossary" / "orm.yaml", published / "glossary" / "odm.yaml")
    edit(published / "glossary" / "odm.yaml", "id: orm", "id: odm")
    problems = unrecorded_changes(load_dataset(published), read_lock(published))
    assert [(problem.file, problem.found) for problem in problems] == [
        ("data/glossary/odm.yaml", "a section not published before"),
    ]


def test_an_entry_naming_no_section_stops_the_build_with_a_suggestion(published: Path) -> None:
    edit(published / "changes" / "2026-11-23-admin-corrected.yaml", '"/criteria/admin.md#django"', '"/criteria/admin.md#djang"')
    result = run("validate", "--data", str(published))
    assert result.returncode == 1
    assert result.stderr.splitlines()[:2] == [
        "data/changes/2026-11-23-admin-corrected.yaml:6: sections[0]: expected the link of a citable section, "
        "e.g. '/criteria/security.md#flask'; found '/criteria/admin.md#djang'",
        "    hint: did you mean '/criteria/admin.md#django'?",
    ]


def test_the_project_lock_records_every_section_as_published() -> None:
    """What `make test` holds the repository to: every published change has its entry, and the lock is current."""
    data = ROOT / "data"
    dataset = load_dataset(data)
    assert unrecorded_changes(dataset, read_lock(data)) == []
    assert lock_path(data).read_text() == lock_text(updated_lock(dataset, read_lock(data)))
