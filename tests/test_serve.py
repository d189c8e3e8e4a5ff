"""``mkdocs serve`` rebuilds when a file under data/ changes (the data is read on every build)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.test_build import project_copy

TIMEOUT = 60


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, text: str) -> str:
    """Poll ``url`` until its body contains ``text``; fail after TIMEOUT seconds."""
    deadline = time.monotonic() + TIMEOUT
    body = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body = response.read().decode()
            if text in body:
                return body
        except (urllib.error.URLError, ConnectionError):
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} never contained {text!r}; last body starts {body[:200]!r}")


def test_editing_a_yaml_file_rebuilds_the_served_page(tmp_path: Path, minimal_data: Path) -> None:
    project = project_copy(tmp_path, minimal_data)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        url = f"http://127.0.0.1:{port}/criteria/admin/"
        wait_for(url, "Ships one.")
        admin = project / "data" / "criteria" / "admin.yaml"
        admin.write_text(admin.read_text().replace("verdict: Ships one.", "verdict: Ships one, edited while serving."))
        wait_for(url, "Ships one, edited while serving.")
    finally:
        server.terminate()
        server.wait(timeout=10)
