"""Build the real site several times and report median timings.

Run with ``make benchmark`` (or ``.venv/bin/python scripts/benchmark.py --runs 7``).
A measurement, not a test: numbers depend on the machine, so nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def time_command(command: list[str]) -> float:
    """Wall time of one run of ``command`` from the project root; fails loudly if it fails."""
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return time.perf_counter() - start


def measure(label: str, command: list[str], runs: int) -> tuple[str, list[float]]:
    time_command(command)  # warm the file system cache and byte-code
    return label, [time_command(command) for _ in range(runs)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="timed runs per measurement (default 5)")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as site_dir:
        results = [
            measure("validate (`python -m macros validate`)", [sys.executable, "-m", "macros", "validate"], arguments.runs),
            measure("full strict build (`mkdocs build --strict`)",
                    [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site_dir], arguments.runs),
        ]
    print(f"Machine: {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    print(f"Runs per measurement: {arguments.runs} (after one warm-up run)\n")
    print("| Measurement | Median (s) | Min (s) | Max (s) |")
    print("|---|---|---|---|")
    for label, timings in results:
        print(f"| {label} | {statistics.median(timings):.2f} | {min(timings):.2f} | {max(timings):.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
