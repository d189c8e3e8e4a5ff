"""Change entries name sections that exist: checked on every build, before the What changed page links them.

The lock (``data/changes.lock.json``, written by ``python -m macros generate``) records every
section published so far; an entry may name a section the site has now or one the lock recorded
(a section since removed). The rest of the change record is ``macros.tools.changes``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from macros.load.yamlsource import YamlDocument, read_yaml
from macros.model.dataset import Dataset
from macros.model.registry import CHANGES
from macros.model.sections import current_links
from macros.problems import Problem, did_you_mean

LOCK_NAME = "changes.lock.json"


def lock_path(data_dir: Path) -> Path:
    return data_dir / LOCK_NAME


def read_lock(data_dir: Path) -> dict[str, Any] | None:
    """The committed lock, or None when the data folder has none."""
    path = lock_path(data_dir)
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def unknown_sections(dataset: Dataset, lock: dict[str, Any] | None) -> list[Problem]:
    """A problem for each section link of a change entry that is neither a section now nor one the lock recorded."""
    known = set(current_links(dataset)) | set((lock or {"sections": {}})["sections"])
    problems = []
    for change in dataset.changes:
        for index, link in enumerate(change.sections):
            if link not in known:
                source = dataset.source_of(CHANGES, change.id)
                display = source.relative_to(dataset.data_dir.parent).as_posix()
                document = read_yaml(source, display=display)
                line = document.line_of(("sections", index)) if isinstance(document, YamlDocument) else 1
                problems.append(Problem(
                    display, line, f"sections[{index}]", "the link of a citable section, e.g. '/criteria/security.md#flask'",
                    f"'{link}'", did_you_mean(link, sorted(known), otherwise="copy the link from the section's page address"),
                ))
    return problems
