"""Markdown tables and cells every section of the report uses, and a row of the targets table.

Kept apart from report.py so that measurement modules can render their own sections without
importing the report that imports them.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from scripts.benchmark.runs import Run, median_built_in

KB = 1000  # the report's kilobyte; budgets are usually written in decimal units


def table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def seconds(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def kilobytes(value: float) -> str:
    return f"{value / KB:,.1f}"


def spread(runs: Sequence[Run]) -> list[str]:
    """Median, min and max wall time, and mkdocs' own median, as table cells."""
    walls = [run.seconds for run in runs]
    return [seconds(statistics.median(walls)), seconds(min(walls)), seconds(max(walls)), seconds(median_built_in(runs))]


@dataclass(frozen=True)
class Target:
    """One of the project's targets, judged on a run's figures: a row of the report's targets table."""

    name: str
    measured: str
    met: bool | None
    """None when this run did not measure it (a quick run has no 10x dataset)."""
    comment: str

    @property
    def result(self) -> str:
        return "not measured" if self.met is None else "met" if self.met else "**missed**"
