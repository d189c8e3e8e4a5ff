"""Read one YAML file into plain Python values plus the line of every field.

PyYAML keeps the last of two duplicate keys without a word and forgets line numbers once
it has built Python objects. We compose the node graph instead and build the values
ourselves, so duplicate keys become problems and every value keeps its line.

Each data file is one small entity reviewed in a pull request, so the reader is also strict
where YAML is treacherous: it refuses anything that could exhaust the machine (huge files,
alias bombs, deep nesting) before building anything, refuses anchors, aliases, merge keys and
tags, and refuses plain values that YAML would publish as something other than what was typed.
Every refusal is a located :class:`Problem`; ``read_yaml`` never raises on any file content.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from macros.problems import Problem

Path_ = tuple[str | int, ...]

# Limits, each far above the real dataset (largest file 13 KB, 379 values, 5 levels deep) and
# low enough that even the pure-Python parser stops within a fraction of a second whatever the input.
MAX_FILE_BYTES = 256 * 1024
MAX_VALUES = 10_000
MAX_DEPTH = 32

# What PyYAML's Reader refuses (it would raise ReaderError), plus NEL (U+0085): a C1 control
# character that YAML also counts as a line break where editors do not, shifting every line after it.
_INVISIBLE = re.compile("[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_BOOLEAN_WORDS = re.compile(r"y|n|yes|no|on|off|true|false", re.IGNORECASE)
# libyaml's parser (PyYAML's C extension, in its wheels) reads the dataset several times faster than the
# pure-Python one, which stays the fallback where PyYAML was built without it; both emit the same events.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")
# Text to PyYAML but a number to YAML 1.2 readers (0o17 is 15, 1e5 is 100000.0).
_NUMBER_ELSEWHERE = re.compile(r"[-+]?(?:0o[0-7_]+|[0-9][0-9_]*[eE][-+]?[0-9]+)")
_COMMENT_AFTER = re.compile(r"[ \t]+#")
_YAML_TAG = "tag:yaml.org,2002:"
_NUMBER_TAGS = {_YAML_TAG + "int", _YAML_TAG + "float"}
_WRITE_IN_FULL = "write the value out in full; quote text that starts with &, ! or *"


@dataclass
class YamlDocument:
    """A parsed file: its values and the 1-based line where each field path starts."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    literal_blocks: set[Path_] = field(default_factory=set)

    def line_of(self, path: Path_) -> int:
        """The line of ``path``, or of its closest ancestor that exists in the file."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return 1

    def line_within(self, path: Path_, offset: int) -> int:
        """The line of character ``offset`` inside the text at ``path``.

        Exact for literal blocks (``|``), where the text starts on the line after the key;
        other scalars fold their lines, so they report the field's line.
        """
        value = self.data
        for part in path:
            value = value[part]
        if path in self.literal_blocks and isinstance(value, str):
            return self.line_of(path) + 1 + value.count("\n", 0, offset)
        return self.line_of(path)


def read_yaml(path: Path, *, display: str) -> YamlDocument | Problem:
    """Parse ``path``; on failure return the one problem that stops reading it.

    The checks run from cheapest to dearest, each bounding the next: size before decoding,
    characters before parsing, events (nesting, count, anchors, tags) before composing, and
    the spelling of plain values while building.
    """
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        return Problem(display, 1, "", "a readable file", f"a file that cannot be read ({error.strerror})",
                       "check the file's permissions, or delete it and write it again")
    if len(raw) > MAX_FILE_BYTES:
        return Problem(
            display, 1, "", f"a file of at most {MAX_FILE_BYTES // 1024} KiB",
            f"a file larger than {MAX_FILE_BYTES // 1024} KiB",
            "each file describes one entity and stays small: split it, or check it is not a generated or binary file",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return Problem(
            display, line, "", "a file encoded as UTF-8",
            f"byte 0x{raw[error.start]:02x} that is not valid UTF-8",
            "save the file as UTF-8 (most editors offer it under 'Save with encoding')",
        )
    if not text.strip():
        return Problem(
            display, 1, "", "a YAML mapping of fields", "an empty file",
            "copy an existing file of the same folder as a starting point, or delete this one",
        )
    problem = _invisible_character(text, display)
    if problem:
        return problem
    try:
        root = _Composer(_checked_events(yaml.parse(text, Loader=_LOADER), display)).get_single_node()
        document = YamlDocument(data=None)
        builder = _Builder(display, document, text)
        document.data = builder.build(root, ())
    except _RefusedError as refused:
        return refused.problem
    except yaml.YAMLError as error:
        return _syntax_problem(_pure_python_error(text) or error, text, display)
    except RecursionError:  # unreachable with MAX_DEPTH, kept so no input can escape as a traceback
        return Problem(display, 1, "", f"at most {MAX_DEPTH} levels of nesting", "nesting too deep to read",
                       "look for an unclosed '[' or '{'")
    return builder.problem or document


def _line_and_column(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of character ``index``, counting lines as editors do."""
    return text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index)


