"""Decision trees as Mermaid flowcharts, ordered steps and the chooser's data.

Pure functions of the model: the page templates place their output, MkDocs renders it.
"""

from __future__ import annotations

import json
from collections import deque

from macros.model import addresses
from macros.model.models import Answer, DecisionTree, Question
from macros.model.registry import CRITERIA, FRAMEWORKS, Collection

# Characters Mermaid would read as syntax inside a quoted label, as Mermaid entity codes.
MERMAID_ENTITIES = {"&": "#amp;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "#": "#35;"}


def question_order(tree: DecisionTree) -> list[Question]:
    """Questions in the order a reader meets them (breadth first from the start)."""
    by_id = {question.id: question for question in tree.questions}
    ordered: list[Question] = []
    queue = deque([tree.start])
    while queue:
        question = by_id[queue.popleft()]
        if question in ordered:
            continue
        ordered.append(question)
        queue.extend(answer.next for answer in question.answers if answer.next)
    return ordered


def mermaid_label(text: str) -> str:
    """Data text as a quoted Mermaid label that can never become markup or syntax."""
    return '"' + "".join(MERMAID_ENTITIES.get(character, character) for character in text) + '"'


def question_node(question_id: str) -> str:
    """Mermaid node id of a question (ids may not contain hyphens there)."""
    return f"q_{question_id.replace('-', '_')}"


def outcome_node(outcome_id: str) -> str:
    return f"o_{outcome_id.replace('-', '_')}"


def target_node(answer: Answer) -> str:
    return question_node(answer.next) if answer.next else outcome_node(answer.outcome or "")


def page(collection: Collection, entity_id: str) -> str:
    """An entity's published address relative to the site root, for links MkDocs does not rewrite."""
    return addresses.entity_url(collection, entity_id).removeprefix("/")


def mermaid_flowchart(tree: DecisionTree, *, root: str) -> str:
    """A top-down flowchart; ``root`` is the relative path from the page to the site root.

    Question nodes link to their first criterion, outcome nodes to the first recommended
    framework, so every node that names a page opens it.
    """
    accessible_title = tree.title.translate(str.maketrans("<>{}", "()()"))
    lines = [
        "flowchart TD",
        f"    accTitle: {accessible_title} (flowchart)",
        "    accDescr: Questions lead to answers and recommendations; the same decision is written out as numbered steps.",
    ]
    for question in question_order(tree):
        lines.append(f"    {question_node(question.id)}[{mermaid_label(question.text)}]")
    for outcome in tree.outcomes:
        lines.append(f"    {outcome_node(outcome.id)}([{mermaid_label(outcome.title)}])")
    for question in question_order(tree):
        for answer in question.answers:
            lines.append(f"    {question_node(question.id)} -->|{mermaid_label(answer.label)}| {target_node(answer)}")
    for question in question_order(tree):
        if question.criteria:
            lines.append(f'    click {question_node(question.id)} href "{root}{page(CRITERIA, question.criteria[0])}"')
    for outcome in tree.outcomes:
        lines.append(f'    click {outcome_node(outcome.id)} href "{root}{page(FRAMEWORKS, outcome.frameworks[0])}"')
    lines.append("    classDef outcome stroke-width:3px")
    lines.append(f"    class {','.join(outcome_node(outcome.id) for outcome in tree.outcomes)} outcome")
    return "\n".join(lines)


def chooser_data(tree: DecisionTree) -> str:
    """The tree's structure for the chooser script: ids, plain-text labels, where answers lead."""
    data = {
        "id": tree.id,
        "start": tree.start,
        "questions": {
            question.id: {
                "text": question.text,
                "answers": [
                    {"id": answer.id, "label": answer.label, "next": answer.next, "outcome": answer.outcome}
                    for answer in question.answers
                ],
            }
            for question in tree.questions
        },
        "outcomes": {outcome.id: {"title": outcome.title} for outcome in tree.outcomes},
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
