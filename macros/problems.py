"""The located record every stage speaks: one problem, worded so a contributor can fix it without reading code.

The loader (unreadable YAML), every check and the command line report `Problem`s, so it sits
below all of them; `InvalidDatasetError` carries every problem of one run at once.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """A located validation problem: ``file:line: field: expected ...; found ...`` plus a hint."""

    file: str
    line: int
    field: str
    expected: str
    found: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        field = f" {self.field}:" if self.field else ""
        text = f"{where}:{field} expected {self.expected}; found {self.found}"
        return f"{text}\n    hint: {self.hint}" if self.hint else text


def did_you_mean(value: str, choices: Iterable[str], *, otherwise: str = "") -> str:
    """A did-you-mean hint for a mistyped name, or ``otherwise`` when nothing is close."""
    options = sorted(set(choices))
    close = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    return otherwise


def quoted_list(values: Iterable[str]) -> str:
    """``'a', 'b', 'c'`` for messages."""
    return ", ".join(f"'{value}'" for value in values)


def describe(value: object) -> str:
    """How a found value reads in a message: strings quoted, containers named by kind."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return repr(shown)
    if isinstance(value, dict):
        return "a mapping of fields"
    if isinstance(value, list):
        return "a list"
    return f"{value!r} ({type(value).__name__})"


class InvalidDatasetError(Exception):
    """The dataset has problems; ``problems`` lists all of them, sorted by file and line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(f"{len(self.problems)} problem(s) in the dataset")
