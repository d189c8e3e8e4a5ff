"""Read one YAML file into plain Python values plus the line of every field.

PyYAML keeps the last of two duplicate keys without a word and forgets line numbers once
it has built Python objects. We compose the node graph instead and build the values
ourselves, so duplicate keys become problems and every value keeps its line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from macros.problems import Problem

Path_ = tuple[str | int, ...]


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
    """Parse ``path``; on failure return the one problem that stops reading it."""
    raw = path.read_bytes()
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
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        return Problem(
            display, line, "", "valid YAML", f"a syntax error ({error.problem})",
            "check indentation and quote text that contains ': ' or starts with a special character",
        )
    document = YamlDocument(data=None)
    builder = _Builder(display, document)
    document.data = builder.build(root, ())
    return builder.problem or document


class _Builder:
    """Turns composed nodes into values, recording lines and the first duplicate key."""

    def __init__(self, display: str, document: YamlDocument) -> None:
        self.display = display
        self.document = document
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
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict[Any, Any]:
        values: dict[Any, Any] = {}
        first_line: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = self._scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else repr(key_node)
            key_line = key_node.start_mark.line + 1
            if key in values and self.problem is None:
                self.problem = Problem(
                    self.display, key_line, dotted((*path, key)),
                    "each field once per mapping",
                    f"a second '{key}' (the first is on line {first_line[key]})",
                    "YAML would silently keep only the last one: merge the two entries or rename one",
                )
            first_line.setdefault(key, key_line)
            self.document.lines[(*path, key)] = key_line
            values[key] = self.build(value_node, (*path, key))
            self.document.lines[(*path, key)] = key_line
        return values

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        try:
            return self.constructor.construct_object(node, deep=True)
        except (ValueError, yaml.constructor.ConstructorError):
            # An impossible date such as 2026-13-40 matches YAML's timestamp pattern but
            # cannot be built; keep the text so the model reports it as a bad date.
            return node.value


def dotted(path: Path_) -> str:
    """``assessments.flask.sources[0].url`` from a field path."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text

