"""Measure how fast the site builds and how heavy its pages are, and write the figures to BENCHMARK.md.

Run with ``make benchmark`` or ``.venv/bin/python scripts/benchmark.py [--runs N] [--report PATH]``.
One run measures:

1. ``python -m macros validate`` and the full strict build of the real site;
2. how long ``mkdocs serve`` takes to show an edit of a YAML file;
3. what generation costs: the same pages built from generated versus plain Markdown;
4. growth: synthetic datasets 1x, 10x and 50x the size of the real one (time, memory, pages);
5. page weight per page type (HTML, CSS, JS, data fetched at start-up), the Mermaid library
   diagram pages load, and the search index;

and reports them against the project's targets. The full run takes about 10 minutes on 2 cores,
most of it the 50x build. ``--quick`` is a smoke run with tiny sizes (one run each, data at 1x
and 2x); it prints the report and writes a file only when ``--report`` is given, so it never
replaces published figures.

A measurement, not a test: numbers depend on the machine and on whatever else runs on it, so
nothing here passes or fails. Timed builds run in child processes, as a user would run them.
"""

from __future__ import annotations

import argparse
import copy
import datetime
import gzip
import json
import os
import platform
import re
import shlex
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import yaml
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, only scripts/ is on the path; the project root makes scripts.benchmark_data importable.
sys.path.insert(0, str(ROOT))

from macros.dataset import load_dataset  # noqa: E402
from scripts.benchmark_data.synthetic import multiply_dataset  # noqa: E402

DEFAULT_REPORT = ROOT / "BENCHMARK.md"
# Material prints a banner about MkDocs 2.0 on every run; it is not about this site.
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
BUILT_IN = re.compile(r"Documentation built in ([\d.]+) seconds")
MERMAID_DIR = "assets/vendor/mermaid"
MERMAID_ENTRY = f"{MERMAID_DIR}/mermaid.esm.min.mjs"
KB = 1000  # the report's kilobyte; budgets are usually written in decimal units

# The project's targets.
BUILD_TARGET_SECONDS = 5.0
GROWTH_FACTOR_CHECKED = 10
PAGE_TARGET_BYTES = 150 * KB

SERVE_POLL_SECONDS = 0.05
SERVE_TIMEOUT_SECONDS = 120.0
SERVED_CRITERION = "admin"


# ----------------------------------------------------------------------------
# Settings: what a full run and a smoke run measure.
# ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    runs: int
    """Timed runs per build measurement, after one warm-up run."""
    serve_edits: int
    growth_factors: tuple[int, ...]
    growth_runs: int
    """Timed builds per growth factor up to 10x; bigger factors are built once (they take minutes)."""
    quick: bool = False


def settings_from(arguments: argparse.Namespace) -> Settings:
    if arguments.quick:
        return Settings(runs=1, serve_edits=1, growth_factors=(1, 2), growth_runs=1, quick=True)
    return Settings(
        runs=arguments.runs, serve_edits=arguments.runs, growth_factors=(1, GROWTH_FACTOR_CHECKED, 50),
        growth_runs=min(arguments.runs, 3),
    )


# ----------------------------------------------------------------------------
# Timed child processes: wall time, mkdocs' own build time and peak memory of each.
# ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """One finished child process."""

    seconds: float
    """Wall time, Python start-up and imports included: what a user waits for."""
    built_in: float | None
    """What mkdocs logged as 'Documentation built in X seconds' (the build alone), if it did."""
    peak_rss_mib: float
    """Peak resident memory of the process, from wait4's resource usage."""


def run_measured(command: Sequence[str], cwd: Path) -> Run:
    """Run ``command`` to completion and measure it; fail loudly with its log if it fails.

    ``os.wait4`` returns the resource usage of this one child, where RUSAGE_CHILDREN would
    report the largest of all children so far.
    """
    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=log)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read()
    if process.returncode != 0:
        raise RuntimeError(f"{shlex.join(command)} failed in {cwd} with status {process.returncode}:\n{output[-3000:]}")
    built = BUILT_IN.findall(output)
    return Run(seconds, float(built[-1]) if built else None, usage.ru_maxrss / 1024)


Job = tuple[Sequence[str], Path]
"""A command and the folder it runs in."""


def take_turns(jobs: Sequence[Job], runs: int, *, warm_up: bool = True) -> list[list[Run]]:
    """``runs`` measured runs of each job, taking turns (a, b, a, b, ...): one list of runs per job.

    Taking turns spreads load from other work on the machine over every job alike, so the ratios
    between them stay fair. The warm-up fills the file system cache and writes byte-code first.
    """
    if warm_up:
        for command, cwd in jobs:
            run_measured(command, cwd)
    measured: list[list[Run]] = [[] for _ in jobs]
    for _ in range(runs):
        for runs_of_job, (command, cwd) in zip(measured, jobs, strict=True):
            runs_of_job.append(run_measured(command, cwd))
    return measured


def repeat(command: Sequence[str], cwd: Path, runs: int, *, warm_up: bool = True) -> list[Run]:
    return take_turns([(command, cwd)], runs, warm_up=warm_up)[0]


