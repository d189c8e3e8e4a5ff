"""The pages a change affects, found by building the site before and after it and comparing them.

Nothing here knows which data a page shows, so nothing can drift: both builds run this tree's
code; the base build takes ``data/``, ``examples/`` and the examples' lock as they were at the
base revision. A page is affected when its content, title or description differs; within a
page, the sections (``h2`` anchors) that differ are named, so a claim links to its own anchor.
"""

from __future__ import annotations

import re
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from macros.load.examples import EXAMPLES_LOCK
from macros.pages.published import REDIRECT, SKIPPED, page_url
from macros.tools.build import build_site

ARTICLE = re.compile(r"<article\b.*?</article>", re.DOTALL)
HEAD_FACTS = re.compile(r"<title>.*?</title>|<meta name=\"description\"[^>]*>", re.DOTALL)
SECTION = re.compile(r"(?=<h2 id=\")")
SECTION_ID = re.compile(r"<h2 id=\"([^\"]+)\"")
# What the base build needs from the base revision besides the code.
SNAPSHOT = ("data", "examples", EXAMPLES_LOCK.as_posix())


@dataclass(frozen=True)
class AffectedPage:
    url: str
    reason: str


def page_contents(site_dir: Path) -> dict[str, list[tuple[str, str]]]:
    """Each reader-facing page of a built site: its head facts, then its article split at ``h2`` sections."""
    pages = {}
    for html_file in sorted(site_dir.rglob("*.html")):
        url = page_url(html_file, site_dir)
        text = html_file.read_text(encoding="utf-8")
        if url.startswith(SKIPPED):
            continue
        if redirect := REDIRECT.search(text):
            pages[url] = [("", redirect.group(1))]
            continue
        article = ARTICLE.search(text)
        sections = SECTION.split(article.group(0) if article else text)
        pages[url] = [("", "".join(HEAD_FACTS.findall(text)) + sections[0])]
        pages[url] += [(match.group(1) if (match := SECTION_ID.match(part)) else "", part) for part in sections[1:]]
    return pages


def compare(before: dict[str, list[tuple[str, str]]], after: dict[str, list[tuple[str, str]]]) -> list[AffectedPage]:
    """New, removed and changed pages; a changed page names its changed sections when only sections changed."""
    affected = []
    for url in sorted(before.keys() | after.keys()):
        if url not in before:
            affected.append(AffectedPage(url, "new page"))
        elif url not in after:
            affected.append(AffectedPage(url, "no longer published"))
        elif before[url] != after[url]:
            old, new = dict(before[url]), dict(after[url])
            changed = sorted(anchor for anchor in old.keys() | new.keys() if old.get(anchor) != new.get(anchor))
            if "" in changed or len(before[url]) != len(after[url]):
                affected.append(AffectedPage(url, "changed"))
            else:
                affected += [AffectedPage(f"{url}#{anchor}", "section changed") for anchor in changed]
    return affected


def built_pages(data_dir: Path, site_dir: Path) -> dict[str, list[tuple[str, str]]]:
    """Build the site of ``data_dir`` and read its pages, without edit links: they differ between the two builds."""
    build_site(site_dir, data_dir=data_dir, edit_links=False)
    return page_contents(site_dir)


def snapshot(repository: Path, base: str, target: Path) -> Path:
    """``data/``, ``examples/`` and the examples' lock of revision ``base``, written under ``target``; its data folder.

    Raises CalledProcessError (with git's message) for a revision git does not know.
    """
    present = subprocess.run(["git", "ls-tree", "--name-only", base, *SNAPSHOT], cwd=repository,
                             capture_output=True, text=True, check=True).stdout.split()
    archive = subprocess.run(["git", "archive", "--format=tar", base, *present], cwd=repository,
                             capture_output=True, check=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return target / "data"


def affected_pages(data_dir: Path, base: str) -> list[AffectedPage]:
    """The pages whose content differs between ``base`` and the working tree of ``data_dir``'s repository."""
    with tempfile.TemporaryDirectory() as scratch:
        before = built_pages(snapshot(data_dir.parent, base, Path(scratch) / "base"), Path(scratch) / "base-site")
        after = built_pages(data_dir, Path(scratch) / "site")
    return compare(before, after)


def affected_summary(pages: list[AffectedPage], site_url: str) -> str:
    """Markdown for the pull request: each affected page linked on the published site."""
    if not pages:
        return "This change does not alter any page of the site.\n"
    lines = [f"This change alters {len(pages)} page(s) or section(s) of the site:", ""]
    lines += [f"- [{page.url}]({site_url.rstrip('/')}{page.url}): {page.reason}" for page in pages]
    return "\n".join(lines) + "\n"
