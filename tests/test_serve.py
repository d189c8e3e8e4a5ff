"""``mkdocs serve`` rebuilds when a file under data/ changes (the data is read on every build)."""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.request
from pathlib import Path

from tests.support import free_port, project_around, wait_until


def body(url: str) -> str:
    """The page at ``url``, or "" while the server is not up yet or too busy rebuilding to answer in time."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode()
    except OSError:  # URLError, a refused or reset connection, a read that timed out
        return ""


def wait_for(url: str, text: str) -> None:
    """Poll ``url`` until its body contains ``text``; fail after a minute."""
    last = ""

    def shows_text() -> bool:
        nonlocal last
        last = body(url)
        return text in last

    assert wait_until(shows_text, interval=0.3), f"{url} never contained {text!r}; last body starts {last[:200]!r}"


def test_editing_a_yaml_file_rebuilds_the_served_page(minimal_data: Path) -> None:
    project = project_around(minimal_data)
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
