"""Words that summarise the measurements agree with the published numbers.

Each statement below is quoted from the data it is checked against; after a new run of
scripts/measure_performance.py, a failure here names the sentence to rewrite.
"""

from __future__ import annotations

import statistics

from macros.paths import DATA_DIR
from macros.pipeline import load_dataset
from tests.support import once

DATASET = once(load_dataset, DATA_DIR)
(MEASUREMENT,) = DATASET.measurements_for("performance")
FOOTPRINT = MEASUREMENT.footprint
RESULTS = {endpoint.id: endpoint.results for endpoint in MEASUREMENT.endpoints}


def explanation(criterion_id: str, framework_id: str) -> str:
    return " ".join(DATASET.criterion(criterion_id).assessments[framework_id].explanation.split())


def claim_text(claim_id: str) -> str:
    claim = next(claim for claim in DATASET.claims if claim.id == claim_id)
    return " ".join(f"{claim.summary} {claim.explanation}".split())


def test_django_installs_fewer_packages_than_flask_but_more_disk_space() -> None:
    assert "Django installs fewer packages than Flask but takes more disk space" in explanation("performance", "django")
    assert FOOTPRINT["django"].packages < FOOTPRINT["flask"].packages
    assert FOOTPRINT["django"].install_size_mb > FOOTPRINT["flask"].install_size_mb


def test_with_database_layers_django_starts_faster_than_flask() -> None:
    assert "a default Django project starts faster than a Flask app with Flask-SQLAlchemy" in explanation("performance", "django")
    assert "start-up time and memory rise above a default Django project's" in explanation("performance", "flask")
    assert FOOTPRINT["django"].orm_app_startup_ms < FOOTPRINT["flask"].orm_app_startup_ms
    assert FOOTPRINT["django"].orm_app_startup_rss_mb < FOOTPRINT["flask"].orm_app_startup_rss_mb


def test_hello_world_gap_between_django_and_flask_is_within_the_noise() -> None:
    assert "varied between runs by more than the gap between Django and Flask" in explanation("performance", "django")
    hello = RESULTS["hello"]
    rates = [hello["django"].requests_per_second, hello["flask"].requests_per_second]
    gap_percent = abs(rates[0] - rates[1]) / statistics.median(rates) * 100
    assert gap_percent < max(hello["django"].spread_percent, hello["flask"].spread_percent)


def test_the_fastest_framework_differs_between_endpoints() -> None:
    assert "the fastest framework was not the same on every endpoint" in claim_text("fastapi-faster-than-flask-and-django")
    fastest = {endpoint: max(results, key=lambda framework_id: results[framework_id].requests_per_second)
               for endpoint, results in RESULTS.items()}
    assert len(set(fastest.values())) > 1, fastest
