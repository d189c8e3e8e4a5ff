"""How big built files and sites are: bytes on disk and compressed, pages and bytes of a site.

Shared by the page weight, the Mermaid weight, the cost of generation and growth, so that they
all count the same way.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


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
class SiteSummary:
    pages: int
    html_bytes: int
    total_bytes: int

    @property
    def mean_html_bytes(self) -> float:
        return self.html_bytes / self.pages


def is_redirect(path: Path) -> bool:
    """Redirect pages at old addresses are HTML files too, but not pages anyone reads."""
    with path.open("rb") as file:
        return b'http-equiv="refresh"' in file.read(400)


def summarise_site(site_dir: Path) -> SiteSummary:
    pages = [path for path in site_dir.rglob("*.html") if not is_redirect(path)]
    total = sum(path.stat().st_size for path in site_dir.rglob("*") if path.is_file())
    return SiteSummary(len(pages), sum(path.stat().st_size for path in pages), total)