def mkdocs(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", *arguments]


def median_seconds(runs: Iterable[Run]) -> float:
    return statistics.median(run.seconds for run in runs)


def median_built_in(runs: Iterable[Run]) -> float | None:
    values = [run.built_in for run in runs if run.built_in is not None]
    return statistics.median(values) if values else None


def log(message: str) -> None:
    """Progress on stderr: a full run takes minutes."""
    print(f"[benchmark {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def load_average() -> str:
    return " / ".join(f"{value:.2f}" for value in os.getloadavg())


@dataclass
class Steps:
    """Announces each measurement and notes the load average as it starts.

    Other people use the machine too; the load shows which figures their work may have slowed.
    """

    loads: list[tuple[str, str]] = field(default_factory=list)

    def start(self, name: str) -> None:
        log(name)
        self.loads.append((name, load_average()))


# ----------------------------------------------------------------------------
# 1. The real site: validation and the full strict build.
# ----------------------------------------------------------------------------


@dataclass(frozen=True)
class FullBuild:
    validate: list[Run]
    build: list[Run]
    site_dir: Path
    """The last build's output, kept for the page-weight measurement."""


def measure_full_build(settings: Settings, site_dir: Path) -> FullBuild:
    validate = repeat([sys.executable, "-m", "macros", "validate"], ROOT, settings.runs)
    full = repeat(mkdocs("build", "--strict", "--site-dir", str(site_dir)), ROOT, settings.runs)
    return FullBuild(validate, full, site_dir)


# ----------------------------------------------------------------------------
# A temporary copy of the project, for builds that must not touch the real one.
# ----------------------------------------------------------------------------


def project_copy(target: Path, data: Path | None = None) -> Path:
    """mkdocs.yml, docs/ and requirements.txt copied, macros/ and examples/ linked, data/ copied if given.

    Pages read code examples and pinned versions relative to the data folder's parent, hence
    examples/ and requirements.txt beside it.
    """
    target.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copy(ROOT / "requirements.txt", target / "requirements.txt")
    shutil.copytree(ROOT / "docs", target / "docs")
    for linked in ("macros", "examples"):
        (target / linked).symlink_to(ROOT / linked)
    if data is not None:
        shutil.copytree(data, target / "data")
    return target


# ----------------------------------------------------------------------------
# 2. Rebuild after editing a YAML file under ``mkdocs serve``.
# ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ServeResult:
    until_page_shows_edit: list[float]
    """Seconds from writing the YAML file to the served page containing the new text."""
    logged_rebuilds: list[float]
    """mkdocs' 'Documentation built in' for each of those rebuilds."""
    initial_build: float | None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    """The page body, or None while the server is not answering yet."""
    try:
        with urllib.request.urlopen(url, timeout=SERVE_TIMEOUT_SECONDS) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError):
        return None


def poll_until(condition: Callable[[], bool], what: str) -> None:
    """Check ``condition`` every 50 ms; the poll interval bounds the measurement's resolution."""
    deadline = time.monotonic() + SERVE_TIMEOUT_SECONDS
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")
        time.sleep(SERVE_POLL_SECONDS)


def logged_build_times(log_path: Path) -> list[float]:
    return [float(seconds) for seconds in BUILT_IN.findall(log_path.read_text(encoding="utf-8"))]


def measure_serve(edits: int, work: Path) -> ServeResult:
    """Serve a copy of the project, edit one verdict ``edits`` times and time each until it is served.

    The marker appended to the verdict is plain words, so the glossary linker leaves it whole.
    Before the next edit the script waits for mkdocs to log the end of the rebuild.
    """
    project = project_copy(work / "serve-project", ROOT / "data")
    yaml_file = project / "data" / "criteria" / f"{SERVED_CRITERION}.yaml"
    original = yaml_file.read_text(encoding="utf-8")
    verdict = re.search(r"^ *verdict: ([^'\"].*)$", original, re.MULTILINE)
    assert verdict is not None, f"no unquoted verdict in {yaml_file} to append words to"
    port = free_port()
    url = f"http://127.0.0.1:{port}/criteria/{SERVED_CRITERION}/"
    log_path = work / "serve.log"
    page_times: list[float] = []
    with log_path.open("w", encoding="utf-8") as server_log:
        server = subprocess.Popen(
            mkdocs("serve", "-a", f"127.0.0.1:{port}"), cwd=project, env=ENV,
            stdout=subprocess.DEVNULL, stderr=server_log,
        )
        try:
            poll_until(lambda: (fetch(url) or "").rstrip().endswith("</html>"), f"{url} to be served")
            for edit in range(1, edits + 1):
                marker = f"Benchmark edit {edit} of {edits}."
                builds_before = len(logged_build_times(log_path))
                start = time.perf_counter()
                yaml_file.write_text(
                    original[: verdict.end()] + " " + marker + original[verdict.end():], encoding="utf-8",
                )
                poll_until(lambda marker=marker: marker in (fetch(url) or ""), f"the edit to reach {url}")
                page_times.append(time.perf_counter() - start)
                poll_until(lambda before=builds_before: len(logged_build_times(log_path)) > before, "the rebuild to end")
        finally:
            server.terminate()
            server.wait(timeout=30)
    built = logged_build_times(log_path)
    return ServeResult(page_times, built[1:], built[0] if built else None)


# ----------------------------------------------------------------------------
# 3. Cost of generation: the same pages as plain Markdown, without hooks and macros.
# ----------------------------------------------------------------------------


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
class SiteSummary:
    pages: int
    html_bytes: int
    total_bytes: int

    @property
    def mean_html_bytes(self) -> float:
        return self.html_bytes / self.pages


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


def is_redirect(path: Path) -> bool:
    """Redirect pages at old addresses are HTML files too, but not pages anyone reads."""
    with path.open("rb") as file:
        return b'http-equiv="refresh"' in file.read(400)


def summarise_site(site_dir: Path) -> SiteSummary:
    pages = [path for path in site_dir.rglob("*.html") if not is_redirect(path)]
    total = sum(path.stat().st_size for path in site_dir.rglob("*") if path.is_file())
    return SiteSummary(len(pages), sum(path.stat().st_size for path in pages), total)


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


# ----------------------------------------------------------------------------
# 4. Growth: synthetic datasets several times the real one.
# ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Growth:
    factor: int
    entities: dict[str, int]
    validate: Run
    """``python -m macros validate`` on the same data: loading and validating alone."""
    runs: list[Run]
    site: SiteSummary
    search_index_bytes: int

    @property
    def build_seconds(self) -> float:
        """mkdocs' own build time, without the constant cost of starting Python (wall time if not logged)."""
        return median_built_in(self.runs) or median_seconds(self.runs)

    @property
    def seconds_per_page(self) -> float:
        return self.build_seconds / self.site.pages


def measure_growth(settings: Settings, work: Path) -> list[Growth]:
    """Build each synthetic dataset strictly in its own copy of the project, in child processes.

    1x goes through the same kind of copy as the others, so the ratios compare like with like.
    Factors up to 10x take turns; bigger ones are built once, last, because they take minutes.
    """
    projects = {factor: work / f"growth-{factor}x" for factor in settings.growth_factors}
    entities: dict[int, dict[str, int]] = {}
    validations: dict[int, Run] = {}
    for factor, project in projects.items():
        log(f"growth: writing and validating the {factor}x dataset")
        project_copy(project)
        entities[factor] = multiply_dataset(ROOT / "data", project / "data", factor)
        validations[factor] = run_measured([sys.executable, "-m", "macros", "validate", "--data", "data"], project)
    build_here = mkdocs("build", "--strict", "--site-dir", "site")
    compared = [factor for factor in projects if factor <= GROWTH_FACTOR_CHECKED]
    log(f"growth: building {', '.join(f'{factor}x' for factor in compared)} in turns")
    turns = take_turns([(build_here, projects[factor]) for factor in compared], settings.growth_runs, warm_up=False)
    runs = dict(zip(compared, turns, strict=True))
    for factor in [factor for factor in projects if factor not in runs]:
        log(f"growth: building {factor}x")
        runs[factor] = repeat(build_here, projects[factor], 1, warm_up=False)
    return [
        Growth(factor, entities[factor], validations[factor], runs[factor], summarise_site(project / "site"),
               (project / "site" / "search" / "search_index.json").stat().st_size)
        for factor, project in projects.items()
    ]


# ----------------------------------------------------------------------------
# 5. Page weight: what a first visit to each page type downloads from the site.
# ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Size:
    raw: int
    gzip: int

    def __add__(self, other: Size) -> Size:
        return Size(self.raw + other.raw, self.gzip + other.gzip)


NO_BYTES = Size(0, 0)


def size_of(paths: Iterable[Path]) -> Size:
    """Bytes on disk and gzip-compressed at level 6 (what common web servers use), file by file."""
    total = NO_BYTES
    for path in paths:
        data = path.read_bytes()
        total += Size(len(data), len(gzip.compress(data, compresslevel=6)))
    return total


@dataclass(frozen=True)
class PageWeight:
    label: str
    url_path: str
    html: Size
    css: Size
    js: Size
    startup_data: Size
    """Fetched by Material's own script on every first visit: the search index and the sitemap."""
    has_diagram: bool

    @property
    def html_css_js(self) -> Size:
        return self.html + self.css + self.js

    @property
    def total(self) -> Size:
        return self.html_css_js + self.startup_data


SITE_ORIGIN = "https://site.invalid/"


def local_file(site_dir: Path, page_url: str, reference: str) -> Path | None:
    """The site file a link in the page points at, or None for another host."""
    url = urlsplit(urljoin(page_url, reference))
    if f"{url.scheme}://{url.netloc}/" != SITE_ORIGIN:
        return None
    path = site_dir / url.path.lstrip("/")
    return path / "index.html" if path.is_dir() else path


def material_config(soup: BeautifulSoup) -> dict[str, Any]:
    """Material's page configuration (base URL, features, search worker), embedded as JSON."""
    script = soup.find("script", id="__config")
    return json.loads(script.string) if script and script.string else {}


def page_weight(site_dir: Path, label: str, url_path: str) -> PageWeight:
    """HTML, the style sheets and scripts it links, and what Material fetches as the page starts.

    Material's bundle starts a search worker and downloads search/search_index.json on load when
    the page has a search form, and with ``navigation.instant`` it downloads sitemap.xml (checked
    in headless Chromium). Images are not counted.
    """
    html_path = site_dir / url_path if url_path.endswith(".html") else site_dir / url_path / "index.html"
    soup = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
    page_url = urljoin(SITE_ORIGIN, url_path)

    def files(references: Iterable[str]) -> list[Path]:
        found = (local_file(site_dir, page_url, reference) for reference in references)
        return [path for path in dict.fromkeys(found) if path is not None and path.is_file()]

    config = material_config(soup)
    base = urljoin(page_url, config.get("base", "."))
    base = base if base.endswith("/") else base + "/"
    stylesheets = files(link["href"] for link in soup.select("link[rel~=stylesheet][href]"))
    scripts = [script["src"] for script in soup.select("script[src]")]
    if config.get("search"):
        scripts.append(urljoin(base, config["search"]))
    startup = []
    if soup.find("form", attrs={"name": "search"}):
        startup.append(urljoin(base, "search/search_index.json"))
    if "navigation.instant" in config.get("features", []):
        startup.append(urljoin(base, "sitemap.xml"))
    return PageWeight(
        label, url_path, size_of([html_path]), size_of(stylesheets), size_of(files(scripts)), size_of(files(startup)),
        has_diagram=soup.select_one(".fvd-mermaid") is not None,
    )


def page_types() -> list[tuple[str, str]]:
    """One page of each kind, picked from the dataset so renames cannot break the benchmark."""
    dataset = load_dataset(ROOT / "data")
    master = next(tree for tree in dataset.decisions if tree.master)
    return [
        ("Home", ""),
        (f"Framework ({dataset.frameworks[0].name})", f"frameworks/{dataset.frameworks[0].id}/"),
        (f"Criterion ({dataset.criteria[0].id})", f"criteria/{dataset.criteria[0].id}/"),
        (f"Use case ({dataset.use_cases[0].id})", f"use-cases/{dataset.use_cases[0].id}/"),
        ("Claims", "claims/"),
        ("Glossary", "glossary/"),
        (f"Decision ({master.id})", f"decisions/{master.id}/"),
        ("Chooser", "chooser/"),
        ("404", "404.html"),
    ]


# import"./a.mjs" and import{x}from"./a.mjs" (also export{x}from); import("./a.mjs") is dynamic.
STATIC_IMPORT = re.compile(r"""(?:\bimport|\bfrom)\s*["'](\.{1,2}/[^"']+)["']""")
DYNAMIC_IMPORT = re.compile(r"""\bimport\(\s*["'](\.{1,2}/[^"']+)["']\s*\)""")


def module_closure(entries: Iterable[Path]) -> set[Path]:
    """The ES modules ``entries`` load before running: themselves and their static imports, recursively.

    Minified code keeps import specifiers as string literals, so a pattern finds them;
    ``import(...)`` calls are dynamic and deliberately not followed.
    """
    seen: set[Path] = set()
    pending = list(entries)
    while pending:
        module = pending.pop().resolve()
        if module in seen or not module.is_file():
            continue
        seen.add(module)
        text = module.read_text(encoding="utf-8")
        pending += [module.parent / specifier for specifier in STATIC_IMPORT.findall(text)]
    return seen


def dynamic_import(modules: Iterable[Path], name_pattern: str) -> Path | None:
    """The first module loaded on demand, by ``import(...)`` in ``modules``, whose file name matches."""
    for module in modules:
        for specifier in DYNAMIC_IMPORT.findall(module.read_text(encoding="utf-8")):
            if re.fullmatch(name_pattern, Path(specifier).name):
                return (module.parent / specifier).resolve()
    return None


def default_layout(modules: Iterable[Path]) -> str | None:
    """The graph layout Mermaid's default configuration names (``layout:"elk"`` in its config object)."""
    for module in modules:
        match = re.search(r'handDrawnSeed:0,layout:"([\w.-]+)"', module.read_text(encoding="utf-8"))
        if match:
            return match.group(1)
    return None


@dataclass(frozen=True)
class MermaidWeight:
    rows: list[tuple[str, int, Size]]
    """(what is counted, number of files, size), each row including the ones before it."""
    notes: list[str] = field(default_factory=list)


def mermaid_weight(site_dir: Path) -> MermaidWeight:
    """The Mermaid a flowchart page downloads: entry module, flowchart chunk, layout engine.

    Found from the modules' imports: the flowchart chunk and the layout engine are dynamic
    imports that Mermaid makes when it meets a flowchart; what each loads in turn is static.
    For Mermaid 12.3.0 the result was checked against headless Chromium on a decision page:
    the same 29 files, and the same 28 with ``layout: "dagre"`` passed to ``mermaid.initialize``.
    """
    entry = (site_dir / MERMAID_ENTRY).resolve()
    rows = [("Entry module `mermaid.esm.min.mjs` only", 1, size_of([entry]))]
    notes = []
    loaded = module_closure([entry])
    rows.append(("Entry module and its static imports", len(loaded), size_of(loaded)))
    flowchart = dynamic_import(loaded, r"flowDiagram-[\w-]+\.mjs")
    if flowchart is None:
        notes.append("The flowchart chunk was not found among the entry's dynamic imports: rows stop at the entry module.")
        return MermaidWeight(rows, notes)
    loaded |= module_closure([flowchart])
    rows.append((f"+ flowchart chunk `{flowchart.name}` and its static imports", len(loaded), size_of(loaded)))
    layout = default_layout(loaded)
    engine = dynamic_import(loaded, rf"{re.escape(layout)}-[\w-]+\.mjs") if layout else None
    if engine is None:
        notes.append("The layout engine Mermaid loads for flowcharts could not be determined; it is not counted.")
        return MermaidWeight(rows, notes)
    without_engine = set(loaded)
    loaded |= module_closure([engine])
    rows.append((f"+ default layout engine '{layout}' (`{engine.name}`) and its static imports", len(loaded), size_of(loaded)))
    dagre = dynamic_import(loaded, r"dagre-[\w-]+\.mjs") if layout != "dagre" else None
    if dagre is not None:
        with_dagre = without_engine | module_closure([dagre])
        rows.append((f"Instead of the row above: layout 'dagre' (`{dagre.name}`), set by `mermaid.initialize`",
                     len(with_dagre), size_of(with_dagre)))
    return MermaidWeight(rows, notes)


def search_index_by_section(index: Path) -> list[tuple[str, int]]:
    """Bytes of the index's JSON per top-level section, largest first: what excluding one would save."""
    sizes: Counter[str] = Counter()
    for document in json.loads(index.read_text(encoding="utf-8"))["docs"]:
        section = document["location"].split("#", 1)[0].split("/", 1)[0] or "(home page)"
        sizes[section] += len(json.dumps(document, ensure_ascii=False).encode())
    return sizes.most_common()


@dataclass(frozen=True)
class Weights:
    pages: list[PageWeight]
    mermaid: MermaidWeight
    search_index: Size
    search_sections: list[tuple[str, int]]
    sitemap: Size


def measure_weights(site_dir: Path) -> Weights:
    index = site_dir / "search" / "search_index.json"
    return Weights(
        pages=[page_weight(site_dir, label, url_path) for label, url_path in page_types()],
        mermaid=mermaid_weight(site_dir),
        search_index=size_of([index]),
        search_sections=search_index_by_section(index),
        sitemap=size_of([site_dir / "sitemap.xml"]),
    )


# ----------------------------------------------------------------------------
# The machine and software the figures hold for.
# ----------------------------------------------------------------------------

PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "Markdown", "pymdown-extensions", "Jinja2", "pydantic", "PyYAML")


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def memory_total() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def environment() -> list[tuple[str, str]]:
    mermaid = json.loads((ROOT / "docs" / MERMAID_DIR / "MANIFEST.json").read_text()).get("version", "?")
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in PACKAGES)
    return [
        ("CPU", f"{cpu_model()}, {os.cpu_count()} cores"),
        ("Memory", memory_total()),
        ("System", platform.platform()),
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
        ("Packages", f"{versions}; Mermaid {mermaid} (vendored)"),
    ]