def _invisible_character(text: str, display: str) -> Problem | None:
    """The first character YAML refuses or that would shift every line number, located.

    PyYAML's Reader raises a bare ReaderError for these; an invisible character deserves
    its line and column, since the contributor cannot see it in the editor.
    """
    match = _INVISIBLE.search(text)
    if match is None:
        return None
    character = match.group()
    line, column = _line_and_column(text, match.start())
    if unicodedata.category(character) == "Cc":
        shown = f"the control character U+{ord(character):04X}"
    else:
        shown = f"the character U+{ord(character):04X} {unicodedata.name(character, '(not a character)')}"
    return Problem(
        display, line, "", "text without control characters (tabs and line breaks are fine)",
        f"{shown} in column {column}",
        "delete it: most editors do not show it, so retype the line if you cannot find it",
    )


def _pure_python_error(text: str) -> yaml.YAMLError | None:
    """The pure-Python parser's error on ``text``, read again only once libyaml's failed: it says what it found
    where libyaml says only what it expected ("expected ',' or ']', but got ':'")."""
    try:
        for _ in yaml.parse(text, Loader=yaml.SafeLoader):
            pass
    except yaml.YAMLError as error:
        return error
    return None


def _syntax_problem(error: yaml.YAMLError, text: str, display: str) -> Problem:
    """Any error PyYAML raises, as a located problem: marked errors, reader errors, the rest."""
    line = 1
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        detail = error.problem or error.context or "unreadable YAML"
    elif isinstance(error, yaml.reader.ReaderError):
        line = _line_and_column(text, error.position)[0] if isinstance(error.position, int) else 1
        detail = error.reason
    else:
        detail = str(error) or type(error).__name__
    return Problem(
        display, line, "", "valid YAML", f"a syntax error ({detail})",
        "check indentation and quote text that contains ': ' or starts with a special character",
    )


