"""What the measured rounds say, in figures and sentences derived from them by one stated rule.

The rule (printed on the performance page): one app is said to serve more requests per second
than another only when, in every run, the 95% interval of its median lies wholly above the
other's, and the runs agree on the ratio between them within 15%. The ratio and its interval,
computed round by round, say by how much. Otherwise the page says the two are not ranked, and
why: the intervals overlap, the runs disagree, or there are too few rounds or runs to tell.
Claims and assessments link here instead of repeating a ratio, so no sentence can disagree
with its table; tests hold any hand-written comparison to the same rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from itertools import combinations

from markupsafe import Markup

from macros.model.models import Framework, MeasuredApp, Measurement, StartupSamples
from macros.model.statistics import AGREEMENT, Estimate, estimate, order_rank, paired_ratio, runs_agree
from macros.render.charts import RUN_NAMES, throughput_chart

MIN_ROUNDS = next(n for n in range(1, 100) if order_rank(n) is not None)


@dataclass(frozen=True)
class Subject:
    """One measured app: a framework and one of its apps from the measurement's setup."""

    framework: Framework
    app: MeasuredApp

    @property
    def name(self) -> str:
        return f"{self.framework.name} ({self.app.label})"


def subjects(measurement: Measurement, frameworks: list[Framework]) -> list[Subject]:
    """Every measured app, frameworks in display order, apps in setup order."""
    return [Subject(framework, app) for framework in frameworks if framework.id in measurement.setup
            for app in measurement.setup[framework.id].apps]


def throughput(measurement: Measurement, endpoint_id: str, subject: Subject) -> list[Estimate]:
    """The subject's requests per second on the endpoint: median and interval, one per run."""
    return [estimate(run.throughput[endpoint_id][subject.framework.id][subject.app.id].requests_per_second)
            for run in measurement.runs]


def latency(measurement: Measurement, endpoint_id: str, subject: Subject, key: str) -> Estimate:
    """The median over the first run's rounds of one latency percentile ('p50_ms' or 'p99_ms')."""
    return estimate(getattr(measurement.runs[0].throughput[endpoint_id][subject.framework.id][subject.app.id], key))


def startup_samples(measurement: Measurement, framework: Framework, app: str | None) -> list[StartupSamples]:
    """One framework's start-up rounds per run: its smallest app (``app`` None) or one measured app."""
    found = []
    for run in measurement.runs:
        startup = run.startup[framework.id]
        found.append(startup.minimal if app is None else startup.apps[app])
    return found


class Verdict(StrEnum):
    RANKED = "ranked"
    OVERLAP = "overlap"
    UNSTABLE = "unstable"
    TOO_FEW_ROUNDS = "too few rounds"
    ONE_RUN = "one run"


@dataclass(frozen=True)
class Comparison:
    """Two apps on one endpoint, the one with the higher median in the first run first."""

    higher: Subject
    lower: Subject
    ratios: list[Estimate]  # higher / lower, one per run
    higher_figures: list[Estimate]
    lower_figures: list[Estimate]

    @property
    def verdict(self) -> Verdict:
        if any(not figure.has_interval for figure in self.higher_figures + self.lower_figures):
            return Verdict.TOO_FEW_ROUNDS
        if len(self.ratios) < 2:
            return Verdict.ONE_RUN
        if not runs_agree(self.ratios):
            return Verdict.UNSTABLE
        if all(high.above(low) for high, low in zip(self.higher_figures, self.lower_figures, strict=True)):
            return Verdict.RANKED
        return Verdict.OVERLAP

    @property
    def ranked(self) -> bool:
        return self.verdict is Verdict.RANKED


def compare(measurement: Measurement, endpoint_id: str, first: Subject, second: Subject) -> Comparison:
    """``first`` against ``second`` on one endpoint, oriented so the first run's ratio is at least 1."""
    rounds = [
        [run.throughput[endpoint_id][subject.framework.id][subject.app.id].requests_per_second for subject in (first, second)]
        for run in measurement.runs
    ]
    ratios = [paired_ratio(a, b) for a, b in rounds]
    if ratios[0].median < 1:
        first, second = second, first
        ratios = [paired_ratio(b, a) for a, b in rounds]
    return Comparison(first, second, ratios, throughput(measurement, endpoint_id, first),
                      throughput(measurement, endpoint_id, second))


def comparisons(measurement: Measurement, endpoint_id: str, frameworks: list[Framework]) -> list[Comparison]:
    """Every pair of measured apps on the endpoint, in display order."""
    return [compare(measurement, endpoint_id, a, b) for a, b in combinations(subjects(measurement, frameworks), 2)]


def leader(found: list[Comparison]) -> Subject | None:
    """The app ranked above every other app in one endpoint's comparisons, if one is."""
    for subject in (comparison.higher for comparison in found):
        mine = [c for c in found if subject in (c.higher, c.lower)]
        if mine and all(c.ranked and c.higher == subject for c in mine):
            return subject
    return None


def ratio_text(ratio: Estimate) -> str:
    """'1.52 (95% interval 1.45 to 1.60)', or the median alone when there is no interval."""
    if not ratio.has_interval:
        return f"{ratio.median:.2f}"
    return f"{ratio.median:.2f} (95% interval {ratio.low:.2f} to {ratio.high:.2f})"


def sentence(comparison: Comparison) -> str:
    """One comparison as a reader-facing sentence, following the rule."""
    higher, lower, ratios = comparison.higher.name, comparison.lower.name, comparison.ratios
    verdict = comparison.verdict
    if verdict is Verdict.RANKED:
        per_run = " and ".join(
            f"{ratio.median:.2f} times as many in the {RUN_NAMES[n]} (95% interval {ratio.low:.2f} to {ratio.high:.2f})"
            for n, ratio in enumerate(ratios))
        return f"{higher} served more requests per second than {lower}: {per_run}."
    if verdict is Verdict.UNSTABLE:
        moved = " to ".join(f"{ratio.median:.2f} in the {RUN_NAMES[n]}" for n, ratio in enumerate(ratios))
        return (f"{higher} and {lower} are not ranked: their ratio moved from {moved}, more than the "
                f"{AGREEMENT:.0%} within which the runs must agree, so this figure is unstable.")
    if verdict is Verdict.OVERLAP:
        return (f"{higher} and {lower} are not ranked: their 95% intervals overlap in at least one run "
                f"(ratio {ratio_text(ratios[0])} in the first).")
    if verdict is Verdict.TOO_FEW_ROUNDS:
        return f"{higher} and {lower} are not ranked: a 95% interval needs at least {MIN_ROUNDS} rounds per run."
    return f"{higher} and {lower} are not ranked: the rule needs two runs that agree, and there was one."


def throughput_figure(measurement: Measurement, endpoint_id: str, title: str, frameworks: list[Framework]) -> Markup:
    """The endpoint's chart: every app's requests per second in each run, with intervals."""
    rows = [(subject.name, throughput(measurement, endpoint_id, subject)) for subject in subjects(measurement, frameworks)]
    return throughput_chart(f"chart-throughput-{endpoint_id}", title, rows)


def startup_rows(measurement: Measurement, frameworks: list[Framework]) -> list[tuple[str, list[StartupSamples]]]:
    """Each framework's hello-world app, then its measured apps: a name and the rounds of each run."""
    rows = []
    for framework in frameworks:
        rows.append((f"{framework.name} (hello world)", startup_samples(measurement, framework, None)))
        rows += [(Subject(framework, app).name, startup_samples(measurement, framework, app.id))
                 for app in measurement.setup[framework.id].apps]
    return rows
