"""Sentences about measured throughput, derived from the numbers by one stated rule.

The rule: one framework is said to serve more requests per second than another only when its
median is higher by more than the larger of the two frameworks' spreads between runs (the
spread is (highest - lowest) / median). Otherwise the page says the two are not ranked. The
performance page prints the rule beside the sentences, and claims link here instead of
repeating a ratio, so no sentence can disagree with its table.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from macros.model.models import Endpoint, Framework


@dataclass(frozen=True)
class Comparison:
    """Two frameworks on one endpoint, the one with the higher median first."""

    higher: Framework
    lower: Framework
    ratio: float
    gap_percent: float
    spread_percent: float

    @property
    def ranked(self) -> bool:
        return self.gap_percent > self.spread_percent


def comparisons(endpoint: Endpoint, frameworks: list[Framework]) -> list[Comparison]:
    """Every pair of measured frameworks on the endpoint, in the frameworks' display order."""
    found = []
    measured = [framework for framework in frameworks if framework.id in endpoint.results]
    for pair in combinations(measured, 2):
        # Stable sort: on a tie the first in display order comes first.
        higher, lower = sorted(pair, key=lambda framework: endpoint.results[framework.id].requests_per_second, reverse=True)
        high, low = endpoint.results[higher.id], endpoint.results[lower.id]
        found.append(Comparison(
            higher, lower, ratio=high.requests_per_second / low.requests_per_second,
            gap_percent=(high.requests_per_second - low.requests_per_second) / low.requests_per_second * 100,
            spread_percent=max(high.spread_percent, low.spread_percent),
        ))
    return found


def sentence(comparison: Comparison) -> str:
    """One comparison as a reader-facing sentence."""
    if comparison.ranked:
        return (f"{comparison.higher.name} served {comparison.ratio:.1f} times the requests per second of "
                f"{comparison.lower.name}, a gap of {comparison.gap_percent:.0f}% against a spread of "
                f"{comparison.spread_percent:.0f}%.")
    return (f"{comparison.higher.name} and {comparison.lower.name} are not ranked: their gap of "
            f"{comparison.gap_percent:.0f}% is within the spread of {comparison.spread_percent:.0f}% between runs.")
