"""Medians, their 95% intervals and paired ratios: the statistics the performance page states.

The interval is the distribution-free confidence interval of a median from order statistics
(the binomial method): with n rounds sorted, the k-th smallest and the k-th largest value bound
the median with probability 1 - 2 P(Binomial(n, 1/2) < k), and k is the largest rank that keeps
that at 95% or more. It assumes nothing about the shape of the noise and needs no random
numbers, so the same rounds always give the same interval. Six rounds are the fewest that allow
one; with fewer, a figure has a median and no interval, and nothing is ranked on it.

A ratio between two apps is computed round by round (rounds are interleaved, so the two loads
of one round ran minutes apart at most, under the same conditions), and the ratios get the same
median and interval.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from math import comb

CONFIDENCE = 0.95
# Two runs agree on a ratio when the larger of their medians is at most this much above the smaller.
AGREEMENT = 0.15


def order_rank(rounds: int, confidence: float = CONFIDENCE) -> int | None:
    """The rank k whose k-th smallest and k-th largest values bound the median at ``confidence``; None if none can."""
    return max((k for k in range(1, rounds // 2 + 1) if coverage(rounds, k) >= confidence), default=None)


def coverage(rounds: int, rank: int) -> float:
    """How often the interval between the rank-th smallest and rank-th largest of ``rounds`` values holds the median."""
    return 1 - 2 * sum(comb(rounds, i) for i in range(rank)) / 2**rounds


@dataclass(frozen=True)
class Estimate:
    """A median with its 95% interval (None when there are too few rounds for one)."""

    median: float
    low: float | None
    high: float | None
    rounds: int

    @property
    def has_interval(self) -> bool:
        return self.low is not None and self.high is not None

    def above(self, other: Estimate) -> bool:
        """True when this interval lies wholly above the other's: the only case the page ranks."""
        return self.has_interval and other.has_interval and self.low > other.high  # type: ignore[operator]

    def text(self, unit: str = "", digits: int = 0, between: str = "\u2013") -> str:
        """'3,274 (3,190\u20133,310)' with the unit after the median and the interval; the median alone without one."""
        def number(value: float) -> str:
            return f"{value:,.{digits}f}"

        if self.low is None or self.high is None:
            return number(self.median) + unit
        return f"{number(self.median)}{unit} ({number(self.low)}{between}{number(self.high)}{unit})"


def estimate(samples: Sequence[float]) -> Estimate:
    """Median and 95% order-statistic interval of one figure's rounds."""
    ordered = sorted(samples)
    rank = order_rank(len(ordered))
    if rank is None:
        return Estimate(statistics.median(ordered), None, None, len(ordered))
    return Estimate(statistics.median(ordered), ordered[rank - 1], ordered[-rank], len(ordered))


def paired_ratio(first: Sequence[float], second: Sequence[float]) -> Estimate:
    """first / second round by round, then the median and interval of those ratios."""
    if len(first) != len(second):
        raise ValueError(f"paired rounds differ in number: {len(first)} and {len(second)}")
    return estimate([a / b for a, b in zip(first, second, strict=True)])


def runs_agree(ratios: Sequence[Estimate], tolerance: float = AGREEMENT) -> bool:
    """True when every run's median ratio lies within ``tolerance`` of every other's."""
    medians = [ratio.median for ratio in ratios]
    return max(medians) <= min(medians) * (1 + tolerance)
