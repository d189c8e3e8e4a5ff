"""``python -m scripts.benchmark``: measure how fast the site builds and how heavy its pages are (15 minutes on 2 cores)
and write BENCHMARK.md through report.md.j2, which holds every sentence. ``--quick`` is a smoke run (one run each, data
at 1x and 2x) that writes a report only where ``--report`` says, so that it never replaces published figures."""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shlex
import statistics
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import jinja2

from macros.paths import ROOT
from scripts.benchmark import builds, lighthouse, weight

TARGETS = dict(
    build_seconds=5,
    growth_factor=builds.GROWTH_FACTOR,
    per_page_drift=1.2,  # build time per page at the largest dataset against 1x
    chrome_drift=1.01,  # a page's HTML outside its own content at the largest dataset against 1x
    generation=1.3,  # the generated build's wall time against the plain-Markdown build's
    page_bytes=150_000,
    performance=lighthouse.PERFORMANCE_TARGET,
    tbt_ms=lighthouse.TBT_TARGET_MS,
)


@dataclass(frozen=True)
class Results:
    quick: bool
    command: str
    started: datetime.datetime
    loads: list[tuple[str, tuple[float, float, float]]]
    """Load average (1/5/15 min) as each step started, and at the end: what other work may have slowed."""
    validate: builds.Timed
    build: builds.Timed
    serve: tuple[list[float], list[float | None], float | None]
    """Seconds until each edit showed, mkdocs' own time for each rebuild and for the initial build."""
    generated: builds.Timed
    plain: builds.Timed
    growth: list[builds.Growth]
    weights: weight.Weights
    stock: lighthouse.PageScores
    """The stock Material page, measured in turns with ours."""
    lighthouse: list[lighthouse.PageScores]


def machine() -> dict[str, Any]:
    """The machine and software the figures hold for: timings mean little without them."""
    cpuinfo = Path("/proc/cpuinfo")
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(encoding="utf-8"), re.M) if cpuinfo.exists() else None
    return {
        "cpu": model[1] if model else platform.processor() or "unknown",
        "cores": os.cpu_count(),
        "memory_gib": os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30,
        "system": platform.platform(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "lighthouse": json.loads((ROOT / "node_modules" / "lighthouse" / "package.json").read_text(encoding="utf-8"))["version"],
    }


def median(values: Iterable[float | None]) -> float | None:
    """The median of what was measured: a rebuild under serve may log no build time."""
    measured = [value for value in values if value is not None]
    return statistics.median(measured) if measured else None


def render_report(results: Results) -> str:
    loader, options = jinja2.FileSystemLoader(Path(__file__).parent), dict(trim_blocks=True, lstrip_blocks=True)
    environment = jinja2.Environment(loader=loader, undefined=jinja2.StrictUndefined, keep_trailing_newline=True, **options)
    environment.filters |= {
        "seconds": lambda value: "n/a" if value is None else f"{value:.2f}",
        "kb": lambda value: f"{value / 1000:,.1f}",
        "median": median,
        "oneline": lambda text: " ".join(text.split()),
    }
    served = {"criterion": builds.SERVED_CRITERION, "poll_ms": builds.POLL_SECONDS * 1000}
    template = environment.get_template("report.md.j2")
    return template.render(r=results, machine=machine(), version=metadata.version, target=TARGETS, served=served)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.benchmark", description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="timed runs per measurement (default 5)")
    parser.add_argument("--quick", action="store_true", help="smoke run: tiny sizes, one run each")
    parser.add_argument("--report", type=Path, help="where to write the report (default BENCHMARK.md, none if --quick)")
    arguments = parser.parse_args()
    quick, runs = arguments.quick, 1 if arguments.quick else arguments.runs
    # The command as typed from the project's root, for the reader to run again.
    command = shlex.join([os.path.relpath(sys.executable, ROOT), "-m", "scripts.benchmark", *sys.argv[1:]])
    started, loads = datetime.datetime.now(datetime.UTC), []

    def step(name: str) -> None:
        """Announce a measurement and note the load average as it starts: other people use the machine too."""
        builds.log(name)
        loads.append((name, os.getloadavg()))

    with tempfile.TemporaryDirectory(prefix="benchmark-") as temporary:
        work = Path(temporary)
        site = work / "site"
        step("1. validate and full strict build")
        [validate] = builds.take_turns([(builds.VALIDATE, ROOT)], runs)
        [build] = builds.take_turns([([*builds.MKDOCS, "build", "--strict", "--site-dir", str(site)], ROOT)], runs)
        step("2. rebuilds under mkdocs serve")
        serve = builds.measure_serve(runs, work)
        step("3. generated against plain Markdown")
        generated, plain = builds.measure_generation(runs, work)
        step("4. growth")
        paths = weight.page_types(site)
        growth = builds.measure_growth((1, 2) if quick else (1, builds.GROWTH_FACTOR, 50), min(runs, 3), work, site, paths)
        step("5. page weight")
        weights = weight.measure_weights(site, paths)
        step("6. Lighthouse")
        stock, scores = lighthouse.measure_lighthouse(site, paths, runs, builds.build_stock(work))
        step("the end of the run")
    results = Results(quick, command, started, loads, validate, build, serve, generated, plain, growth, weights, stock, scores)
    text = render_report(results)
    print(text)
    if path := arguments.report or (None if quick else ROOT / "BENCHMARK.md"):
        path.write_text(text, encoding="utf-8")
        builds.log(f"report written to {path}")
    return 0
