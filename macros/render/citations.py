"""Citations: what a reader pastes into a wiki or decision record for one citable section.

A bare address tells a later reader nothing about what the site said when it was cited, so
each citation carries the section's title, its rating or verdict, the framework versions it
holds for, its review date and its address, in Markdown and as plain text. The sections are
those of ``macros.model.sections`` (the ones the change record follows), so every section a
change entry can name can be cited, and each shows the change entries that name it: a reader
arriving from an old citation sees whether, and when, the section changed since.

The Markdown form escapes data text like the decision records (``macros.text.plain``); the
plain form is the text as typed. Both reach the page only as HTML attribute values.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from markupsafe import Markup

from macros.model import addresses
from macros.model.coverage import NOT_ASSESSED
from macros.model.dataset import Dataset
from macros.model.models import Assessment, Change, Framework
from macros.model.registry import (
    CHANGES,
    CLAIMS,
    CRITERIA,
    DECISIONS,
    EXAMPLES,
    FRAMEWORKS,
    GLOSSARY,
    MEASUREMENTS,
    PACKAGES,
    USE_CASES,
)
from macros.model.sections import Section, citable_sections
from macros.text import html_attribute, plain


@dataclass(frozen=True)
class Citation:
    """One section as a reader cites it; empty fields are left out of the citation."""

    title: str
    address: str
    statement: str = ""
    """The rating or verdict and what it says, e.g. 'Strong: django.contrib.admin generates ...'."""
    holds_for: str = ""
    """The framework versions it holds for, e.g. 'Django 5.2, 6.1'."""
    reviewed: str = ""
    """When it was last checked: one date, or 'from 2026-11-20 to 2026-11-28' for a page of sections."""
    site_name: str = ""

    def _details(self, text: Callable[[str], str]) -> str:
        parts = [_sentence(text(self.statement))] if self.statement else []
        facts = "; ".join(part for part in (
            f"Holds for {text(self.holds_for)}" if self.holds_for else "",
            f"reviewed {self.reviewed}" if self.reviewed else "",
        ) if part)
        if facts:
            parts.append(_sentence(facts[0].upper() + facts[1:]))
        return " ".join(parts)

    @property
    def markdown(self) -> str:
        """``[Title](address), *Site*. Statement. Holds for ...; reviewed ...``, data text escaped for Markdown."""
        site = f", *{plain(self.site_name)}*" if self.site_name else ""
        stop = "" if self.site_name.endswith(_STOPS) else "."
        details = self._details(plain)
        return f"[{plain(self.title)}]({self.address}){site}{stop}" + (f" {details}" if details else "")

    @property
    def text(self) -> str:
        """The same facts as plain text, the address last: for fields that show Markdown as typed."""
        details = self._details(str)
        site = f" {_sentence(self.site_name)}" if self.site_name else ""
        return f"{_sentence(self.title)}{(' ' + details) if details else ''}{site} {self.address}"


_STOPS = (".", "!", "?")


def _sentence(text: str) -> str:
    return text if text.endswith(_STOPS) else f"{text}."


def _span(dates: Iterable[date]) -> str:
    """One review date, or the range a page of sections was reviewed over."""
    found = sorted(set(dates))
    if not found:
        return ""
    return found[0].isoformat() if len(found) == 1 else f"from {found[0].isoformat()} to {found[-1].isoformat()}"


def holds_for(framework: Framework, series: Iterable[str]) -> str:
    """The versions a statement holds for, as every page and citation names them: 'Django 5.2, 6.1'."""
    return f"{framework.name} " + ", ".join(series)


def holds_for_each(dataset: Dataset, versions: dict[str, list[str]]) -> str:
    """The same for several frameworks, in the order given: 'Django 5.2, 6.1; Flask 3.1'."""
    names = {framework.id: framework for framework in dataset.frameworks}
    return "; ".join(holds_for(names[framework_id], series) for framework_id, series in versions.items())


def _current(frameworks: Iterable[Framework]) -> str:
    return "; ".join(f"{framework.name} {framework.current_version}" for framework in frameworks)


class Facts(NamedTuple):
    """What a citation says beyond its title and address."""

    statement: str
    holds_for: str
    reviewed: str


def _assessed(section: Section, dataset: Dataset) -> Facts:
    """A framework's assessment on a criterion or its fit for a use case."""
    entity = dataset.get(section.collection, section.entity_id)
    framework = dataset.get(FRAMEWORKS, str(section.path[1]))
    assessment: Assessment = entity.assessments[framework.id]
    return Facts(f"{assessment.rating.label}: {assessment.verdict}", holds_for(framework, assessment.versions),
                 assessment.reviewed.isoformat())


