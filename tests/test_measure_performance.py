"""The performance script runs end to end and writes data the model accepts.

The suite runs it with ``--smoke``: no network and no installs (the frameworks of this
environment, the standard library's WSGI server, one second of load per endpoint), about 8 s.
What only a real run does, fresh virtual environments installed from the registry and gunicorn,
is left to ``--quick`` and full runs by hand, as the published file's command shows.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from macros.model.models import Measurement
from macros.paths import ROOT
from scripts.measure_performance import FRAMEWORKS


def test_smoke_run_writes_valid_measurements(tmp_path: Path) -> None:
    output = tmp_path / "performance.yaml"
    result = subprocess.run([sys.executable, "scripts/measure_performance.py", "--smoke", "--output", str(output)],
                            cwd=ROOT, check=False, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    measurement = Measurement.model_validate(yaml.safe_load(output.read_text()))
    assert set(measurement.footprint) == {"flask", "django"}
    for framework in FRAMEWORKS:  # the examples' lock and the script measure the same releases
        assert measurement.footprint[framework.id].version == framework.requirement.partition("==")[2]
    assert measurement.footprint["flask"].packages > measurement.footprint["django"].packages
    assert [endpoint.id for endpoint in measurement.endpoints] == ["hello", "items"]
    for endpoint in measurement.endpoints:
        assert set(endpoint.results) == {"flask", "django"}
    assert measurement.command.endswith("--smoke")


def test_published_measurements_come_from_a_full_run() -> None:
    published = yaml.safe_load((ROOT / "data" / "measurements" / "performance.yaml").read_text())
    assert published["command"] == "python scripts/measure_performance.py", "publish a full run, not --quick or --smoke"
