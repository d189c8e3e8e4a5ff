"""Decision records: an outcome and the answers behind it as a Markdown ADR a team pastes into its wiki.

The record follows the common architecture decision record shape (context, decision,
consequences) and is made from the same data as the outcome page, so the two cannot disagree.
Data text keeps the escaping of ``macros.text`` (a pasted record cannot carry markup either), and
links become the published absolute addresses, since the record is read away from the site.
"""

from __future__ import annotations

import re

from macros.model import addresses
from macros.model.coverage import NOT_ASSESSED
from macros.model.dataset import Dataset
from macros.model.models import DecisionTree, Outcome
from macros.model.registry import CRITERIA, DECISIONS, FRAMEWORKS
from macros.render.flowcharts import AnswerPath
from macros.text import markdown, plain

# A Markdown link whose target is a site-absolute .md address: [text](/criteria/admin.md#flask).
SITE_LINK_TARGET = re.compile(r"\]\((/[^)\s]+)\)")


def absolute_links(text: str, site_url: str) -> str:
    """Markdown with each site link (``/criteria/admin.md#flask``) as its published address."""
    def absolute(match: re.Match[str]) -> str:
        target = match.group(1)
        return f"]({addresses.absolute(site_url, target)})" if addresses.SITE_LINK.match(target) else match.group(0)

    return SITE_LINK_TARGET.sub(absolute, text)


def _answers(paths: list[AnswerPath]) -> list[str]:
    def steps(path: AnswerPath, indent: str) -> list[str]:
        return [f"{indent}{number}. {plain(question.text)} **{plain(answer.label)}**"
                for number, (question, answer) in enumerate(path.steps, start=1)]

    if len(paths) == 1:
        return ["Our answers:", "", *steps(paths[0], "")]
    lines = ["Answers that lead to this outcome (keep the set that matches your project):", ""]
    for number, path in enumerate(paths, start=1):
        lines += [f"- Set {number}:", "", *steps(path, "    "), ""]
    return lines[:-1]


def _evidence(outcome: Outcome, dataset: Dataset) -> list[str]:
    rows = []
    for criterion_id in outcome.criteria:
        criterion = dataset.criterion(criterion_id)
        for framework_id in outcome.frameworks:
            assessment = criterion.assessments.get(framework_id)
            framework = dataset.get(FRAMEWORKS, framework_id)
            section = addresses.absolute(dataset.site_url, addresses.link(CRITERIA, criterion_id, framework_id))
            if assessment is None:  # said in words, never left out: the record must not look more complete than it is
                rows.append(f"| [{plain(criterion.title)}]({section}) | {plain(framework.name)} | {NOT_ASSESSED} | | | |")
                continue
            rows.append(
                f"| [{plain(criterion.title)}]({section}) | {plain(framework.name)} | {assessment.rating.label} "
                f"| {plain(assessment.verdict)} | {', '.join(assessment.versions)} | {assessment.reviewed.isoformat()} |"
            )
    if not rows:
        return []
    return ["## Evidence", "", "| Criterion | Framework | Rating | Verdict | Holds for | Reviewed |",
            "|---|---|---|---|---|---|", *rows, ""]


def decision_record(
    dataset: Dataset, tree: DecisionTree, outcome: Outcome, paths: list[AnswerPath], *, address: str
) -> str:
    """The record of choosing ``outcome``: one path (a chooser result) or all paths to it (its page)."""
    site_url = dataset.site_url
    frameworks = [dataset.get(FRAMEWORKS, framework_id) for framework_id in outcome.frameworks]
    versions = "; ".join(
        f"{plain(framework.name)} {framework.current_version} (latest release {framework.latest_release})"
        for framework in frameworks
    )
    tree_address = addresses.absolute(site_url, addresses.link(DECISIONS, tree.id))
    lines = [
        f"# Decision record: {plain(outcome.title)}",
        "",
        "- Status: proposed",
        f"- Date: {dataset.built.isoformat()}",
        f"- Result: {address}",
        f"- Flowchart: [{plain(tree.title)}]({tree_address}), reviewed {tree.reviewed.isoformat()}",
        f"- Framework versions: {versions}",
        "",
        "## Context",
        "",
        plain(tree.summary),
        "",
        *_answers(paths),
        "",
        "## Decision",
        "",
        plain(outcome.summary),
        "",
        absolute_links(markdown(outcome.reasons), site_url),
        "",
        "## Consequences",
        "",
    ]
    if outcome.adds:
        lines += ["What we add:", ""]
        lines += [f"- [{plain(package.name)}]({package.url}) {package.version}: {plain(package.purpose)}"
                  for package in outcome.adds]
        lines.append("")
    lines += ["What it costs us:", "", absolute_links(markdown(outcome.costs), site_url), "",
              "What would change this decision:", ""]
    lines += ["- " + absolute_links(markdown(risk), site_url).replace("\n", "\n  ") for risk in outcome.risks]
    lines.append("")
    lines += _evidence(outcome, dataset)
    return "\n".join(lines).rstrip("\n") + "\n"


def path_records(dataset: Dataset, tree: DecisionTree, paths: list[AnswerPath]) -> dict[str, str]:
    """Each path's record, keyed by its chooser query; its address is the chooser with those answers."""
    chooser = addresses.absolute(dataset.site_url, addresses.link(DECISIONS, tree.id))
    return {
        path.query: decision_record(dataset, tree, path.outcome, [path], address=f"{chooser}?{path.query}#walk")
        for path in paths
    }


def outcome_record(dataset: Dataset, tree: DecisionTree, outcome: Outcome, paths: list[AnswerPath]) -> str:
    """The record an outcome page shows before a reader's answers are known: every path that leads to it."""
    address = addresses.absolute(dataset.site_url, addresses.outcome_link(tree.id, outcome.id))
    return decision_record(dataset, tree, outcome, paths, address=address)