def _page_of_assessments(section: Section, dataset: Dataset) -> Facts:
    """A criterion or use case page: every framework's rating, the comparison on one line."""
    found = dataset.get(section.collection, section.entity_id).assessments
    ratings = "; ".join(
        f"{framework.name} {found[framework.id].rating.label}" if framework.id in found else f"{framework.name} {NOT_ASSESSED}"
        for framework in dataset.frameworks
    )
    versions = "; ".join(holds_for(framework, found[framework.id].versions)
                         for framework in dataset.frameworks if framework.id in found)
    return Facts(ratings, versions, _span(assessment.reviewed for assessment in found.values()))


def _outcome(section: Section, dataset: Dataset) -> Facts:
    tree = dataset.get(DECISIONS, section.entity_id)
    outcome = tree.outcomes[int(section.path[1])]
    frameworks = [dataset.get(FRAMEWORKS, framework_id) for framework_id in outcome.frameworks]
    recommended = ", then ".join(framework.name for framework in frameworks)
    return Facts(f"Recommended: {recommended}. {outcome.summary}", _current(frameworks), tree.reviewed.isoformat())


def _whole(section: Section, dataset: Dataset) -> Facts:
    """A section that is one entity: a framework, a tree, a claim, a term, an example, a package need."""
    entity = dataset.get(section.collection, section.entity_id)
    reviewed = entity.reviewed.isoformat()
    collection = section.collection
    if collection is FRAMEWORKS:
        return Facts(entity.summary, f"{entity.name} {entity.current_version} (latest release {entity.latest_release})",
                     reviewed)
    if collection is CLAIMS:
        return Facts(f"{entity.verdict.label}: {entity.summary}", holds_for_each(dataset, entity.versions), reviewed)
    if collection is DECISIONS:
        return Facts(entity.summary, _current(dataset.frameworks), reviewed)
    if collection is EXAMPLES:
        return Facts(entity.summary, holds_for_each(dataset, entity.versions), reviewed)
    if collection is PACKAGES:
        return Facts(entity.summary, "", reviewed)
    if collection is GLOSSARY:
        return Facts("", "", reviewed)
    raise ValueError(f"no citation for a section of {collection.folder}")


def _measured(section: Section, dataset: Dataset) -> Facts:
    measurement = dataset.get(MEASUREMENTS, section.entity_id)
    versions = holds_for_each(dataset, {fid: [footprint.version] for fid, footprint in measurement.footprint.items()})
    return Facts(f"Measured on {measurement.machine}, Python {measurement.python}", versions,
                 measurement.measured.isoformat())


def citation(section: Section, dataset: Dataset) -> Citation:
    """The citation of one section, addressed where a reader finds it."""
    if section.collection is MEASUREMENTS:
        facts = _measured(section, dataset)
    elif section.collection is DECISIONS and section.path and section.path[0] == "outcomes":
        facts = _outcome(section, dataset)
    elif section.collection in (CRITERIA, USE_CASES):
        facts = _assessed(section, dataset) if section.path else _page_of_assessments(section, dataset)
    else:
        facts = _whole(section, dataset)
    return Citation(section.title, addresses.absolute(dataset.site_url, section.link), *facts,
                    site_name=dataset.site_name)


