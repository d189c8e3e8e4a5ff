"""Words that summarise the measurements agree with the published numbers, by the page's own rule.

Each statement below is quoted from the data it is checked against; after a new run of
scripts/measure_performance.py, a failure here names the sentence to rewrite. Comparisons use
the rule of macros/render/measured.py: ranked only where the 95% intervals do not overlap in
any run (and the runs agree).
"""

from __future__ import annotations

import copy
import re

from macros.model.models import Measurement
from macros.model.statistics import estimate
from macros.paths import DATA_DIR, ROOT
from macros.pipeline import load_dataset
from macros.render.measured import Verdict, compare, sentence, startup_samples, subjects
from tests.support import once

DATASET = once(load_dataset, DATA_DIR)
(MEASUREMENT,) = DATASET.measurements_for("performance")
FOOTPRINT = MEASUREMENT.footprint
# A throughput ratio or percentage typed by hand: '1.9x', '2 times', '30% faster'.
RATIO = re.compile(r"\b\d+(?:\.\d+)?\s*(?:x|times)\b|\d+\s*% (?:faster|slower|more requests)", re.IGNORECASE)
NUMBERS = {5: "five", 6: "six", 7: "seven", 8: "eight"}


def explanation(criterion_id: str, framework_id: str) -> str:
    return " ".join(DATASET.criterion(criterion_id).assessments[framework_id].explanation.split())


def claim_text(claim_id: str) -> str:
    claim = next(claim for claim in DATASET.claims if claim.id == claim_id)
    return " ".join(f"{claim.summary} {claim.explanation}".split())


def framework(framework_id: str):
    return next(framework for framework in DATASET.frameworks if framework.id == framework_id)


def startup_below(first: tuple[str, str], second: tuple[str, str], field: str) -> bool:
    """The first app's start-up figure lies wholly below the second's in every run (the page's rule)."""
    runs = zip(startup_samples(MEASUREMENT, framework(first[0]), first[1]),
               startup_samples(MEASUREMENT, framework(second[0]), second[1]), strict=True)
    return all(estimate(getattr(b, field)).above(estimate(getattr(a, field))) for a, b in runs)


def test_django_installs_fewer_packages_than_flask_but_more_disk_space() -> None:
    assert "Django installs fewer packages than Flask but takes more disk space" in explanation("performance", "django")
    assert FOOTPRINT["django"].packages < FOOTPRINT["flask"].packages
    assert FOOTPRINT["django"].install_size_mb > FOOTPRINT["flask"].install_size_mb


def test_with_database_layers_django_starts_faster_than_flask() -> None:
    assert "a default Django project starts faster than a Flask app with Flask-SQLAlchemy" in explanation("performance", "django")
    assert "start-up time and memory rise above a default Django project's" in explanation("performance", "flask")
    django, flask = ("django", MEASUREMENT.setup["django"].apps[0].id), ("flask", MEASUREMENT.setup["flask"].apps[0].id)
    assert "startproject" in MEASUREMENT.setup["django"].apps[0].label, "the default project is the first Django app"
    assert startup_below(django, flask, "ms") and startup_below(django, flask, "rss_mb")


def ranked_first(endpoint_id: str) -> set[str]:
    """Frameworks with an app ranked above every app of the other frameworks on the endpoint."""
    apps = subjects(MEASUREMENT, DATASET.frameworks)
    return {
        mine.framework.id for mine in apps
        if all((found := compare(MEASUREMENT, endpoint_id, mine, other)).ranked and found.higher == mine
               for other in apps if other.framework != mine.framework)
    }


def test_the_claimed_leaders_follow_the_rule() -> None:
    """The claim's words, judged by the page's rule: no framework is ranked first on every endpoint."""
    assert "no framework was ranked above the other two on every endpoint" in claim_text("fastapi-faster-than-flask-and-django")
    first_everywhere = set.intersection(*(ranked_first(endpoint.id) for endpoint in MEASUREMENT.endpoints))
    assert first_everywhere == set()


def test_prose_about_performance_repeats_no_throughput_ratio() -> None:
    """Ratios live in the generated sentences; hand-written text links to them, so a new run cannot contradict it."""
    texts = [explanation("performance", framework.id) for framework in DATASET.frameworks]
    texts += [claim_text(claim.id) for claim in DATASET.claims_about("performance")]
    texts.append(" ".join(DATASET.criterion("performance").description.split()))
    for text in texts:
        assert not RATIO.search(text), RATIO.search(text)


def test_the_middleware_count_in_prose_is_the_measured_projects() -> None:
    settings = (ROOT / "scripts" / "perf" / "django" / "settings.py").read_text()
    middleware = re.findall(r'"django\.(?:middleware|contrib)\.[\w.]+Middleware"', settings.split("MIDDLEWARE")[1].split("]")[0])
    words = f"{NUMBERS[len(middleware)]} middleware classes"
    assert words in claim_text("flask-faster-than-django") and words in explanation("performance", "django")


def with_rounds(first: list[list[float]], second: list[list[float]]) -> Measurement:
    """The published measurement with two apps' requests per second on the first endpoint replaced, run by run."""
    data = copy.deepcopy(MEASUREMENT.model_dump(mode="json"))
    endpoint = MEASUREMENT.endpoints[0].id
    a, b = subjects(MEASUREMENT, DATASET.frameworks)[:2]
    for run, rounds_a, rounds_b in zip(data["runs"], first, second, strict=True):
        for subject, rounds in ((a, rounds_a), (b, rounds_b)):
            samples = run["throughput"][endpoint][subject.framework.id][subject.app.id]
            samples.update(requests_per_second=rounds, p50_ms=[1.0] * len(rounds), p99_ms=[2.0] * len(rounds))
    return Measurement.model_validate(data)


def test_generated_sentences_follow_the_rule() -> None:
    """Change the data, and the sentence changes with it."""
    a, b = subjects(MEASUREMENT, DATASET.frameworks)[:2]
    endpoint = MEASUREMENT.endpoints[0].id
    low = [1000, 1010, 990, 1005, 995, 1002]
    high = [1500, 1510, 1490, 1505, 1495, 1502]
    runs = len(MEASUREMENT.runs)
    far = compare(with_rounds([low] * runs, [high] * runs), endpoint, a, b)
    assert far.verdict is Verdict.RANKED and far.higher == b
    assert sentence(far).startswith(
        f"{b.name} served more requests per second than {a.name}: 1.50 times as many in the first run (95% interval")
    close = compare(with_rounds([low] * runs, [[value + 8 for value in low]] * runs), endpoint, a, b)
    assert close.verdict is Verdict.OVERLAP and "are not ranked: their 95% intervals overlap" in sentence(close)
    if runs > 1:
        moved = compare(with_rounds([low] + [[value * 1.3 for value in low]] * (runs - 1), [high] * runs), endpoint, a, b)
        assert moved.verdict is Verdict.UNSTABLE and "unstable" in sentence(moved)
    few = compare(with_rounds([low[:3]] * runs, [high[:3]] * runs), endpoint, a, b)
    assert few.verdict is Verdict.TOO_FEW_ROUNDS
