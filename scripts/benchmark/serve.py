"""Rebuild under ``mkdocs serve``: how long an edit of a YAML file takes to show on the served page.

What a contributor waits for while editing, measured end to end through the server's HTTP answers.
"""

from __future__ import annotations

import re
import socket
import statistics
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from macros.paths import ROOT
from scripts.benchmark.runs import BUILT_IN, ENV, mkdocs, project_copy
from scripts.benchmark.tables import seconds, table

SERVE_POLL_SECONDS = 0.05
SERVE_TIMEOUT_SECONDS = 120.0
SERVED_CRITERION = "admin"


@dataclass(frozen=True)
class ServeResult:
    until_page_shows_edit: list[float]
    """Seconds from writing the YAML file to the served page containing the new text."""
    logged_rebuilds: list[float | None]
    """mkdocs' 'Documentation built in' for each of those rebuilds; None where the line was missing.

    Seen once in a while: a rebuild under ``mkdocs serve`` that completes ('Reloading browsers')
    without mkdocs' build logger printing anything, its 'Cleaning site directory' included.
    """
    initial_build: float | None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    """The page body, or None while the server is not answering yet."""
    try:
        with urllib.request.urlopen(url, timeout=SERVE_TIMEOUT_SECONDS) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError):
        return None


def poll_until(condition: Callable[[], bool], what: str) -> None:
    """Check ``condition`` every 50 ms; the poll interval bounds the measurement's resolution."""
    deadline = time.monotonic() + SERVE_TIMEOUT_SECONDS
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")
        time.sleep(SERVE_POLL_SECONDS)


def logged_build_times(log_path: Path) -> list[float]:
    return [float(seconds) for seconds in BUILT_IN.findall(log_path.read_text(encoding="utf-8"))]


def reloads(log_path: Path) -> int:
    """Rebuilds the server finished: livereload logs this after every successful one."""
    return log_path.read_text(encoding="utf-8").count("Reloading browsers")


def measure_serve(edits: int, work: Path) -> ServeResult:
    """Serve a copy of the project, edit one verdict ``edits`` times and time each until it is served.

    The marker appended to the verdict is plain words, so the glossary linker leaves it whole.
    Before the next edit the script waits for the server to log the end of the rebuild.
    """
    project = project_copy(work / "serve-project", ROOT / "data")
    yaml_file = project / "data" / "criteria" / f"{SERVED_CRITERION}.yaml"
    original = yaml_file.read_text(encoding="utf-8")
    verdict = re.search(r"^ *verdict: ([^'\"].*)$", original, re.MULTILINE)
    assert verdict is not None, f"no unquoted verdict in {yaml_file} to append words to"
    port = free_port()
    url = f"http://127.0.0.1:{port}/criteria/{SERVED_CRITERION}/"
    log_path = work / "serve.log"
    page_times: list[float] = []
    rebuild_times: list[float | None] = []
    with log_path.open("w", encoding="utf-8") as server_log:
        server = subprocess.Popen(
            mkdocs("serve", "-a", f"127.0.0.1:{port}"), cwd=project, env=ENV,
            stdout=subprocess.DEVNULL, stderr=server_log,
        )
        try:
            poll_until(lambda: (fetch(url) or "").rstrip().endswith("</html>"), f"{url} to be served")
            for edit in range(1, edits + 1):
                marker = f"Benchmark edit {edit} of {edits}."
                reloads_before, builds_before = reloads(log_path), len(logged_build_times(log_path))
                start = time.perf_counter()
                yaml_file.write_text(
                    original[: verdict.end()] + " " + marker + original[verdict.end():], encoding="utf-8",
                )
                poll_until(lambda marker=marker: marker in (fetch(url) or ""), f"the edit to reach {url}")
                page_times.append(time.perf_counter() - start)
                poll_until(lambda before=reloads_before: reloads(log_path) > before, "the rebuild to end")
                new_builds = logged_build_times(log_path)[builds_before:]
                rebuild_times.append(new_builds[-1] if new_builds else None)
        except RuntimeError as error:
            tail = "\n".join(log_path.read_text(encoding="utf-8").splitlines()[-30:])
            raise RuntimeError(f"{error}; mkdocs serve's log ends with:\n{tail}") from None
        finally:
            server.terminate()
            server.wait(timeout=30)
    built = logged_build_times(log_path)
    return ServeResult(page_times, rebuild_times, built[0] if built else None)


def serve_section(serve: ServeResult) -> str:
    rows = [(index, seconds(page), seconds(built)) for index, (page, built) in
            enumerate(zip(serve.until_page_shows_edit, serve.logged_rebuilds, strict=False), start=1)]
    logged = [built for built in serve.logged_rebuilds if built is not None]
    rows.append(("**median**", seconds(statistics.median(serve.until_page_shows_edit)),
                 seconds(statistics.median(logged) if logged else None)))
    return (
        "## 2. Rebuild after editing a YAML file under `mkdocs serve`\n\n"
        f"`mkdocs serve` in a copy of the project; each edit appends words to a verdict in "
        f"`data/criteria/{SERVED_CRITERION}.yaml`, and the served `/criteria/{SERVED_CRITERION}/` is polled every "
        f"{SERVE_POLL_SECONDS * 1000:.0f} ms until it shows them. MkDocs notices changes by polling the watched "
        "folders every 0.5 s and waits 0.1 s more before rebuilding, so up to 0.6 s of each figure is detection. "
        f"The initial build when the server started took {seconds(serve.initial_build)} s (mkdocs' log).\n\n"
        + table(["Edit", "Until the page shows it (s)", "mkdocs reports for the rebuild (s)"], rows) + "\n"
    )
