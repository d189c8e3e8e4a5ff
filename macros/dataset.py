"""Load every YAML file under data/, validate it completely, and return one Dataset.

All problems are collected before anything fails, so a contributor sees every mistake
in one run. Nothing here runs at import time: the hooks call ``load_dataset`` on every
build, which keeps ``mkdocs serve`` in step with edited data.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from macros.checks.references import reference_problems
from macros.checks.semantics import semantic_problems
from macros.checks.shape import problem_from_error
from macros.checks.trees import master_problems, tree_problems
from macros.load.examples import example_problems
from macros.load.yamlsource import YamlDocument, read_yaml
from macros.model.models import Claim, Criterion, DecisionTree, Example, Framework, Measurement, Record, Term, UseCase
from macros.model.registry import (
    CLAIMS,
    COLLECTIONS,
    CRITERIA,
    DECISIONS,
    EXAMPLES,
    FRAMEWORKS,
    GLOSSARY,
    MEASUREMENTS,
    USE_CASES,
    Collection,
)
from macros.problems import Problem, did_you_mean, quoted_list

YAML_SUFFIXES = (".yaml", ".yml")
# Entries of data/ that are not collections but belong there.
NON_COLLECTION_ENTRIES = ("schemas", "README.md")
# Key under which the hooks hand the validated dataset to mkdocs-macros on the build's config.
CONFIG_KEY = "dataset"


@dataclass(frozen=True)
class Loaded:
    """A validated entity with the file it came from, for edit links and located messages."""

    entity: Any
    path: Path
    display: str
    document: YamlDocument


@dataclass
class Dataset:
    """The validated dataset: each collection's entities in display order, and their files."""

    data_dir: Path
    entities: dict[Collection, list[Any]] = field(default_factory=dict)
    files: dict[tuple[str, str], Path] = field(default_factory=dict)

    @property
    def frameworks(self) -> list[Framework]:
        return self.entities[FRAMEWORKS]

    @property
    def criteria(self) -> list[Criterion]:
        return self.entities[CRITERIA]

    @property
    def use_cases(self) -> list[UseCase]:
        return self.entities[USE_CASES]

    @property
    def claims(self) -> list[Claim]:
        return self.entities[CLAIMS]

    @property
    def glossary(self) -> list[Term]:
        return self.entities[GLOSSARY]

    @property
    def decisions(self) -> list[DecisionTree]:
        return self.entities[DECISIONS]

    def source_of(self, collection: Collection, entity_id: str) -> Path:
        """The YAML file an entity was read from."""
        return self.files[(collection.folder, entity_id)]

    def get(self, collection: Collection, entity_id: str) -> Any:
        """One entity by id (ids are validated, so it exists)."""
        return next(entity for entity in self.entities[collection] if entity.id == entity_id)

    def criterion(self, criterion_id: str) -> Criterion:
        return self.get(CRITERIA, criterion_id)

    def use_case(self, use_case_id: str) -> UseCase:
        return self.get(USE_CASES, use_case_id)

    @property
    def examples(self) -> list[Example]:
        return self.entities[EXAMPLES]

    def examples_for(self, criterion_id: str) -> list[Example]:
        """Code examples that illustrate a criterion."""
        return [example for example in self.examples if criterion_id in example.criteria]

    def measurements_for(self, criterion_id: str) -> list[Measurement]:
        """Measured numbers that a criterion page shows."""
        return [measurement for measurement in self.entities[MEASUREMENTS] if measurement.criterion == criterion_id]

    def claims_about(self, criterion_id: str) -> list[Claim]:
        """The checked claims that concern a criterion, for its page to link."""
        return [claim for claim in self.claims if criterion_id in claim.criteria]


class InvalidDatasetError(Exception):
    """The dataset has problems; ``problems`` lists all of them, sorted by file and line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(f"{len(self.problems)} problem(s) in the dataset")


def load_dataset(data_dir: Path, *, today: date | None = None) -> Dataset:
    """Read and validate ``data_dir``; raise InvalidDatasetError listing every problem.

    ``today`` (default: the current date) is the latest date a record may carry.
    """
    problems: list[Problem] = []
    problems += _check_layout(data_dir)
    loaded = {collection: list(_load_collection(data_dir, collection, problems)) for collection in COLLECTIONS}
    problems += _check_ids(loaded)
    known = _ids_on_disk(data_dir)
    for items in loaded.values():
        for item in items:
            problems += reference_problems(item, known)
    for item in loaded[EXAMPLES]:
        problems += example_problems(item, data_dir.parent)
    for item in loaded[DECISIONS]:
        problems += tree_problems(item)
    problems += master_problems(loaded[DECISIONS])
    problems += semantic_problems(loaded, today=today or date.today())
    if problems:
        raise InvalidDatasetError(problems)
    dataset = Dataset(
        data_dir=data_dir,
        entities={
            collection: sorted((item.entity for item in items), key=collection.sort_key)
            for collection, items in loaded.items()
        },
        files={(c.folder, item.entity.id): item.path for c, items in loaded.items() for item in items},
    )
    # Links are checked on the pages the build will render, so only once everything else holds.
    # Imported here: rendering pages needs this module's Dataset.
    from macros.checks.site_links import link_problems

    problems = link_problems(dataset)
    if problems:
        raise InvalidDatasetError(problems)
    return dataset


def _display(path: Path, data_dir: Path) -> str:
    """Paths in messages start at the data folder's parent: ``data/criteria/admin.yaml``."""
    return path.relative_to(data_dir.parent).as_posix()


