"""Lighthouse per page type, npm's (package-lock.json) driving Debian's Chromium with its defaults, since they are what
its scores mean to readers. ``tests/test_lighthouse.py`` holds best practices and SEO at 100 with it."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from macros.paths import ROOT
from scripts.benchmark.builds import log
from scripts.chromium import CHROMIUM, CHROMIUM_ARGS
from scripts.static_server import serve

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PERFORMANCE_TARGET = 95
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift")


@dataclass(frozen=True)
class Audit:
    """One Lighthouse run of one page: its category scores (0-100) and what cost it points."""

    scores: dict[str, int]
    metrics: dict[str, float]
    failed: list[str]
    """Audits scored below 1 that carry weight in a category, as 'category: audit-id (value)'."""


def run_lighthouse(url: str, categories: Sequence[str] = CATEGORIES) -> Audit:
    """Run Lighthouse once on ``url`` in a fresh headless Chromium and read its JSON report."""
    options = ["--quiet", "--output=json", "--output-path=stdout", f"--only-categories={','.join(categories)}"]
    command = [str(LIGHTHOUSE), url, *options, f"--chrome-flags={' '.join(['--headless=new', *CHROMIUM_ARGS])}"]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    completed = subprocess.run(command, capture_output=True, text=True, check=False, env=env, timeout=300)
    if completed.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url} (exit {completed.returncode}):\n{completed.stderr[-2000:]}")
    return audit_from(json.loads(completed.stdout))


def audit_from(report: dict[str, Any]) -> Audit:
    if error := report.get("runtimeError"):
        raise RuntimeError(f"lighthouse could not load {report.get('finalDisplayedUrl')}: {error['code']}: {error['message']}")
    audits, categories = report["audits"], report["categories"]
    failed = []
    for name, category in categories.items():
        for reference in category["auditRefs"]:
            audit = audits[reference["id"]]
            if reference["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                failed.append(f"{name}: {reference['id']}" + (f" ({audit['displayValue']})" if audit.get("displayValue") else ""))
    return Audit(
        {name: round(category["score"] * 100) for name, category in categories.items()},
        {metric: audits[metric]["numericValue"] for metric in METRICS if metric in audits},
        failed,
    )


@dataclass(frozen=True)
class PageScores:
    """One page's medians over the runs, and the range of its performance scores, which vary from run to run."""

    path: str
    scores: dict[str, float]
    performance_runs: list[int]
    metrics: dict[str, float]
    shortfalls: list[str]
    """Audits of the full-marks categories that failed in any run, each once."""

    @property
    def below_target(self) -> bool:
        return bool(self.shortfalls) or self.scores["performance"] < PERFORMANCE_TARGET


def measure_lighthouse(site_dir: Path, paths: list[str], runs: int) -> list[PageScores]:
    scores = []
    with serve(site_dir) as base_url:
        for path in paths:
            log(f"lighthouse: /{path}, {runs} run(s)")
            audits = [run_lighthouse(base_url + path) for _ in range(runs)]
            medians = {category: statistics.median(audit.scores[category] for audit in audits) for category in CATEGORIES}
            metrics = {metric: statistics.median(audit.metrics[metric] for audit in audits) for metric in METRICS}
            failed = {failure for audit in audits for failure in audit.failed if not failure.startswith("performance:")}
            performance = [audit.scores["performance"] for audit in audits]
            scores.append(PageScores(path, medians, performance, metrics, sorted(failed)))
    return scores
