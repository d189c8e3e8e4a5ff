"""The performance script runs end to end and writes data the model accepts.

The suite runs it with ``--smoke``: no network and no installs (the frameworks of this
environment, the standard library's WSGI server for WSGI apps and uvicorn in one process for
ASGI apps, one second of load per endpoint), about 10 s. What only a real run does, fresh
virtual environments installed from the registry and gunicorn, is left to ``--quick`` and full
runs by hand, as the published file's command shows. Which frameworks it measures is the
published file's ``setup`` block, so these tests name none.
"""

from __future__ import annotations

import ast
import importlib.metadata
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from macros.model.models import Measurement
from macros.paths import ROOT
from scripts.measure_performance import APPS, read_setup

PUBLISHED = ROOT / "data" / "measurements" / "performance.yaml"
SCRIPT = ROOT / "scripts" / "measure_performance.py"


def test_smoke_run_writes_valid_measurements(tmp_path: Path) -> None:
    output = tmp_path / "performance.yaml"
    shutil.copy(PUBLISHED, output)  # the script reads its setup from the file it rewrites
    setup, frameworks = read_setup(PUBLISHED)
    result = subprocess.run([sys.executable, str(SCRIPT), "--smoke", "--output", str(output)],
                            cwd=ROOT, check=False, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    written = yaml.safe_load(output.read_text())
    measurement = Measurement.model_validate(written)
    assert written["setup"] == setup, "setup is the script's input: written back unchanged"
    ids = [framework.id for framework in frameworks]
    assert list(measurement.footprint) == ids, "the frameworks of setup, in its order"
    for framework in frameworks:  # the examples' lock and the dataset's setup pin the same releases
        pinned = framework.requirement.partition("==")[2]
        assert measurement.footprint[framework.id].version == pinned
        assert importlib.metadata.version(framework.distribution) == pinned
    assert [endpoint.id for endpoint in measurement.endpoints] == ["hello", "items"]
    for endpoint in measurement.endpoints:
        assert list(endpoint.results) == ids
    assert measurement.command.endswith("--smoke")
    assert "--smoke only" in measurement.server


def test_published_measurements_come_from_a_full_run() -> None:
    published = yaml.safe_load(PUBLISHED.read_text())
    assert published["command"] == "python scripts/measure_performance.py", "publish a full run, not --quick or --smoke"


def test_published_measurements_cover_their_setup() -> None:
    measurement = Measurement.model_validate(yaml.safe_load(PUBLISHED.read_text()))
    assert list(measurement.footprint) == list(measurement.setup), "rerun the script after changing setup"
    for framework_id, setup in measurement.setup.items():
        assert measurement.footprint[framework_id].version == setup.requirement.partition("==")[2]
        for endpoint in measurement.endpoints:
            assert framework_id in endpoint.results


def test_every_framework_of_setup_has_its_apps() -> None:
    _, frameworks = read_setup(PUBLISHED)  # stops with a message naming a missing hello.py or app.py
    assert {path.name for path in APPS.iterdir() if path.is_dir() and not path.name.startswith("__")} == {
        framework.id for framework in frameworks
    }, "scripts/perf/ has a folder per framework of setup, and no other"


def test_the_script_names_no_framework() -> None:
    """Its code takes every framework from setup: adding one is data and apps, not code."""
    _, frameworks = read_setup(PUBLISHED)
    tree = ast.parse(SCRIPT.read_text())
    module_docstring = tree.body[0]  # the method, which may give examples
    words = set()
    for node in ast.walk(tree):
        if node is module_docstring:
            continue
        text = (node.value if isinstance(node, ast.Constant) and isinstance(node.value, str)
                else node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else "")
        words |= {word.lower() for word in re.findall(r"[A-Za-z]+", text)}
    for framework in frameworks:
        assert framework.id not in words and framework.distribution not in words, framework.id
