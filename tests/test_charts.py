"""The build-time charts: valid SVG, drawn to scale from the figures, labelled, and inert to hostile text."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

import pytest

from macros.model.models import Framework
from macros.model.statistics import estimate
from macros.model.support import support
from macros.paths import DATA_DIR
from macros.pipeline import load_dataset
from macros.render.charts import nice_step, throughput_chart, timeline_chart
from tests.support import once

SVG = "{http://www.w3.org/2000/svg}"
DATASET = once(load_dataset, DATA_DIR)
HOSTILE = '<script>alert(1)</script> & "quotes" {{ x }}'


def parse(markup: str) -> ET.Element:
    assert "\n\n" not in markup, "a blank line would end Markdown's raw HTML block"
    return ET.fromstring(markup)


def framework(framework_id: str) -> Framework:
    return next(framework for framework in DATASET.frameworks if framework.id == framework_id)


@pytest.mark.parametrize(("top", "step"), [(1.0, 0.25), (940, 250), (3274, 1000), (12_000, 5000), (180, 50)])
def test_tick_steps_are_round(top: float, step: float) -> None:
    assert nice_step(top) == step


def test_bars_are_drawn_to_scale_with_their_intervals() -> None:
    rows = [("Fast", [estimate([2000, 2100, 1900, 2050, 1950, 2020])]), ("Slow", [estimate([1000, 1100, 900, 1050, 950, 1020])])]
    svg = parse(throughput_chart("chart-test", "Test chart", rows))
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "chart-test-title chart-test-desc"
    assert svg.find(f"{SVG}title").text == "Test chart"
    description = svg.find(f"{SVG}desc").text
    assert "Fast: first run 2,010 (1,900 to 2,100)" in description and "Slow: first run 1,010" in description
    bars = [rect for rect in svg.iter(f"{SVG}rect")
            if "fvd-chart__bar--run1" in rect.get("class", "") and float(rect.get("y")) > 20]  # not the legend's
    widths = [float(bar.get("width")) for bar in bars]
    assert widths[0] / widths[1] == pytest.approx(2010 / 1010, rel=0.01)
    intervals = [path.get("d") for path in svg.iter(f"{SVG}path")][1:]  # the first is the legend's
    assert len(intervals) == 2
    labels = [text.text for text in svg.iter(f"{SVG}text") if text.get("class") == "fvd-chart__label"]
    assert labels == ["Fast", "Slow"]


def test_too_few_rounds_draw_a_bar_without_an_interval() -> None:
    svg = parse(throughput_chart("chart-test", "Test", [("One", [estimate([500])]), ("Two", [estimate([250])])]))
    assert [path for path in svg.iter(f"{SVG}path")][1:] == []


def test_hostile_labels_stay_text() -> None:
    markup = throughput_chart("chart-test", HOSTILE, [(HOSTILE, [estimate([100] * 6)])])
    assert "<script>" not in markup
    svg = parse(markup)
    assert svg.find(f"{SVG}title").text == HOSTILE
    assert HOSTILE in [text.text for text in svg.iter(f"{SVG}text")]


def test_the_timeline_marks_today_between_the_years_around_it() -> None:
    today = date(2026, 12, 3)
    svg = parse(timeline_chart("chart-django", "Django support", support(framework("django"), today), today))
    line = next(line for line in svg.iter(f"{SVG}line") if line.get("class") == "fvd-chart__today")
    years = {text.text: float(text.get("x")) - 3 for text in svg.iter(f"{SVG}text") if text.get("class") == "fvd-chart__tick"}
    x = float(line.get("x1"))
    assert years["2026"] < x < years["2027"]
    assert x == pytest.approx(years["2026"] + (years["2027"] - years["2026"]) * (today.timetuple().tm_yday - 1) / 365, abs=0.5)
    today_label = next(text for text in svg.iter(f"{SVG}text") if text.get("class") == "fvd-chart__today-label")
    assert today_label.text == "today, 2026-12-03"


def test_each_series_window_runs_from_release_to_the_end_of_its_fixes() -> None:
    today = date(2026, 12, 3)
    windows = support(framework("django"), today)
    svg = parse(timeline_chart("chart-django", "Django support", windows, today))
    rects = [rect for rect in svg.iter(f"{SVG}rect") if "fvd-chart__window" in rect.get("class", "")]
    assert len(rects) == len(windows)
    days = [((window.until - window.release.released).days, float(rect.get("width")))
            for window, rect in zip(windows, rects, strict=True)]
    per_day = [width / span for span, width in days]
    assert max(per_day) == pytest.approx(min(per_day), rel=0.02), "one scale for every bar"
    lts = [window.release.series + " LTS" for window in windows if window.release.lts]
    labels = [text.text for text in svg.iter(f"{SVG}text") if text.get("class") == "fvd-chart__label"]
    assert set(lts) <= set(labels)
