"""Validation: every check of the dataset, each reporting located ``Problem``s.

``record_problems`` runs, on the files that fit their model, every check that needs no rendering;
``site_links`` runs last, on the rendered pages. All problems are collected before anything
fails, so a contributor sees every mistake in one run.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from macros.checks.examples import example_problems
from macros.checks.ids import id_problems
from macros.checks.located import Located
from macros.checks.references import reference_problems
from macros.checks.semantics import semantic_problems
from macros.checks.trees import master_problems, tree_problems
from macros.load.folder import ids_on_disk
from macros.model.registry import COLLECTIONS, DECISIONS, EXAMPLES
from macros.problems import Problem


def record_problems(located: list[Located], data_dir: Path, *, today: date) -> list[Problem]:
    """Ids, references, example files, decision trees and the reviewer's checks, on validated files."""
    known = ids_on_disk(data_dir)
    problems = id_problems(located)
    for item in located:
        problems += reference_problems(item, known)
        if item.collection is EXAMPLES:
            problems += example_problems(item, data_dir.parent)
        if item.collection is DECISIONS:
            problems += tree_problems(item)
    problems += master_problems([item for item in located if item.collection is DECISIONS])
    problems += semantic_problems({c: [i for i in located if i.collection is c] for c in COLLECTIONS}, today=today)
    return problems
