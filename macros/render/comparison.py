"""The comparison builder: every criterion side by side, a form to pick and weigh them, and its Markdown export.

The page shows the whole criteria × frameworks matrix (what a reader without JavaScript gets)
and a form, hidden without JavaScript, whose script hides the rows nobody picked and orders the
rest by importance. Importance never adds up to a score: ratings are ordered labels, not
numbers (see the page's own explanation in docs/templates/compare.md.j2). The Markdown export of
every row is written here, at build time, from the same assessments as the table; the script
only picks the rows and joins the pieces, so the export and the page cannot disagree.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from macros.model import addresses
from macros.model.coverage import NOT_ASSESSED
from macros.model.dataset import Dataset
from macros.model.models import Assessment, Criterion, Framework, Rating
from macros.model.registry import CRITERIA, FRAMEWORKS
from macros.render.citations import Citation, comparison_parts, copy_buttons
from macros.render.templates import render_template, versions_text
from macros.text import plain

# Characters that would end a Markdown link destination or break it across lines.
URL_UNSAFE = re.compile(r"[\s()<>\[\]|\\`]")
LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")


@dataclass(frozen=True)
class Importance:
    """How much a criterion matters to the team: it orders the rows and never weighs a rating."""

    id: str
    """The value in the page address: ``?admin=must``."""
    label: str


# Most important first: the order of the rows and of the options in each select.
IMPORTANCE = (
    Importance("must", "Must-have"),
    Importance("important", "Important"),
    Importance("nice", "Nice to have"),
)
DEFAULT_IMPORTANCE = "important"


# ----------------------------------------------------------------------------
# Markdown for the export: text in table cells, absolute links
# ----------------------------------------------------------------------------


def markdown_cell(text: str) -> str:
    """Text shown literally in a Markdown table cell: Markdown and HTML escaped (``|`` too), on one line."""
    return str(plain(LINE_BREAKS.sub(" ", text)))


def markdown_url(url: str) -> str:
    """A link destination with nothing that could end it early (spaces, brackets, pipes) left unencoded."""
    return URL_UNSAFE.sub(lambda match: "".join(f"%{byte:02X}" for byte in match.group(0).encode("utf-8")), url)


def markdown_link(text: str, url: str) -> str:
    return f"[{markdown_cell(text)}]({markdown_url(url)})"


def assessment_cell(framework: Framework, assessment: Assessment | None, *, details: str) -> str:
    """'**Strong**: verdict (Django 5.2, 6.0; reviewed 2025-06-01; [details](...))' for one framework, or the gap."""
    if assessment is None:
        return f"{NOT_ASSESSED.capitalize()} ({markdown_link('details', details)})"
    return (
        f"**{markdown_cell(assessment.rating.label)}**: {markdown_cell(assessment.verdict)} "
        f"({markdown_cell(versions_text(framework, assessment))}; reviewed {assessment.reviewed.isoformat()}; "
        f"{markdown_link('details', details)})"
    )


def export_row(criterion: Criterion, dataset: Dataset, *, site_url: str) -> list[str]:
    """One criterion's table row around its importance cell: the script puts the chosen label between the two."""
    page = addresses.absolute(site_url, addresses.link(CRITERIA, criterion.id))
    cells = [
        assessment_cell(framework, criterion.assessments.get(framework.id),
                        details=addresses.absolute(site_url, addresses.link(CRITERIA, criterion.id, framework.id)))
        for framework in dataset.frameworks
    ]
    return [f"| {markdown_link(criterion.title, page)} | ", " | " + " | ".join(cells) + " |"]


def export_data(dataset: Dataset, *, site_url: str, page_src: str) -> dict[str, Any]:
    """Every piece of the Markdown export, keyed so the script only selects and joins them."""
    frameworks = dataset.frameworks
    names = [framework.name for framework in frameworks]
    header = " | ".join(
        markdown_link(framework.name, addresses.absolute(site_url, addresses.link(FRAMEWORKS, framework.id)))
        for framework in frameworks
    )
    page_url = addresses.absolute(site_url, "/" + page_src)
    ratings = ", ".join(rating.label for rating in Rating)
    return {
        "title": f"## {markdown_cell(', '.join(names))}: the criteria we chose",
        "head": [f"| Criterion | Importance | {header} |", "|---|---|" + "---|" * len(frameworks)],
        "rows": {criterion.id: export_row(criterion, dataset, site_url=site_url) for criterion in dataset.criteria},
        "importance": {level.id: markdown_cell(level.label) for level in IMPORTANCE},
        "notes": [
            f"Ratings, best first: {markdown_cell(ratings)}. They are ordered labels, not scores, so nothing is added up: "
            "importance only orders the rows, must-haves first.",
            "",
            *(
                f"- {markdown_link(framework.name, addresses.absolute(site_url, addresses.link(FRAMEWORKS, framework.id)))}: "
                f"current series {markdown_cell(framework.current_version)}, latest release "
                f"{markdown_cell(framework.latest_release)}; facts reviewed {framework.reviewed.isoformat()}."
                for framework in frameworks
            ),
        ],
        "link": [f"This comparison: <{markdown_url(page_url)}", ">"],
        "address": page_url,
        "cite": comparison_parts(dataset),
        "filename": "-".join(framework.id for framework in frameworks) + "-comparison.md",
    }


# ----------------------------------------------------------------------------
# The page
# ----------------------------------------------------------------------------


def comparison_builder(dataset: Dataset, *, site_url: str, page_src: str) -> str:
    """The builder's Markdown: the form (hidden without JavaScript), the full matrix, how importance works.

    ``site_url`` makes the export's links absolute; ``page_src`` is the page it is shown on (``compare.md``).
    """
    return render_template(
        "compare.md.j2", dataset=dataset, importance=IMPORTANCE, default_importance=DEFAULT_IMPORTANCE,
        lowest_rank=len(Rating), lowest=list(Rating)[-1],
        cite_buttons=Markup(copy_buttons(Citation("this comparison", addresses.absolute(site_url, "/" + page_src)))),
        export_json=json.dumps(export_data(dataset, site_url=site_url, page_src=page_src),
                               ensure_ascii=False, separators=(",", ":")),
    )
