"""Timed builds, each in a child process as a user runs it; builds compared take turns in one run, so that load from
other work on the machine falls on all of them alike."""

from __future__ import annotations

import copy
import functools
import os
import re
import shlex
import shutil
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.request import urlopen

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils.yaml import yaml_load

from macros.checks.changes import LOCK_NAME
from macros.paths import ROOT
from scripts.benchmark.weight import chrome_bytes, page_file

# Material prints a banner about MkDocs 2.0 on every run; it is not about this site.
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
BUILT_IN = re.compile(r"Documentation built in ([\d.]+) seconds")
VALIDATE, MKDOCS = [sys.executable, "-m", "macros", "validate"], [sys.executable, "-m", "mkdocs"]
GROWTH_FACTOR = 10  # the growth target: this many times the data builds in less than this many times the time
# Collections multiplied, and the field each shows as its title. Frameworks stay at two (every
# criterion and use case assesses each one), decision trees and measurements stay as they are.
MULTIPLIED = {"criteria": "title", "use-cases": "title", "claims": "claim", "glossary": "term", "examples": "title"}
SERVED_CRITERION = "admin"
POLL_SECONDS = 0.05  # how often the served page is fetched: the serve measurement's resolution
dump = functools.partial(yaml.dump, sort_keys=False, allow_unicode=True, width=1000)  # YAML as the project writes it


@dataclass(frozen=True)
class SiteSummary:
    """A built site's pages (redirect pages at old addresses are HTML files too, but no one reads them) and bytes."""

    pages: int
    html_bytes: int
    total_bytes: int
    search_index_bytes: int

    @classmethod
    def of(cls, site_dir: Path) -> SiteSummary:
        pages = [path for path in site_dir.rglob("*.html") if b'http-equiv="refresh"' not in path.read_bytes()[:400]]
        total = sum(path.stat().st_size for path in site_dir.rglob("*") if path.is_file())
        index_bytes = (site_dir / "search" / "search_index.json").stat().st_size
        return cls(len(pages), sum(path.stat().st_size for path in pages), total, index_bytes)


@dataclass
class Timed:
    """Runs of one command: wall time (Python's start-up included: what a user waits for) and mkdocs' own build time."""

    seconds: list[float] = field(default_factory=list)
    built_in: list[float] = field(default_factory=list)
    peak_mib: list[float] = field(default_factory=list)
    site: SiteSummary | None = None

    def run(self, command: Sequence[str], cwd: Path) -> Timed:
        """Run ``command`` once more, failing with its log if it fails; wait4 gives this child's peak memory alone."""
        start = time.perf_counter()
        with subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) as process:
            output = process.stderr.read() if process.stderr else ""  # until it exits
            _, status, usage = os.wait4(process.pid, 0)
            process.returncode = os.waitstatus_to_exitcode(status)
        self.seconds.append(time.perf_counter() - start)
        if process.returncode:
            raise RuntimeError(f"{shlex.join(command)} failed in {cwd} with status {process.returncode}:\n{output[-3000:]}")
        self.built_in += [float(seconds) for seconds in BUILT_IN.findall(output)[-1:]]
        self.peak_mib.append(usage.ru_maxrss / 1024)
        return self

    @property
    def build_seconds(self) -> float:
        """mkdocs' own build time, without the constant cost of starting Python (wall time where it logged none)."""
        return statistics.median(self.built_in or self.seconds)


def take_turns(jobs: Sequence[tuple[Sequence[str], Path]], runs: int, *, warm_up: bool = True) -> list[Timed]:
    """``runs`` runs of each (command, folder), in turns (a, b, a, b, ...); a warm-up fills caches and writes byte-code."""
    for command, cwd in jobs if warm_up else []:
        Timed().run(command, cwd)
    timed = [Timed() for _ in jobs]
    for _ in range(runs):
        for (command, cwd), job in zip(jobs, timed, strict=True):
            job.run(command, cwd)
    return timed


