"""Code examples: the files under examples/ that pages show, checked to exist and read at build time.

Pages show the tested files themselves, never copies, so the site cannot drift from the code
that pytest runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from macros.models import Example
from macros.problems import Problem

if TYPE_CHECKING:
    from macros.dataset import Loaded

# Syntax highlighting by file type; templates are highlighted with their framework's template language.
LANGUAGES = {".py": "python", ".ini": "ini", ".mako": "mako", ".txt": "text", ".cfg": "ini", ".toml": "toml"}
TEMPLATE_LANGUAGES = {"django": "html+django", "flask": "html+jinja"}
PIN = re.compile(r"^([A-Za-z0-9_.\[\]-]+)==([^\s;]+)", re.MULTILINE)


@dataclass(frozen=True)
class SourceFile:
    """One file of an example, ready to show."""

    path: str
    language: str
    text: str

    @property
    def fence(self) -> str:
        """A backtick fence longer than any run of backticks in the file."""
        longest = max((len(run) for run in re.findall(r"`+", self.text)), default=0)
        return "`" * max(3, longest + 1)


def example_problems(item: Loaded, root: Path) -> list[Problem]:
    """Every listed file must exist in the repository."""
    example: Example = item.entity
    problems = []
    for framework_id, paths in example.files.items():
        for index, relative in enumerate(paths):
            if not (root / relative).is_file():
                problems.append(Problem(
                    item.display, item.document.line_of(("files", framework_id, index)), f"files.{framework_id}[{index}]",
                    "a file that exists under examples/", f"'{relative}'",
                    "paths are relative to the repository root, e.g. examples/flask/hello.py",
                ))
    return problems


def source_files(example: Example, framework_id: str, root: Path) -> list[SourceFile]:
    """The files of one framework's side of an example, read now."""
    files = []
    for relative in example.files[framework_id]:
        suffix = Path(relative).suffix
        language = TEMPLATE_LANGUAGES.get(framework_id, "html") if suffix == ".html" else LANGUAGES.get(suffix, "text")
        files.append(SourceFile(relative, language, (root / relative).read_text(encoding="utf-8").rstrip("\n")))
    return files


def pinned_versions(requirements: Path) -> dict[str, str]:
    """Package name (lower case) to pinned version, from requirements.txt."""
    return {name.lower().split("[")[0]: version for name, version in PIN.findall(requirements.read_text())}
