"""Ids and aliases: ids equal file names and are unique, and no alias names a live id or another alias.

Both rules keep every address predictable: a page's address is its id, and an alias keeps an
old address (or anchor) alive, so it must not point at two places.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from macros.checks.located import Located
from macros.load.yamlsource import Path_
from macros.model.registry import Collection
from macros.problems import Problem

ALIAS_HINT = "an alias keeps an old link alive; it cannot also be a live id or another alias"


def id_problems(by_collection: Mapping[Collection, list[Located]]) -> list[Problem]:
    """Per collection: each id is its file's name and used once, and each alias is free."""
    problems = []
    for collection, items in by_collection.items():
        owners: dict[str, str] = {}
        for item in items:
            entity_id = item.entity.id
            if entity_id != item.path.stem:
                problems.append(item.problem(
                    ("id",), f"'{item.path.stem}' (the file name)", f"'{entity_id}'",
                    f"rename the file to {entity_id}.yaml or set id: {item.path.stem}",
                ))
            if entity_id in owners:
                problems.append(item.problem(
                    ("id",), f"an id unused by other {collection.folder}", f"'{entity_id}', already used by {owners[entity_id]}",
                    "each id names one page: give this one its own id and file name",
                ))
            owners.setdefault(entity_id, item.display)
        problems += alias_problems(
            ((item, ("aliases", index), alias, item.display)
             for item in items for index, alias in enumerate(getattr(item.entity, "aliases", []))),
            owners, scope="entry",
        )
    return problems


def alias_problems(aliases: Iterable[tuple[Located, Path_, str, str]], owners: dict[str, str], *, scope: str) -> list[Problem]:
    """Each alias (file, field path, alias, who declares it) must be neither in ``owners`` (live ids) nor taken before."""
    taken = dict(owners)
    problems = []
    for item, path, alias, declared_by in aliases:
        if alias in taken:
            problems.append(item.problem(
                path, f"an old id that no other {scope} uses", f"'{alias}', used by {taken[alias]}", ALIAS_HINT,
            ))
        taken.setdefault(alias, declared_by)
    return problems
