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
TBT_TARGET_MS = 50
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


def scores_of(path: str, audits: Sequence[Audit]) -> PageScores:
    """One page's runs summarised: medians, the range of performance, and the full-marks audits that failed."""
    medians = {category: statistics.median(audit.scores[category] for audit in audits) for category in CATEGORIES}
    metrics = {metric: statistics.median(audit.metrics[metric] for audit in audits) for metric in METRICS}
    failed = {failure for audit in audits for failure in audit.failed if not failure.startswith("performance:")}
    return PageScores(path, medians, [audit.scores["performance"] for audit in audits], metrics, sorted(failed))


def measure_lighthouse(site_dir: Path, paths: list[str], runs: int, stock_dir: Path) -> tuple[PageScores, list[PageScores]]:
    """The stock Material page (``stock_dir``'s home page) and each of ours, taking turns run after run (stock, home,
    framework, ..., stock, home, ...), so that load from other work on the machine falls on all of them alike."""
    audits: dict[str, list[Audit]] = {path: [] for path in paths}
    stock: list[Audit] = []
    with serve(site_dir) as base_url, serve(stock_dir) as stock_url:
        for run in range(1, runs + 1):
            log(f"lighthouse: run {run} of {runs}: the stock page, then {len(paths)} page types")
            stock.append(run_lighthouse(stock_url))
            for path in paths:
                audits[path].append(run_lighthouse(base_url + path))
    return scores_of("", stock), [scores_of(path, audits[path]) for path in paths]