# ----------------------------------------------------------------------------
# The report.
# ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Results:
    settings: Settings
    command: str
    started: datetime.datetime
    loads: list[tuple[str, str]]
    """Load average (1/5/15 min) as each step started, and at the end."""
    full: FullBuild
    serve: ServeResult
    generation: GenerationCost
    growth: list[Growth]
    weights: Weights


def table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def seconds(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def kilobytes(value: float) -> str:
    return f"{value / KB:,.1f}"


def spread(runs: Sequence[Run]) -> list[str]:
    """Median, min and max wall time, and mkdocs' own median, as table cells."""
    walls = [run.seconds for run in runs]
    return [seconds(statistics.median(walls)), seconds(min(walls)), seconds(max(walls)), seconds(median_built_in(runs))]


@dataclass(frozen=True)
class Target:
    name: str
    measured: str
    met: bool | None
    """None when this run did not measure it (a quick run has no 10x dataset)."""
    comment: str

    @property
    def result(self) -> str:
        return "not measured" if self.met is None else "met" if self.met else "**missed**"


def build_target(results: Results) -> Target:
    runs = results.full.build
    wall, built_in = median_seconds(runs), median_built_in(runs)
    comment = (
        f"mkdocs itself reports {seconds(built_in)} s; the rest is starting Python and importing MkDocs, "
        "Material, pydantic and the plugins."
    )
    if wall >= BUILD_TARGET_SECONDS:
        cost = results.generation
        comment += (
            f" Missed by {wall - BUILD_TARGET_SECONDS:.2f} s. Generation adds "
            f"{median_seconds(cost.generated) - median_seconds(cost.plain):.2f} s to a plain build of the same pages "
            f"(section 3). Check the load averages above ({os.cpu_count()} cores): if other work competed for the "
            "CPU, repeat the run on an idle machine before optimising."
        )
    return Target(f"Full strict build under {BUILD_TARGET_SECONDS:.0f} s", f"{wall:.2f} s (median wall time)",
                  wall < BUILD_TARGET_SECONDS, comment)


def growth_target(results: Results) -> Target:
    """Judged on wall time, what a contributor waits for; mkdocs' own build time is given beside it."""
    name = f"{GROWTH_FACTOR_CHECKED}x data under {GROWTH_FACTOR_CHECKED}x time"
    by_factor = {growth.factor: growth for growth in results.growth}
    if 1 not in by_factor or GROWTH_FACTOR_CHECKED not in by_factor:
        return Target(name, "n/a", None, f"Needs the 1x and {GROWTH_FACTOR_CHECKED}x datasets (a full run).")
    base = by_factor[1]

    def against_base(growth: Growth) -> str:
        return (
            f"at {growth.factor}x, {median_seconds(growth.runs) / median_seconds(base.runs):.1f}x the time "
            f"(mkdocs' own: {growth.build_seconds / base.build_seconds:.1f}x) for "
            f"{growth.site.pages / base.site.pages:.1f}x the pages, {growth.seconds_per_page * 1000:.0f} ms per page "
            f"against {base.seconds_per_page * 1000:.0f} ms"
        )

    grown, largest = by_factor[GROWTH_FACTOR_CHECKED], max(results.growth, key=lambda growth: growth.factor)
    ratio = median_seconds(grown.runs) / median_seconds(base.runs)
    comment = against_base(grown).capitalize() + (f"; {against_base(largest)}." if largest is not grown else ".")
    own_ratio = grown.build_seconds / base.build_seconds
    if ratio < GROWTH_FACTOR_CHECKED <= own_ratio / 0.9:
        comment += (
            f" Met with little margin: Python's start-up, which does not grow, is part of the wall time; the build "
            f"itself grew {own_ratio:.1f}x."
        )
    if largest.site.mean_html_bytes > 1.5 * base.site.mean_html_bytes:
        comment += (
            f" Pages get heavier as the site grows (mean HTML {kilobytes(base.site.mean_html_bytes)} KB at 1x, "
            f"{kilobytes(largest.site.mean_html_bytes)} KB at {largest.factor}x): Material writes the whole "
            "navigation into every page, so rendering work grows with pages x nav entries, quadratically. Keeping "
            "growth linear would take a navigation that does not list every entity on every page, e.g. nav entries "
            "for the sections only, with the section index pages listing their entities."
        )
    elif ratio >= GROWTH_FACTOR_CHECKED:
        comment += " The mean page did not get heavier, so the extra time is per-entity work; profile the build."
    return Target(name, f"{ratio:.1f}x time", ratio < GROWTH_FACTOR_CHECKED, comment)


def page_target(results: Results) -> Target:
    """Judged on everything a first visit downloads, except Mermaid on diagram pages (counted apart)."""
    weights = results.weights
    heaviest = max(weights.pages, key=lambda page: page.total.gzip)
    over = [page for page in weights.pages if page.total.gzip >= PAGE_TARGET_BYTES]
    over_without_data = [page for page in weights.pages if page.html_css_js.gzip >= PAGE_TARGET_BYTES]
    met = not over
    comment = f"Heaviest: {heaviest.label}, {kilobytes(heaviest.total.gzip)} KB."
    if over and not over_without_data:
        heaviest_own = max(page.html_css_js.gzip for page in weights.pages)
        room = PAGE_TARGET_BYTES - heaviest_own - weights.sitemap.gzip
        comment += (
            f" Missed only because of the search index: Material's script downloads it "
            f"({kilobytes(weights.search_index.gzip)} KB compressed) on every first visit, after the page has "
            f"rendered; later pages of the visit reuse it. HTML, CSS and JS alone stay under "
            f"{PAGE_TARGET_BYTES / KB:.0f} KB on every page (at most {kilobytes(heaviest_own)} KB). Meeting the target "
            f"as measured here would take an index of at most {kilobytes(room)} KB compressed, "
            f"{100 * (1 - room / weights.search_index.gzip):.0f}% smaller: excluding pages from search "
            "(`search: exclude` front matter) cannot get there without dropping the criteria and use cases "
            "(see the index by section below), and Material has no option to fetch the index only when the search "
            "box is used. Otherwise the target would have to count what blocks rendering, which every page meets."
        )
    elif over:
        comment += " Missed on: " + ", ".join(f"{page.label} ({kilobytes(page.total.gzip)} KB)" for page in over) + "."
    return Target(f"Every page under {PAGE_TARGET_BYTES / KB:.0f} KB compressed (Mermaid excepted)",
                  f"{len(weights.pages) - len(over)} of {len(weights.pages)} page types under", met, comment)


def targets_section(results: Results) -> str:
    targets = [build_target(results), growth_target(results), page_target(results)]
    rows = [(target.name, target.measured, target.result, target.comment) for target in targets]
    return "## Targets\n\n" + table(["Target", "Measured", "Result", "Why, and what it would take"], rows) + (
        "\n\nLighthouse: not measured by this script yet.\n"
    )


def full_build_section(results: Results) -> str:
    rows = [
        ("validate (`python -m macros validate`)", *spread(results.full.validate)),
        ("full strict build (`mkdocs build --strict`)", *spread(results.full.build)),
    ]
    return (
        "## 1. Full build of the real site\n\n"
        f"{results.settings.runs} timed run(s) after one warm-up, each in a new process. Wall time includes starting "
        "Python and importing everything; 'mkdocs reports' is its own 'Documentation built in' line.\n\n"
        + table(["Measurement", "Median (s)", "Min (s)", "Max (s)", "mkdocs reports, median (s)"], rows) + "\n"
    )


def serve_section(results: Results) -> str:
    serve = results.serve
    rows = [(index, seconds(page), seconds(built)) for index, (page, built) in
            enumerate(zip(serve.until_page_shows_edit, serve.logged_rebuilds, strict=False), start=1)]
    rows.append(("**median**", seconds(statistics.median(serve.until_page_shows_edit)),
                 seconds(statistics.median(serve.logged_rebuilds) if serve.logged_rebuilds else None)))
    return (
        "## 2. Rebuild after editing a YAML file under `mkdocs serve`\n\n"
        f"`mkdocs serve` in a copy of the project; each edit appends words to a verdict in "
        f"`data/criteria/{SERVED_CRITERION}.yaml`, and the served `/criteria/{SERVED_CRITERION}/` is polled every "
        f"{SERVE_POLL_SECONDS * 1000:.0f} ms until it shows them. MkDocs notices changes by polling the watched "
        "folders every 0.5 s and waits 0.1 s more before rebuilding, so up to 0.6 s of each figure is detection. "
        f"The initial build when the server started took {seconds(serve.initial_build)} s (mkdocs' log).\n\n"
        + table(["Edit", "Until the page shows it (s)", "mkdocs reports for the rebuild (s)"], rows) + "\n"
    )


def generation_section(results: Results) -> str:
    cost = results.generation
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
        f"then run the same way, in child processes, taking turns, {results.settings.runs} time(s) each after a "
        "warm-up; the generated build is timed again for this, so its figures differ from section 1's as the "
        "machine's load changes. The plain site lacks only the glossary links, which a Markdown extension added "
        "by the hooks inserts.\n\n"
        + table(["Build", "Median (s)", "Min (s)", "Max (s)", "mkdocs reports (s)", "HTML pages", "Site size (KB)"], rows)
        + f"\n\n**Generated / plain: {cost.ratio:.2f}x** in wall time"
        + (f", {cost.built_in_ratio:.2f}x in mkdocs' reported build time" if cost.built_in_ratio else "")
        + ". Generation's cost is loading and validating the dataset, rendering the page templates, mkdocs-macros "
        "and the glossary linker.\n"
    )


