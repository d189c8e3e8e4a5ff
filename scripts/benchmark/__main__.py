"""Measure how fast the site builds and how heavy its pages are, and write the figures to BENCHMARK.md.

Run with ``make benchmark`` or ``.venv/bin/python -m scripts.benchmark [--runs N] [--report PATH]``
from the project's root. One run measures:

1. ``python -m macros validate`` and the full strict build of the real site;
2. how long ``mkdocs serve`` takes to show an edit of a YAML file;
3. what generation costs: the same pages built from generated versus plain Markdown;
4. growth: synthetic datasets 1x, 10x and 50x the size of the real one (time, memory, pages);
5. page weight per page type (HTML, CSS, JS, data fetched at start-up), the Mermaid library
   diagram pages load, and the search index;
6. Lighthouse scores per page type (performance, accessibility, best practices, SEO);

and reports them against the project's targets. The full run takes about 15 minutes on 2 cores,
most of it the 50x build and Lighthouse. ``--quick`` is a smoke run with tiny sizes (one run each, data at 1x
and 2x); it prints the report and writes a file only when ``--report`` is given, so it never
replaces published figures.

A measurement, not a test: numbers depend on the machine and on whatever else runs on it, so
nothing here passes or fails. Timed builds run in child processes, as a user would run them.
"""

from __future__ import annotations

import argparse
import datetime
import shlex
import sys
import tempfile
from pathlib import Path

from macros.paths import ROOT
from scripts.benchmark.full_build import measure_full_build
from scripts.benchmark.generation import measure_generation_cost
from scripts.benchmark.growth import GROWTH_FACTOR_CHECKED, measure_growth
from scripts.benchmark.lighthouse import measure_lighthouse
from scripts.benchmark.report import Results, render_report
from scripts.benchmark.runs import Settings, Steps, log
from scripts.benchmark.serve import measure_serve
from scripts.benchmark.weight import measure_weights

DEFAULT_REPORT = ROOT / "BENCHMARK.md"


def settings_from(arguments: argparse.Namespace) -> Settings:
    if arguments.quick:
        return Settings(runs=1, serve_edits=1, growth_factors=(1, 2), growth_runs=1, lighthouse_runs=1, quick=True)
    return Settings(
        runs=arguments.runs, serve_edits=arguments.runs, growth_factors=(1, GROWTH_FACTOR_CHECKED, 50),
        growth_runs=min(arguments.runs, 3), lighthouse_runs=arguments.runs,
    )


def command_line() -> str:
    """The command as typed from the project's root, for the report's reader to run again."""
    python = Path(sys.executable)
    shown = python.relative_to(ROOT) if python.is_relative_to(ROOT) else python
    return shlex.join([str(shown), "-m", "scripts.benchmark", *sys.argv[1:]])


def main() -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.benchmark", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--runs", type=int, default=5, help="timed runs per measurement (default 5)")
    parser.add_argument("--quick", action="store_true", help="smoke run: tiny sizes, one run each")
    parser.add_argument("--report", type=Path, help=f"where to write the report (default {DEFAULT_REPORT.name}; "
                        "--quick writes none unless given)")
    arguments = parser.parse_args()
    settings = settings_from(arguments)
    report_path = arguments.report or (None if settings.quick else DEFAULT_REPORT)
    started = datetime.datetime.now(datetime.UTC)
    steps = Steps()
    with tempfile.TemporaryDirectory(prefix="benchmark-") as temporary:
        work = Path(temporary)
        steps.start("1. validate and full strict build")
        full = measure_full_build(settings, work / "site")
        steps.start("2. rebuilds under mkdocs serve")
        serve = measure_serve(settings.serve_edits, work)
        steps.start("3. generated against plain Markdown")
        generation = measure_generation_cost(settings, work)
        steps.start("4. growth")
        growth = measure_growth(settings, work)
        steps.start("5. page weight")
        weights = measure_weights(full.site_dir)
        steps.start("6. Lighthouse")
        lighthouse = measure_lighthouse(full.site_dir, settings.lighthouse_runs)
        steps.start("the end of the run")
        results = Results(settings, command_line(), started, steps.loads, full, serve, generation, growth, weights, lighthouse)
    report = render_report(results)
    print(report)
    if report_path is not None:
        report_path.write_text(report, encoding="utf-8")
        log(f"report written to {report_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
