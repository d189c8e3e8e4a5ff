"""Load every YAML file under data/, validate it completely, and return one Dataset.

All problems are collected before anything fails, so a contributor sees every mistake
in one run. Nothing here runs at import time: the hooks call ``load_dataset`` on every
build, which keeps ``mkdocs serve`` in step with edited data.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from macros.errors import problem_from_error
from macros.models import Criterion, Framework, UseCase
from macros.problems import Problem, did_you_mean, quoted_list
from macros.yamlsource import YamlDocument, read_yaml

YAML_SUFFIXES = (".yaml", ".yml")
# Entries of data/ that are not collections but belong there.
NON_COLLECTION_ENTRIES = ("schemas", "README.md")
# Key under which the hooks hand the validated dataset to mkdocs-macros on the build's config.
CONFIG_KEY = "dataset"


@dataclass(frozen=True)
class Collection:
    """One folder of data/: the model of its files and the site section they become."""

    folder: str
    model: type[Framework | Criterion | UseCase]
    noun: str

    def __str__(self) -> str:
        return self.folder


FRAMEWORKS = Collection("frameworks", Framework, "framework")
CRITERIA = Collection("criteria", Criterion, "criterion")
USE_CASES = Collection("use-cases", UseCase, "use case")
COLLECTIONS = (FRAMEWORKS, CRITERIA, USE_CASES)


@dataclass(frozen=True)
class Loaded:
    """A validated entity with the file it came from, for edit links and located messages."""

    entity: Framework | Criterion | UseCase
    path: Path
    display: str
    document: YamlDocument


@dataclass
class Dataset:
    """The validated dataset, each collection in display order."""

    data_dir: Path
    frameworks: list[Framework] = field(default_factory=list)
    criteria: list[Criterion] = field(default_factory=list)
    use_cases: list[UseCase] = field(default_factory=list)
    files: dict[tuple[str, str], Path] = field(default_factory=dict)

    def source_of(self, collection: Collection, entity_id: str) -> Path:
        """The YAML file an entity was read from."""
        return self.files[(collection.folder, entity_id)]

    def criterion(self, criterion_id: str) -> Criterion:
        return next(criterion for criterion in self.criteria if criterion.id == criterion_id)

    def use_case(self, use_case_id: str) -> UseCase:
        return next(use_case for use_case in self.use_cases if use_case.id == use_case_id)


class InvalidDataset(Exception):
    """The dataset has problems; ``problems`` lists all of them, sorted by file and line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(f"{len(self.problems)} problem(s) in the dataset")


def load_dataset(data_dir: Path) -> Dataset:
    """Read and validate ``data_dir``; raise InvalidDataset listing every problem."""
    problems: list[Problem] = []
    loaded: dict[Collection, list[Loaded]] = {}
    problems += _check_layout(data_dir)
    for collection in COLLECTIONS:
        loaded[collection] = list(_load_collection(data_dir, collection, problems))
    problems += _check_ids(loaded)
    problems += _check_references(loaded, _ids_on_disk(data_dir))
    if problems:
        raise InvalidDataset(problems)
    return Dataset(
        data_dir=data_dir,
        frameworks=sorted((item.entity for item in loaded[FRAMEWORKS]), key=lambda f: f.name.lower()),
        criteria=sorted((item.entity for item in loaded[CRITERIA]), key=lambda c: c.title.lower()),
        use_cases=sorted((item.entity for item in loaded[USE_CASES]), key=lambda u: u.title.lower()),
        files={(c.folder, item.entity.id): item.path for c, items in loaded.items() for item in items},
    )


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


def _validate(
    model: type[BaseModel], document: YamlDocument, display: str, problems: list[Problem]
) -> Framework | Criterion | UseCase | None:
    try:
        return model.model_validate(document.data)  # type: ignore[return-value]
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
    return problems


def _ids_on_disk(data_dir: Path) -> dict[Collection, list[str]]:
    """The ids each collection's file names promise, including files that failed to load.

    References are checked against these, so one broken file is reported once, not again
    by every file that links to it.
    """
    return {
        collection: sorted({path.stem for path in (data_dir / collection.folder).glob("*") if path.suffix in YAML_SUFFIXES})
        for collection in COLLECTIONS
    }


def _check_references(loaded: dict[Collection, list[Loaded]], known: dict[Collection, list[str]]) -> list[Problem]:
    """Every id used as a reference exists, and every framework is assessed everywhere."""
    problems: list[Problem] = []
    for item in loaded[CRITERIA] + loaded[USE_CASES]:
        entity = item.entity
        assert isinstance(entity, (Criterion, UseCase))
        problems += _unknown_ids(item, "assessments", list(entity.assessments), known[FRAMEWORKS], FRAMEWORKS, keys=True)
        for missing in (fid for fid in known[FRAMEWORKS] if fid not in entity.assessments):
            problems.append(Problem(
                item.display, item.document.line_of(("assessments",)), "assessments",
                f"an assessment for every framework ({quoted_list(known[FRAMEWORKS])})", f"none for '{missing}'",
                f"add 'assessments.{missing}' with rating, verdict, explanation, sources, versions and reviewed",
            ))
        if isinstance(entity, Criterion):
            problems += _unknown_ids(item, "related", entity.related, known[CRITERIA], CRITERIA, keys=False)
        else:
            problems += _unknown_ids(item, "criteria", entity.criteria, known[CRITERIA], CRITERIA, keys=False)
            problems += _unknown_ids(item, "related", entity.related, known[USE_CASES], USE_CASES, keys=False)
    return problems


def _unknown_ids(
    item: Loaded, field_name: str, used: list[str], known: list[str], target: Collection, *, keys: bool
) -> list[Problem]:
    problems = []
    for index, value in enumerate(used):
        if value in known:
            continue
        path = (field_name, value) if keys else (field_name, index)
        problems.append(Problem(
            item.display, item.document.line_of(path), f"{field_name}.{value}" if keys else f"{field_name}[{index}]",
            f"the id of a {target.noun} in data/{target.folder}/", f"'{value}'",
            did_you_mean(value, known, otherwise=f"known ids: {quoted_list(known)}"),
        ))
    return problems
