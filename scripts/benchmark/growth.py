"""Growth: the build of synthetic datasets several times the real one (time, memory, pages).

Shows whether build time stays proportional to the content as the dataset grows, and holds the
project's growth target judged on it.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from macros.paths import ROOT
from scripts.benchmark.runs import (
    Run,
    Settings,
    log,
    median_built_in,
    median_seconds,
    mkdocs,
    project_copy,
    repeat,
    run_measured,
    take_turns,
)
from scripts.benchmark.sizes import SiteSummary, summarise_site
from scripts.benchmark.synthetic import multiply_dataset
from scripts.benchmark.tables import Target, kilobytes, seconds, table

GROWTH_FACTOR_CHECKED = 10
"""The target: this many times the data builds in less than this many times the time."""


@dataclass(frozen=True)
class Growth:
    factor: int
    entities: dict[str, int]
    validate: Run
    """``python -m macros validate`` on the same data: loading and validating alone."""
    runs: list[Run]
    site: SiteSummary
    search_index_bytes: int

    @property
    def build_seconds(self) -> float:
        """mkdocs' own build time, without the constant cost of starting Python (wall time if not logged)."""
        return median_built_in(self.runs) or median_seconds(self.runs)

    @property
    def seconds_per_page(self) -> float:
        return self.build_seconds / self.site.pages


def measure_growth(settings: Settings, work: Path) -> list[Growth]:
    """Build each synthetic dataset strictly in its own copy of the project, in child processes.

    1x goes through the same kind of copy as the others, so the ratios compare like with like.
    Factors up to 10x take turns; bigger ones are built once, last, because they take minutes.
    """
    projects = {factor: work / f"growth-{factor}x" for factor in settings.growth_factors}
    entities: dict[int, dict[str, int]] = {}
    validations: dict[int, Run] = {}
    for factor, project in projects.items():
        log(f"growth: writing and validating the {factor}x dataset")
        project_copy(project)
        entities[factor] = multiply_dataset(ROOT / "data", project / "data", factor)
        validations[factor] = run_measured([sys.executable, "-m", "macros", "validate", "--data", "data"], project)
    build_here = mkdocs("build", "--strict", "--site-dir", "site")
    compared = [factor for factor in projects if factor <= GROWTH_FACTOR_CHECKED]
    log(f"growth: building {', '.join(f'{factor}x' for factor in compared)} in turns")
    turns = take_turns([(build_here, projects[factor]) for factor in compared], settings.growth_runs, warm_up=False)
    runs = dict(zip(compared, turns, strict=True))
    for factor in [factor for factor in projects if factor not in runs]:
        log(f"growth: building {factor}x")
        runs[factor] = repeat(build_here, projects[factor], 1, warm_up=False)
    return [
        Growth(factor, entities[factor], validations[factor], runs[factor], summarise_site(project / "site"),
               (project / "site" / "search" / "search_index.json").stat().st_size)
        for factor, project in projects.items()
    ]


def growth_section(growths: list[Growth], settings: Settings) -> str:
    base = next((growth for growth in growths if growth.factor == 1), None)
    rows = []
    for growth in growths:
        wall = median_seconds(growth.runs)
        rows.append((
            f"{growth.factor}x", ", ".join(f"{count} {folder}" for folder, count in growth.entities.items()),
            growth.site.pages, len(growth.runs), seconds(wall), f"{wall / median_seconds(base.runs):.1f}x" if base else "n/a",
            seconds(median_built_in(growth.runs)), seconds(growth.validate.seconds), f"{growth.seconds_per_page * 1000:.0f}",
            f"{max(run.peak_rss_mib for run in growth.runs):.0f}", kilobytes(growth.site.mean_html_bytes),
            kilobytes(growth.search_index_bytes),
        ))
    return (
        "## 4. Growth with the size of the dataset\n\n"
        "Synthetic datasets made by copying the real YAML files under new ids (`<id>-copy<N>`, titles changed, "
        "references kept valid); frameworks stay 2, decision trees and measurements stay as they are. Each is "
        "built strictly in its own project copy, in a child process; peak memory is that process's maximum "
        f"resident set. Factors up to {GROWTH_FACTOR_CHECKED}x are built {settings.growth_runs} time(s) "
        "each, alternating (1x, 10x, 1x, ...) so that load from other work falls on both alike; bigger ones once, "
        "last. No warm-up: the real-site builds warmed the caches. 'Validate' is "
        "`python -m macros validate` on the same data, the part of the build that loads and checks the dataset; "
        "time per page is mkdocs' own build time divided by the pages.\n\n"
        + table(["Data", "Entities", "HTML pages", "Runs", "Wall median (s)", "Wall vs 1x", "mkdocs reports (s)",
                 "Validate (s)", "Build per page (ms)", "Peak memory (MiB)", "Mean HTML page (KB)",
                 "Search index (KB)"], rows)
        + "\n"
    )


def growth_target(growths: list[Growth]) -> Target:
    """Judged on wall time, what a contributor waits for; mkdocs' own build time is given beside it."""
    name = f"{GROWTH_FACTOR_CHECKED}x data under {GROWTH_FACTOR_CHECKED}x time"
    by_factor = {growth.factor: growth for growth in growths}
    if 1 not in by_factor or GROWTH_FACTOR_CHECKED not in by_factor:
        return Target(name, "n/a", None, f"Needs the 1x and {GROWTH_FACTOR_CHECKED}x datasets (a full run).")
    base = by_factor[1]

    def against_base(growth: Growth) -> str:
        return (
            f"at {growth.factor}x, {median_seconds(growth.runs) / median_seconds(base.runs):.1f}x the time "
            f"(mkdocs' own: {growth.build_seconds / base.build_seconds:.1f}x) for "
            f"{growth.site.pages / base.site.pages:.1f}x the pages, {growth.seconds_per_page * 1000:.0f} ms per page "
            f"against {base.seconds_per_page * 1000:.0f} ms"
        )

    grown, largest = by_factor[GROWTH_FACTOR_CHECKED], max(growths, key=lambda growth: growth.factor)
    ratio = median_seconds(grown.runs) / median_seconds(base.runs)
    comment = against_base(grown).capitalize() + (f"; {against_base(largest)}." if largest is not grown else ".")
    own_ratio = grown.build_seconds / base.build_seconds
    if ratio < GROWTH_FACTOR_CHECKED <= own_ratio / 0.9:
        comment += (
            f" Met with little margin: Python's start-up, which does not grow, is part of the wall time; the build "
            f"itself grew {own_ratio:.1f}x."
        )
    if largest.site.mean_html_bytes > 1.5 * base.site.mean_html_bytes:
        comment += (
            f" Pages get heavier as the site grows (mean HTML {kilobytes(base.site.mean_html_bytes)} KB at 1x, "
            f"{kilobytes(largest.site.mean_html_bytes)} KB at {largest.factor}x): with `navigation.prune`, each page's "
            "navigation lists the pages of its own section only, but all of them, so a section of n pages renders n x n "
            "nav entries. Keeping growth linear would take nav entries for the sections only, with the section index "
            "pages listing their entities; at today's size (1x) a section's list is short enough to be useful."
        )
    elif ratio >= GROWTH_FACTOR_CHECKED:
        comment += " The mean page did not get heavier, so the extra time is per-entity work; profile the build."
    return Target(name, f"{ratio:.1f}x time", ratio < GROWTH_FACTOR_CHECKED, comment)
