"""Timed child processes, and what every measurement shares: settings, progress log, project copies.

Timed builds run in child processes, as a user would run them; this module measures each one
(wall time, mkdocs' own build time, peak memory) and takes the medians the report shows.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from macros.paths import ROOT

# Material prints a banner about MkDocs 2.0 on every run; it is not about this site.
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
BUILT_IN = re.compile(r"Documentation built in ([\d.]+) seconds")


@dataclass(frozen=True)
class Settings:
    """What a run measures: a full run and a quick smoke run differ only here."""

    runs: int
    """Timed runs per build measurement, after one warm-up run."""
    serve_edits: int
    growth_factors: tuple[int, ...]
    growth_runs: int
    """Timed builds per growth factor up to 10x; bigger factors are built once (they take minutes)."""
    lighthouse_runs: int
    """Lighthouse runs per page type; the report gives their median."""
    quick: bool = False


# ----------------------------------------------------------------------------
# Timed child processes: wall time, mkdocs' own build time and peak memory of each.
# ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """One finished child process."""

    seconds: float
    """Wall time, Python start-up and imports included: what a user waits for."""
    built_in: float | None
    """What mkdocs logged as 'Documentation built in X seconds' (the build alone), if it did."""
    peak_rss_mib: float
    """Peak resident memory of the process, from wait4's resource usage."""


def run_measured(command: Sequence[str], cwd: Path) -> Run:
    """Run ``command`` to completion and measure it; fail loudly with its log if it fails.

    ``os.wait4`` returns the resource usage of this one child, where RUSAGE_CHILDREN would
    report the largest of all children so far.
    """
    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=log)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read()
    if process.returncode != 0:
        raise RuntimeError(f"{shlex.join(command)} failed in {cwd} with status {process.returncode}:\n{output[-3000:]}")
    built = BUILT_IN.findall(output)
    return Run(seconds, float(built[-1]) if built else None, usage.ru_maxrss / 1024)


Job = tuple[Sequence[str], Path]
"""A command and the folder it runs in."""


def take_turns(jobs: Sequence[Job], runs: int, *, warm_up: bool = True) -> list[list[Run]]:
    """``runs`` measured runs of each job, taking turns (a, b, a, b, ...): one list of runs per job.

    Taking turns spreads load from other work on the machine over every job alike, so the ratios
    between them stay fair. The warm-up fills the file system cache and writes byte-code first.
    """
    if warm_up:
        for command, cwd in jobs:
            run_measured(command, cwd)
    measured: list[list[Run]] = [[] for _ in jobs]
    for _ in range(runs):
        for runs_of_job, (command, cwd) in zip(measured, jobs, strict=True):
            runs_of_job.append(run_measured(command, cwd))
    return measured


def repeat(command: Sequence[str], cwd: Path, runs: int, *, warm_up: bool = True) -> list[Run]:
    return take_turns([(command, cwd)], runs, warm_up=warm_up)[0]


def mkdocs(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", *arguments]


def median_seconds(runs: Iterable[Run]) -> float:
    return statistics.median(run.seconds for run in runs)


def median_built_in(runs: Iterable[Run]) -> float | None:
    values = [run.built_in for run in runs if run.built_in is not None]
    return statistics.median(values) if values else None


# ----------------------------------------------------------------------------
# Progress and the machine's load while the run goes on.
# ----------------------------------------------------------------------------


def log(message: str) -> None:
    """Progress on stderr: a full run takes minutes."""
    print(f"[benchmark {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def load_average() -> str:
    return " / ".join(f"{value:.2f}" for value in os.getloadavg())


@dataclass
class Steps:
    """Announces each measurement and notes the load average as it starts.

    Other people use the machine too; the load shows which figures their work may have slowed.
    """

    loads: list[tuple[str, str]] = field(default_factory=list)

    def start(self, name: str) -> None:
        log(name)
        self.loads.append((name, load_average()))


# ----------------------------------------------------------------------------
# A temporary copy of the project, for builds that must not touch the real one.
# ----------------------------------------------------------------------------


def project_copy(target: Path, data: Path | None = None) -> Path:
    """mkdocs.yml, docs/ and requirements/ copied, macros/ and examples/ linked, data/ copied if given.

    Pages read code examples and pinned versions relative to the data folder's parent, hence
    examples/ and requirements/ beside it.
    """
    target.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "requirements", target / "requirements")
    shutil.copytree(ROOT / "docs", target / "docs")
    for linked in ("macros", "examples"):
        (target / linked).symlink_to(ROOT / linked)
    if data is not None:
        shutil.copytree(data, target / "data")
    return target
