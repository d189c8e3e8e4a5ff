"""Charts drawn at build time as inline SVG: throughput with intervals, and support timelines.

Why SVG from a small template rather than a plotting library: the charts are a few bars and
lines, which a template writes in a few kilobytes with no dependency and no build-time cost
worth measuring; inline SVG takes its colours from the theme's CSS variables, so one drawing
reads in light and dark mode (an image file from matplotlib would fix its colours when drawn);
and its text stays selectable and scales with the page on a phone. Every value placed in a
template is escaped by Jinja's autoescape, so text from the dataset cannot become markup.

Each chart has a title and a description for screen readers, and the page puts a table with the
same figures next to it: the chart is never the only place a number appears.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from macros.model.statistics import Estimate
from macros.model.support import SeriesSupport
from macros.paths import TEMPLATES_DIR

WIDTH = 320  # viewBox units; the page scales the drawing to its column, at most 24rem wide
LEFT, RIGHT = 8, 8
BAR = 9  # bar height
RUN_NAMES = ("first run", "second run", "third run", "fourth run")


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES_DIR / "charts"), autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True)


def _render(name: str, **context: object) -> Markup:
    """The drawing on consecutive lines: a blank line would end Markdown's raw HTML block."""
    svg = _environment().get_template(name).render(**context)
    return Markup("\n".join(line for line in svg.splitlines() if line.strip()))


def nice_step(top: float, ticks: int = 4) -> float:
    """A round tick step (1, 2, 2.5 or 5 times a power of ten) giving about ``ticks`` steps up to ``top``."""
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    return next(step * power for step in (1, 2, 2.5, 5, 10) if step * power >= raw)


def thousands(value: float) -> str:
    return f"{value:,.0f}"


@dataclass(frozen=True)
class Bar:
    run: int
    y: float
    width: float
    value: str
    low: float | None
    high: float | None
    text_x: float

    @property
    def mid(self) -> float:
        return self.y + BAR / 2


@dataclass(frozen=True)
class Row:
    label: str
    y: float
    bars: list[Bar]


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


def throughput_chart(chart_id: str, title: str, rows: Sequence[tuple[str, Sequence[Estimate]]]) -> Markup:
    """Horizontal bars: each app's median requests per second in each run, with its 95% interval."""
    runs = max(len(estimates) for _, estimates in rows)
    tops = [estimate.high or estimate.median for _, estimates in rows for estimate in estimates]
    step = nice_step(max(tops))
    # Room to the right of the longest bar for its value.
    axis_top = step * math.ceil(max(tops) * 1.3 / step)
    plot = WIDTH - LEFT - RIGHT

    def x(value: float) -> float:
        return round(LEFT + value / axis_top * plot, 1)

    legend_y, top = 12, 26
    row_height = 18 + runs * (BAR + 3) + 8
    drawn = []
    for index, (label, estimates) in enumerate(rows):
        y = top + index * row_height
        bars = []
        for run, estimate in enumerate(estimates, start=1):
            bar_y = y + 16 + (run - 1) * (BAR + 3)
            end = estimate.high if estimate.has_interval else estimate.median
            bars.append(Bar(run, bar_y, round(x(estimate.median) - LEFT, 1), thousands(estimate.median),
                            x(estimate.low) if estimate.low is not None else None,
                            x(estimate.high) if estimate.high is not None else None, x(end or 0) + 4))
        drawn.append(Row(label, y, bars))
    axis_y = top + len(rows) * row_height
    ticks = [Tick(x(step * n), thousands(step * n)) for n in range(int(axis_top / step) + 1)]
    description = "; ".join(
        f"{label}: " + ", ".join(f"{RUN_NAMES[run]} {figure.text(between=' to ')}" for run, figure in enumerate(estimates))
        for label, estimates in rows
    )
    return _render(
        "throughput.svg.j2", id=chart_id, title=title,
        description=f"Requests per second, median and 95% interval. {description}.",
        width=WIDTH, height=axis_y + 34, left=LEFT, bar_height=BAR, rows=drawn, ticks=ticks, top=top, axis_y=axis_y,
        legend_y=legend_y, run_names=RUN_NAMES[:runs], unit_x=WIDTH - RIGHT,
    )


@dataclass(frozen=True)
class Window:
    label: str
    y: float
    x: float
    width: float
    status: str
    open_ended: bool  # no end date: the bar fades out at the chart's edge
    series: SeriesSupport


def timeline_chart(chart_id: str, title: str, windows: Sequence[SeriesSupport], today: date) -> Markup:
    """One bar per listed series from its release to the end of its fixes, with today marked."""
    ends = [window.until for window in windows if window.until] + [today]
    first_year = min(window.release.released for window in windows).year
    last_year = max(ends).year + 1
    start, stop = date(first_year, 1, 1), date(last_year + 1, 1, 1)
    label_width, top, row_height = 70, 30, 20
    plot = WIDTH - label_width - RIGHT

    def x(day: date) -> float:
        return round(label_width + (day - start).days / (stop - start).days * plot, 1)

    rows = [
        Window(window.release.series + (" LTS" if window.release.lts else ""), top + index * row_height,
               x(window.release.released), max(round(x(window.until or stop) - x(window.release.released), 1), 2),
               window.status.value, window.until is None, window)
        for index, window in enumerate(windows)
    ]
    axis_y = top + len(rows) * row_height
    years = [Tick(x(date(year, 1, 1)), str(year)) for year in range(first_year, last_year + 1)]
    description = "; ".join(f"{row.label}: released {row.series.release.released.isoformat()}, "
                            + (f"fixes until {row.series.until.isoformat()}" if row.series.until else "no end date published")
                            for row in rows)
    return _render(
        "timeline.svg.j2", id=chart_id, title=title, description=f"Today is {today.isoformat()}. {description}.",
        width=WIDTH, height=axis_y + 34, rows=rows, years=years, top=top, axis_y=axis_y, today_x=x(today),
        today=today.isoformat(), label_x=LEFT, bar_height=12, plot_end=WIDTH - RIGHT,
    )
