"""The pipeline, in order: load the data folder, validate it, read what pages show, render, check links.

``load_site`` is what a build runs (the hooks call it on every build, never at import time, so
``mkdocs serve`` follows edited data); ``load_dataset`` is the same without keeping the pages.
Every problem of a stage is collected before the run stops, so a contributor sees all of them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from macros.checks import record_problems
from macros.checks.changes import read_lock, unknown_sections
from macros.checks.located import Located
from macros.checks.shape import validate
from macros.checks.site_links import link_problems
from macros.load.examples import read_examples, tested_versions
from macros.load.folder import read_data_folder
from macros.model.dataset import Dataset, EditLinks
from macros.model.registry import COLLECTIONS, EXAMPLES, FRAMEWORKS, Collection
from macros.pages.generated import Site
from macros.problems import InvalidDatasetError, Problem


def load_site(
    data_dir: Path, *, today: date | None = None, edit_links: EditLinks | None = None, site_url: str = "",
    site_name: str = "", check_links: bool = True,
) -> Site:
    """The validated dataset and its rendered pages; raise InvalidDatasetError listing every problem.

    ``today`` (default: the current date) is the latest date a record may carry and the date of
    the build; ``site_url`` is where the site is published and ``site_name`` what citations call it.
    A build passes ``check_links=False`` and checks the links of the pages it renders (macros.hooks).
    """
    today = today or date.today()
    sources, problems = read_data_folder(data_dir)
    by_collection: dict[Collection, list[Located]] = {collection: [] for collection in COLLECTIONS}
    for source in sources:
        result = validate(source)
        if isinstance(result, Located):
            by_collection[source.collection].append(result)
        else:
            problems += result
    problems += record_problems(by_collection, data_dir, today=today)
    _raise_if(problems)
    entities = {
        collection: sorted((item.entity for item in items), key=collection.sort_key)
        for collection, items in by_collection.items()
    }
    dataset = Dataset(
        data_dir=data_dir,
        entities=entities,
        files={(c.folder, item.entity.id): item.path for c, items in by_collection.items() for item in items},
        example_sources=read_examples(entities[EXAMPLES], data_dir.parent, entities[FRAMEWORKS]),
        tested_versions=tested_versions(data_dir.parent, [framework.id for framework in entities[FRAMEWORKS]]),
        edit_links=edit_links,
        site_url=site_url,
        site_name=site_name,
        built=today,
    )
    _raise_if(unknown_sections(dataset, read_lock(data_dir)))
    site = Site(dataset)
    if check_links:
        _raise_if(link_problems(site))
    return site


def load_dataset(data_dir: Path, *, today: date | None = None) -> Dataset:
    """Read and validate ``data_dir`` (links included); raise InvalidDatasetError listing every problem."""
    return load_site(data_dir, today=today).dataset


def _raise_if(problems: list[Problem]) -> None:
    if problems:
        raise InvalidDatasetError(problems)