def comparison_parts(dataset: Dataset) -> dict[str, Any]:
    """The pieces the comparison builder (compare.js) joins into the citation of the criteria a reader
    ticked, in Markdown and as plain text: each criterion's ratings, versions and review dates."""
    by_link = citations_of(dataset).by_link
    names = [framework.name for framework in dataset.frameworks]
    compared = (", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)) + " compared"

    def parts(text: Callable[[str], str]) -> dict[str, Any]:
        criteria = {}
        for criterion in dataset.criteria:
            found = citation(by_link[addresses.link(CRITERIA, criterion.id)], dataset)
            criteria[criterion.id] = {
                "name": text(criterion.title), "ratings": text(found.statement), "holds_for": text(found.holds_for),
                "reviewed": sorted({assessment.reviewed.isoformat() for assessment in criterion.assessments.values()}),
            }
        return {"title": text(compared), "site": text(dataset.site_name), "criteria": criteria}

    return {"markdown": parts(plain), "text": parts(str)}


# ----------------------------------------------------------------------------
# What a page shows: the change entries that name a section, and the copy buttons.
# ----------------------------------------------------------------------------


def _names(section: Section) -> set[str]:
    return {section.link, *section.aliases}


def changes_of(section: Section, dataset: Dataset, sections: Iterable[Section] = ()) -> list[Change]:
    """The change entries naming the section, or any of ``sections`` (a page's own sections), newest first."""
    names = set().union(_names(section), *(_names(part) for part in sections))
    found = [change for change in dataset.changes if names & set(change.sections)]
    return sorted(found, key=lambda change: (change.changed, change.id), reverse=True)


def _parts(section: Section, all_sections: list[Section]) -> list[Section]:
    """A criterion's or use case's assessments, which its page-level citation summarises."""
    if section.collection not in (CRITERIA, USE_CASES) or section.path:
        return []
    return [part for part in all_sections
            if part.collection is section.collection and part.entity_id == section.entity_id and part.path]


def changed_line(changes: list[Change]) -> str:
    """Markdown: when the section changed, each date linking to its entry in the what-changed page."""
    index = addresses.index_uri(CHANGES)
    if not changes:
        return f"No changes recorded in [What changed](/{index})"
    dates = ", ".join(f'[{change.changed.isoformat()}](/{index}#{change.id} "{html_attribute(change.summary)}")'
                      for change in changes)
    return f"Changed {dates}"


_BUTTONS = (("link", "Copy link"), ("markdown", "Copy citation"), ("text", "Plain text"))


def copy_buttons(found: Citation) -> str:
    """The copy buttons, as raw HTML whose attributes carry the citation; shown only where scripts run."""
    label = html_attribute(found.title)
    buttons = "".join(
        f'<button type="button" class="fvd-cite__button" data-copy="{kind}" '
        f'aria-label="{text}: {label}">{text}</button>'
        for kind, text in _BUTTONS
    )
    return (
        f'<div class="fvd-cite fvd-js-only" data-search-exclude data-link="{html_attribute(found.address)}" '
        f'data-markdown="{html_attribute(found.markdown)}" data-text="{html_attribute(found.text)}">{buttons}</div>'
    )


class Citations:
    """Every section of one dataset by link, found once per build for all the pages that cite."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.sections = citable_sections(dataset)
        self.by_link = {section.link: section for section in self.sections}

    def block(self, link: str) -> Markup:
        """Markdown for under a citable heading: the change line, then the copy buttons."""
        section = self.by_link[link]
        changes = changes_of(section, self.dataset, _parts(section, self.sections))
        buttons = copy_buttons(citation(section, self.dataset))
        return Markup(f"{changed_line(changes)}\n{{ .fvd-changed data-search-exclude }}\n\n{buttons}\n")


_LATEST: list[Citations] = []


def citations_of(dataset: Dataset) -> Citations:
    """The dataset's citable sections, found once per dataset (one build) for every page that cites."""
    if not _LATEST or _LATEST[0].dataset is not dataset:
        _LATEST[:] = [Citations(dataset)]
    return _LATEST[0]


def cite(dataset: Dataset, link: str) -> Markup:
    """The citation block of the section at ``link``."""
    return citations_of(dataset).block(link)
