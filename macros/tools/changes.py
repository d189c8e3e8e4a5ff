"""The change record: no published section changes without an entry in data/changes/.

``data/changes.lock.json`` holds, for every citable section, the fingerprint of what it said
when the lock was last written and the change entries that account for its history. When a
section's fingerprint differs from the lock (or the section is new), an entry in data/changes/
must name it that the lock has not seen yet; ``validate`` reports every section without one, at
its YAML line, and ``generate`` records the entries in the lock. A data folder without a lock
(a fixture, a fork's first draft) has published nothing, so nothing is checked.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from macros.checks.changes import LOCK_NAME
from macros.load.yamlsource import YamlDocument, dotted, read_yaml
from macros.model.dataset import Dataset
from macros.model.sections import Section, citable_sections
from macros.problems import Problem


def _new_entries(dataset: Dataset, section: Section, recorded: dict[str, Any] | None) -> list[str]:
    """Ids of change entries that name the section and that the lock has not recorded for it."""
    seen = set(recorded["changes"]) if recorded else set()
    names = {section.link, *section.aliases}
    return [change.id for change in dataset.changes if names & set(change.sections) and change.id not in seen]


def _changed(section: Section, recorded: dict[str, Any] | None) -> bool:
    return recorded is None or recorded["fingerprint"] != section.fingerprint


def unrecorded_changes(dataset: Dataset, lock: dict[str, Any] | None) -> list[Problem]:
    """A problem for each section whose text changed since the lock without a new entry in data/changes/."""
    if lock is None:
        return []
    problems = []
    for section in citable_sections(dataset):
        recorded = lock["sections"].get(section.link)
        if not _changed(section, recorded) or _new_entries(dataset, section, recorded):
            continue
        source = dataset.source_of(section.collection, section.entity_id)
        display = source.relative_to(dataset.data_dir.parent).as_posix()
        document = read_yaml(source, display=display)
        line = document.line_of(section.path) if isinstance(document, YamlDocument) else 1
        problems.append(Problem(
            display, line, dotted(section.path) or "file", f"an entry in data/changes/ naming {section.link}",
            "a section not published before" if recorded is None
            else f"published text that changed since data/{LOCK_NAME} recorded it",
            f"add data/changes/{date.today().isoformat()}-<what>.yaml with changed, kind, summary and "
            f"sections: ['{section.link}'], then run 'python -m macros generate' to record it",
        ))
    return problems


def updated_lock(dataset: Dataset, lock: dict[str, Any] | None) -> dict[str, Any]:
    """The lock that records every section as it is now, with the change entries that name it."""
    sections = {}
    for section in citable_sections(dataset):
        recorded = (lock or {"sections": {}})["sections"].get(section.link)
        sections[section.link] = {
            "fingerprint": section.fingerprint,
            "changes": [*(recorded["changes"] if recorded else []), *_new_entries(dataset, section, recorded)],
        }
    return {"sections": dict(sorted(sections.items()))}


def lock_text(lock: dict[str, Any]) -> str:
    return json.dumps(lock, indent=1, ensure_ascii=False) + "\n"
