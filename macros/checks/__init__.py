"""Validation: every check of the dataset, each reporting located ``Problem``s.

``record_problems`` runs, on the files that fit their model, every check that needs no rendering;
``site_links`` runs last, on the rendered pages. All problems are collected before anything
fails, so a contributor sees every mistake in one run.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path

from macros.checks.examples import example_problems
from macros.checks.ids import id_problems
from macros.checks.located import Located
from macros.checks.references import reference_problems
from macros.checks.semantics import semantic_problems
from macros.checks.trees import master_problems, tree_problems
from macros.load.folder import ids_on_disk
from macros.model.registry import DECISIONS, EXAMPLES, Collection
from macros.problems import Problem


def record_problems(by_collection: Mapping[Collection, list[Located]], data_dir: Path, *, today: date) -> list[Problem]:
    """Ids, references, example files, decision trees and the reviewer's checks, on the files that fit their model."""
    known = ids_on_disk(data_dir)
    problems = id_problems(by_collection)
    for item in (item for items in by_collection.values() for item in items):
        problems += reference_problems(item, known)
        if item.collection is EXAMPLES:
            problems += example_problems(item, data_dir.parent)
        if item.collection is DECISIONS:
            problems += tree_problems(item)
    problems += master_problems(by_collection[DECISIONS])
    problems += semantic_problems(by_collection, today=today)
    return problems
