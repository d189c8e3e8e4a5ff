"""Freshness of the package grid: the rule the packages page shows and ``python -m macros freshness`` reports.

A package counts as quiet when its latest release is older than ``QUIET_AFTER_MONTHS`` at the
build, and as lagging when it does not declare the framework's current release series. Both are
facts about the data on the day of the build, so the page and the contributors' report agree.
"""

from __future__ import annotations

from datetime import date

from macros.model.models import Framework, GridPackage

QUIET_AFTER_MONTHS = 24


def months_since(month: str, today: date) -> int:
    """Whole months from a 'YYYY-MM' month to today's month."""
    year, number = (int(part) for part in month.split("-"))
    return (today.year - year) * 12 + today.month - number


def package_notes(package: GridPackage, framework: Framework, *, today: date) -> list[str]:
    """What a reader should know before picking the package: no recent release, no declared support for the current series."""
    notes = []
    age = months_since(package.released, today)
    if age > QUIET_AFTER_MONTHS:
        notes.append(f"no release in {age} months")
    if framework.current_version not in package.framework_versions:
        notes.append(f"does not declare {framework.name} {framework.current_version}")
    return notes
