"""Read the data folder: one parsed YAML document per file, and what could not be read.

Nothing is validated here beyond what reading needs (a known folder, a ``.yaml`` file, a
mapping); ``macros.checks`` judges the content.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from macros.load.yamlsource import YamlDocument, read_yaml
from macros.model.registry import COLLECTIONS, Collection
from macros.problems import Problem, did_you_mean, quoted_list

YAML_SUFFIXES = (".yaml", ".yml")
# Entries of data/ that are not collections but belong there.
NON_COLLECTION_ENTRIES = ("schemas", "README.md", "changes.lock.json")


@dataclass(frozen=True)
class Source:
    """One parsed data file, with the path messages show (``data/criteria/admin.yaml``)."""

    collection: Collection
    path: Path
    display: str
    document: YamlDocument


def display_path(path: Path, data_dir: Path) -> str:
    """Paths in messages start at the data folder's parent: ``data/criteria/admin.yaml``."""
    return path.relative_to(data_dir.parent).as_posix()


def read_data_folder(data_dir: Path) -> tuple[list[Source], list[Problem]]:
    """Every readable data file in collection order, and a problem for each entry that is not one."""
    if not data_dir.is_dir():
        return [], [Problem(str(data_dir), 1, "", "a data folder", "nothing at that path", "check extra.data_dir in mkdocs.yml")]
    problems = _layout_problems(data_dir)
    sources = [source for collection in COLLECTIONS for source in _read_collection(data_dir, collection, problems)]
    return sources, problems


def ids_on_disk(data_dir: Path) -> dict[str, list[str]]:
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


def _layout_problems(data_dir: Path) -> list[Problem]:
    """Every entry of data/ must be a known folder: a stray file would be silently ignored."""
    known = {collection.folder for collection in COLLECTIONS} | set(NON_COLLECTION_ENTRIES)
    return [
        Problem(
            display_path(entry, data_dir), 1, "", f"one of the folders {quoted_list(sorted(known))}",
            f"'{entry.name}'", did_you_mean(entry.name, known, otherwise="move it into one of those folders"),
        )
        for entry in sorted(data_dir.iterdir())
        if entry.name not in known and not entry.name.startswith(".")
    ]


def _read_collection(data_dir: Path, collection: Collection, problems: list[Problem]) -> list[Source]:
    folder = data_dir / collection.folder
    if not folder.is_dir():
        return []
    sources = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        display = display_path(path, data_dir)
        if path.suffix not in YAML_SUFFIXES or not path.is_file():
            problems.append(Problem(
                display, 1, "", "a .yaml file", f"'{path.name}'",
                f"rename it to end in .yaml, or move it out of data/{collection.folder}/",
            ))
            continue
        document = read_yaml(path, display=display)
        if isinstance(document, Problem):
            problems.append(document)
        elif not isinstance(document.data, dict):
            problems.append(Problem(
                display, 1, "", f"a mapping of fields describing one {collection.noun}",
                "a list" if isinstance(document.data, list) else repr(document.data),
                "start the file with 'id: <file name>' and the other fields below it",
            ))
        else:
            sources.append(Source(collection, path, display, document))
    return sources
