"""The real site as it is: ``python -m macros validate`` and the full strict build, timed.

Also the project's build-time target, judged on this measurement; the last build's output is
kept for the page weight.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from macros.paths import ROOT
from scripts.benchmark.generation import GenerationCost
from scripts.benchmark.runs import Run, Settings, median_built_in, median_seconds, mkdocs, repeat
from scripts.benchmark.tables import Target, seconds, spread, table

BUILD_TARGET_SECONDS = 5.0


@dataclass(frozen=True)
class FullBuild:
    validate: list[Run]
    build: list[Run]
    site_dir: Path
    """The last build's output, kept for the page-weight measurement."""


def measure_full_build(settings: Settings, site_dir: Path) -> FullBuild:
    validate = repeat([sys.executable, "-m", "macros", "validate"], ROOT, settings.runs)
    full = repeat(mkdocs("build", "--strict", "--site-dir", str(site_dir)), ROOT, settings.runs)
    return FullBuild(validate, full, site_dir)


def full_build_section(full: FullBuild, settings: Settings) -> str:
    rows = [
        ("validate (`python -m macros validate`)", *spread(full.validate)),
        ("full strict build (`mkdocs build --strict`)", *spread(full.build)),
    ]
    return (
        "## 1. Full build of the real site\n\n"
        f"{settings.runs} timed run(s) after one warm-up, each in a new process. Wall time includes starting "
        "Python and importing everything; 'mkdocs reports' is its own 'Documentation built in' line.\n\n"
        + table(["Measurement", "Median (s)", "Min (s)", "Max (s)", "mkdocs reports, median (s)"], rows) + "\n"
    )


def build_target(full: FullBuild, cost: GenerationCost) -> Target:
    """Judged on wall time; when missed, the cost of generation says how much of it generation takes."""
    runs = full.build
    wall, built_in = median_seconds(runs), median_built_in(runs)
    comment = (
        f"mkdocs itself reports {seconds(built_in)} s; the rest is starting Python and importing MkDocs, "
        "Material, pydantic and the plugins."
    )
    if wall >= BUILD_TARGET_SECONDS:
        comment += (
            f" Missed by {wall - BUILD_TARGET_SECONDS:.2f} s. Generation adds "
            f"{median_seconds(cost.generated) - median_seconds(cost.plain):.2f} s to a plain build of the same pages "
            f"(section 3). Check the load averages above ({os.cpu_count()} cores): if other work competed for the "
            "CPU, repeat the run on an idle machine before optimising."
        )
    return Target(f"Full strict build under {BUILD_TARGET_SECONDS:.0f} s", f"{wall:.2f} s (median wall time)",
                  wall < BUILD_TARGET_SECONDS, comment)
