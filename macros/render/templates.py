"""Render dataset entities into Markdown page bodies: pure functions of the loaded dataset.

The page layouts live as Jinja templates in docs/templates/ (sharing partials/). Every
``{{ value }}`` in them is escaped as plain text unless a filter marked it as Markdown, so a
template cannot leak raw data into the page by forgetting a filter. Nothing here reads data
files: ``macros.pipeline`` loads everything a page shows before rendering starts.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from macros.model import addresses, coverage
from macros.model.coverage import NOT_ASSESSED
from macros.model.dataset import Dataset
from macros.model.models import (
    Assessment,
    Claim,
    ClaimVerdict,
    Criterion,
    DecisionTree,
    Example,
    Framework,
    Measurement,
    Outcome,
    Rating,
    ServerInterface,
    UseCase,
)
from macros.model.needs import QUIET_AFTER_MONTHS, package_notes
from macros.model.registry import (
    CLAIMS,
    CRITERIA,
    DECISIONS,
    EXAMPLES,
    FRAMEWORKS,
    GLOSSARY,
    MEASUREMENTS,
    PACKAGES,
    USE_CASES,
    Collection,
)
from macros.model.sections import current_links
from macros.model.statistics import AGREEMENT, estimate
from macros.model.support import support
from macros.paths import TEMPLATES_DIR
from macros.render import flowcharts, measured, records
from macros.render.charts import RUN_NAMES, timeline_chart
from macros.render.citations import cite, holds_for, holds_for_each
from macros.text import fence, html_attribute, markdown, plain


def _finalize(value: Any) -> Any:
    """Escape every template output that is not already Markdown we produced."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, date):
        return value.isoformat()
    return plain(str(value))


def rating_badge(rating: Rating) -> Markup:
    """The rating as a labelled badge; the label is text, so it reads without colour."""
    rank = list(Rating).index(rating) + 1
    return Markup(
        f'<span class="fvd-rating fvd-rating--{rating.value}" data-rank="{rank}" title="{rating.meaning}">{rating.label}</span>'
    )


def verdict_badge(verdict: ClaimVerdict) -> Markup:
    """A claim's verdict as a labelled badge."""
    return Markup(f'<span class="fvd-verdict fvd-verdict--{verdict.value}">{verdict.label}</span>')


def alias_anchors(anchors: Iterable[str], *, prefix: str = "") -> Markup:
    """Empty anchors at a section's old ids, so links published before a rename still land on it."""
    return Markup("".join(f'<a class="fvd-alias" id="{html.escape(prefix + anchor)}"></a>' for anchor in anchors))


def cell_anchor(criterion: Criterion, framework: Framework) -> Markup:
    """A stable anchor for one matrix cell (#m-admin-django), its copy-link affordance, and its old ids."""
    anchor, *old = addresses.cell_aliases((criterion.id, *criterion.aliases), (framework.id, *framework.aliases))
    return Markup(
        f'<a class="fvd-permalink" id="{anchor}" href="#{anchor}" title="Link to this cell" aria-label="Link to this cell">#</a>'
        f"{alias_anchors(old)} "
    )


def gap(target: str) -> Markup:
    """Where a framework has no entry: plain words in the place of a rating, linking to the section that explains it."""
    return Markup(f"[{NOT_ASSESSED.capitalize()}]({target}){{ .fvd-gap }}")


def page_link(collection: Collection, entity_id: str, anchor: str = "") -> Markup:
    """A site-absolute link target that MkDocs validates and rewrites (see ``macros.model.addresses``)."""
    return Markup(addresses.link(collection, entity_id, anchor))


def outcome_link(tree_id: str, outcome_id: str) -> Markup:
    """The link target of an outcome's page (see ``macros.model.addresses``)."""
    return Markup(addresses.outcome_link(tree_id, outcome_id))


def yaml_string(text: str) -> Markup:
    """A value for the page's YAML front matter (JSON strings are valid YAML)."""
    return Markup(json.dumps(text, ensure_ascii=False))


def versions_text(framework: Framework, assessment: Assessment) -> str:
    return holds_for(framework, assessment.versions)


