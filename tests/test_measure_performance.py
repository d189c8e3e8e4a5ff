"""The performance script runs end to end (quick mode) and writes data the model accepts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from macros.model.models import Measurement
from macros.paths import ROOT


def test_quick_run_writes_valid_measurements(tmp_path: Path) -> None:
    output = tmp_path / "performance.yaml"
    result = subprocess.run([sys.executable, "scripts/measure_performance.py", "--quick", "--output", str(output)],
                            cwd=ROOT, check=False, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    measurement = Measurement.model_validate(yaml.safe_load(output.read_text()))
    assert set(measurement.footprint) == {"flask", "django"}
    assert measurement.footprint["flask"].version == "3.1.3"
    assert measurement.footprint["django"].version == "6.1.3"
    assert measurement.footprint["flask"].packages > measurement.footprint["django"].packages
    assert [endpoint.id for endpoint in measurement.endpoints] == ["hello", "items"]
    for endpoint in measurement.endpoints:
        assert set(endpoint.results) == {"flask", "django"}
    assert measurement.command.endswith("--quick")


def test_published_measurements_come_from_a_full_run() -> None:
    published = yaml.safe_load((ROOT / "data" / "measurements" / "performance.yaml").read_text())
    assert published["command"] == "python scripts/measure_performance.py", "publish a full run, not --quick"