def _check_layout(data_dir: Path) -> list[Problem]:
    """Every entry of data/ must be a known folder: a stray file would be silently ignored."""
    if not data_dir.is_dir():
        return [Problem(str(data_dir), 1, "", "a data folder", "nothing at that path", "check extra.data_dir in mkdocs.yml")]
    known = {collection.folder for collection in COLLECTIONS} | set(NON_COLLECTION_ENTRIES)
    problems = []
    for entry in sorted(data_dir.iterdir()):
        if entry.name not in known and not entry.name.startswith("."):
            problems.append(Problem(
                _display(entry, data_dir), 1, "", f"one of the folders {quoted_list(sorted(known))}",
                f"'{entry.name}'", did_you_mean(entry.name, known, otherwise="move it into one of those folders"),
            ))
    return problems


def _load_collection(data_dir: Path, collection: Collection, problems: list[Problem]) -> Iterator[Loaded]:
    folder = data_dir / collection.folder
    if not folder.is_dir():
        return
    for path in sorted(folder.iterdir()):
        display = _display(path, data_dir)
        if path.name.startswith("."):
            continue
        if path.suffix not in YAML_SUFFIXES or not path.is_file():
            problems.append(Problem(
                display, 1, "", "a .yaml file", f"'{path.name}'",
                f"rename it to end in .yaml, or move it out of data/{collection.folder}/",
            ))
            continue
        document = read_yaml(path, display=display)
        if isinstance(document, Problem):
            problems.append(document)
            continue
        if not isinstance(document.data, dict):
            problems.append(Problem(
                display, 1, "", f"a mapping of fields describing one {collection.noun}",
                "a list" if isinstance(document.data, list) else repr(document.data),
                "start the file with 'id: <file name>' and the other fields below it",
            ))
            continue
        entity = _validate(collection.model, document, display, problems)
        if entity is not None:
            yield Loaded(entity, path, display, document)


def _validate(model: type[Record], document: YamlDocument, display: str, problems: list[Problem]) -> Record | None:
    try:
        return model.model_validate(document.data)
    except ValidationError as error:
        problems.extend(
            problem_from_error(detail, model=model, document=document, display=display)
            for detail in error.errors(include_url=False)
        )
        return None


def _check_ids(loaded: dict[Collection, list[Loaded]]) -> list[Problem]:
    """Ids equal file names and are unique within a collection, so URLs are predictable."""
    problems = []
    for collection, items in loaded.items():
        seen: dict[str, Loaded] = {}
        for item in items:
            entity_id = item.entity.id
            if entity_id != item.path.stem:
                problems.append(Problem(
                    item.display, item.document.line_of(("id",)), "id", f"'{item.path.stem}' (the file name)",
                    f"'{entity_id}'", f"rename the file to {entity_id}.yaml or set id: {item.path.stem}",
                ))
            if entity_id in seen:
                problems.append(Problem(
                    item.display, item.document.line_of(("id",)), "id", f"an id unused by other {collection.folder}",
                    f"'{entity_id}', already used by {seen[entity_id].display}",
                    "each id names one page: give this one its own id and file name",
                ))
            seen.setdefault(entity_id, item)
        problems += _alias_problems(items, seen)
    return problems


def _alias_problems(items: list[Loaded], ids: dict[str, Loaded]) -> list[Problem]:
    """An alias keeps an old link alive, so it may name neither a current id nor another alias."""
    problems = []
    claimed: dict[str, Loaded] = {}
    for item in items:
        for index, alias in enumerate(getattr(item.entity, "aliases", [])):
            owner = ids.get(alias) or claimed.get(alias)
            if owner is not None:
                problems.append(Problem(
                    item.display, item.document.line_of(("aliases", index)), f"aliases[{index}]",
                    "an old id that no other entry uses", f"'{alias}', used by {owner.display}",
                    "an alias redirects an old link; it cannot also be a live id or another entry's alias",
                ))
            claimed.setdefault(alias, item)
    return problems


def _ids_on_disk(data_dir: Path) -> dict[str, list[str]]:
    """The ids each collection's file names promise, including files that failed to load.

    References are checked against these, so one broken file is reported once, not again
    by every file that links to it.
    """
    return {
        collection.folder: sorted(
            {path.stem for path in (data_dir / collection.folder).glob("*") if path.suffix in YAML_SUFFIXES}
        )
        for collection in COLLECTIONS
    }
