"""Shared fixtures: one strict build of the real site and one of the three-framework fixture per run."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import settings
from playwright.sync_api import Browser, Page

from macros.tools.build import build_site as tools_build_site
from tests.browser import Watch
from tests.hostile import Written, built_from, hostile
from tests.support import built_once, parsed

FIXTURES = Path(__file__).parent / "fixtures"
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

# Property-based tests: a bounded, reproducible run by default (CI and `make test`); more examples
# by hand with `pytest --hypothesis-profile=thorough`. Examples Hypothesis finds stay as @example cases.
settings.register_profile("default", max_examples=25, derandomize=True, deadline=None, print_blob=True)
settings.register_profile("thorough", max_examples=1000, deadline=None, print_blob=True)
settings.load_profile("default")


class BuiltSite:
    """A built site folder whose pages are read with a real HTML parser."""

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir

    def page(self, url_path: str) -> BeautifulSoup:
        """The parsed page served at ``url_path`` (e.g. ``criteria/admin/``)."""
        path = self.site_dir / url_path / "index.html" if not url_path.endswith(".html") else self.site_dir / url_path
        return parsed(path)  # once per process, for all the modules that read the page

    def article(self, url_path: str) -> BeautifulSoup:
        """Only the page's content, without navigation and footer."""
        article = self.page(url_path).select_one("article.md-content__inner")
        assert article is not None, f"no article in {url_path}"
        return article


def build_site(site_dir: Path, *, data_dir: Path | None = None) -> BuiltSite:
    """A strict in-process build, optionally of another dataset."""
    tools_build_site(site_dir, data_dir=data_dir)
    return BuiltSite(site_dir)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The real site, built once per test run (shared by the workers: tests/support.py's ``built_once``)."""
    return built_once(tmp_path_factory, "site", build_site)


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """A site built from three frameworks whose text is full of HTML and template syntax, once per run."""
    return built_once(tmp_path_factory, "fixture-site",
                      lambda folder: build_site(folder, data_dir=FIXTURES / "three-frameworks" / "data"))


def build_hostile(folder: Path) -> tuple[BuiltSite, Written]:
    data_dir, written = built_from(folder, hostile)
    return build_site(data_dir.parent / "site", data_dir=data_dir), written


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuiltSite, Written]:
    """The every-kind fixture with hostile text in every text field, built once per run."""
    return built_once(tmp_path_factory, "hostile", build_hostile)


@pytest.fixture
def minimal_data(tmp_path: Path) -> Path:
    """A writable copy of the smallest valid dataset, for tests that break it."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal" / "data", target)
    return target


@pytest.fixture(scope="session")
def served_site(site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The real site served on a loopback port, as a copy whose sitemap names that address (see tests/support.py)."""
    from tests.support import served

    with served(site.site_dir, tmp_path_factory.mktemp("served") / "site") as copy_and_url:
        yield copy_and_url


@pytest.fixture(scope="session")
def site_url(served_site: tuple[Path, str]) -> str:
    """The base URL of the served real site; Material's instant navigation works on it as on the published site."""
    return served_site[1]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    from tests.browser import launch

    yield from launch()


@pytest.fixture
def watch(site_url: str) -> Watch:
    """What the test's ``page`` did; a test that provokes a policy violation on purpose takes it off the list."""
    return Watch(origin=site_url)


def watched_page(browser: Browser, watch: Watch, **options: object) -> Iterator[Page]:
    """A fresh page in its own context (1280 px unless ``options`` say otherwise), watched; the test fails on anything unclean."""
    context = browser.new_context(**({"viewport": {"width": 1280, "height": 900}} | options))
    page = context.new_page()
    watch.attach(page)
    yield page
    context.close()
    watch.assert_clean()


@pytest.fixture
def page(browser: Browser, watch: Watch) -> Iterator[Page]:
    """A fresh page whose requests and console are watched; the test fails on anything unclean."""
    yield from watched_page(browser, watch)


@pytest.fixture
def no_js_page(browser: Browser, site_url: str) -> Iterator[Page]:
    """The same, with JavaScript switched off: what a reader without scripts gets, watched as closely."""
    yield from watched_page(browser, Watch(origin=site_url), java_script_enabled=False)


# A code example of both frameworks, as data/examples/hello.yaml: files.django[0] on line 6,
# files.flask[0] (``{flask}``) on line 7, versions on line 8. Tests match messages on those lines.
EXAMPLE_YAML = """id: hello
title: Hello
summary: Hi.
criteria: [admin]
files:
  django: [examples/django/hello.py]
  flask: [{flask}]
versions: {{flask: ["1.0"], django: ["1.0"]}}
reviewed: 2026-11-23
"""


def add_example_files(data: Path) -> Path:
    """examples/django/hello.py and examples/flask/hello.py beside ``data``, as in the repository; their root."""
    root = data.parent
    for framework in ("django", "flask"):
        (root / "examples" / framework).mkdir(parents=True, exist_ok=True)
        (root / "examples" / framework / "hello.py").write_text("print('hello')\n")
    return root


def write_example(data: Path, flask_file: str = "examples/flask/hello.py") -> Path:
    """Write ``data``/examples/hello.yaml (see EXAMPLE_YAML), its flask file being ``flask_file``."""
    path = data / "examples" / "hello.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(EXAMPLE_YAML.format(flask=flask_file), encoding="utf-8")
    return path


@pytest.fixture
def example_data(minimal_data: Path) -> Path:
    """``minimal_data`` with a code example and, beside it, the files the example shows."""
    add_example_files(minimal_data)
    write_example(minimal_data)
    return minimal_data