def verdicts_description(entity: Criterion | UseCase, dataset: Dataset) -> str:
    """A page description made of the one-line verdicts: 'Django (Strong): ... Flask (Good): ...'."""
    found = entity.assessments
    return " ".join(
        f"{framework.name} ({found[framework.id].rating.label}): {found[framework.id].verdict}"
        if framework.id in found else f"{framework.name}: {NOT_ASSESSED}."
        for framework in dataset.frameworks
    )


def served_as(measurement: Measurement, frameworks: list[Framework]) -> str:
    """How the measured apps were served: 'Django and Flask run as WSGI apps, FastAPI as an ASGI app.'"""
    clauses = []
    for interface in ServerInterface:
        names = [framework.name for framework in frameworks
                 if framework.id in measurement.setup and measurement.setup[framework.id].interface is interface]
        if not names:
            continue
        label = interface.value.upper()
        kind = f"{label} apps" if len(names) > 1 else f"{'an' if interface is ServerInterface.ASGI else 'a'} {label} app"
        verb = "" if clauses else ("run " if len(names) > 1 else "runs ")
        clauses.append(f"{' and '.join(names)} {verb}as {kind}")
    return ", ".join(clauses) + "."


def claim_versions(claim: Claim, dataset: Dataset) -> str:
    """'Django 5.2, 6.1; Flask 3.1' for the frameworks a claim concerns."""
    return holds_for_each(dataset, claim.versions)


@lru_cache(maxsize=1)
def _environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        undefined=StrictUndefined,
        finalize=_finalize,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters.update(
        md=markdown, badge=rating_badge, verdict=verdict_badge, yaml_string=yaml_string, attribute=html_attribute,
        code=code_span,
    )
    environment.globals.update(
        link=page_link, outcome_link=outcome_link, gap=gap, FRAMEWORKS=FRAMEWORKS, CRITERIA=CRITERIA, USE_CASES=USE_CASES,
        CLAIMS=CLAIMS, MEASUREMENTS=MEASUREMENTS, GLOSSARY=GLOSSARY, DECISIONS=DECISIONS, EXAMPLES=EXAMPLES, PACKAGES=PACKAGES,
        package_notes=package_notes, quiet_after=QUIET_AFTER_MONTHS, section_titles=section_titles,
        ratings=list(Rating), not_assessed=NOT_ASSESSED, versions_text=versions_text, claim_versions=claim_versions,
        support=support, timeline=timeline_chart, served_as=served_as, measured=measured, estimate=estimate,
        run_names=RUN_NAMES, agreement=f"{AGREEMENT:.0%}",
        verdicts_description=verdicts_description, cell_anchor=cell_anchor, alias_anchors=alias_anchors, cite=cite,
    )
    return environment


def section_titles(dataset: Dataset) -> dict[str, tuple[str, str]]:
    """Each link a change entry may name (former ids included) -> the section's current link and title."""
    return {link: (section.link, section.title) for link, section in current_links(dataset).items()}


def render_template(name: str, **context: Any) -> str:
    """Render one template of docs/templates with the escaping rules above."""
    return _environment().get_template(name).render(**context)


def framework_page(framework: Framework, dataset: Dataset) -> str:
    return render_template("framework.md.j2", framework=framework, dataset=dataset)


def criterion_page(criterion: Criterion, dataset: Dataset) -> str:
    related = [dataset.criterion(related_id) for related_id in criterion.related]
    return render_template(
        "criterion.md.j2", criterion=criterion, related=related, claims=dataset.claims_about(criterion.id),
        measurements=dataset.measurements_for(criterion.id), examples=dataset.examples_for(criterion.id),
        needs=dataset.needs_for(criterion_id=criterion.id), dataset=dataset,
    )


def example_page(example: Example, dataset: Dataset) -> str:
    """Each framework's files in a content tab, as loaded from the repository before rendering."""
    tested = [f"{framework.name} {dataset.tested_versions[framework.id]}" for framework in dataset.frameworks
              if framework.id in example.files and framework.id in dataset.tested_versions]
    return render_template(
        "example.md.j2", example=example, sources=dataset.example_sources[example.id], tested_with=", ".join(tested),
        criteria=[dataset.criterion(criterion_id) for criterion_id in example.criteria], dataset=dataset,
    )