def growth_section(results: Results) -> str:
    base = next((growth for growth in results.growth if growth.factor == 1), None)
    rows = []
    for growth in results.growth:
        wall = median_seconds(growth.runs)
        rows.append((
            f"{growth.factor}x", ", ".join(f"{count} {folder}" for folder, count in growth.entities.items()),
            growth.site.pages, len(growth.runs), seconds(wall), f"{wall / median_seconds(base.runs):.1f}x" if base else "n/a",
            seconds(median_built_in(growth.runs)), seconds(growth.validate.seconds), f"{growth.seconds_per_page * 1000:.0f}",
            f"{max(run.peak_rss_mib for run in growth.runs):.0f}", kilobytes(growth.site.mean_html_bytes),
            kilobytes(growth.search_index_bytes),
        ))
    return (
        "## 4. Growth with the size of the dataset\n\n"
        "Synthetic datasets made by copying the real YAML files under new ids (`<id>-copy<N>`, titles changed, "
        "references kept valid); frameworks stay 2, decision trees and measurements stay as they are. Each is "
        "built strictly in its own project copy, in a child process; peak memory is that process's maximum "
        f"resident set. Factors up to {GROWTH_FACTOR_CHECKED}x are built {results.settings.growth_runs} time(s) "
        "each, alternating (1x, 10x, 1x, ...) so that load from other work falls on both alike; bigger ones once, "
        "last. No warm-up: the real-site builds warmed the caches. 'Validate' is "
        "`python -m macros validate` on the same data, the part of the build that loads and checks the dataset; "
        "time per page is mkdocs' own build time divided by the pages.\n\n"
        + table(["Data", "Entities", "HTML pages", "Runs", "Wall median (s)", "Wall vs 1x", "mkdocs reports (s)",
                 "Validate (s)", "Build per page (ms)", "Peak memory (MiB)", "Mean HTML page (KB)",
                 "Search index (KB)"], rows)
        + "\n"
    )


