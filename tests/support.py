"""What several test modules need: a build made once per run, a free port, waiting for something to
happen, a project around another dataset, a built site served on loopback the way readers get it,
and a code example imported from its file."""

from __future__ import annotations

import functools
import importlib.util
import os
import pickle
import re
import shutil
import socket
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

import pytest
from bs4 import BeautifulSoup
from filelock import FileLock
from mkdocs.utils.yaml import yaml_load

from macros.paths import ROOT
from scripts.static_server import serve

# Where the site is published and under which name (mkdocs.yml): what citations and link previews carry.
_CONFIG = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
PUBLISHED_URL: str = _CONFIG["site_url"]
PUBLISHED_NAME: str = _CONFIG["site_name"]


def built_once[T](tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], T]) -> T:
    """What ``build`` makes in a new folder, made once per test run however many pytest-xdist workers ask.

    pytest-xdist's pattern for session fixtures: the workers of a run share the parent of their
    temporary folders; the first to take the lock there builds and leaves the (pickled) result,
    the others wait for the lock and read it. Without workers this is a plain call.
    """
    if "PYTEST_XDIST_WORKER" not in os.environ:
        return build(tmp_path_factory.mktemp(name))
    folder = tmp_path_factory.getbasetemp().parent / name
    result = folder / "result.pickle"
    with FileLock(f"{folder}.lock"):
        if not result.is_file():
            folder.mkdir()
            result.write_bytes(pickle.dumps(build(folder)))
        return pickle.loads(result.read_bytes())


@functools.cache
def once[T](function: Callable[..., T], *arguments: object) -> T:
    """``function(*arguments)``, computed once per test process however many modules ask for it.

    For the real dataset (``once(load_dataset, DATA_DIR)``): loading it checks every link in its
    text, over a second, and each worker imports every module that reads it.
    """
    return function(*arguments)


def parsed(path: Path) -> BeautifulSoup:
    """The HTML file at ``path``, parsed once per test process while it is unchanged: several modules read
    every page of a build. The tree is shared, so its readers must not change it."""
    status = path.stat()
    return _parsed(path, status.st_mtime_ns, status.st_size)


@functools.cache
def _parsed(path: Path, _mtime_ns: int, _size: int) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def free_port() -> int:
    """A loopback port nothing listens on, for a server started as a subprocess (it binds the port itself)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until[T](condition: Callable[[], T], *, timeout: float = 60, interval: float = 0.2,
                  pause: Callable[[float], object] = time.sleep) -> T:
    """Call ``condition`` until it returns something true or ``timeout`` seconds have passed; its last result.

    The caller asserts on the result, so a timeout fails with the caller's own message. ``pause``
    (seconds) is how to wait between calls: a Playwright page must use its own, or no event reaches Python.
    """
    deadline = time.monotonic() + timeout
    while not (result := condition()) and time.monotonic() < deadline:
        pause(interval)
    return result


def project_around(data: Path, *, writable_docs: bool = False) -> Path:
    """A project at ``data``'s parent folder: the real mkdocs.yml, docs/ and macros/ around another dataset.

    docs/ and macros/ are links to the real ones, unless ``writable_docs`` (a test adds a page):
    then docs/ is a copy. mkdocs.yml is a copy either way, so a test may edit its nav.
    """
    root = data.parent
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "macros").symlink_to(ROOT / "macros")
    if writable_docs:
        shutil.copytree(ROOT / "docs", root / "docs")
    else:
        (root / "docs").symlink_to(ROOT / "docs")
    return root


@contextmanager
def served(site_dir: Path, copy_to: Path) -> Iterator[tuple[Path, str]]:
    """A copy of a built site served on a free loopback port: the copy's folder and its base URL.

    The copy's sitemap names the served address, as the published sitemap names the published one.
    Material's instant navigation takes over only links whose address is in sitemap.xml, and it
    gives those addresses the page's protocol and host name but keeps their port: with the build's
    https://flask-vs-django.github.io/ addresses no link on http://127.0.0.1:PORT/ would qualify and
    every click would load a new page. The build itself is left as built for the tests that read it;
    tests may add pages to the copy.
    """
    shutil.copytree(site_dir, copy_to)
    with serve(copy_to) as url:
        sitemap = copy_to / "sitemap.xml"
        located = re.sub(r"<loc>https?://[^/]+/", f"<loc>{url}", sitemap.read_text(encoding="utf-8"))
        assert url in located, "the sitemap names no page"
        sitemap.write_text(located, encoding="utf-8")
        yield copy_to, url


def import_example(folder: Path, relative_path: str) -> ModuleType:
    """Import one code example by file path, under a name unique to its framework's folder.

    Names such as ``models`` or ``testing`` then never shadow other modules. The module is registered
    in ``sys.modules`` because Flask(__name__) looks it up there to find the app's root path.
    """
    name = f"{folder.name}_example_" + relative_path.removesuffix(".py").replace("/", "_")
    spec = importlib.util.spec_from_file_location(name, folder / relative_path)
    assert spec is not None and spec.loader is not None, f"{folder / relative_path} is not a Python file"
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
