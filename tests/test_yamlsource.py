"""The YAML reader keeps lines, refuses duplicate keys and never guesses at bad bytes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from macros.problems import Problem
from macros.yamlsource import YamlDocument, dotted, read_yaml


def read(tmp_path: Path, text: str | bytes) -> YamlDocument | Problem:
    path = tmp_path / "entity.yaml"
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return read_yaml(path, display="data/x/entity.yaml")


def test_values_and_lines_of_nested_fields(tmp_path: Path) -> None:
    document = read(tmp_path, "id: a\nitems:\n  - name: one\n    when: 2026-01-02\n  - name: two\n")
    assert isinstance(document, YamlDocument)
    assert document.data == {"id": "a", "items": [{"name": "one", "when": date(2026, 1, 2)}, {"name": "two"}]}
    assert document.line_of(("items", 1, "name")) == 5
    assert document.line_of(("items", 0, "when")) == 4
    assert document.line_of(("items", 0, "missing")) == 3  # falls back to the closest ancestor


def test_duplicate_key_is_a_problem_not_a_silent_overwrite(tmp_path: Path) -> None:
    problem = read(tmp_path, "id: a\ntitle: first\ntitle: second\n")
    assert problem == Problem(
        "data/x/entity.yaml", 3, "title", "each field once per mapping",
        "a second 'title' (the first is on line 2)",
        "YAML would silently keep only the last one: merge the two entries or rename one",
    )


def test_impossible_date_is_kept_as_text_for_the_model_to_reject(tmp_path: Path) -> None:
    document = read(tmp_path, "reviewed: 2026-02-30\n")
    assert isinstance(document, YamlDocument) and document.data == {"reviewed": "2026-02-30"}


def test_syntax_error_reports_the_line(tmp_path: Path) -> None:
    problem = read(tmp_path, "id: a\ntitle: [unclosed\nother: x\n")
    assert isinstance(problem, Problem) and problem.line == 3 and problem.expected == "valid YAML"


def test_dotted_paths_read_like_yaml() -> None:
    assert dotted(("assessments", "flask", "sources", 0, "url")) == "assessments.flask.sources[0].url"
