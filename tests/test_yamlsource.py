"""The YAML reader keeps lines, refuses duplicate keys, anchors, tags and YAML 1.1 surprises, and never guesses at bad bytes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from macros.load import yamlsource
from macros.load.yamlsource import MAX_DEPTH, MAX_FILE_BYTES, MAX_VALUES, YamlDocument, dotted, read_yaml
from macros.paths import ROOT
from macros.problems import Problem


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


# Anchors, aliases, merge keys and tags are refused by decision: a reviewer reads each value where
# it is used, and an anchor or tag in front of text is silently dropped from the published value.
IN_FULL = "values written out in full (no anchors, aliases or tags)"
WRITE_IN_FULL = "write the value out in full; quote text that starts with &, ! or *"


@pytest.mark.parametrize(("text", "line", "found"), [
    ("id: a\nsummary: &x Django\n", 2, "an anchor '&x'"),
    ("id: a\nbase: &base {a: 1}\nother: *base\n", 2, "an anchor '&base'"),
    ("id: a\nother: *base\n", 2, "an alias '*base'"),
    ("id: a\nsummary: !draft text\n", 2, "a tag '!draft'"),
    ("id: a\nsummary: !!str 10\n", 2, "a tag '!!str'"),
    ("id: a\nitems: !!set {a, b}\n", 2, "a tag '!!set'"),
    ("id: a\nitems: !<tag:example.com,2026:x> y\n", 2, "a tag '!<tag:example.com,2026:x>'"),
    ("id: a\nsummary: ! text\n", 2, "a tag '!'"),
])
def test_anchors_aliases_and_tags_are_refused(tmp_path: Path, text: str, line: int, found: str) -> None:
    assert read(tmp_path, text) == Problem("data/x/entity.yaml", line, "", IN_FULL, found, WRITE_IN_FULL)


def test_merge_key_is_refused(tmp_path: Path) -> None:
    problem = read(tmp_path, "id: a\nlinks:\n  <<: {url: x}\n  title: y\n")
    assert problem == Problem(
        "data/x/entity.yaml", 3, "links.<<", "each field written out in full", "a merge key '<<'",
        "write the merged fields out in full in this mapping",
    )


def test_quoted_text_starting_with_special_characters_is_kept(tmp_path: Path) -> None:
    document = read(tmp_path, "a: '&x Django'\nb: \"!draft\"\nc: '*'\nd: '<<'\n")
    assert isinstance(document, YamlDocument)
    assert document.data == {"a": "&x Django", "b": "!draft", "c": "*", "d": "<<"}


NUMBER = "a number in plain decimal digits (like 42 or 12.5), or quoted text"


@pytest.mark.parametrize(("typed", "reads", "hint"), [
    ("010", "the number 8", "write it as 8 if you mean that number, or quote it (\"010\") to keep the text as typed"),
    ("0x1F", "the number 31", "write it as 31 if you mean that number, or quote it (\"0x1F\") to keep the text as typed"),
    ("0b101", "the number 5", "write it as 5 if you mean that number, or quote it (\"0b101\") to keep the text as typed"),
    ("1:30", "the number 90", "write it as 90 if you mean that number, or quote it (\"1:30\") to keep the text as typed"),
    ("190:20:30", "the number 685230",
     "write it as 685230 if you mean that number, or quote it (\"190:20:30\") to keep the text as typed"),
    ("1_000", "the number 1000", "write it as 1000 if you mean that number, or quote it (\"1_000\") to keep the text as typed"),
    ("+7", "the number 7", "write it as 7 if you mean that number, or quote it (\"+7\") to keep the text as typed"),
    ("3.10", "the number 3.1", "write it as 3.1 if you mean that number, or quote it (\"3.10\") to keep the text as typed"),
    ("1.5e+3", "the number 1500.0",
     "write it as 1500.0 if you mean that number, or quote it (\"1.5e+3\") to keep the text as typed"),
    (".5", "the number 0.5", "write it as 0.5 if you mean that number, or quote it (\".5\") to keep the text as typed"),
    (".inf", "the number inf", "quote it (\".inf\") to keep the text as typed"),
    ("-.Inf", "the number -inf", "quote it (\"-.Inf\") to keep the text as typed"),
    (".NaN", "the number nan", "quote it (\".NaN\") to keep the text as typed"),
])
def test_numbers_yaml_would_publish_differently_are_refused(tmp_path: Path, typed: str, reads: str, hint: str) -> None:
    problem = read(tmp_path, f"id: a\nitems:\n  - version: {typed}\n")
    assert problem == Problem(
        "data/x/entity.yaml", 3, "items[0].version", NUMBER, f"'{typed}', which YAML reads as {reads}", hint,
    )


@pytest.mark.parametrize("typed", ["0o17", "1e5", "-2E+3"])
def test_numbers_other_yaml_readers_would_convert_are_refused(tmp_path: Path, typed: str) -> None:
    # PyYAML keeps these as text, YAML 1.2 readers (editors, linters, other tools) read a number.
    assert read(tmp_path, f"version: {typed}\n") == Problem(
        "data/x/entity.yaml", 1, "version", NUMBER, f"'{typed}', which some YAML readers take for a number",
        f"quote it (\"{typed}\") to keep the text as typed",
    )


def test_number_spelled_oddly_as_a_key_is_refused(tmp_path: Path) -> None:
    problem = read(tmp_path, "010: a\n")
    assert isinstance(problem, Problem) and (problem.line, problem.field) == (1, "010")
    assert problem.found == "'010', which YAML reads as the number 8"


def test_plain_decimals_and_quoted_numbers_stay_as_typed(tmp_path: Path) -> None:
    document = read(tmp_path, "a: 0\nb: -12\nc: 5532\nd: 12.5\ne: 278.0\nf: -0.25\ng: '010'\nh: \"1:30\"\ni: 3.1.3\n")
    assert isinstance(document, YamlDocument)
    assert document.data == {"a": 0, "b": -12, "c": 5532, "d": 12.5, "e": 278.0, "f": -0.25,
                             "g": "010", "h": "1:30", "i": "3.1.3"}


BOOLEAN = "true or false for a yes/no value, or quoted text"


@pytest.mark.parametrize(("typed", "reads"), [
    ("yes", "which YAML reads as the yes/no value true"),
    ("No", "which YAML reads as the yes/no value false"),
    ("ON", "which YAML reads as the yes/no value true"),
    ("off", "which YAML reads as the yes/no value false"),
    ("True", "which YAML reads as the yes/no value true"),
    ("FALSE", "which YAML reads as the yes/no value false"),
    ("y", "which some YAML readers take for a yes/no value"),
    ("N", "which some YAML readers take for a yes/no value"),
    ("yEs", "which some YAML readers take for a yes/no value"),
])
def test_yes_no_words_other_than_true_and_false_are_refused(tmp_path: Path, typed: str, reads: str) -> None:
    problem = read(tmp_path, f"id: a\nlts: {typed}\n")
    assert problem == Problem(
        "data/x/entity.yaml", 2, "lts", BOOLEAN, f"'{typed}', {reads}",
        f"write true or false (in lower case) for a yes/no value, or quote it (\"{typed}\") to keep the text",
    )


def test_true_false_and_quoted_yes_stay_as_typed(tmp_path: Path) -> None:
    document = read(tmp_path, "a: true\nb: false\nc: 'yes'\nd: \"on\"\ne: |\n  yes\n")
    assert isinstance(document, YamlDocument)
    assert document.data == {"a": True, "b": False, "c": "yes", "d": "on", "e": "yes\n"}


CUT = "the whole text, in quotes when it contains ' #'"
CUT_HINT = "put the whole value in quotes, or move the comment to a line of its own"


@pytest.mark.parametrize(("text", "line", "field", "kept"), [
    ("id: a\nsummary: Django is the #1 choice\n", 2, "summary", "Django is the"),
    ("id: a\nsummary: Django  # a note\n", 2, "summary", "Django"),
    ("id: a\nsummary: Django is\n  the #1 choice\n", 3, "summary", "Django is the"),
    ("id: a\ntags: [one #two\n  , three]\n", 2, "tags[0]", "one"),
    ("id: a\nitems:\n  - first # second\n", 3, "items[0]", "first"),
])
def test_plain_text_cut_short_by_a_comment_is_refused(tmp_path: Path, text: str, line: int, field: str, kept: str) -> None:
    problem = read(tmp_path, text)
    assert problem == Problem(
        "data/x/entity.yaml", line, field, CUT,
        f"text cut short by ' #' (YAML starts a comment there): only '{kept}' is kept", CUT_HINT,
    )


def test_comments_that_cut_nothing_are_allowed(tmp_path: Path) -> None:
    text = (
        "# a comment line\nurl: https://example.com/page#section\nlts: true  # on a yes/no value\n"
        "count: 3  # on a number\nwhen: 2026-01-02  # on a date\nquoted: \"2027-12\"   # month only\n"
        "flow: [\"3.12\", \"3.13\"]   # on a list\nempty:  # nothing yet\nblock: |  # on a block\n  text # kept\n"
    )
    document = read(tmp_path, text)
    assert isinstance(document, YamlDocument)
    assert document.data == {
        "url": "https://example.com/page#section", "lts": True, "count": 3, "when": date(2026, 1, 2),
        "quoted": "2027-12", "flow": ["3.12", "3.13"], "empty": None, "block": "text # kept\n",
    }


@pytest.mark.parametrize(("raw", "line", "found"), [
    (b"id: a\nsummary: bell\x07\n", 2, "the control character U+0007 in column 14"),
    (b"\x00", 1, "the control character U+0000 in column 1"),
    (b"id: a\x1b[31m\n", 1, "the control character U+001B in column 6"),
    (b"a: b\nc: \x7f\n", 2, "the control character U+007F in column 4"),
    ("a: b\x85c\n".encode(), 1, "the control character U+0085 in column 5"),
    ("a: \"x\ufffe\"\n".encode(), 1, "the character U+FFFE (not a character) in column 6"),
])
def test_control_characters_are_located(tmp_path: Path, raw: bytes, line: int, found: str) -> None:
    # PyYAML raises a bare ReaderError for most of these, which used to escape as a traceback.
    assert read(tmp_path, raw) == Problem(
        "data/x/entity.yaml", line, "", "text without control characters (tabs and line breaks are fine)", found,
        "delete it: most editors do not show it, so retype the line if you cannot find it",
    )


def test_tabs_crlf_and_a_byte_order_mark_are_fine(tmp_path: Path) -> None:
    document = read(tmp_path, b"\xef\xbb\xbfid: a\r\nsummary: \"tab\there\"\r\nother: x\r\n")
    assert isinstance(document, YamlDocument)
    assert document.data == {"id": "a", "summary": "tab\there", "other": "x"}
    assert document.line_of(("other",)) == 3


def test_file_above_the_size_limit_is_refused_before_reading_it_all(tmp_path: Path) -> None:
    problem = read(tmp_path, "a: " + "b" * MAX_FILE_BYTES)
    assert problem == Problem(
        "data/x/entity.yaml", 1, "", "a file of at most 256 KiB", "a file larger than 256 KiB",
        "each file describes one entity and stays small: split it, or check it is not a generated or binary file",
    )


def test_nesting_deeper_than_the_limit_is_refused(tmp_path: Path) -> None:
    text = "".join("  " * level + "k:\n" for level in range(MAX_DEPTH + 5))
    assert read(tmp_path, text) == Problem(
        "data/x/entity.yaml", MAX_DEPTH + 1, "", f"at most {MAX_DEPTH} levels of nested lists and mappings",
        f"a mapping nested {MAX_DEPTH + 1} levels deep", "a data file needs only a few levels: look for an unclosed '[' or '{'",
    )
    assert isinstance(read(tmp_path, "[" * MAX_DEPTH + "]" * MAX_DEPTH), YamlDocument)


def test_more_values_than_the_limit_is_refused(tmp_path: Path) -> None:
    problem = read(tmp_path, "- x\n" * MAX_VALUES)
    assert problem == Problem(
        "data/x/entity.yaml", MAX_VALUES, "", f"at most {MAX_VALUES} values in one file", f"more than {MAX_VALUES}",
        "each file describes one entity: split it into several files",
    )


def test_real_data_is_well_inside_every_limit() -> None:
    """The largest real file (the master decision tree, about 32 KB) must stay under a quarter of the limit."""
    for path in sorted((ROOT / "data").rglob("*.yaml")):
        assert path.stat().st_size < MAX_FILE_BYTES // 4, path
        assert isinstance(read_yaml(path, display=str(path)), YamlDocument), path


def test_a_file_that_cannot_be_read_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    unreadable = tmp_path / "admin.yaml"
    unreadable.mkdir()  # opening a folder fails even for root, unlike a chmod
    problem = read_yaml(unreadable, display="data/criteria/admin.yaml")
    assert isinstance(problem, Problem)
    assert str(problem).startswith("data/criteria/admin.yaml:1: expected a readable file; found a file that cannot be read (")


def test_libyaml_and_the_pure_python_parser_read_the_dataset_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    """The build reads with libyaml where PyYAML has it; without it, every value and line must come out the same."""
    files = sorted((ROOT / "data").rglob("*.yaml"))
    monkeypatch.setattr(yamlsource, "_LOADER", yaml.CSafeLoader)
    with_libyaml = [read_yaml(path, display=path.name) for path in files]
    monkeypatch.setattr(yamlsource, "_LOADER", yaml.SafeLoader)
    assert [read_yaml(path, display=path.name) for path in files] == with_libyaml
    assert all(isinstance(document, YamlDocument) for document in with_libyaml) and len(files) > 100
