"""The performance script runs end to end and writes data the model accepts.

The suite runs it with ``--smoke``: no network and no installs (the frameworks of this
environment, the standard library's WSGI server for WSGI apps and uvicorn in one process for
ASGI apps, one round of one second per app and endpoint), about 40 s. What only a real run does, fresh
virtual environments installed from the registry and gunicorn, is left to ``--quick`` and full
runs by hand, as the published file's command shows. Which frameworks it measures is the
published file's ``setup`` block, so these tests name none.
"""

from __future__ import annotations

import ast
import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from macros.model.models import Measurement
from macros.model.statistics import order_rank
from macros.paths import ROOT
from scripts.measure_performance import APPS, read_setup, seed_database

PUBLISHED = ROOT / "data" / "measurements" / "performance.yaml"
SCRIPT = ROOT / "scripts" / "measure_performance.py"


def test_smoke_run_writes_valid_measurements(tmp_path: Path) -> None:
    output = tmp_path / "performance.yaml"
    shutil.copy(PUBLISHED, output)  # the script reads its setup from the file it rewrites
    setup, frameworks, endpoint_block, endpoints = read_setup(PUBLISHED)
    result = subprocess.run([sys.executable, str(SCRIPT), "--smoke", "--output", str(output)],
                            cwd=ROOT, check=False, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    written = yaml.safe_load(output.read_text())
    measurement = Measurement.model_validate(written)
    assert written["setup"] == setup and written["endpoints"] == endpoint_block, "the script's input: written back unchanged"
    ids = [framework.id for framework in frameworks]
    assert list(measurement.footprint) == ids, "the frameworks of setup, in its order"
    for framework in frameworks:  # the examples' lock and the dataset's setup pin the same releases
        pinned = framework.requirement.partition("==")[2]
        assert measurement.footprint[framework.id].version == pinned
        assert importlib.metadata.version(framework.distribution) == pinned
    (run,) = measurement.runs
    assert list(run.throughput) == [endpoint.id for endpoint in endpoints]
    for by_framework in run.throughput.values():
        assert {framework_id: list(apps) for framework_id, apps in by_framework.items()} == {
            framework.id: list(framework.apps) for framework in frameworks}
    assert {framework_id: list(startup.apps) for framework_id, startup in run.startup.items()} == {
        framework.id: list(framework.apps) for framework in frameworks}
    assert measurement.command.endswith("--smoke")
    assert "--smoke only" in measurement.server


def test_every_app_answers_every_endpoint_alike(tmp_path: Path) -> None:
    """The apps do the same work: the same JSON, the same escaped fortunes table, text for plaintext."""
    database = tmp_path / "perf.sqlite3"
    seed_database(database)
    _, frameworks, _, endpoints = read_setup(PUBLISHED)
    code = """
import importlib, json, sys
from werkzeug.test import Client
module = importlib.import_module(sys.argv[1])
app = module.app
if hasattr(app, "router"):  # an ASGI app: FastAPI's test client
    from fastapi.testclient import TestClient
    with TestClient(app) as client:
        responses = [client.get(path) for path in sys.argv[2:]]
        print(json.dumps([[r.status_code, r.headers["content-type"], r.text] for r in responses]))
else:
    client = Client(app)
    responses = [client.get(path, headers={"Host": "127.0.0.1"}) for path in sys.argv[2:]]
    print(json.dumps([[r.status_code, r.headers["content-type"], r.get_data(as_text=True)] for r in responses]))
"""
    answers = {}
    for framework in frameworks:
        for app in framework.apps:
            result = subprocess.run([sys.executable, "-c", code, app, *(endpoint.path for endpoint in endpoints)],
                                    cwd=framework.app_dir, env={**os.environ, "PERF_DB": str(database)},
                                    check=False, capture_output=True, text=True, timeout=60)
            assert result.returncode == 0, result.stderr
            responses = json.loads(result.stdout)
            answers[framework.id, app] = dict(zip((endpoint.id for endpoint in endpoints), responses, strict=True))
    for (framework_id, app), by_endpoint in answers.items():
        for endpoint_id, (status, _, body) in by_endpoint.items():
            assert status == 200, (framework_id, app, endpoint_id, body[:200])
        assert by_endpoint["plaintext"][2] == "Hello, World!" and by_endpoint["plaintext"][1].startswith("text/plain")
        assert json.loads(by_endpoint["json"][2]) == {"message": "Hello, World!"}
        assert set(json.loads(by_endpoint["db"][2])) == {"id", "randomNumber"}
        rows = json.loads(by_endpoint["queries"][2])
        assert len(rows) == 20 and all(set(row) == {"id", "randomNumber"} for row in rows)
        fortunes = by_endpoint["fortunes"][2]
        assert fortunes.count("<tr>") == 14, "a header row, 12 fortunes and the one added per request"
        assert "&lt;script&gt;" in fortunes and "<script>" not in fortunes, "the fortunes table escapes its rows"
        assert fortunes.index("A bad random number") < fortunes.index("Additional fortune") < fortunes.index("After enough")


def test_published_measurements_come_from_a_full_run() -> None:
    published = yaml.safe_load(PUBLISHED.read_text())
    assert published["command"] == "python scripts/measure_performance.py", "publish a full run, not --quick or --smoke"


def test_published_measurements_are_two_runs_of_enough_rounds() -> None:
    """The page ranks only on 95% intervals and on two runs that agree: a published file must allow both."""
    measurement = Measurement.model_validate(yaml.safe_load(PUBLISHED.read_text()))
    assert len(measurement.runs) >= 2
    for framework_id, setup in measurement.setup.items():
        assert measurement.footprint[framework_id].version == setup.requirement.partition("==")[2]
    for run in measurement.runs:
        for by_framework in run.throughput.values():
            for by_app in by_framework.values():
                assert all(order_rank(len(samples.requests_per_second)) for samples in by_app.values())


def test_every_framework_of_setup_has_its_apps() -> None:
    _, frameworks, _, _ = read_setup(PUBLISHED)  # stops with a message naming a missing hello.py or app
    assert {path.name for path in APPS.iterdir() if path.is_dir() and not path.name.startswith("__")} == {
        framework.id for framework in frameworks
    }, "scripts/perf/ has a folder per framework of setup, and no other"


def test_the_script_names_no_framework() -> None:
    """Its code takes every framework from setup: adding one is data and apps, not code."""
    _, frameworks, _, _ = read_setup(PUBLISHED)
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
