"""Command line: ``python -m macros validate`` and ``python -m macros generate [--check]``."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from macros.contributors import affected_pages, affected_summary, changed_files, freshness_warnings, github_annotation
from macros.dataset import InvalidDatasetError, load_dataset
from macros.paths import DATA_DIR


def validate(data_dir: Path, *, github: bool = False) -> int:
    """Validate the dataset without building; print every problem. Exit status 0 or 1."""
    try:
        dataset = load_dataset(data_dir)
    except InvalidDatasetError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
            if github:
                print(github_annotation(problem))
        print(f"{len(error.problems)} problem(s) in {data_dir}; fix them before building.", file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(entities)} {collection.folder}" for collection, entities in dataset.entities.items())
    print(f"{data_dir}: valid ({counts}).")
    return 0


def generate(*, check: bool) -> int:
    """Regenerate the JSON Schemas and field reference, or with --check report stale ones."""
    from macros.schema import stale_derived_files, write_derived_files

    if check:
        stale = stale_derived_files()
        for path in stale:
            print(f"{path} is out of date: run 'python -m macros generate'", file=sys.stderr)
        return 1 if stale else 0
    for path in write_derived_files():
        print(f"wrote {path}")
    return 0


def links() -> int:
    """Build the site, add its new links to the registry, and report published links that broke."""
    import tempfile

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from macros.links import published_links, read_registry, resolves, write_registry
    from macros.paths import ROOT

    with tempfile.TemporaryDirectory() as site_dir:
        build(load_config(str(ROOT / "mkdocs.yml"), site_dir=site_dir, strict=True))
        current = published_links(Path(site_dir))
        registry = read_registry()
        broken = sorted(link for link in registry if not resolves(link, Path(site_dir), current))
    write_registry(registry | current)
    print(f"{len(current - registry)} new link(s) added to the registry.")
    for link in broken:
        print(f"{link} no longer resolves: add the old id to 'aliases' of the entry that replaced it", file=sys.stderr)
    return 1 if broken else 0


def freshness(data_dir: Path, *, today: date, github: bool) -> int:
    """Warn about assessments due for review; always exit 0 (warnings, not failures)."""
    warnings = freshness_warnings(load_dataset(data_dir), today=today)
    for warning in warnings:
        print(github_annotation(warning, level="warning") if github else f"warning: {warning}")
    print(f"{len(warnings)} item(s) due for review.", file=sys.stderr)
    return 0


def affected(data_dir: Path, *, base: str, site_url: str) -> int:
    """Print the Markdown list of pages that the change since ``base`` affects."""
    dataset = load_dataset(data_dir)
    print(affected_summary(affected_pages(changed_files(base, data_dir.parent), dataset), site_url), end="")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    validate_parser = commands.add_parser("validate", help="check the dataset without building the site")
    validate_parser.add_argument("--data", type=Path, default=DATA_DIR, help="data folder (default: data/)")
    validate_parser.add_argument("--format", choices=["text", "github"], default="text",
                                 help="github: also print GitHub Actions annotations on stdout")
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
    commands.add_parser("links", help="add new page and anchor links to tests/published-links.txt; report broken ones")
    arguments = parser.parse_args(argv)
    if arguments.command == "validate":
        return validate(arguments.data, github=arguments.format == "github")
    if arguments.command == "freshness":
        return freshness(arguments.data, today=arguments.today, github=arguments.format == "github")
    if arguments.command == "affected":
        return affected(arguments.data, base=arguments.base, site_url=arguments.site_url)
    if arguments.command == "links":
        return links()
    return generate(check=arguments.check)


if __name__ == "__main__":
    sys.exit(main())
