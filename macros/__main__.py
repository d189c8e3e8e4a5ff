"""Command line: ``python -m macros validate | coverage | generate | links | freshness | affected``.

Every command that reads the data reports a bad dataset the same way (``load_or_report``):
each problem located on stderr, exit status 1, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from macros.model import coverage
from macros.model.dataset import Dataset
from macros.paths import DATA_DIR
from macros.pipeline import load_dataset
from macros.problems import InvalidDatasetError, Problem
from macros.tools.contributors import freshness_warnings, github_annotation


def load_or_report(data_dir: Path, *, github: bool = False) -> Dataset | None:
    """The validated dataset, or None after printing every problem to stderr.

    Every command that reads the data goes through here, so each reports a bad dataset the
    same way: one located ``file:line: field: expected ...; found ...`` message per problem
    (with ``github``, also a GitHub Actions annotation on stdout), a count, and no traceback.
    A caller returns exit status 1 on None.
    """
    try:
        return load_dataset(data_dir)
    except InvalidDatasetError as error:
        report(error.problems, data_dir, github=github)
        return None


def report(problems: list[Problem], data_dir: Path, *, github: bool = False) -> bool:
    """Print each problem located on stderr (with ``github``, also as an annotation on stdout); True if there were any."""
    for problem in problems:
        print(problem, file=sys.stderr)
        if github:
            print(github_annotation(problem))
    if problems:
        print(f"{len(problems)} problem(s) in {data_dir}; fix them before building.", file=sys.stderr)
    return bool(problems)


def validate(data_dir: Path, *, github: bool = False) -> int:
    """Validate the dataset without building; print every problem. Exit status 0 or 1."""
    from macros.checks.changes import read_lock
    from macros.tools.changes import unrecorded_changes

    dataset = load_or_report(data_dir, github=github)
    if dataset is None:
        return 1
    if report(unrecorded_changes(dataset, read_lock(data_dir)), data_dir, github=github):
        return 1
    counts = ", ".join(f"{len(entities)} {collection.folder}" for collection, entities in dataset.entities.items())
    print(f"{data_dir}: valid ({counts}).")
    for line in coverage.summary(dataset):
        print(f"coverage: {line}")
    return 0


def report_coverage(data_dir: Path) -> int:
    """List every place a framework is not assessed yet; gaps are information, so exit 0 unless the data is invalid."""
    dataset = load_or_report(data_dir)
    if dataset is None:
        return 1
    gaps = coverage.gaps(dataset)
    for gap in gaps:
        print(gap)
    for line in coverage.summary(dataset):
        print(f"coverage: {line}", file=sys.stderr)
    print(f"{len(gaps)} gap(s): each is shown on the site as 'not assessed yet'; see CONTRIBUTING.md, "
          "'What complete means'.", file=sys.stderr)
    return 0


def generate(data_dir: Path, *, check: bool) -> int:
    """Regenerate the JSON Schemas and field reference, or with --check report stale ones; then validate the data.

    The derived files come from the model alone, so they are written (or checked) whatever the
    data holds; a bad dataset is then reported like ``validate`` does, and the exit status is 1.
    """
    from macros.checks.changes import lock_path, read_lock
    from macros.tools.changes import lock_text, unrecorded_changes, updated_lock
    from macros.tools.schema import stale_derived_files, write_derived_files

    if check:
        stale = stale_derived_files()
        for path in stale:
            print(f"{path} is out of date: run 'python -m macros generate'", file=sys.stderr)
    else:
        stale = []
        for path in write_derived_files():
            print(f"wrote {path}")
    dataset = load_or_report(data_dir)
    if dataset is None:
        return 1
    # The change lock: written for the project's data (and any folder that has one) once every change is recorded.
    lock = read_lock(data_dir)
    if lock is None and data_dir.resolve() != DATA_DIR.resolve():
        return 1 if stale else 0
    if report(unrecorded_changes(dataset, lock), data_dir):
        return 1
    text = lock_text(updated_lock(dataset, lock))
    path = lock_path(data_dir)
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return 1 if stale else 0
    if check:
        print(f"{path} is out of date: run 'python -m macros generate'", file=sys.stderr)
        return 1
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}")
    return 1 if stale else 0


def links(data_dir: Path) -> int:
    """Build the site, add its new links to the registry, and report published links that broke.

    The registry describes the project's own site, so it is rewritten only when ``data_dir`` is
    the project's data folder; another folder (a copy under test) is only checked.
    """
    import logging
    import tempfile

    from mkdocs.exceptions import MkDocsException

    from macros.pages.published import published_links, read_registry, resolves, write_registry
    from macros.tools.build import build_site

    if load_or_report(data_dir) is None:
        return 1
    # Outside the mkdocs command nothing prints MkDocs' warnings; show them as the build reports them.
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    with tempfile.TemporaryDirectory() as site_dir:
        try:
            build_site(Path(site_dir), data_dir=data_dir)
        except MkDocsException as error:
            print(f"the site did not build: {error.format_message()}", file=sys.stderr)
            return 1
        finally:
            logging.getLogger("mkdocs").removeHandler(handler)
        current = published_links(Path(site_dir))
        registry = read_registry()
        broken = sorted(link for link in registry if not resolves(link, Path(site_dir), current))
    if data_dir.resolve() == DATA_DIR.resolve():
        write_registry(registry | current)
        print(f"{len(current - registry)} new link(s) added to the registry.")
    else:
        print(f"{len(current - registry)} link(s) not in the registry; it was left alone ({data_dir} is not data/).")
    for link in broken:
        print(f"{link} no longer resolves: add the old id to 'aliases' of the entry that replaced it", file=sys.stderr)
    return 1 if broken else 0


def freshness(data_dir: Path, *, today: date, github: bool) -> int:
    """Warn about assessments due for review; exit 0 (warnings, not failures) unless the dataset is invalid."""
    dataset = load_or_report(data_dir, github=github)
    if dataset is None:
        return 1
    warnings = freshness_warnings(dataset, today=today)
    for warning in warnings:
        print(github_annotation(warning, level="warning") if github else f"warning: {warning}")
    print(f"{len(warnings)} item(s) due for review.", file=sys.stderr)
    return 0


def affected(data_dir: Path, *, base: str, site_url: str) -> int:
    """Print the Markdown list of pages that the change since ``base`` affects: both sites built, pages compared."""
    import subprocess

    from mkdocs.exceptions import MkDocsException

    from macros.tools.affected import affected_pages, affected_summary

    if load_or_report(data_dir) is None:
        return 1
    try:
        pages = affected_pages(data_dir, base)
    except (subprocess.CalledProcessError, OSError) as error:
        detail = getattr(error, "stderr", None) or str(error)
        detail = detail.decode(errors="replace") if isinstance(detail, bytes) else detail
        print(f"could not read the data of '{base}': {detail.strip()}", file=sys.stderr)
        return 1
    except MkDocsException as error:
        print(f"the site of '{base}' did not build ({error.format_message()}); compare with a revision whose data is valid",
              file=sys.stderr)
        return 1
    print(affected_summary(pages, site_url), end="")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    validate_parser = commands.add_parser("validate", help="check the dataset without building the site")
    validate_parser.add_argument("--data", type=Path, default=DATA_DIR, help="data folder (default: data/)")
    validate_parser.add_argument("--format", choices=["text", "github"], default="text",
                                 help="github: also print GitHub Actions annotations on stdout")
    coverage_parser = commands.add_parser("coverage", help="list where a framework is not assessed yet (never fails)")
    coverage_parser.add_argument("--data", type=Path, default=DATA_DIR)
    freshness_parser = commands.add_parser("freshness", help="list assessments due for review (warnings only)")
    freshness_parser.add_argument("--data", type=Path, default=DATA_DIR)
    freshness_parser.add_argument("--today", type=date.fromisoformat, default=date.today(), help="YYYY-MM-DD")
    freshness_parser.add_argument("--format", choices=["text", "github"], default="text")
    affected_parser = commands.add_parser("affected", help="Markdown list of pages a change since --base affects")
    affected_parser.add_argument("--data", type=Path, default=DATA_DIR)
    affected_parser.add_argument("--base", default="origin/main", help="git revision to compare with")
    affected_parser.add_argument("--site-url", default="https://flask-vs-django.github.io/")
    generate_parser = commands.add_parser("generate", help="rewrite the files derived from the dataset model")
    generate_parser.add_argument("--check", action="store_true", help="only report files that are out of date")
    generate_parser.add_argument("--data", type=Path, default=DATA_DIR, help="data folder to validate afterwards")
    links_parser = commands.add_parser("links", help="add new page and anchor links to tests/published-links.txt; "
                                       "report broken ones")
    links_parser.add_argument("--data", type=Path, default=DATA_DIR,
                              help="data folder (default: data/; another one is checked, the registry left alone)")
    arguments = parser.parse_args(argv)
    if arguments.command == "validate":
        return validate(arguments.data, github=arguments.format == "github")
    if arguments.command == "coverage":
        return report_coverage(arguments.data)
    if arguments.command == "freshness":
        return freshness(arguments.data, today=arguments.today, github=arguments.format == "github")
    if arguments.command == "affected":
        return affected(arguments.data, base=arguments.base, site_url=arguments.site_url)
    if arguments.command == "links":
        return links(arguments.data)
    return generate(arguments.data, check=arguments.check)


if __name__ == "__main__":
    sys.exit(main())
