"""Decision trees as a flowchart drawn in HTML, ordered steps, answer paths and the chooser's data.

The flowchart is static HTML and CSS made at build time: it shows without JavaScript, its text is
the page's own (selectable, found by search, read by screen readers) and it reflows on a phone.
Pure functions of the model: the page templates place their output, MkDocs renders the page.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlencode

from macros.model import addresses
from macros.model.models import Answer, DecisionTree, Outcome, Question
from macros.text import html_attribute


@dataclass(frozen=True)
class AnswerPath:
    """One way through a tree: the answers given, in order, and the outcome they lead to."""

    steps: tuple[tuple[Question, Answer], ...]
    outcome: Outcome

    @property
    def query(self) -> str:
        """The chooser's address for this path: ``interface=api&api-data=no`` (question id = answer id)."""
        return urlencode([(question.id, answer.id) for question, answer in self.steps])


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


def question_numbers(tree: DecisionTree) -> dict[str, int]:
    """Each question's step number on its tree's page, in reading order."""
    return {question.id: number for number, question in enumerate(question_order(tree), start=1)}


def answer_paths(tree: DecisionTree) -> list[AnswerPath]:
    """Every path from the start question to an outcome, in the order of the answers (trees have no loops)."""
    questions = {question.id: question for question in tree.questions}
    outcomes = {outcome.id: outcome for outcome in tree.outcomes}

    def walk(question: Question, steps: tuple[tuple[Question, Answer], ...]) -> Iterator[AnswerPath]:
        for answer in question.answers:
            trail = (*steps, (question, answer))
            if answer.outcome:
                yield AnswerPath(trail, outcomes[answer.outcome])
            else:
                yield from walk(questions[answer.next or ""], trail)

    return list(walk(questions[tree.start], ()))


def flowchart_html(tree: DecisionTree) -> str:
    """The tree as nested lists: each question a node linking to its step, each answer a branch.

    A question reached a second time is drawn once and referred to after that ("go to question 4"),
    so the chart grows with the tree, not with the number of paths. Outcome nodes link to their
    pages, which sit one level below the decision page (``django/``).
    """
    questions = {question.id: question for question in tree.questions}
    outcomes = {outcome.id: outcome for outcome in tree.outcomes}
    numbers = question_numbers(tree)
    drawn: set[str] = set()

    def node(question: Question) -> str:
        drawn.add(question.id)
        branches = "".join(branch(answer) for answer in question.answers)
        return (
            f'<a class="fvd-flow__node fvd-flow__node--question" href="#q-{question.id}">'
            f'<span class="fvd-flow__number">{numbers[question.id]}</span> {html_attribute(question.text)}</a>'
            f'<ul class="fvd-flow__answers">{branches}</ul>'
        )

    def branch(answer: Answer) -> str:
        label = f'<span class="fvd-flow__answer">{html_attribute(answer.label)}</span>'
        if answer.outcome:
            outcome = outcomes[answer.outcome]
            target = (f'<a class="fvd-flow__node fvd-flow__node--outcome" href="{addresses.outcome_from_tree(outcome.id)}">'
                      f'<span class="fvd-flow__kind">Outcome:</span> {html_attribute(outcome.title)}</a>')
        elif answer.next in drawn:
            target = (f'<a class="fvd-flow__node fvd-flow__node--goto" href="#q-{answer.next}">'
                      f"Go to question {numbers[answer.next]}</a>")
        else:
            target = node(questions[answer.next or ""])
        return f'<li class="fvd-flow__branch">{label}{target}</li>'

    return (
        f'<div class="fvd-flow" role="group" aria-label="{html_attribute(tree.title)}: flowchart">'
        f"{node(questions[tree.start])}</div>"
    )


def chooser_data(tree: DecisionTree, records: dict[str, str]) -> str:
    """The tree's structure for the chooser script: plain-text labels, where answers lead, outcome pages.

    ``records`` maps each path's query to its decision record, made at build time from the same
    data as the outcome page, so the chooser only picks the record of the reader's answers.
    """
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
        "outcomes": {
            outcome.id: {"title": outcome.title, "summary": outcome.summary, "page": addresses.outcome_from_tree(outcome.id)}
            for outcome in tree.outcomes
        },
        "records": records,
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
