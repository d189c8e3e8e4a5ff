"""Every link the strict build would reject is a located problem in the data, before any build.

Each case breaks one link in a copy of the minimal fixture; the same copy is then built with
``mkdocs build --strict`` to prove the build rejects it too, so the two never drift apart.
The real dataset's links are checked with the rest of its rules, since loading it checks them
(tests/test_semantics.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from macros.checks.site_links import link_problems, resolve
from macros.pipeline import load_dataset, load_site
from macros.problems import InvalidDatasetError
from tests.conftest import build_site

ADMIN = "criteria/admin.yaml"
EXPLANATION = "    explanation: Fixture explanation.\n    sources:\n      - title: Fixture source\n        url: https://example.org/django/admin"


def with_link(data: Path, link: str) -> None:
    """Put ``link`` into the Django explanation of the admin criterion."""
    path = data / ADMIN
    text = path.read_text(encoding="utf-8")
    assert EXPLANATION in text
    path.write_text(text.replace(EXPLANATION, EXPLANATION.replace("Fixture explanation.", f"See [this]({link})."), 1))


BROKEN = {
    "missing anchor on a generated page": (
        "/criteria/database.md#nowhere", "a section '#nowhere' that criteria/database.md does not have",
    ),
    "same-page anchor the page lacks": ("#measured", "a section '#measured' that criteria/admin.md does not have"),
    "relative path to a missing page": ("databse.md", "a page that does not exist"),
    "address MkDocs does not recognise": ("/criteria/database/", "an address MkDocs does not recognise"),
}


@pytest.mark.parametrize(("link", "reason"), BROKEN.values(), ids=list(BROKEN))
def test_broken_link_is_located_in_the_yaml(minimal_data: Path, link: str, reason: str) -> None:
    with_link(minimal_data, link)
    with pytest.raises(InvalidDatasetError) as error:
        load_dataset(minimal_data)
    problems = error.value.problems
    assert [(problem.file, problem.line, problem.field) for problem in problems] == [
        ("data/criteria/admin.yaml", 10, "assessments.django.explanation")
    ]
    assert problems[0].found == f"a link to '{link}', {reason}"


@pytest.mark.parametrize("link", [link for link, _ in BROKEN.values()], ids=list(BROKEN))
def test_the_strict_build_rejects_the_same_links(
    minimal_data: Path, tmp_path: Path, link: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Parity: each link validate reports, mkdocs --strict rejects by itself (our check switched off)."""
    with_link(minimal_data, link)
    with pytest.raises(InvalidDatasetError):
        load_dataset(minimal_data)
    monkeypatch.setattr("macros.checks.site_links.broken", lambda *_: None)
    with pytest.raises(Abort, match="strict mode"):
        build_site(tmp_path / "site", data_dir=minimal_data)


def test_the_build_checks_the_links_of_the_pages_it_rendered(
    minimal_data: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The build reports the same located problem as validate, from its own HTML: nothing renders a page twice."""
    with_link(minimal_data, "/criteria/database.md#nowhere")
    renders = []
    monkeypatch.setattr("macros.checks.site_links._parse", lambda text: renders.append(text))
    with pytest.raises(Abort):
        build_site(tmp_path / "site", data_dir=minimal_data)
    located = "data/criteria/admin.yaml:10: assessments.django.explanation: expected a link to a site page"
    messages = [record.getMessage() for record in caplog.records]
    assert any(message.startswith(located) and "'#nowhere'" in message for message in messages), caplog.text
    assert "1 problem(s) in the dataset; nothing was built." in caplog.text
    assert renders == [], "the build converted pages again for the check"
    assert not [path for path in (tmp_path / "site").rglob("*") if path.is_file()], "a page was written"


@pytest.mark.parametrize("link", ["/criteria/database.md", "/criteria/database.md#flask", "#flask", "database.md#at-a-glance",
                                  "https://example.org/x", "/methodology.md"])
def test_links_that_land_are_not_problems(minimal_data: Path, link: str) -> None:
    with_link(minimal_data, link)
    assert link_problems(load_site(minimal_data)) == []


def test_links_resolve_the_way_mkdocs_reads_them() -> None:
    assert resolve("criteria/admin.md", "/use-cases/x.md#a") == ("use-cases/x.md", "a")
    assert resolve("criteria/admin.md", "database.md") == ("criteria/database.md", "")
    assert resolve("criteria/admin.md", "../frameworks/flask.md") == ("frameworks/flask.md", "")
    assert resolve("criteria/admin.md", "#django") == ("criteria/admin.md", "django")
    assert resolve("criteria/admin.md", "https://example.org/") is None
