"""Links never rot: every published page and anchor still resolves, or the data says where it went."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import yaml

from macros.model.registry import BY_FOLDER
from macros.pages.published import published_links, read_registry, resolves
from macros.paths import DATA_DIR
from tests.conftest import FIXTURES, BuiltSite, build_site


def test_every_published_link_still_resolves(site: BuiltSite) -> None:
    current = published_links(site.site_dir)
    broken = sorted(link for link in read_registry() if not resolves(link, site.site_dir, current))
    assert broken == [], "published links broke: add the old id to 'aliases' of the entry that replaced it"


def test_every_link_the_site_serves_is_registered(site: BuiltSite) -> None:
    unregistered = sorted(published_links(site.site_dir) - read_registry())
    assert unregistered == [], "run 'python -m macros links' and commit tests/published-links.txt"


def test_anchors_come_from_ids_not_headings(site: BuiltSite) -> None:
    links = read_registry()
    assert {"/criteria/database/#django", "/criteria/database/#flask", "/use-cases/rest-apis/#flask",
            "/claims/#django-is-mvc", "/glossary/#wsgi", "/#m-admin-django", "/decisions/which-framework/#q-interface",
            } <= links


def all_ids(data_dir: Path) -> set[str]:
    """Every id a link can be derived from: entities, the questions and outcomes of trees, measured endpoints."""
    ids = set()
    for path in data_dir.glob("*/*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        ids.add(data["id"])
        ids.update(entry["id"] for key in ("questions", "outcomes", "endpoints") for entry in data.get(key, []))
    return ids


def renamed(value: Any, ids: set[str]) -> Any:
    """``value`` with every id (as a string or a mapping key) replaced by its new name."""
    if isinstance(value, str):
        return f"{value}-renamed" if value in ids else value
    if isinstance(value, list):
        return [renamed(item, ids) for item in value]
    if isinstance(value, dict):
        return {renamed(key, ids): renamed(item, ids) for key, item in value.items()}
    return value


def rename_everything(data_dir: Path) -> None:
    """CONTRIBUTING's rename procedure on every id at once: new id and file name, old id in aliases."""
    ids = all_ids(data_dir)
    for path in sorted(data_dir.glob("*/*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        new = renamed(data, ids)
        if "aliases" in BY_FOLDER[path.parent.name].model.model_fields:
            new["aliases"] = [data["id"]]
        for key in ("questions", "outcomes", "endpoints"):
            for old, entry in zip(data.get(key, []), new.get(key, []), strict=True):
                entry["aliases"] = [old["id"]]
        path.unlink()
        (path.parent / f"{new['id']}.yaml").write_text(yaml.safe_dump(new, sort_keys=False), encoding="utf-8")


def shapes(links: set[str], ids: set[str], fixed: set[str]) -> set[str]:
    """Links with every id replaced by a placeholder: which kinds of id-derived address there are.

    Anchors in ``fixed`` are the site's own section names and stay as they are, even where a
    dataset happens to use the same word as an id.
    """
    alternatives = "|".join(sorted((re.escape(i) for i in ids), key=len, reverse=True))
    token = re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])")
    found = set()
    for link in links:
        page, _, anchor = link.partition("#")
        shape = token.sub("<id>", page) + ("#" + (anchor if anchor in fixed else token.sub("<id>", anchor)) if anchor else "")
        if "<id>" in shape:
            found.add(shape)
    return found


def test_renaming_every_id_keeps_every_published_link(tmp_path: Path, site: BuiltSite) -> None:
    """The fixture holds every kind of id-derived address the real site serves, and a rename of every
    id keeps all of them working. (Retired kinds, such as the former /chooser/ page's anchors, stay
    in the registry and are held by test_every_published_link_still_resolves.)"""
    data_dir = tmp_path / "every-kind" / "data"
    shutil.copytree(FIXTURES / "every-kind", data_dir.parent)
    before = build_site(tmp_path / "before", data_dir=data_dir)
    published = published_links(before.site_dir)
    # The fixture must hold every kind of id-derived address the real registry holds.
    fixture_ids = all_ids(data_dir)
    fixed = {anchor for link in published if (anchor := link.partition("#")[2]) and not shapes({anchor}, fixture_ids, set())}
    assert shapes(published_links(site.site_dir), all_ids(DATA_DIR), fixed) <= shapes(published, fixture_ids, fixed)

    rename_everything(data_dir)
    after = build_site(tmp_path / "after", data_dir=data_dir)
    current = published_links(after.site_dir)
    assert published - current, "the rename changed no address: the test would prove nothing"
    assert sorted(link for link in published if not resolves(link, after.site_dir, current)) == []


def test_without_an_alias_a_rename_is_reported(tmp_path: Path, minimal_data: Path) -> None:
    site = build_site(tmp_path / "site", data_dir=minimal_data)
    current = published_links(site.site_dir)
    assert resolves("/criteria/admin/#django", site.site_dir, current)
    (site.site_dir / "criteria" / "admin" / "index.html").unlink()
    current = published_links(site.site_dir)
    assert not resolves("/criteria/admin/#django", site.site_dir, current)
