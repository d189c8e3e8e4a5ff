"""The What changed page as an Atom feed (/changes.xml), for teams who follow the sections they cite.

Built with ElementTree, which escapes every text and attribute, from the same change entries as
the page; addresses are absolute (Atom readers fetch the feed away from the site).
"""

from __future__ import annotations

from datetime import date
from xml.etree import ElementTree

from macros.model import addresses
from macros.model.dataset import Dataset
from macros.model.registry import CHANGES

FEED_PATH = "changes.xml"
ATOM = "http://www.w3.org/2005/Atom"


def _timestamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def atom_feed(dataset: Dataset, *, site_name: str, titles: dict[str, tuple[str, str]]) -> str:
    """The feed document: one entry per change, newest first, linking its change and the sections it changed."""
    site = dataset.site_url.rstrip("/")
    page = site + addresses.url(addresses.index_uri(CHANGES))
    feed = ElementTree.Element("feed", xmlns=ATOM)
    ElementTree.SubElement(feed, "title").text = f"{site_name} — {CHANGES.title}"
    ElementTree.SubElement(feed, "subtitle").text = CHANGES.description
    ElementTree.SubElement(feed, "id").text = page
    ElementTree.SubElement(feed, "link", rel="self", type="application/atom+xml", href=f"{site}/{FEED_PATH}")
    ElementTree.SubElement(feed, "link", rel="alternate", type="text/html", href=page)
    newest = max((change.changed for change in dataset.changes), default=dataset.built)
    ElementTree.SubElement(feed, "updated").text = _timestamp(newest)
    ElementTree.SubElement(ElementTree.SubElement(feed, "author"), "name").text = site_name
    for change in dataset.changes:
        entry = ElementTree.SubElement(feed, "entry")
        ElementTree.SubElement(entry, "title").text = change.summary
        ElementTree.SubElement(entry, "id").text = f"{page}#{change.id}"
        ElementTree.SubElement(entry, "updated").text = _timestamp(change.changed)
        ElementTree.SubElement(entry, "link", rel="alternate", type="text/html", href=f"{page}#{change.id}")
        sections = [titles.get(section, (section, section)) for section in change.sections]
        for link, title in sections:
            href = addresses.absolute(site, link)
            ElementTree.SubElement(entry, "link", rel="related", type="text/html", href=href, title=title)
        ElementTree.SubElement(entry, "category", term=change.kind.value, label=change.kind.label)
        listed = "; ".join(f"{title}: {addresses.absolute(site, link)}" for link, title in sections)
        ElementTree.SubElement(entry, "summary", type="text").text = f"{change.kind.label}. {change.summary} Sections: {listed}"
    ElementTree.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(feed, encoding="unicode") + "\n"