def log(message: str) -> None:
    """Progress on stderr: a full run takes minutes."""
    print(f"[benchmark {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def project_copy(target: Path) -> Path:
    """A project to build without touching the real one, data/ to be added; pages read examples/ and requirements/ beside it."""
    for copied in ["docs", "requirements"]:
        shutil.copytree(ROOT / copied, target / copied)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    for linked in ["macros", "examples"]:
        (target / linked).symlink_to(ROOT / linked)
    return target


def served(url: str) -> str:
    """The page, or nothing while the server is not answering yet."""
    try:
        with urlopen(url, timeout=120) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + 120
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")
        time.sleep(POLL_SECONDS)


def measure_serve(edits: int, work: Path) -> tuple[list[float], list[float | None], float | None]:
    """Seconds until each edit of a verdict (plain words, which the glossary linker leaves whole) shows on the page that
    ``mkdocs serve`` serves; mkdocs' own time for each rebuild (None where one logged none, seen at times) and the first."""
    project = project_copy(work / "serve-project")
    shutil.copytree(ROOT / "data", project / "data")
    yaml_file = project / "data" / "criteria" / f"{SERVED_CRITERION}.yaml"
    original = yaml_file.read_text(encoding="utf-8")
    verdict = re.search(r"^ *verdict: ([^'\"].*)$", original, re.MULTILINE)
    assert verdict is not None, f"no unquoted verdict in {yaml_file} to append words to"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log_path, url = work / "serve.log", f"http://127.0.0.1:{port}/criteria/{SERVED_CRITERION}/"
    with log_path.open("w", encoding="utf-8") as server_log:
        command = [*MKDOCS, "serve", "-a", f"127.0.0.1:{port}"]
        server = subprocess.Popen(command, cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=server_log)

    def logged(since: int = 0) -> str:
        return log_path.read_text(encoding="utf-8")[since:]

    until_shown, rebuilds = [], []
    try:
        wait_for(lambda: served(url).rstrip().endswith("</html>"), "the page to be served")
        for edit in range(1, edits + 1):
            marker, before = f"Benchmark edit {edit} of {edits}.", len(logged())
            start = time.perf_counter()
            yaml_file.write_text(f"{original[: verdict.end()]} {marker}{original[verdict.end() :]}", encoding="utf-8")
            wait_for(lambda marker=marker: marker in served(url), "the edit to be served")
            until_shown.append(time.perf_counter() - start)
            wait_for(lambda before=before: "Reloading browsers" in logged(before), "the rebuild to end")  # before the next edit
            built = BUILT_IN.findall(logged(before))
            rebuilds.append(float(built[-1]) if built else None)
    except RuntimeError as error:
        raise RuntimeError(f"{error}; mkdocs serve's log ends with:\n{logged()[-3000:]}") from None
    finally:
        server.terminate()
        server.wait(timeout=30)
    initial = BUILT_IN.search(logged())
    return until_shown, rebuilds, float(initial[1]) if initial else None


class SiteCapture(BasePlugin):
    """Records, after the hooks and mkdocs-macros (priority -100), the pages' Markdown, the generated files and the nav."""

    files: dict[str, bytes]
    nav: list[Any]
    extra: dict[str, Any]

    @event_priority(-100)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.files = {file.src_uri: file.content_bytes for file in files if file.generated_by}  # pages: replaced below
        self.nav = copy.deepcopy(config.nav)
        self.extra = copy.deepcopy(dict(config.extra))  # with what the hooks' on_config added (the home page's card)
        return files

    @event_priority(-100)
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        front_matter = f"---\n{dump(page.meta)}---\n\n" if page.meta else ""
        self.files[page.file.src_uri] = (front_matter + markdown).encode("utf-8")
        return markdown


def write_plain_project(target: Path, capture_dir: Path) -> Path:
    """A project of the real site's pages as built (hand-written ones call macros too), without what generates them.

    ``watch`` names data/ and macros/, which the plain project does not have."""
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(capture_dir), strict=True)
    capture = SiteCapture()
    config.plugins["benchmark-capture"] = capture
    build(config)
    shutil.copytree(ROOT / "docs", target / "docs")
    for src_uri, content in capture.files.items():
        (target / "docs" / src_uri).parent.mkdir(parents=True, exist_ok=True)
        (target / "docs" / src_uri).write_bytes(content)
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as config_file:
        plain = yaml_load(config_file)  # MkDocs' own reader: it resolves !ENV as the build does
    del plain["hooks"], plain["watch"]
    plugins = [plugin for plugin in plain["plugins"] if "macros" not in plugin]
    plain |= {"plugins": plugins, "strict": False, "nav": capture.nav, "extra": capture.extra}
    (target / "mkdocs.yml").write_text(dump(plain), encoding="utf-8")
    return target


def measure_generation(runs: int, work: Path) -> tuple[Timed, Timed]:
    """The real project's strict build and the plain project's build, taking turns."""
    plain_project = write_plain_project(work / "plain-project", work / "capture-site")
    jobs = [([*MKDOCS, "build", "--strict", "--site-dir", str(work / "generated-site")], ROOT)]
    jobs.append(([*MKDOCS, "build", "--site-dir", str(work / "plain-site")], plain_project))
    generated, plain = take_turns(jobs, runs)
    generated.site, plain.site = SiteSummary.of(work / "generated-site"), SiteSummary.of(work / "plain-site")
    return generated, plain


