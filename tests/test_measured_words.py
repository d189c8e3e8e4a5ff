"""Words that summarise the measurements agree with the published numbers.

Each statement below is quoted from the data it is checked against; after a new run of
scripts/measure_performance.py, a failure here names the sentence to rewrite.
"""

from __future__ import annotations

import re

from macros.model.registry import FRAMEWORKS
from macros.paths import DATA_DIR, ROOT
from macros.pipeline import load_dataset
from macros.render.measured import comparisons, sentence
from tests.support import once

DATASET = once(load_dataset, DATA_DIR)
(MEASUREMENT,) = DATASET.measurements_for("performance")
FOOTPRINT = MEASUREMENT.footprint
# A throughput ratio or percentage typed by hand: '1.9x', '2 times', '30% faster'.
RATIO = re.compile(r"\b\d+(?:\.\d+)?\s*(?:x|times)\b|\d+\s*% (?:faster|slower|more requests)", re.IGNORECASE)
NUMBERS = {7: "seven", 6: "six", 8: "eight"}


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


def test_the_framework_ranked_first_differs_between_endpoints() -> None:
    """The claim's words, judged by the page's rule: ranked first means ranked above every other framework."""
    assert "the fastest framework was not the same on every endpoint" in claim_text("fastapi-faster-than-flask-and-django")
    first = {}
    for endpoint in MEASUREMENT.endpoints:
        ranked = [c for c in comparisons(endpoint, DATASET.frameworks) if c.ranked]
        winners = {c.higher.id for c in ranked} - {c.lower.id for c in ranked}
        beats_all = [w for w in winners if sum(c.higher.id == w for c in ranked) == len(endpoint.results) - 1]
        first[endpoint.id] = beats_all[0] if beats_all else None
    assert None not in first.values() and len(set(first.values())) > 1, first


def test_prose_about_performance_repeats_no_throughput_ratio() -> None:
    """Ratios live in the generated sentences; hand-written text links to them, so a new run cannot contradict it."""
    texts = [explanation("performance", framework.id) for framework in DATASET.frameworks]
    texts += [claim_text(claim.id) for claim in DATASET.claims_about("performance")]
    texts.append(" ".join(DATASET.criterion("performance").description.split()))
    for text in texts:
        assert not RATIO.search(text), RATIO.search(text)


def test_the_page_says_which_django_apps_and_middleware_the_measured_app_runs() -> None:
    settings = (ROOT / "scripts" / "perf" / "django" / "settings.py").read_text()
    apps = re.findall(r'"django\.contrib\.(\w+)"', settings.split("MIDDLEWARE")[0] + settings.split("INSTALLED_APPS +=")[1])
    middleware = re.findall(r'"django\.(?:middleware|contrib)\.[\w.]+Middleware"', settings)
    template = (ROOT / "docs" / "templates" / "partials" / "measurements.md.j2").read_text()
    sentence = " ".join(template.split("The Django app runs")[1].split("Removing")[0].split())
    assert f"the {NUMBERS[len(middleware)]} middleware classes" in sentence
    named = re.findall(r"\b(contenttypes|auth|sessions|messages|admin|staticfiles)\b", sentence.split("but not")[0])
    assert sorted(named) == sorted(apps)
    assert {"admin", "staticfiles"}.isdisjoint(apps) and "not admin or staticfiles" in sentence


def test_generated_sentences_follow_the_rule() -> None:
    """Change the data, and the sentence changes with it."""
    endpoint = MEASUREMENT.endpoints[0]
    django, flask = (DATASET.get(FRAMEWORKS, framework_id) for framework_id in ("django", "flask"))
    results = {"django": endpoint.results["django"].model_copy(update={"requests_per_second": 1000, "spread_percent": 10}),
               "flask": endpoint.results["flask"].model_copy(update={"requests_per_second": 1500, "spread_percent": 10})}
    far = endpoint.model_copy(update={"results": results})
    (comparison,) = comparisons(far, [django, flask])
    assert sentence(comparison).startswith("Flask served 1.5 times the requests per second of Django")
    results["flask"] = results["flask"].model_copy(update={"requests_per_second": 1050})
    (comparison,) = comparisons(endpoint.model_copy(update={"results": results}), [django, flask])
    assert sentence(comparison).startswith("Flask and Django are not ranked")
