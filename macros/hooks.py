"""MkDocs hooks: run the pipeline before anything renders, then add its pages as virtual files.

Kept thin on purpose: the stages live in macros.pipeline and the site structure in
macros.pages.generated. The dataset is read on every build, never at import time, because
``mkdocs serve`` keeps this module loaded between rebuilds.
"""

from __future__ import annotations

import json
import logging
from html import escape
from pathlib import Path
from typing import NoReturn
from urllib.parse import urljoin

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from macros.checks.site_links import LinkRecorder, PageLinks, link_problems
from macros.model.dataset import EditLinks
from macros.pages.api import api_files
from macros.pages.cards import CardSet, former_cards
from macros.pages.feed import FEED_PATH, atom_feed
from macros.pages.generated import CONFIG_KEY, Site, redirect_pages
from macros.pages.navigation import section_entry
from macros.pipeline import load_site
from macros.problems import InvalidDatasetError
from macros.render.cards import CardFonts, MissingCardFontError
from macros.render.glossary_links import GlossaryLinker, GlossaryLinksExtension
from macros.render.search_terms import add_keywords
from macros.render.templates import section_titles

log = logging.getLogger("mkdocs.plugins.dataset")
# Where on_config keeps this build's glossary linker, so each page can tell it where it is.
LINKER_KEY = "glossary_linker"
# Where on_page_markdown keeps each page's title as typed, for on_page_content to escape.
TITLES_KEY = "page_titles"
# Where on_config keeps this build's link-preview cards, collected page by page, drawn after the build.
CARDS_KEY = "link_cards"
# The front-matter key under which each page's card reaches the theme (docs/overrides/main.html).
CARD_META = "fvd_card"
# Where on_page_context keeps the navigation entry it marked active for the page being rendered.
SECTION_KEY = "active_section"
# Where on_config keeps the recorder of each page's links as written, and on_page_content what it read.
LINKS_KEY, RENDERED_KEY = "link_recorder", "rendered_links"

def project_dir_of(config: MkDocsConfig) -> Path:
    """The folder of mkdocs.yml: the project's, or a test's copy of it."""
    return Path(config.config_file_path).parent


def data_dir_of(config: MkDocsConfig) -> Path:
    """The data folder: ``extra.data_dir`` relative to mkdocs.yml (tests point it at fixtures)."""
    return (project_dir_of(config) / config.extra.get("data_dir", "data")).resolve()


# ----------------------------------------------------------------------------
# Validate first: a bad dataset stops the build before the site folder is touched.
# ----------------------------------------------------------------------------


def _fonts(config: MkDocsConfig) -> CardFonts:
    """The cards' font (``extra.cards_fonts``), or a stop before anything is built if it is missing."""
    try:
        return CardFonts.in_folder(Path(config.extra["cards_fonts"]))
    except MissingCardFontError as error:
        log.error(str(error))
        raise PluginError("The link-preview cards' font is missing; nothing was built.") from None


def _stop(error: InvalidDatasetError) -> NoReturn:
    """Log each problem, located, and stop the build; MkDocs reports a PluginError without a traceback."""
    for problem in error.problems:
        log.error(str(problem))
    raise PluginError(
        f"{len(error.problems)} problem(s) in the dataset; nothing was built. "
        "Fix them and check again with 'python -m macros validate'."
    ) from None


@event_priority(100)  # before mkdocs-macros, whose functions read the site
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    edit_base = urljoin(config.repo_url.rstrip("/") + "/", config.edit_uri) if config.repo_url and config.edit_uri else None
    try:
        site = load_site(
            data_dir_of(config), edit_links=EditLinks(edit_base, Path(config.docs_dir)), site_url=config.site_url or "",
            site_name=config.site_name, check_links=False,  # on_env checks them in the pages this build renders
        )
    except InvalidDatasetError as error:
        _stop(error)
    config[CONFIG_KEY] = site
    config[CARDS_KEY] = CardSet(_fonts(config), project_dir_of(config) / ".cache" / "cards", site.dataset)
    config.extra[CARD_META] = config[CARDS_KEY].meta("index.md", config.site_name, config.site_description or "")
    config[LINKER_KEY] = GlossaryLinker(site.dataset.glossary)
    config[TITLES_KEY] = {}
    config[LINKS_KEY], config[RENDERED_KEY] = LinkRecorder(), {}
    config.markdown_extensions += [GlossaryLinksExtension(config[LINKER_KEY]), config[LINKS_KEY]]
    return config


