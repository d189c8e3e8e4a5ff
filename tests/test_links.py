"""Links never rot: every published page and anchor still resolves, or the data says where it went."""

from __future__ import annotations

from pathlib import Path

from macros.links import published_links, read_registry, resolves
from tests.conftest import BuiltSite, build_site


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


def test_a_renamed_page_with_an_alias_keeps_its_old_links(tmp_path: Path, minimal_data: Path) -> None:
    old = minimal_data / "criteria" / "admin.yaml"
    renamed = old.read_text().replace("id: admin\n", "id: back-office\naliases: [admin]\n")
    (minimal_data / "criteria" / "back-office.yaml").write_text(renamed)
    old.unlink()
    for path in minimal_data.rglob("*.yaml"):
        text = path.read_text()
        path.write_text(text.replace("[admin]", "[back-office]").replace("[admin, database]", "[back-office, database]")
                        .replace("aliases: [back-office]", "aliases: [admin]"))
    site = build_site(tmp_path / "site", data_dir=minimal_data)
    current = published_links(site.site_dir)
    assert "/criteria/back-office/#django" in current
    assert "/criteria/admin/#django" not in current
    assert resolves("/criteria/admin/#django", site.site_dir, current)
    assert resolves("/criteria/admin/", site.site_dir, current)
    assert not resolves("/criteria/gone/#django", site.site_dir, current)
    redirect = (site.site_dir / "criteria" / "admin" / "index.html").read_text()
    assert 'location.replace("../back-office/" + location.hash)' in redirect


def test_without_an_alias_a_rename_is_reported(tmp_path: Path, minimal_data: Path) -> None:
    site = build_site(tmp_path / "site", data_dir=minimal_data)
    current = published_links(site.site_dir)
    assert resolves("/criteria/admin/#django", site.site_dir, current)
    (site.site_dir / "criteria" / "admin" / "index.html").unlink()
    current = published_links(site.site_dir)
    assert not resolves("/criteria/admin/#django", site.site_dir, current)
