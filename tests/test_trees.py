"""A decision tree must be walkable: each broken case gives one exact, located message."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.pipeline import load_dataset
from macros.problems import InvalidDatasetError
from macros.render.flowcharts import answer_paths, flowchart_html, question_numbers
from tests.test_validation import replace

TREE = "decisions/pick.yaml"

CASES: list[tuple[str, Callable[[Path], None], list[str]]] = [
    (
        "answer leads nowhere",
        replace(TREE, "        next: data\n", ""),
        ["data/decisions/pick.yaml:14: questions[0].answers[1]: expected exactly one of 'next' or 'outcome'; found neither\n"
         "    hint: an answer leads to one question or one outcome"],
    ),
    (
        "answer with both next and outcome",
        replace(TREE, "        next: data\n", "        next: data\n        outcome: flask\n"),
        ["data/decisions/pick.yaml:14: questions[0].answers[1]: expected exactly one of 'next' or 'outcome'; found both\n"
         "    hint: an answer leads to one question or one outcome"],
    ),
    (
        "unknown next question",
        replace(TREE, "        next: data\n", "        next: dta\n"),
        ["data/decisions/pick.yaml:16: questions[0].answers[1].next: expected the id of a question of this tree; found 'dta'\n"
         "    hint: did you mean 'data'?"],
    ),
    (
        "unknown outcome",
        replace(TREE, "        outcome: flask\n", "        outcome: flsk\n"),
        ["data/decisions/pick.yaml:26: questions[1].answers[1].outcome: expected the id of an outcome of this tree; "
         "found 'flsk'\n"
         "    hint: did you mean 'flask'?"],
    ),
    (
        "question alias that is a live id",
        replace(TREE, "  - id: data\n", "  - id: data\n    aliases: [admin]\n"),
        ["data/decisions/pick.yaml:18: questions[1].aliases[0]: expected an old id that no other of the questions uses; "
         "found 'admin', used by questions[0]\n"
         "    hint: an alias keeps an old link alive; it cannot also be a live id or another alias"],
    ),
    (
        "outcome alias that is a live id",
        replace(TREE, "  - id: flask\n    title: Flask\n", "  - id: flask\n    aliases: [django]\n    title: Flask\n"),
        ["data/decisions/pick.yaml:38: outcomes[1].aliases[0]: expected an old id that no other of the outcomes uses; "
         "found 'django', used by outcomes[0]\n"
         "    hint: an alias keeps an old link alive; it cannot also be a live id or another alias"],
    ),
    (
        "unknown start",
        replace(TREE, "start: admin", "start: begin"),
        ["data/decisions/pick.yaml:5: start: expected the id of a question of this tree; found 'begin'\n"
         "    hint: questions: 'admin', 'data'"],
    ),
    (
        "cycle",
        replace(TREE, "        label: \"No\"\n        outcome: flask\n", "        label: \"No\"\n        next: admin\n"),
        ["data/decisions/pick.yaml:26: questions[1].answers[1].next: expected a question not yet asked on this path; "
         "found a loop: admin -> data -> admin\n"
         "    hint: every path must end in an outcome; point this answer further down"],
    ),
    (
        "unreachable question",
        replace(TREE, "        next: data\n", "        outcome: flask\n"),
        ["data/decisions/pick.yaml:17: questions[1].id: expected a question that some answer leads to; "
         "found 'data', which no path reaches\n"
         "    hint: link it from an answer, or remove it"],
    ),
    (
        "unreachable outcome",
        replace(TREE, "        label: \"No\"\n        outcome: flask\n", "        label: \"No\"\n        outcome: django\n"),
        ["data/decisions/pick.yaml:37: outcomes[1].id: expected an outcome that some answer leads to; "
         "found 'flask', which no path reaches\n"
         "    hint: link it from an answer, or remove it"],
    ),
    (
        "duplicate answer id",
        replace(TREE, '      - id: "no"\n        label: "No"\n        next: data',
                '      - id: "yes"\n        label: "No"\n        next: data'),
        ["data/decisions/pick.yaml:14: questions[0].answers[1].id: expected an answer id used once per question; "
         "found a second 'yes'\n"
         "    hint: answer ids appear in shared chooser links; make each unique"],
    ),
    (
        "unknown criterion in a question",
        replace(TREE, "    criteria: [database]", "    criteria: [databse]"),
        ["data/decisions/pick.yaml:19: questions[1].criteria[0]: expected the id of a criterion in data/criteria/; "
         "found 'databse'\n"
         "    hint: did you mean 'database'?"],
    ),
    (
        "unknown framework in an outcome",
        replace(TREE, "    frameworks: [flask]", "    frameworks: [flask, bottle]"),
        ["data/decisions/pick.yaml:42: outcomes[1].frameworks[1]: expected the id of a framework in data/frameworks/; "
         "found 'bottle'\n"
         "    hint: known ids: 'django', 'flask'"],
    ),
    (
        "no master tree",
        replace(TREE, "master: true\n", ""),
        ["data/decisions/pick.yaml:1: master: expected exactly one decision tree with 'master: true'; found none\n"
         "    hint: mark the general 'Which framework?' tree with master: true; the home page starts there"],
    ),
]


@pytest.mark.parametrize(("edit", "expected"), [(edit, expected) for _, edit, expected in CASES],
                         ids=[name for name, _, _ in CASES])
def test_broken_tree_gives_exact_located_message(edit: Callable[[Path], None], expected: list[str], minimal_data: Path) -> None:
    edit(minimal_data)
    with pytest.raises(InvalidDatasetError) as raised:
        load_dataset(minimal_data)
    assert [str(problem) for problem in raised.value.problems] == expected


def test_chart_text_is_escaped_and_cannot_become_markup(minimal_data: Path) -> None:
    tree = load_dataset(minimal_data).decisions[0]
    hostile = tree.model_copy(update={"title": 'A "tree" <b>', "questions": [
        tree.questions[0].model_copy(update={"text": "<script>alert(1)</script> & more"}), *tree.questions[1:]]})
    chart = flowchart_html(hostile)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in chart and "<script>" not in chart
    assert 'aria-label="A &quot;tree&quot; &lt;b&gt;: flowchart"' in chart


def test_chart_links_questions_to_their_steps_and_outcomes_to_their_pages(minimal_data: Path) -> None:
    tree = load_dataset(minimal_data).decisions[0]
    chart = BeautifulSoup(flowchart_html(tree), "html.parser")
    questions = [(node["href"], node.get_text(" ", strip=True)) for node in chart.select(".fvd-flow__node--question")]
    numbers = question_numbers(tree)
    assert sorted(questions) == sorted(
        (f"#q-{question.id}", f"{numbers[question.id]} {question.text}") for question in tree.questions)
    outcomes = {node["href"] for node in chart.select(".fvd-flow__node--outcome")}
    assert outcomes == {f"{outcome.id}/" for outcome in tree.outcomes}
    labels = sorted(label.get_text() for label in chart.select(".fvd-flow__answer"))
    assert labels == sorted(answer.label for question in tree.questions for answer in question.answers)


def test_a_question_reached_twice_is_drawn_once_and_referred_to_after(minimal_data: Path) -> None:
    """Both answers of the first question lead to the second: it is drawn under the first, then referred to."""
    tree = load_dataset(minimal_data).decisions[0]
    first, second = tree.questions
    both = [answer.model_copy(update={"next": second.id, "outcome": None}) for answer in first.answers]
    converging = tree.model_copy(update={"questions": [first.model_copy(update={"answers": both}), second]})
    chart = BeautifulSoup(flowchart_html(converging), "html.parser")
    assert len(chart.select(".fvd-flow__node--question")) == 2
    assert [node.get_text() for node in chart.select(".fvd-flow__node--goto")] == [
        f"Go to question {question_numbers(converging)[second.id]}"]
    assert len(answer_paths(converging)) == len(first.answers) * len(second.answers)


def test_every_answer_path_ends_in_an_outcome_and_has_its_chooser_address(minimal_data: Path) -> None:
    tree = load_dataset(minimal_data).decisions[0]
    paths = answer_paths(tree)
    assert {path.outcome.id for path in paths} == {outcome.id for outcome in tree.outcomes}
    for path in paths:
        assert path.steps[0][0].id == tree.start
        assert path.query == "&".join(f"{question.id}={answer.id}" for question, answer in path.steps)
        assert path.steps[-1][1].outcome == path.outcome.id
