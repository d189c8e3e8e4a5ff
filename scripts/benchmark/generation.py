"""Cost of generation: the same pages built from generated Markdown and from plain Markdown files.

The real site is built once in-process while a plugin records what the hooks and macros
produced; a project holding that output as ordinary files, without hooks and macros, is then
built alongside the real one. The difference is what generating the site from YAML costs.
"""

from __future__ import annotations

import copy
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from macros.paths import ROOT
from scripts.benchmark.runs import Run, Settings, median_built_in, median_seconds, mkdocs, take_turns
from scripts.benchmark.sizes import SiteSummary, summarise_site
from scripts.benchmark.tables import kilobytes, spread, table


class SiteCapture(BasePlugin):
    """Records what the build renders: each page's Markdown after macros, the expanded nav, generated files.

    Its events run last (priority -100), after the hooks and mkdocs-macros have done their work.
    """

    def __init__(self) -> None:
        super().__init__()
        self.pages: dict[str, tuple[dict[str, Any], str]] = {}
        self.generated_files: dict[str, bytes] = {}
        self.nav: list[Any] = []

    @event_priority(-100)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.nav = copy.deepcopy(config.nav)
        self.generated_files = {
            file.src_uri: file.content_bytes for file in files if file.generated_by and not file.is_documentation_page()
        }
        return files

    @event_priority(-100)
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.pages[page.file.src_uri] = (dict(page.meta), markdown)
        return markdown


def capture_site(site_dir: Path) -> SiteCapture:
    """One strict in-process build of the real site, recording every page as Markdown.

    Hand-written pages call macros too, so they are captured after rendering as well: the plain
    site then has the same content on every page, not just on the generated ones.
    """
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    capture = SiteCapture()
    config.plugins["benchmark-capture"] = capture
    build(config)
    return capture


def remove_block(text: str, header: str) -> str:
    """``text`` without the line ``header`` and the more deeply indented lines below it."""
    lines = text.splitlines(keepends=True)
    starts = [index for index, line in enumerate(lines) if line.rstrip("\n") == header]
    if not starts:
        raise ValueError(f"mkdocs.yml has no line {header!r}: update plain_mkdocs_yml to the new configuration")
    start = starts[0]
    indent = len(header) - len(header.lstrip())
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
        end += 1
    return "".join(lines[:start] + lines[end:])


def plain_mkdocs_yml(text: str, nav: list[Any]) -> str:
    """mkdocs.yml without generation: no hooks, no macros plugin, the expanded nav written out, not strict.

    Edited as text: the file holds a ``!!python/name:`` tag that a YAML round trip would lose.
    ``watch`` goes too, because it names data/ and macros/, which the plain project lacks.
    """
    for header in ("hooks:", "  - macros:", "watch:"):
        text = remove_block(text, header)
    text = text.replace("\nstrict: true\n", "\nstrict: false\n")
    before_nav = text[: text.index("\nnav:\n")]
    return f"{before_nav}\nnav:\n{yaml.safe_dump(nav, sort_keys=False, allow_unicode=True, width=1000)}"


def write_plain_project(target: Path, capture: SiteCapture) -> Path:
    """A project whose docs/ holds every captured page as a real Markdown file, front matter included."""
    target.mkdir(parents=True)
    shutil.copytree(ROOT / "docs", target / "docs")
    docs = target / "docs"
    files = dict(capture.generated_files)
    for src_uri, (meta, markdown) in capture.pages.items():
        front_matter = f"---\n{yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)}---\n\n" if meta else ""
        files[src_uri] = (front_matter + markdown).encode("utf-8")
    for src_uri, content in files.items():
        path = docs / src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (target / "mkdocs.yml").write_text(plain_mkdocs_yml(config, capture.nav), encoding="utf-8")
    return target


@dataclass(frozen=True)
class GenerationCost:
    plain: list[Run]
    generated: list[Run]
    plain_site: SiteSummary
    generated_site: SiteSummary

    @property
    def ratio(self) -> float:
        return median_seconds(self.generated) / median_seconds(self.plain)

    @property
    def built_in_ratio(self) -> float | None:
        generated, plain = median_built_in(self.generated), median_built_in(self.plain)
        return generated / plain if generated and plain else None


def measure_generation_cost(settings: Settings, work: Path) -> GenerationCost:
    """The real project's strict build and the plain project's build, taking turns, in child processes."""
    capture = capture_site(work / "capture-site")
    project = write_plain_project(work / "plain-project", capture)
    generated_site, plain_site = work / "generated-site", work / "plain-site"
    generated, plain = take_turns([
        (mkdocs("build", "--strict", "--site-dir", str(generated_site)), ROOT),
        (mkdocs("build", "--site-dir", str(plain_site)), project),
    ], settings.runs)
    return GenerationCost(plain, generated, summarise_site(plain_site), summarise_site(generated_site))


def generation_section(cost: GenerationCost, settings: Settings) -> str:
    rows = [
        ("generated (the project as it is, strict)", *spread(cost.generated), cost.generated_site.pages,
         kilobytes(cost.generated_site.total_bytes)),
        ("plain Markdown (no hooks, no macros)", *spread(cost.plain), cost.plain_site.pages,
         kilobytes(cost.plain_site.total_bytes)),
    ]
    return (
        "## 3. Cost of generation\n\n"
        "The real site is built once in-process while a plugin records every page's Markdown after macros ran "
        "(front matter included), the navigation the hooks expanded and the files they generated (the JSON API). "
        "These are written as ordinary files into a copy of docs/, with a mkdocs.yml that is the same except: no "
        "`hooks`, no `macros` plugin, no `watch`, `strict: false`, and the expanded nav written out. Both builds "
        f"then run the same way, in child processes, taking turns, {settings.runs} time(s) each after a "
        "warm-up; the generated build is timed again for this, so its figures differ from section 1's as the "
        "machine's load changes. The plain site lacks only the glossary links, which a Markdown extension added "
        "by the hooks inserts.\n\n"
        + table(["Build", "Median (s)", "Min (s)", "Max (s)", "mkdocs reports (s)", "HTML pages", "Site size (KB)"], rows)
        + f"\n\n**Generated / plain: {cost.ratio:.2f}x** in wall time"
        + (f", {cost.built_in_ratio:.2f}x in mkdocs' reported build time" if cost.built_in_ratio else "")
        + ". Generation's cost is loading and validating the dataset, rendering the page templates, mkdocs-macros "
        "and the glossary linker.\n"
    )
