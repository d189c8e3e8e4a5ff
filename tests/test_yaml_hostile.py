"""No file content can crash, stall or bloat the YAML reader, and nothing it accepts is silently changed.

Every test here drives ``read_yaml`` with hostile input: generated YAML-ish text and bytes, plus the
classic attacks kept as ``@example`` regression cases. The bounds come from the reader itself (size,
depth, value count, no aliases), so each attack is timed and its memory measured, not wrapped in a timeout.
"""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from macros.load.yamlsource import YamlDocument, read_yaml
from macros.problems import Problem

SECONDS = 2.0
PEAK_BYTES = 30 * 1024 * 1024

# "Billion laughs": nine lists of nine aliases to the list before, 9**9 strings once expanded.
BOMB = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n" for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
)
ATTACKS: dict[str, str | bytes] = {
    "billion laughs": BOMB,
    "recursive alias": "&a [*a]\n",
    "recursive mapping": "&a {x: *a}\n",
    "merge bomb": "a: &a {x: 1}\nb: {<<: [*a, *a, *a]}\n",
    "100 000 nested lists": "[" * 100_000,
    "100 000 nested flow mappings": "{a: " * 60_000,
    "nested block mappings": "".join(" " * level + "k:\n" for level in range(700)),
    "nested block lists": "- " * 100_000,
    "100 000 values": "[" + "a, " * 80_000 + "]",
    "huge file": "a: " + "b" * 5_000_000,
    "long sexagesimal number": "x: 1" + ":1" * 100_000 + "\n",
    "control characters": "a: b\x00\x07\x1b\n",
    "huge integer": "x: " + "9" * 250_000,
    "invalid UTF-8": b"a: \xff\xfe\n",
}


def read(tmp_path: Path, content: str | bytes) -> YamlDocument | Problem:
    path = tmp_path / "entity.yaml"
    path.write_bytes(content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content)
    return read_yaml(path, display="data/x/entity.yaml")


def assert_located(result: YamlDocument | Problem) -> None:
    """Either a document, or a problem a contributor can act on: a line, what was expected and found, a hint."""
    assert isinstance(result, YamlDocument | Problem)
    if isinstance(result, Problem):
        assert result.line >= 1
        assert result.expected and result.found and result.hint


@pytest.mark.parametrize("content", ATTACKS.values(), ids=ATTACKS.keys())
def test_attack_fails_fast_with_a_located_problem(tmp_path: Path, content: str | bytes) -> None:
    path = tmp_path / "entity.yaml"
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    start = time.perf_counter()
    result = read_yaml(path, display="data/x/entity.yaml")
    elapsed = time.perf_counter() - start
    assert isinstance(result, Problem) and result.line >= 1 and result.hint, result
    assert elapsed < SECONDS, f"{elapsed:.2f} s"


EXPANDING = ["billion laughs", "recursive alias", "merge bomb", "100 000 nested lists", "100 000 values", "huge file"]


@pytest.mark.parametrize("content", [ATTACKS[name] for name in EXPANDING], ids=EXPANDING)
def test_attack_uses_bounded_memory(tmp_path: Path, content: str | bytes) -> None:
    path = tmp_path / "entity.yaml"
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    tracemalloc.start()
    try:
        read_yaml(path, display="data/x/entity.yaml")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < PEAK_BYTES, f"{peak / 1e6:.1f} MB"


def test_bomb_is_refused_at_its_first_anchor(tmp_path: Path) -> None:
    problem = read(tmp_path, BOMB)
    assert isinstance(problem, Problem) and (problem.line, problem.found) == (1, "an anchor '&a'")


SYNTAX = ["&", "*", "!", "!!", "#", " #", ":", ": ", "- ", "? ", "[", "]", "{", "}", ",", "'", '"', "|", ">", "<<",
          "%", "@", "`", "---", "...", "\\", "\n", "\r\n", "\r", "\t", " ", "  ", "    ", "\x00", "\x07", "\x1b",
          "\x7f", "\x85", "\u2028", "\ufeff", "\ufffe", "é", "😀", "\ud800", "010", "0x1F", "1:30", "yes", "~", "true",
          ".inf", "1_000", "3.10", "2026-02-30", "key", "value", "a b"]
yamlish = st.lists(st.sampled_from(SYNTAX) | st.text(max_size=3), max_size=60).map("".join)
deep = st.tuples(st.sampled_from(["[", "{", "- ", "{a: ", "[&x ", "? ", " k:\n"]), st.integers(0, 3_000)).map(
    lambda pair: pair[0] * pair[1]
)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=yamlish | deep)
@example(text=BOMB)
@example(text="&a [*a]\n")
@example(text="[" * 100_000)
@example(text="{a: " * 60_000)
@example(text="- " * 100_000)
@example(text="a: b\x07\n")
@example(text="a: \ud800\n")  # a lone surrogate, written as bytes that are not UTF-8
@example(text="\ufeff")
@example(text="\r")
@example(text="a: 1\n---\nb: 2\n")
def test_yamlish_text_never_raises(tmp_path: Path, text: str) -> None:
    assert_located(read(tmp_path, text))


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=300))
@example(content=b"\xef\xbb\xbf\x00")
@example(content=b"a: \xc3\x28\n")
def test_arbitrary_bytes_never_raise(tmp_path: Path, content: bytes) -> None:
    assert_located(read(tmp_path, content))


scalars = st.text(max_size=20) | st.integers(-(10**20), 10**20)
structures = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=structures)
@example(value={"summary": "Django is the #1 choice", "version": "3.10", "lts": "yes", "count": 10})
@example(value={"short": "y", "octal": "0o17", "key with ': '": ["&x", "*y", "!z", "<<"]})
def test_dumped_values_come_back_unchanged_or_as_a_problem(tmp_path: Path, value: Any) -> None:
    """What a tool writes with safe_dump is read back as written, or refused where YAML is ambiguous."""
    path = tmp_path / "entity.yaml"
    path.write_text(yaml.safe_dump(value, allow_unicode=True), encoding="utf-8")
    result = read_yaml(path, display="data/x/entity.yaml")
    assert_located(result)
    if isinstance(result, YamlDocument):
        assert result.data == value
