"""The report: every measurement's figures in one Markdown document, targets first.

Each measurement module renders its own section and judges its own target; this module only
holds the results of a run and puts the sections in order. A new measurement adds a field to
``Results``, its section to ``render_report`` and, if it has one, its target to ``targets_section``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from scripts.benchmark.environment import environment
from scripts.benchmark.full_build import FullBuild, build_target, full_build_section
from scripts.benchmark.generation import GenerationCost, generation_section
from scripts.benchmark.growth import Growth, growth_section, growth_target
from scripts.benchmark.lighthouse import Lighthouse, lighthouse_section, lighthouse_target
from scripts.benchmark.runs import Settings
from scripts.benchmark.serve import ServeResult, serve_section
from scripts.benchmark.tables import table
from scripts.benchmark.weight import Weights, page_target, weight_section


@dataclass(frozen=True)
class Results:
    settings: Settings
    command: str
    started: datetime.datetime
    loads: list[tuple[str, str]]
    """Load average (1/5/15 min) as each step started, and at the end."""
    full: FullBuild
    serve: ServeResult
    generation: GenerationCost
    growth: list[Growth]
    weights: Weights
    lighthouse: Lighthouse


def targets_section(results: Results) -> str:
    targets = [
        build_target(results.full, results.generation),
        growth_target(results.growth),
        page_target(results.weights),
        lighthouse_target(results.lighthouse),
    ]
    rows = [(target.name, target.measured, target.result, target.comment) for target in targets]
    return "## Targets\n\n" + table(["Target", "Measured", "Result", "Why, and what it would take"], rows) + "\n"


def header(results: Results) -> str:
    """What wrote the report, how, when, and on what machine under what load."""
    quick = "\n**Quick smoke run: tiny sizes and single runs; the numbers mean nothing.**\n" if results.settings.quick else ""
    return (
        "# Benchmark: build time and page weight\n\n"
        f"Written by `scripts/benchmark/` on {results.started:%Y-%m-%d %H:%M} UTC with\n\n"
        f"```sh\n{results.command}\n```\n{quick}\n"
        "A measurement, not a test: other processes share this machine, so repeat a run before trusting a "
        "difference of a few per cent.\n\n"
        + table(["Machine and software", ""], environment()) + "\n\n"
        + table(["Load average (1 / 5 / 15 min) at the start of", ""], results.loads) + "\n"
    )


def render_report(results: Results) -> str:
    sections = [
        header(results),
        targets_section(results),
        full_build_section(results.full, results.settings),
        serve_section(results.serve),
        generation_section(results.generation, results.settings),
        growth_section(results.growth, results.settings),
        weight_section(results.weights),
        lighthouse_section(results.lighthouse),
    ]
    return "\n".join(sections)