class _RefusedError(Exception):
    """Carries the problem that stops reading out of the event stream."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def _shown_tag(tag: str) -> str:
    """A tag as the contributor typed it: ``!!str`` rather than ``tag:yaml.org,2002:str``."""
    if tag.startswith(_YAML_TAG):
        return "!!" + tag.removeprefix(_YAML_TAG)
    return tag if tag.startswith("!") else f"!<{tag}>"


def _checked_events(events: Iterator[yaml.Event], display: str) -> Iterator[yaml.Event]:
    """Pass parser events on, stopping at the first one :func:`_refusal` refuses.

    PyYAML's parser is iterative, so this runs in bounded time and memory on any input; only
    after an event passes does the (recursive) composer see it. Aliases are refused here, before
    any node graph exists, which is what defuses "billion laughs" and self-referencing aliases.
    """
    depth = values = 0
    for event in events:
        depth += isinstance(event, yaml.CollectionStartEvent) - isinstance(event, yaml.CollectionEndEvent)
        values += isinstance(event, yaml.NodeEvent)
        refusal = _refusal(event, depth, values)
        if refusal:
            line = event.start_mark.line + 1 if event.start_mark else 1
            raise _RefusedError(Problem(display, line, "", *refusal))
        yield event


def _refusal(event: yaml.Event, depth: int, values: int) -> tuple[str, str, str] | None:
    """Expected, found and hint for an event that may not pass, or None.

    Anchors, aliases and tags are refused outright (a decision for the dataset):
    a reviewer should read each value where it is used, and an anchor or tag in front of text
    is silently dropped from the published value (``summary: !draft text`` publishes ``text``).
    """
    in_full = "values written out in full (no anchors, aliases or tags)"
    if isinstance(event, yaml.AliasEvent):
        return in_full, f"an alias '*{_short(event.anchor)}'", _WRITE_IN_FULL
    if isinstance(event, yaml.NodeEvent) and event.anchor is not None:
        return in_full, f"an anchor '&{_short(event.anchor)}'", _WRITE_IN_FULL
    tag = getattr(event, "tag", None) if isinstance(event, yaml.NodeEvent) else None
    if tag is not None:
        return in_full, f"a tag '{_short(_shown_tag(tag))}'", _WRITE_IN_FULL
    if values > MAX_VALUES:
        return (f"at most {MAX_VALUES} values in one file", f"more than {MAX_VALUES}",
                "each file describes one entity: split it into several files")
    if depth > MAX_DEPTH and isinstance(event, yaml.CollectionStartEvent):
        kind = "list" if isinstance(event, yaml.SequenceStartEvent) else "mapping"
        return (f"at most {MAX_DEPTH} levels of nested lists and mappings", f"a {kind} nested {depth} levels deep",
                "a data file needs only a few levels: look for an unclosed '[' or '{'")
    return None


class _Composer(yaml.composer.Composer, yaml.resolver.Resolver):
    """PyYAML's composer and SafeLoader's resolver, fed from already-checked events."""

    def __init__(self, events: Iterator[yaml.Event]) -> None:
        yaml.composer.Composer.__init__(self)
        yaml.resolver.Resolver.__init__(self)
        self._events = events
        self._next: yaml.Event | None = None

    def _peek(self) -> yaml.Event | None:
        if self._next is None:
            self._next = next(self._events, None)
        return self._next

    def check_event(self, *choices: type[yaml.Event]) -> bool:
        event = self._peek()
        return event is not None and (not choices or isinstance(event, choices))

    def peek_event(self) -> yaml.Event:
        event = self._peek()
        if event is None:  # the parser always ends with StreamEndEvent; never a StopIteration
            raise yaml.composer.ComposerError(None, None, "an unexpected end of the file", None)
        return event

    def get_event(self) -> yaml.Event:
        event = self.peek_event()
        self._next = None
        return event


class _Builder:
    """Turns composed nodes into values, recording lines and the first problem found."""

    def __init__(self, display: str, document: YamlDocument, text: str) -> None:
        self.display = display
        self.document = document
        self.text = text
        self.problem: Problem | None = None
        self.constructor = yaml.constructor.SafeConstructor()

    def build(self, node: yaml.Node | None, path: Path_) -> Any:
        if node is None:
            return None
        self.document.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        if node.style == "|":
            self.document.literal_blocks.add(path)
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict[Any, Any]:
        values: dict[Any, Any] = {}
        first_line: dict[Any, int] = {}
        for key_node, value_node in node.value:
            scalar = isinstance(key_node, yaml.ScalarNode)
            key = self._scalar(key_node, (*path, key_node.value)) if scalar else repr(key_node)
            key_line = key_node.start_mark.line + 1
            if scalar and not key_node.style and key_node.tag == _YAML_TAG + "merge":
                # Not built by us, so '<<' would be an unknown field; refused by decision anyway.
                self._report(key_line, (*path, "<<"), "each field written out in full", "a merge key '<<'",
                             "write the merged fields out in full in this mapping")
            if key in values:
                self._report(
                    key_line, (*path, key), "each field once per mapping",
                    f"a second '{key}' (the first is on line {first_line[key]})",
                    "YAML would silently keep only the last one: merge the two entries or rename one",
                )
            first_line.setdefault(key, key_line)
            self.document.lines[(*path, key)] = key_line
            values[key] = self.build(value_node, (*path, key))
            self.document.lines[(*path, key)] = key_line
        return values

    def _scalar(self, node: yaml.ScalarNode, path: Path_) -> Any:
        plain = not node.style  # None from PyYAML's parser, '' from libyaml's
        if plain and node.tag in _NUMBER_TAGS and not _DECIMAL.fullmatch(node.value):
            # Checked before building: a long sexagesimal like 1:2:3:... costs quadratic time.
            self._odd_number(node, path, self._construct(node) if len(node.value) <= 40 else None)
            return node.value
        value = self._construct(node)
        if not plain:
            return value
        if node.tag in _NUMBER_TAGS and isinstance(value, str):
            self._odd_number(node, path, None)  # too long to build (over 4300 digits): not published as text
        elif isinstance(value, int | float) and not isinstance(value, bool) and repr(value) != node.value:
            self._odd_number(node, path, value)  # 3.10 is published as 3.1
        elif _BOOLEAN_WORDS.fullmatch(node.value) and node.value not in ("true", "false"):
            reads = (f"which YAML reads as the yes/no value {str(value).lower()}" if isinstance(value, bool)
                     else "which some YAML readers take for a yes/no value")
            self._report(
                node.start_mark.line + 1, path, "true or false for a yes/no value, or quoted text",
                f"'{node.value}', {reads}",
                f"write true or false (in lower case) for a yes/no value, or quote it (\"{node.value}\") to keep the text",
            )
        elif isinstance(value, str) and _NUMBER_ELSEWHERE.fullmatch(node.value):
            self._odd_number(node, path, None, reads="which some YAML readers take for a number")
        elif isinstance(value, str) and _COMMENT_AFTER.match(self.text, node.end_mark.index):
            self._report(
                node.end_mark.line + 1, path, "the whole text, in quotes when it contains ' #'",
                f"text cut short by ' #' (YAML starts a comment there): only '{_short(value)}' is kept",
                "put the whole value in quotes, or move the comment to a line of its own",
            )
        return value

    def _construct(self, node: yaml.ScalarNode) -> Any:
        try:
            return self.constructor.construct_object(node, deep=True)
        except (ValueError, OverflowError, yaml.constructor.ConstructorError):
            # An impossible date such as 2026-13-40 matches YAML's timestamp pattern but
            # cannot be built; keep the text so the model reports it as a bad date.
            return node.value

    def _odd_number(self, node: yaml.ScalarNode, path: Path_, value: Any, reads: str = "") -> None:
        """A plain number spelled so that YAML publishes something else (010 is 8, 1:30 is 90)."""
        number = isinstance(value, int | float) and not isinstance(value, bool)
        reads = reads or f"which YAML reads as {f'the number {value!r}' if number else 'a number'}"
        write = f"write it as {value!r} if you mean that number, or " if number and math.isfinite(value) else ""
        self._report(
            node.start_mark.line + 1, path, "a number in plain decimal digits (like 42 or 12.5), or quoted text",
            f"'{_short(node.value)}', {reads}",
            f"{write}quote it (\"{_short(node.value)}\") to keep the text as typed",
        )

    def _report(self, line: int, path: Path_, expected: str, found: str, hint: str) -> None:
        if self.problem is None:
            self.problem = Problem(self.display, line, dotted(path), expected, found, hint)


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


def dotted(path: Path_) -> str:
    """``assessments.flask.sources[0].url`` from a field path."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
