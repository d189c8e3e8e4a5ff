"""Checks that make a decision tree walkable: every answer leads somewhere, no loops, nothing orphaned."""

from __future__ import annotations

from collections.abc import Callable

from macros.checks.ids import alias_problems
from macros.checks.located import Located
from macros.load.yamlsource import Path_, dotted
from macros.model.models import DecisionTree
from macros.problems import Problem, did_you_mean, quoted_list

# Records one problem: field path, what was expected, what was found, a hint.
ProblemSink = Callable[[Path_, str, str, str], None]


def tree_problems(item: Located) -> list[Problem]:
    """Every structural problem of one decision tree file."""
    tree: DecisionTree = item.entity
    problems: list[Problem] = []

    def problem(path: Path_, expected: str, found: str, hint: str) -> None:
        problems.append(Problem(item.display, item.document.line_of(path), dotted(path), expected, found, hint))

    questions = [question.id for question in tree.questions]
    outcomes = [outcome.id for outcome in tree.outcomes]
    for field, entries in (("questions", tree.questions), ("outcomes", tree.outcomes)):
        ids = [entry.id for entry in entries]
        for index, entry_id in enumerate(ids):
            if entry_id in ids[:index]:
                problem((field, index, "id"), "an id used once in the tree", f"a second '{entry_id}'",
                        "give each question and outcome its own id")
        owners: dict[str, str] = {}
        for index, entry_id in enumerate(ids):
            owners.setdefault(entry_id, f"{field}[{index}]")
        problems += alias_problems(
            ((item, (field, index, "aliases", a_index), alias, f"{field}[{index}]")
             for index, entry in enumerate(entries) for a_index, alias in enumerate(entry.aliases)),
            owners, scope=f"of the {field}",
        )
    if tree.start not in questions:
        problem(("start",), "the id of a question of this tree", f"'{tree.start}'",
                did_you_mean(tree.start, questions, otherwise=f"questions: {quoted_list(questions)}"))
    for q_index, question in enumerate(tree.questions):
        answer_ids = [answer.id for answer in question.answers]
        for a_index, answer in enumerate(question.answers):
            path: Path_ = ("questions", q_index, "answers", a_index)
            if answer.id in answer_ids[:a_index]:
                problem((*path, "id"), "an answer id used once per question", f"a second '{answer.id}'",
                        "answer ids appear in shared chooser links; make each unique")
            if (answer.next is None) == (answer.outcome is None):
                problem(path, "exactly one of 'next' or 'outcome'",
                        "both" if answer.next else "neither", "an answer leads to one question or one outcome")
            elif answer.next is not None and answer.next not in questions:
                problem((*path, "next"), "the id of a question of this tree", f"'{answer.next}'",
                        did_you_mean(answer.next, questions, otherwise=f"questions: {quoted_list(questions)}"))
            elif answer.outcome is not None and answer.outcome not in outcomes:
                problem((*path, "outcome"), "the id of an outcome of this tree", f"'{answer.outcome}'",
                        did_you_mean(answer.outcome, outcomes, otherwise=f"outcomes: {quoted_list(outcomes)}"))
    # Loops and reachability only make sense once every link resolves; a loop also makes
    # reachability meaningless, so each layer runs only when the one before found nothing.
    if not problems and not _cycle_problems(tree, problem):
        _reachability_problems(tree, problem)
    return problems


def _cycle_problems(tree: DecisionTree, problem: ProblemSink) -> bool:
    """Report every answer that leads back to a question already on its path."""
    index_of = {question.id: index for index, question in enumerate(tree.questions)}
    found = False

    def visit(question_id: str, trail: list[str]) -> None:
        nonlocal found
        q_index = index_of[question_id]
        for a_index, answer in enumerate(tree.questions[q_index].answers):
            if answer.next is None:
                continue
            if answer.next in trail:
                loop = " -> ".join([*trail[trail.index(answer.next):], question_id, answer.next])
                problem(("questions", q_index, "answers", a_index, "next"), "a question not yet asked on this path",
                        f"a loop: {loop}", "every path must end in an outcome; point this answer further down")
                found = True
            else:
                visit(answer.next, [*trail, question_id])

    visit(tree.start, [])
    return found


def _reachability_problems(tree: DecisionTree, problem: ProblemSink) -> bool:
    """Report questions and outcomes that no path from the start reaches."""
    reached_questions: set[str] = set()
    reached_outcomes: set[str] = set()
    by_id = {question.id: question for question in tree.questions}
    pending = [tree.start]
    while pending:
        question_id = pending.pop()
        if question_id in reached_questions:
            continue
        reached_questions.add(question_id)
        for answer in by_id[question_id].answers:
            if answer.next:
                pending.append(answer.next)
            if answer.outcome:
                reached_outcomes.add(answer.outcome)
    found = False
    groups = (("question", tree.questions, reached_questions), ("outcome", tree.outcomes, reached_outcomes))
    for noun, entries, reached in groups:
        for index, entry in enumerate(entries):
            if entry.id not in reached:
                article = "an" if noun == "outcome" else "a"
                problem((f"{noun}s", index, "id"), f"{article} {noun} that some answer leads to",
                        f"'{entry.id}', which no path reaches",
                        "link it from an answer, or remove it")
                found = True
    return found


def master_problems(items: list[Located]) -> list[Problem]:
    """Exactly one tree is the chooser's starting point once any tree exists."""
    masters = [item for item in items if item.entity.master]
    if not items or len(masters) == 1:
        return []
    if not masters:
        first = items[0]
        return [Problem(first.display, 1, "master", "exactly one decision tree with 'master: true'", "none",
                        "mark the general 'Which framework?' tree with master: true; the home page starts there")]
    return [
        Problem(item.display, item.document.line_of(("master",)), "master", "exactly one decision tree with 'master: true'",
                f"{len(masters)} ({', '.join(other.entity.id for other in masters)})", "keep master: true on one tree only")
        for item in masters
    ]
