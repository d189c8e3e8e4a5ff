"""Whether each release series a framework lists still gets fixes on a given day.

One rule for the releases table, the support timeline and the "is my version still supported?"
answers, so the three cannot disagree: a series with a published end month is supported to the
last day of that month; a series without one is supported only while it is the newest listed
(frameworks that publish no dates fix the newest series), and from the day a newer series came
out, fixes for it are not guaranteed.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from macros.model.models import Framework, Release


class Status(StrEnum):
    SUPPORTED = "supported"  # a published end month not yet past
    ENDED = "ended"  # a published end month now past
    NEWEST = "newest"  # no published end: the newest series, which gets the fixes
    SUPERSEDED = "superseded"  # no published end, and a newer series exists


def month_end(month: str) -> date:
    """The last day of a 'YYYY-MM' month."""
    year, number = (int(part) for part in month.split("-"))
    return date(year, number, calendar.monthrange(year, number)[1])


def month_name(month: str) -> str:
    """'2027-12' as 'December 2027'."""
    year, number = month.split("-")
    return f"{calendar.month_name[int(number)]} {year}"


@dataclass(frozen=True)
class SeriesSupport:
    """One listed series on one day: its window and the answer for a reader running it."""

    release: Release
    newer: Release | None  # the next newer series listed, if any
    newest: Release  # the framework's newest listed series
    today: date

    @property
    def until(self) -> date | None:
        """Last day of fixes: the published end month's last day, or when a newer series came out."""
        if self.release.end_of_support:
            return month_end(self.release.end_of_support)
        return self.newer.released if self.newer else None

    @property
    def status(self) -> Status:
        if self.release.end_of_support:
            return Status.SUPPORTED if self.today <= month_end(self.release.end_of_support) else Status.ENDED
        return Status.SUPERSEDED if self.newer else Status.NEWEST

    @property
    def supported(self) -> bool:
        return self.status in (Status.SUPPORTED, Status.NEWEST)

    def answer(self) -> str:
        """A short reply to 'is my version still supported?' for this series."""
        series = self.release.series
        if self.status is Status.SUPPORTED:
            return f"Yes: {series} gets security fixes until {month_name(self.release.end_of_support or '')}."
        if self.status is Status.ENDED:
            return (f"No: support for {series} ended in {month_name(self.release.end_of_support or '')}; "
                    f"the newest series is {self.newest.series}.")
        if self.status is Status.NEWEST:
            return f"Yes: {series} is the newest series, which gets the fixes; no end date is published."
        assert self.newer is not None
        return (f"Not guaranteed: no end date was published, and fixes go to newer series since "
                f"{self.newer.series} came out on {self.newer.released.isoformat()}; the newest is {self.newest.series}.")


def support(framework: Framework, today: date) -> list[SeriesSupport]:
    """Every listed series, newest first as the framework file lists them."""
    releases = framework.releases
    return [SeriesSupport(release, releases[index - 1] if index else None, releases[0], today)
            for index, release in enumerate(releases)]
