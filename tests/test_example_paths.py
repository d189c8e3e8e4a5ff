"""Files named in data stay inside examples/: one function decides, for validation and for the page renderer."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from macros.load.examples import MAX_EXAMPLE_BYTES, Refusal, read_example_file, source_files
from macros.pipeline import load_dataset
from macros.problems import InvalidDatasetError
from tests.conftest import add_example_files, write_example

PATH_HINT = "    hint: write the path from the repository root, e.g. examples/flask/hello.py, with no './' or '../'"


@pytest.fixture
def root(minimal_data: Path) -> Path:
    """A repository root: the minimal data, an examples/ folder, and a file beside them that must never be shown."""
    root = add_example_files(minimal_data)
    (root / "secret.txt").write_text("outside the examples\n")
    return root


def problems_with(root: Path, flask_path: str) -> list[str]:
    write_example(root / "data", flask_path)
    with pytest.raises(InvalidDatasetError) as raised:
        load_dataset(root / "data")
    return [str(problem) for problem in raised.value.problems]


def symlink(link: str, target: str) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        (root / link).symlink_to(root / target)
    return make


def write(relative: str, content: bytes) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        (root / relative).write_bytes(content)
    return make


def fifo(relative: str) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        os.mkfifo(root / relative)
    return make


def nothing(root: Path) -> None:
    pass


LOCATION = "data/examples/hello.yaml:7: files.flask[0]: "
# (name, set-up, path in the data, expected message; {root} is the resolved repository root)
CASES: list[tuple[str, Callable[[Path], None], str, str]] = [
    ("'..' segment", nothing, "examples/../secret.txt",
     "expected a path inside examples/ without '.', '..' or empty segments; found 'examples/../secret.txt'\n" + PATH_HINT),
    ("'..' that comes back inside", nothing, "examples/flask/../flask/hello.py",
     "expected a path inside examples/ without '.', '..' or empty segments; found 'examples/flask/../flask/hello.py'\n"
     + PATH_HINT),
    ("'.' segment", nothing, "examples/./flask/hello.py",
     "expected a path inside examples/ without '.', '..' or empty segments; found 'examples/./flask/hello.py'\n" + PATH_HINT),
    ("empty segment", nothing, "examples/flask//hello.py",
     "expected a path inside examples/ without '.', '..' or empty segments; found 'examples/flask//hello.py'\n" + PATH_HINT),
    ("symlinked file pointing outside", symlink("examples/flask/link.py", "secret.txt"), "examples/flask/link.py",
     "expected a file inside examples/; found 'examples/flask/link.py', which leads to {root}/secret.txt, outside examples/\n"
     "    hint: examples show files of this repository only: put the file itself under examples/"),
    ("symlinked folder pointing outside", symlink("examples/flask/shared", "."), "examples/flask/shared/secret.txt",
     "expected a file inside examples/; found 'examples/flask/shared/secret.txt', which leads to {root}/secret.txt, "
     "outside examples/\n"
     "    hint: examples show files of this repository only: put the file itself under examples/"),
    ("symlink loop", symlink("examples/flask/loop.py", "examples/flask/loop.py"), "examples/flask/loop.py",
     "expected a file inside examples/; found 'examples/flask/loop.py', a symlink loop\n"
     "    hint: replace the symlink with the file itself"),
    ("folder", nothing, "examples/flask",
     "expected a regular file under examples/; found 'examples/flask', a folder\n"
     "    hint: list the files to show one by one, e.g. examples/flask/hello.py"),
    ("named pipe", fifo("examples/flask/pipe.py"), "examples/flask/pipe.py",
     "expected a regular file under examples/; found 'examples/flask/pipe.py', a special file (pipe, socket or device)\n"
     "    hint: list the files to show one by one, e.g. examples/flask/hello.py"),
    ("NUL byte", write("examples/flask/binary.py", b"print(1)\nx = '\0'\n"), "examples/flask/binary.py",
     "expected a text file; found 'examples/flask/binary.py', a NUL byte on line 2 (a binary file?)\n"
     "    hint: examples show source code: list text files only"),
    ("not UTF-8", write("examples/flask/latin.py", "# caf\u00e9\n".encode("latin-1")), "examples/flask/latin.py",
     "expected a file encoded as UTF-8; found 'examples/flask/latin.py', byte 0xe9 on line 1 that is not valid UTF-8\n"
     "    hint: save the file as UTF-8 (most editors offer it under 'Save with encoding')"),
    ("too large", write("examples/flask/big.py", b"#" * (MAX_EXAMPLE_BYTES + 1)), "examples/flask/big.py",
     f"expected an example file of at most 200 KB; found 'examples/flask/big.py', {MAX_EXAMPLE_BYTES + 1} bytes\n"
     "    hint: pages show the whole file: show a smaller file that makes the point"),
    ("missing", nothing, "examples/flask/helo.py",
     "expected a file that exists under examples/; found 'examples/flask/helo.py'\n"
     "    hint: paths are relative to the repository root, e.g. examples/flask/hello.py"),
]


@pytest.mark.parametrize(("setup", "path", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_a_path_that_may_not_be_shown_is_a_located_problem(
    root: Path, setup: Callable[[Path], None], path: str, expected: str
) -> None:
    setup(root)
    assert problems_with(root, path) == [LOCATION + expected.format(root=root.resolve())]


@pytest.mark.parametrize("path", ["/etc/passwd", "examples", "examples/", "docs/index.md", "examples\\flask\\hello.py"])
def test_paths_outside_the_folder_are_refused_before_anything_is_opened(root: Path, path: str) -> None:
    refusal = read_example_file(path, root)
    assert isinstance(refusal, Refusal)
    assert refusal.expected == "a path inside examples/ without '.', '..' or empty segments"


def test_files_inside_the_folder_are_shown(root: Path) -> None:
    (root / "examples" / "flask" / "alias.py").symlink_to("hello.py")  # a symlink that stays inside is fine
    (root / "examples" / "flask" / "largest.py").write_bytes(b"#" * MAX_EXAMPLE_BYTES)
    assert read_example_file("examples/flask/alias.py", root) == "print('hello')\n"
    assert read_example_file("examples/flask/largest.py", root) == "#" * MAX_EXAMPLE_BYTES


def test_examples_folder_may_itself_be_a_symlink(root: Path, tmp_path: Path) -> None:
    # The benchmark's project copies link examples/ to the real folder.
    elsewhere = tmp_path / "linked"
    (root / "examples").rename(elsewhere)
    (root / "examples").symlink_to(elsewhere)
    assert read_example_file("examples/flask/hello.py", root) == "print('hello')\n"


def test_the_renderer_reads_only_what_validation_accepts(root: Path) -> None:
    write_example(root / "data")
    example = load_dataset(root / "data").examples[0]
    assert [file.text for file in source_files(example, "flask", root)] == ["print('hello')"]

    # Swapped for a symlink to a file outside examples/ after validation: refused, not read.
    (root / "examples" / "flask" / "hello.py").unlink()
    (root / "examples" / "flask" / "hello.py").symlink_to(root / "secret.txt")
    with pytest.raises(InvalidDatasetError) as raised:
        source_files(example, "flask", root)
    assert [str(problem) for problem in raised.value.problems] == [
        f"examples/flask/hello.py:1: expected a file inside examples/; found 'examples/flask/hello.py', which leads to "
        f"{root.resolve()}/secret.txt, outside examples/\n"
        "    hint: examples show files of this repository only: put the file itself under examples/ "
        "(it changed after validation; run 'python -m macros validate')"
    ]


def test_a_file_swapped_during_the_build_is_never_read(root: Path) -> None:
    """Example files are read once, at load, right after validation; the pages show what was read then."""
    from mkdocs.config import load_config

    from macros import hooks
    from macros.pages.generated import CONFIG_KEY, call
    from macros.paths import ROOT

    write_example(root / "data")
    config = load_config(str(ROOT / "mkdocs.yml"))
    config.extra["data_dir"] = str(root / "data")
    config = hooks.on_config(config)
    (root / "examples" / "flask" / "hello.py").unlink()
    (root / "examples" / "flask" / "hello.py").symlink_to(root / "secret.txt")
    body = config[CONFIG_KEY].body(call("example_page", "hello"))
    assert "print('hello')" in body
    assert "outside the examples" not in body
