"""MkDocs hooks: validate the dataset before anything renders, then add its pages as virtual files.

Kept thin on purpose: loading lives in macros.dataset, Markdown in macros.render and the
site structure in macros.pages. The dataset is read on every build, never at import time,
because ``mkdocs serve`` keeps this module loaded between rebuilds.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from macros.dataset import CONFIG_KEY, Dataset, InvalidDataset, load_dataset
from macros.pages import expand_nav, generated_pages

log = logging.getLogger("mkdocs.plugins.dataset")

def data_dir_of(config: MkDocsConfig) -> Path:
    """The data folder: ``extra.data_dir`` relative to mkdocs.yml (tests point it at fixtures)."""
    project_dir = Path(config.config_file_path).parent
    return (project_dir / config.extra.get("data_dir", "data")).resolve()


# ----------------------------------------------------------------------------
# Validate first: a bad dataset stops the build before the site folder is touched.
# ----------------------------------------------------------------------------


@event_priority(100)  # before mkdocs-macros, whose functions read the dataset
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        dataset = load_dataset(data_dir_of(config))
    except InvalidDataset as error:
        for problem in error.problems:
            log.error(str(problem))
        raise PluginError(
            f"{len(error.problems)} problem(s) in the dataset; nothing was built. "
            "Fix them and check again with 'python -m macros validate'."
        ) from None
    config[CONFIG_KEY] = dataset
    return config


# ----------------------------------------------------------------------------
# One virtual page per entity and section, each editing the YAML it came from.
# ----------------------------------------------------------------------------


def on_files(files: Files, config: MkDocsConfig) -> Files:
    dataset: Dataset = config[CONFIG_KEY]
    pages = list(generated_pages(dataset))
    for page in pages:
        file = File.generated(config, page.src_uri, content=page.markdown)
        file.edit_uri = Path(os.path.relpath(page.source, config.docs_dir)).as_posix()
        files.append(file)
    config.nav = expand_nav(config.nav or [], pages)
    return files
