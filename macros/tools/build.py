"""A strict in-process build of the site from any data folder: what ``links``, ``affected`` and the tests build."""

from __future__ import annotations

from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from macros.paths import ROOT


def build_site(site_dir: Path, *, data_dir: Path | None = None, edit_links: bool = True) -> None:
    """Build mkdocs.yml's site into ``site_dir``, strict like the published one, from ``data_dir`` (default: data/).

    ``edit_links=False`` leaves out edit links, which name the data file's path on disk.
    """
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    if data_dir is not None:
        config.extra["data_dir"] = str(data_dir.resolve())
    if not edit_links:
        config["edit_uri"] = None
    build(config)
