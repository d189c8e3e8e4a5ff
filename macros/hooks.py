"""MkDocs hooks: validate the dataset before anything renders, then add its pages as virtual files.

Kept thin on purpose: loading lives in macros.dataset, Markdown in macros.render.templates and the
site structure in macros.pages.generated. The dataset is read on every build, never at import time,
because ``mkdocs serve`` keeps this module loaded between rebuilds.
"""

from __future__ import annotations

import logging
import os
from html import escape
from pathlib import Path
from typing import NoReturn
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from macros.dataset import CONFIG_KEY, Dataset, InvalidDatasetError, load_dataset
from macros.pages.api import api_files
from macros.pages.generated import expand_nav, generated_pages, redirect_pages
from macros.render.glossary_links import GlossaryLinker, GlossaryLinksExtension

log = logging.getLogger("mkdocs.plugins.dataset")
# Where on_config keeps this build's glossary linker, so each page can tell it where it is.
LINKER_KEY = "glossary_linker"

def data_dir_of(config: MkDocsConfig) -> Path:
    """The data folder: ``extra.data_dir`` relative to mkdocs.yml (tests point it at fixtures)."""
    project_dir = Path(config.config_file_path).parent
    return (project_dir / config.extra.get("data_dir", "data")).resolve()


# ----------------------------------------------------------------------------
# Validate first: a bad dataset stops the build before the site folder is touched.
# ----------------------------------------------------------------------------


def _stop(error: InvalidDatasetError) -> NoReturn:
    """Log each problem, located, and stop the build; MkDocs reports a PluginError without a traceback."""
    for problem in error.problems:
        log.error(str(problem))
    raise PluginError(
        f"{len(error.problems)} problem(s) in the dataset; nothing was built. "
        "Fix them and check again with 'python -m macros validate'."
    ) from None


@event_priority(100)  # before mkdocs-macros, whose functions read the dataset
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        dataset = load_dataset(data_dir_of(config))
    except InvalidDatasetError as error:
        _stop(error)
    config[CONFIG_KEY] = dataset
    config[LINKER_KEY] = GlossaryLinker(dataset.glossary)
    config.markdown_extensions.append(GlossaryLinksExtension(config[LINKER_KEY]))
    return config


# ----------------------------------------------------------------------------
# One virtual page per entity and section, each editing the YAML it came from.
# ----------------------------------------------------------------------------


def on_files(files: Files, config: MkDocsConfig) -> Files:
    dataset: Dataset = config[CONFIG_KEY]

    def edit_uri(path: Path) -> str:
        """The path MkDocs appends to ``edit_uri``: data files sit beside docs/, hence '../'."""
        return Path(os.path.relpath(path, config.docs_dir)).as_posix()

    edit_base = urljoin(config.repo_url.rstrip("/") + "/", config.edit_uri) if config.repo_url and config.edit_uri else None
    try:
        pages = list(generated_pages(dataset, edit_url=(lambda path: urljoin(edit_base, edit_uri(path))) if edit_base else None))
    except InvalidDatasetError as error:  # an example file changed after on_config validated it
        _stop(error)
    for page in pages:
        file = File.generated(config, page.src_uri, content=page.markdown)
        file.edit_uri = edit_uri(page.source)
        files.append(file)
    config.nav = expand_nav(config.nav or [], pages)
    for path, content in (api_files(dataset) | redirect_pages(dataset)).items():
        files.append(File.generated(config, path, content=content))
    return files


# ----------------------------------------------------------------------------
# Glossary links: tell the linker which page it is on (it skips the glossary itself).
# ----------------------------------------------------------------------------


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    config[LINKER_KEY].current_page = page.file.src_uri
    return markdown


# ----------------------------------------------------------------------------
# Titles and descriptions reach the theme as HTML text. MkDocs' templates print them without
# escaping (the theme treats them as trusted HTML), and generated pages take both from data.
# ----------------------------------------------------------------------------


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Escape each page's title and description once, before any template prints them.

    Every page's content is rendered before the first template, so the navigation of every
    page, the 404 page included, already shows escaped titles.
    """
    if page.title:
        page.title = escape(page.title)
    if isinstance(page.meta.get("description"), str):
        page.meta["description"] = escape(page.meta["description"])
    return html
