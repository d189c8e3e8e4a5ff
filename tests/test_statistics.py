"""The statistics the performance page states: order-statistic intervals, paired ratios, agreement."""

from __future__ import annotations

import random
from math import comb

import pytest

from macros.model.statistics import coverage, estimate, order_rank, paired_ratio, runs_agree


@pytest.mark.parametrize(("rounds", "rank"), [(5, None), (6, 1), (8, 1), (9, 2), (10, 2), (12, 3), (17, 5), (20, 6)])
def test_order_rank_matches_the_published_table(rounds: int, rank: int | None) -> None:
    """Ranks for a 95% interval of a median (Conover, Practical Nonparametric Statistics, table A3)."""
    assert order_rank(rounds) == rank


def test_the_chosen_rank_is_the_tightest_that_keeps_95_percent() -> None:
    for rounds in range(6, 40):
        rank = order_rank(rounds)
        assert rank is not None and coverage(rounds, rank) >= 0.95
        assert rank == rounds // 2 or coverage(rounds, rank + 1) < 0.95
        assert coverage(rounds, 1) == 1 - 2 / 2**rounds == 1 - 2 * comb(rounds, 0) / 2**rounds


def test_the_interval_holds_the_median_about_as_often_as_it_says() -> None:
    """Draw many sets of 10 rounds from a skewed distribution: the interval covers the true median >= 95%."""
    numbers = random.Random(7)
    true_median = 1.0  # of a log-normal with mu = 0
    trials = 2000
    covered = 0
    for _ in range(trials):
        figure = estimate([numbers.lognormvariate(0, 0.5) for _ in range(10)])
        covered += figure.low <= true_median <= figure.high  # type: ignore[operator]
    assert covered / trials >= 0.95
    assert covered / trials == pytest.approx(coverage(10, 2), abs=0.015)


def test_an_estimate_is_the_median_with_the_ranked_values() -> None:
    figure = estimate([10, 1, 9, 2, 8, 3, 7, 4, 6, 5])
    assert (figure.median, figure.low, figure.high, figure.rounds) == (5.5, 2, 9, 10)
    assert figure.text(" ms", 1) == "5.5 ms (2.0\u20139.0 ms)"
    assert estimate([1200.4] * 6).text(between=" to ") == "1,200 (1,200 to 1,200)"
    assert estimate([3, 1, 2]).has_interval is False
    assert estimate([3, 1, 2]).text() == "2"


def test_intervals_rank_only_when_they_do_not_overlap() -> None:
    low, high = estimate([1, 2, 3, 4, 5, 6]), estimate([7, 8, 9, 10, 11, 12])
    assert high.above(low) and not low.above(high)
    touching = estimate([6, 7, 8, 9, 10, 11])
    assert not touching.above(low)


def test_ratios_pair_rounds_so_common_drift_cancels() -> None:
    """Both apps slow down together round by round: their ratio stays put, and so does its interval."""
    drift = [1.0, 0.7, 1.2, 0.9, 1.1, 0.8]
    first = [2000 * factor for factor in drift]
    second = [1000 * factor for factor in drift]
    ratio = paired_ratio(first, second)
    assert ratio.median == pytest.approx(2) and ratio.low == pytest.approx(2) and ratio.high == pytest.approx(2)
    with pytest.raises(ValueError, match="differ in number"):
        paired_ratio(first, second[:-1])


def test_runs_agree_within_fifteen_percent() -> None:
    def ratio(value: float):
        return estimate([value] * 6)

    assert runs_agree([ratio(1.00), ratio(1.15)])
    assert not runs_agree([ratio(1.00), ratio(1.16)])
    assert runs_agree([ratio(2.0)])
