"""A decision tree must be walkable: each broken case gives one exact, located message."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from macros.pipeline import load_dataset
from macros.problems import InvalidDatasetError
from macros.render.flowcharts import mermaid_flowchart, mermaid_label
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
        ["data/decisions/pick.yaml:35: outcomes[1].aliases[0]: expected an old id that no other of the outcomes uses; "
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
        ["data/decisions/pick.yaml:34: outcomes[1].id: expected an outcome that some answer leads to; "
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
        ["data/decisions/pick.yaml:36: outcomes[1].frameworks[1]: expected the id of a framework in data/frameworks/; "
         "found 'bottle'\n"
         "    hint: known ids: 'django', 'flask'"],
    ),
    (
        "no master tree",
        replace(TREE, "master: true\n", ""),
        ["data/decisions/pick.yaml:1: master: expected exactly one decision tree with 'master: true'; found none\n"
         "    hint: mark the general 'Which framework?' tree with master: true; the chooser page starts there"],
    ),
]


@pytest.mark.parametrize(("edit", "expected"), [(edit, expected) for _, edit, expected in CASES],
                         ids=[name for name, _, _ in CASES])
def test_broken_tree_gives_exact_located_message(edit: Callable[[Path], None], expected: list[str], minimal_data: Path) -> None:
    edit(minimal_data)
    with pytest.raises(InvalidDatasetError) as raised:
        load_dataset(minimal_data)
    assert [str(problem) for problem in raised.value.problems] == expected


def test_labels_cannot_break_out_of_mermaid_syntax() -> None:
    assert mermaid_label('Use "quotes" & <b>tags</b> #1') == '"Use #quot;quotes#quot; #amp; #lt;b#gt;tags#lt;/b#gt; #35;1"'


def test_flowchart_links_nodes_relative_to_the_page(minimal_data: Path) -> None:
    tree = load_dataset(minimal_data).decisions[0]
    chart = mermaid_flowchart(tree, root="../../")
    assert 'q_admin["Do staff need a back office?"]' in chart
    assert 'q_admin -->|"No"| q_data' in chart
    assert 'click q_admin href "../../criteria/admin/"' in chart
    assert 'click o_flask href "../../frameworks/flask/"' in chart