def use_case_page(use_case: UseCase, dataset: Dataset) -> str:
    deciding = [dataset.criterion(criterion_id) for criterion_id in use_case.criteria]
    related = [dataset.use_case(related_id) for related_id in use_case.related]
    return render_template("use-case.md.j2", use_case=use_case, deciding=deciding, related=related,
                           needs=dataset.needs_for(use_case_id=use_case.id), dataset=dataset)


def decision_page(tree: DecisionTree, dataset: Dataset) -> str:
    """A decision page at /decisions/<id>/: the walk-through, the flowchart, the steps and the outcomes."""
    questions = flowcharts.question_order(tree)
    path_records = records.path_records(dataset, tree, flowcharts.answer_paths(tree))
    return render_template(
        "decision.md.j2", tree=tree, dataset=dataset, questions=questions, numbers=flowcharts.question_numbers(tree),
        outcomes={outcome.id: outcome for outcome in tree.outcomes},
        flowchart=Markup(flowcharts.flowchart_html(tree)), chooser_json=flowcharts.chooser_data(tree, path_records),
    )


def outcome_page(tree: DecisionTree, outcome: Outcome, dataset: Dataset) -> str:
    """An outcome's own page at /decisions/<tree>/<outcome>/, with its decision record."""
    paths = [path for path in flowcharts.answer_paths(tree) if path.outcome is outcome]
    record = records.outcome_record(dataset, tree, outcome, paths)
    return render_template(
        "outcome.md.j2", tree=tree, outcome=outcome, dataset=dataset, paths=paths, numbers=flowcharts.question_numbers(tree),
        record=record, record_fence=Markup(fence(record)),
        path_records=json.dumps(records.path_records(dataset, tree, paths), ensure_ascii=False),
        filename=f"decision-{tree.id}-{outcome.id}.md",
    )


def code_span(text: str) -> Markup:
    """Text as an inline code span, shown exactly (Markdown does not unescape inside code)."""
    fence_ = fence(text, minimum=1)
    return Markup(f"{fence_} {text} {fence_}" if text.startswith("`") or text.endswith("`") else f"{fence_}{text}{fence_}")


def section_index(collection: Collection, dataset: Dataset) -> str:
    """A section's index page; for single-page collections it holds every entity."""
    return render_template(f"{collection.folder}-index.md.j2", dataset=dataset)


def overview_matrix(dataset: Dataset, *, verdicts: bool = True) -> str:
    """Criteria × frameworks: each cell a rating, and with ``verdicts`` its verdict.

    The home page's ratings (``verdicts=False``) link to their sections; with verdicts, the criterion's name is the link.
    """
    return render_template("partials/overview-matrix.md.j2", dataset=dataset, verdicts=verdicts)


def master_decision_link(dataset: Dataset) -> str:
    """A link to the master tree's page, titled as the tree; the decision section's index when there is none."""
    if dataset.master is None:
        return f"[{plain(DECISIONS.title)}](/{addresses.index_uri(DECISIONS)})"
    return f"[{plain(dataset.master.title)}]({addresses.link(DECISIONS, dataset.master.id)})"


def versions_covered(dataset: Dataset) -> str:
    """Which release series the site covers, from each framework's data."""
    return render_template("partials/versions.md.j2", dataset=dataset)


def coverage_table(dataset: Dataset) -> str:
    """How much of the dataset each framework is assessed on, and where it is not, for the methodology page."""
    return render_template("partials/coverage.md.j2", dataset=dataset, coverage=coverage.coverage(dataset),
                           collections=coverage.COVERED)


def rating_scale() -> str:
    """The rating scale as a table, for the methodology page."""
    return render_template("partials/rating-scale.md.j2")


def redirect_page(target: str) -> str:
    """A page that forwards to ``target`` (relative URL), keeping the #anchor of the old link."""
    return render_template("redirect.html.j2", target=target)
