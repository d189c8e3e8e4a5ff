"""One rule for whether a listed series still gets fixes, shared by the table, the timeline and the answers."""

from __future__ import annotations

from datetime import date

from macros.model.models import Framework, Release
from macros.model.support import Status, month_end, support
from macros.paths import DATA_DIR
from macros.pipeline import load_dataset
from tests.conftest import BuiltSite
from tests.support import once

DATASET = once(load_dataset, DATA_DIR)


def framework(framework_id: str) -> Framework:
    return next(framework for framework in DATASET.frameworks if framework.id == framework_id)


def test_month_end_is_the_last_day() -> None:
    assert month_end("2028-02") == date(2028, 2, 29) and month_end("2027-12") == date(2027, 12, 31)


def test_a_published_end_month_holds_to_its_last_day() -> None:
    django = framework("django")
    dated = next(release for release in django.releases if release.end_of_support)
    last_day = month_end(dated.end_of_support)
    day_after = date.fromordinal(last_day.toordinal() + 1)
    on, after = (next(w for w in support(django, day) if w.release == dated) for day in (last_day, day_after))
    assert on.status is Status.SUPPORTED and on.answer().startswith("Yes:")
    assert after.status is Status.ENDED and after.answer().startswith("No:") and not after.supported


def test_without_a_published_end_only_the_newest_series_is_supported() -> None:
    base = framework("flask")
    newer = Release(series="9.1", released=date(2026, 1, 1), notes="https://example.org/9.1")
    older = Release(series="9.0", released=date(2025, 1, 1), notes="https://example.org/9.0")
    windows = support(base.model_copy(update={"releases": [newer, older]}), date(2026, 6, 1))
    assert [window.status for window in windows] == [Status.NEWEST, Status.SUPERSEDED]
    assert windows[0].answer() == "Yes: 9.1 is the newest series, which gets the fixes; no end date is published."
    assert windows[1].until == date(2026, 1, 1)
    assert "since 9.1 came out on 2026-01-01" in windows[1].answer() and windows[1].answer().startswith("Not guaranteed")


def test_every_listed_series_gets_an_answer_on_its_framework_page(site: BuiltSite) -> None:
    for listed in DATASET.frameworks:
        text = site.page(f"frameworks/{listed.id}/").select_one("#support").find_next("table").get_text(" ")
        for window in support(listed, DATASET.built):
            assert " ".join(window.answer().split()) in " ".join(text.split()), (listed.id, window.release.series)