# ----------------------------------------------------------------------------
# One virtual stub per entity and section, each editing the YAML it came from.
# ----------------------------------------------------------------------------


def on_files(files: Files, config: MkDocsConfig) -> Files:
    site: Site = config[CONFIG_KEY]
    edit_links = site.dataset.edit_links
    assert edit_links is not None, "on_config loads the site with its edit links"
    for page in site.pages:
        inclusion = InclusionLevel.UNDEFINED if page.is_index else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, page.src_uri, content=page.stub, inclusion=inclusion)
        file.edit_uri = edit_links.uri(page.source)
        files.append(file)
    feed = {FEED_PATH: atom_feed(site.dataset, site_name=config.site_name, titles=section_titles(site.dataset))}
    for path, content in (api_files(site.dataset) | redirect_pages(site.dataset) | feed).items():
        files.append(File.generated(config, path, content=content))
    return files


# ----------------------------------------------------------------------------
# Before mkdocs-macros sees a page: tell the glossary linker which page it is on (it skips the
# glossary itself), and keep the title as typed, because mkdocs-macros renders the title of a
# page that opts in as a template, and generated pages take their titles from data.
# ----------------------------------------------------------------------------


@event_priority(100)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    config[LINKER_KEY].current_page = page.file.src_uri
    config[TITLES_KEY][page.file.src_uri] = page.title
    return markdown


# ----------------------------------------------------------------------------
# Titles and descriptions reach the theme as HTML text. MkDocs' templates print them without
# escaping (the theme treats them as trusted HTML), and generated pages take both from data.
# ----------------------------------------------------------------------------


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Keep the page's links for on_env; escape each page's title and description once, before any template
    prints them.

    Every page's content is rendered before the first template, so the navigation of every
    page, the 404 page included, already shows escaped titles.
    """
    # The ids are those MkDocs itself checks links against; link_problems reads the generated pages' only.
    config[RENDERED_KEY][page.file.src_uri] = PageLinks(config[LINKS_KEY].take(), set(page.present_anchor_ids or ()))
    title = config[TITLES_KEY].get(page.file.src_uri, page.title)
    description = page.meta.get("description")
    description = description if isinstance(description, str) else config.site_description or ""
    page.meta[CARD_META] = config[CARDS_KEY].meta(page.file.src_uri, title or config.site_name, description)
    if title:
        page.title = escape(title)
        if "title" in page.meta:  # Material prints a front-matter title in the header and <title>
            page.meta["title"] = page.title
    if isinstance(page.meta.get("description"), str):
        page.meta["description"] = escape(page.meta["description"])
    return html


# ----------------------------------------------------------------------------
# Every page is rendered before any is written: the links of the generated ones are checked in
# the HTML this build made (a bad one stops the build, located in the data, before any page is written).
# ----------------------------------------------------------------------------


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    rendered: dict[str, PageLinks] = config[RENDERED_KEY]
    if problems := link_problems(config[CONFIG_KEY], docs_dir=Path(config.docs_dir), rendered=rendered):
        _stop(InvalidDatasetError(problems))
    return env


# ----------------------------------------------------------------------------
# A page outside the navigation highlights its section's entry while it renders.
# ----------------------------------------------------------------------------


def on_page_context(context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    if (entry := section_entry(page, nav)) is not None:
        entry.active = True
        config[SECTION_KEY] = entry
    return context


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if (entry := config.pop(SECTION_KEY, None)) is not None:
        entry.active = False
    return output


# ----------------------------------------------------------------------------
# After the build: the words readers use that pages may not, and the link-preview cards.
# ----------------------------------------------------------------------------


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(*, config: MkDocsConfig) -> None:
    """Add the words readers use to the search index; draw every page's card and copy each to its old addresses."""
    site: Site = config[CONFIG_KEY]
    index_file = Path(config.site_dir) / "search" / "search_index.json"
    if index_file.exists():
        keywords = {location: words for page in site.pages for location, words in page.search_keywords.items()}
        index = add_keywords(json.loads(index_file.read_text(encoding="utf-8")), keywords)
        index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    config[CARDS_KEY].write(Path(config.site_dir), former_cards(site.dataset))