def weight_section(results: Results) -> str:
    weights = results.weights
    rows = [
        (page.label, f"`/{page.url_path}`", kilobytes(page.html.raw), kilobytes(page.css.raw), kilobytes(page.js.raw),
         kilobytes(page.html_css_js.raw), kilobytes(page.html_css_js.gzip), kilobytes(page.startup_data.gzip),
         kilobytes(page.total.gzip), "yes" if page.has_diagram else "")
        for page in weights.pages
    ]
    mermaid_rows = [(what, count, kilobytes(size.raw), kilobytes(size.gzip)) for what, count, size in weights.mermaid.rows]
    notes = "".join(f"\n{note}\n" for note in weights.mermaid.notes)
    return (
        "## 5. Page weight\n\n"
        "What a first visit with an empty cache downloads from the site, in KB (1 KB = 1,000 bytes); compressed means "
        "gzip level 6, file by file. CSS and JS are the files the HTML links (`<link rel=stylesheet>`, "
        "`<script src>`) plus Material's search worker. 'Start-up data' is what Material's script fetches on every "
        "first visit: `search/search_index.json` (the page has a search form) and `sitemap.xml` (instant "
        "navigation). Images (the favicon) are not counted. Mermaid is counted apart, below.\n\n"
        + table(["Page", "Path", "HTML", "CSS", "JS", "HTML+CSS+JS", "HTML+CSS+JS gz", "Start-up data gz",
                 "Total gz", "Diagram"], rows)
        + "\n\n### Mermaid on diagram pages\n\n"
        "`diagrams.js` imports the vendored Mermaid only on pages with a diagram. Mermaid then imports the "
        "flowchart chunk and the layout engine its default configuration names; the files each of those loads are "
        "found from their static imports. Each row includes the ones above it.\n\n"
        + table(["Counted", "Files", "Raw (KB)", "gzip (KB)"], mermaid_rows) + "\n" + notes
        + "\n### Search index\n\n"
        + table(["File", "Raw (KB)", "gzip (KB)"], [
            ("`search/search_index.json`", kilobytes(weights.search_index.raw), kilobytes(weights.search_index.gzip)),
            ("`sitemap.xml`", kilobytes(weights.sitemap.raw), kilobytes(weights.sitemap.gzip)),
        ])
        + "\n\nThe index by section (raw JSON):\n\n"
        + table(["Section", "Raw (KB)", "Share"], [
            (f"`{section}/`" if not section.startswith("(") else section, kilobytes(size),
             f"{100 * size / weights.search_index.raw:.0f}%")
            for section, size in weights.search_sections
        ]) + "\n"
    )


