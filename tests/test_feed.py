"""The What changed page and its Atom feed: one entry per change, each linking sections that exist."""

from __future__ import annotations

from urllib.parse import urlsplit
from xml.etree import ElementTree

from macros.model.registry import CHANGES
from macros.paths import DATA_DIR
from macros.pipeline import load_dataset
from tests.conftest import BuiltSite

ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_feed_has_one_entry_per_change_linking_sections_the_site_has(site: BuiltSite) -> None:
    dataset = load_dataset(DATA_DIR)
    feed = ElementTree.parse(site.site_dir / "changes.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [change.summary for change in dataset.changes]
    for entry in entries:
        for link in entry.findall(f"{ATOM}link[@rel='related']"):
            address = urlsplit(link.get("href", ""))
            assert address.scheme == "https"
            page = site.page(address.path.lstrip("/"))
            if address.fragment:
                assert page.find(id=address.fragment) is not None, link.get("href")


def test_the_changes_page_lists_each_change_under_its_anchor_and_every_page_announces_the_feed(site: BuiltSite) -> None:
    dataset = load_dataset(DATA_DIR)
    article = site.article("changes/")
    for change in dataset.changes:
        heading = article.find(id=change.id)
        assert heading is not None and heading.get_text(" ", strip=True).startswith(change.summary)
    alternate = site.page("criteria/admin/").select_one('link[rel="alternate"][type="application/atom+xml"]')
    assert alternate is not None and alternate["href"].endswith("changes.xml")
    assert CHANGES.title in article.h1.get_text()


def test_hostile_change_text_stays_text_in_the_feed(hostile_site) -> None:
    built, _ = hostile_site
    feed = ElementTree.parse(built.site_dir / "changes.xml").getroot()  # parses: nothing typed broke the XML
    titles = [entry.findtext(f"{ATOM}title") or "" for entry in feed.findall(f"{ATOM}entry")]
    assert titles and all(title.strip() for title in titles)