def multiply_dataset(source: Path, target: Path, factor: int, site_dir: Path) -> dict[str, int]:
    """``source`` at ``target`` with ``factor`` times the entities of each multiplied collection; files per collection.

    Copies are as rich as real content: only what must be unique changes, references still point at the
    originals, and links to sections only the original's page has (measurements) go there. The change lock stays
    behind: the copies were never published, so they need no change entries."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(LOCK_NAME))
    counts = {}
    for folder, title in MULTIPLIED.items():
        originals = sorted((target / folder).glob("*.yaml"))
        for original in originals:
            data = yaml.safe_load(original.read_text(encoding="utf-8"))
            for number in range(2, factor + 1):
                # Suffixes without parentheses: the glossary reads '(...)' at the end of a term as a qualifier.
                renamed = data | {"id": f"{data['id']}-copy{number}", title: f"{data[title]} copy {number}"}
                for key, rename in [("aliases", "{}-copy{}"), ("aka", "{} copy {}")]:
                    if data.get(key):
                        renamed[key] = [rename.format(value, number) for value in data[key]]
                text = dump(renamed)
                if (site_dir / folder / original.stem).is_dir():
                    text = text.replace("](#", f"](/{folder}/{original.stem}.md#")
                original.with_name(f"{renamed['id']}.yaml").write_text(text, encoding="utf-8")
        counts[folder] = len(originals) * factor
    return counts


@dataclass(frozen=True)
class Growth:
    factor: int
    entities: dict[str, int]
    validate: Timed
    build: Timed
    html: dict[str, int]
    """Bytes of each page type's HTML, by path."""
    chrome: dict[str, int]
    """The part of it outside the page's own content (weight.chrome_bytes)."""


def measure_growth(factors: Sequence[int], runs: int, work: Path, site_dir: Path, paths: Sequence[str]) -> list[Growth]:
    """Each dataset built strictly in its own project copy, 1x too, so that like compares with like; factors up to 10x
    take turns, bigger ones (minutes each) are built once, last. No warm-up: the real site's builds warmed the caches.
    ``paths`` are the page types (weight.page_types) whose chrome is weighed in each build: the originals keep their
    addresses in every dataset."""
    projects, entities, validations = {}, {}, {}
    for factor in factors:
        log(f"growth: writing and validating the {factor}x dataset")
        projects[factor] = project_copy(work / f"growth-{factor}x")
        entities[factor] = multiply_dataset(ROOT / "data", projects[factor] / "data", factor, site_dir)
        validations[factor] = Timed().run([*VALIDATE, "--data", "data"], projects[factor])
    command = [*MKDOCS, "build", "--strict", "--site-dir", "site"]
    compared = [factor for factor in factors if factor <= GROWTH_FACTOR]
    turns = take_turns([(command, projects[factor]) for factor in compared], runs, warm_up=False)
    timed = dict(zip(compared, turns, strict=True))
    for factor, project in projects.items():
        if factor not in timed:
            log(f"growth: building {factor}x")
            timed[factor] = Timed().run(command, project)
        timed[factor].site = SiteSummary.of(project / "site")
    return [
        Growth(
            factor, entities[factor], validations[factor], timed[factor],
            {path: page_file(projects[factor] / "site", path).stat().st_size for path in paths},
            {path: chrome_bytes(projects[factor] / "site", path) for path in paths},
        )
        for factor in factors
    ]


def write_stock_project(target: Path, page: Path) -> Path:
    """Material for MkDocs as it comes (default features, no hooks, plugins or extra CSS and JS) with one page:
    ``page``, our methodology text after macros ran. System fonts (``font: false``): the default loads Google Fonts
    from another host, which this site never does and an offline benchmark machine cannot reach."""
    (target / "docs").mkdir(parents=True)
    shutil.copy(page, target / "docs" / "index.md")
    config = {"site_name": "Stock Material for MkDocs", "theme": {"name": "material", "font": False}}
    (target / "mkdocs.yml").write_text(dump(config), encoding="utf-8")
    return target


def build_stock(work: Path) -> Path:
    """The stock page's site, from the plain project's methodology page (measure_generation writes it)."""
    project = write_stock_project(work / "stock-project", work / "plain-project" / "docs" / "methodology.md")
    Timed().run([*MKDOCS, "build", "--site-dir", "site"], project)
    return project / "site"