def render_report(results: Results) -> str:
    quick = "\n**Quick smoke run: tiny sizes and single runs; the numbers mean nothing.**\n" if results.settings.quick else ""
    header = (
        "# Benchmark: build time and page weight\n\n"
        f"Written by `scripts/benchmark.py` on {results.started:%Y-%m-%d %H:%M} UTC with\n\n"
        f"```sh\n{results.command}\n```\n{quick}\n"
        "A measurement, not a test: other processes share this machine, so repeat a run before trusting a "
        "difference of a few per cent.\n\n"
        + table(["Machine and software", ""], environment()) + "\n\n"
        + table(["Load average (1 / 5 / 15 min) at the start of", ""], results.loads) + "\n"
    )
    sections = [header, targets_section(results), full_build_section(results), serve_section(results),
                generation_section(results), growth_section(results), weight_section(results)]
    return "\n".join(sections)


# ----------------------------------------------------------------------------
# Main.
# ----------------------------------------------------------------------------


def command_line() -> str:
    python = Path(sys.executable)
    shown = python.relative_to(ROOT) if python.is_relative_to(ROOT) else python
    return shlex.join([str(shown), "scripts/benchmark.py", *sys.argv[1:]])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="timed runs per measurement (default 5)")
    parser.add_argument("--quick", action="store_true", help="smoke run: tiny sizes, one run each")
    parser.add_argument("--report", type=Path, help=f"where to write the report (default {DEFAULT_REPORT.name}; "
                        "--quick writes none unless given)")
    arguments = parser.parse_args()
    settings = settings_from(arguments)
    report_path = arguments.report or (None if settings.quick else DEFAULT_REPORT)
    started = datetime.datetime.now(datetime.UTC)
    steps = Steps()
    with tempfile.TemporaryDirectory(prefix="benchmark-") as temporary:
        work = Path(temporary)
        steps.start("1. validate and full strict build")
        full = measure_full_build(settings, work / "site")
        steps.start("2. rebuilds under mkdocs serve")
        serve = measure_serve(settings.serve_edits, work)
        steps.start("3. generated against plain Markdown")
        generation = measure_generation_cost(settings, work)
        steps.start("4. growth")
        growth = measure_growth(settings, work)
        steps.start("5. page weight")
        weights = measure_weights(full.site_dir)
        steps.start("the end of the run")
        results = Results(settings, command_line(), started, steps.loads, full, serve, generation, growth, weights)
    report = render_report(results)
    print(report)
    if report_path is not None:
        report_path.write_text(report, encoding="utf-8")
        log(f"report written to {report_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
