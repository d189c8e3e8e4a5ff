"""``python -m macros validate`` gives contributors the build's verdict without building."""

from __future__ import annotations

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
