"""``python -m macros validate`` gives contributors the build's verdict without building."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from macros.paths import ROOT


def run_validate(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "macros", "validate", *arguments], cwd=ROOT,
                          capture_output=True, text=True, check=False)


def test_valid_dataset_exits_zero() -> None:
    result = run_validate()
    assert result.returncode == 0, result.stderr
    assert "valid (" in result.stdout


def test_invalid_dataset_exits_one_with_every_problem_and_no_traceback(minimal_data: Path) -> None:
    (minimal_data / "criteria" / "admin.yaml").write_text("id: admin\nid: admin\n")
    result = run_validate("--data", str(minimal_data))
    assert result.returncode == 1
    assert result.stderr.startswith("data/criteria/admin.yaml:2: id: expected each field once per mapping")
    assert "1 problem(s) in" in result.stderr
    assert "Traceback" not in result.stderr


def run(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "macros", *arguments], cwd=ROOT, capture_output=True, text=True,
                          check=False, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def test_links_on_another_data_folder_checks_without_touching_the_registry(minimal_data: Path) -> None:
    registry = (ROOT / "tests" / "published-links.txt").read_bytes()
    result = run("links", "--data", str(minimal_data))
    assert "Traceback" not in result.stderr
    assert f"it was left alone ({minimal_data} is not data/)" in result.stdout
    assert "no longer resolves" in result.stderr  # the minimal site lacks most published pages
    assert result.returncode == 1
    assert (ROOT / "tests" / "published-links.txt").read_bytes() == registry


def test_affected_with_an_unknown_base_says_so_without_a_traceback() -> None:
    result = run("affected", "--base", "no-such-revision")
    assert result.returncode == 1
    assert result.stderr.startswith("could not read the data of 'no-such-revision': ")
    assert "Traceback" not in result.stderr
