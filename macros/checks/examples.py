"""Every file a code example lists is one that ``read_example_file`` accepts, reported at its line."""

from __future__ import annotations

from pathlib import Path

from macros.checks.located import Located
from macros.load.examples import Refusal, read_example_file
from macros.model.models import Example
from macros.problems import Problem


def example_problems(item: Located, root: Path) -> list[Problem]:
    """Every listed file must be one that ``read_example_file`` accepts."""
    example: Example = item.entity
    problems = []
    for framework_id, paths in example.files.items():
        for index, relative in enumerate(paths):
            refusal = read_example_file(relative, root)
            if isinstance(refusal, Refusal):
                problems.append(item.problem(("files", framework_id, index), refusal.expected, refusal.found, refusal.hint))
    return problems
