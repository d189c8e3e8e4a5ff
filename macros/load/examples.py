"""Code examples: the files under examples/ that pages show, read once when the dataset loads.

Pages show the tested files themselves, never copies, so the site cannot drift from the code
that pytest runs. A path in the data decides which file of the repository gets published, so
one function, ``read_example_file``, decides whether a path may be shown: validation reports
its refusals as located problems (``macros.checks.examples``) and the loader reads files only
through it, before rendering starts.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from macros.model.dataset import SourceFile
from macros.model.models import Example, Framework
from macros.problems import InvalidDatasetError, Problem

# Syntax highlighting by file type; .html files with their framework's template language (its data says which).
LANGUAGES = {".py": "python", ".ini": "ini", ".mako": "mako", ".txt": "text", ".cfg": "ini", ".toml": "toml"}
# The examples' own locked dependencies: example pages say which releases the code was tested with.
EXAMPLES_LOCK = Path("requirements") / "examples.txt"
PIN = re.compile(r"^([A-Za-z0-9_.\[\]-]+)==([^\s;]+)", re.MULTILINE)
# The folder every example file lives in, relative to the repository root.
EXAMPLES_FOLDER = "examples"
# A page shows the whole file; beyond this it is not an example a reader takes in.
MAX_EXAMPLE_BYTES = 200_000
PATH_HINT = "paths are relative to the repository root, e.g. examples/flask/hello.py"


@dataclass(frozen=True)
class Refusal:
    """Why a listed path may not be shown: the 'expected', 'found' and hint of a problem."""

    expected: str
    found: str
    hint: str


def read_example_file(relative: str, root: Path) -> str | Refusal:
    """The text of the example file ``relative`` (from the repository ``root``), or why it may not be shown.

    Accepted: a path ``examples/...`` without empty, ``.`` or ``..`` segments that, with every
    symlink followed, names a regular file inside ``<root>/examples/``, of at most
    MAX_EXAMPLE_BYTES, UTF-8 text without NUL bytes. Nothing else is ever read.
    """
    segments = relative.split("/")
    if (
        PurePosixPath(relative).is_absolute() or "\\" in relative or len(segments) < 2
        or segments[0] != EXAMPLES_FOLDER or any(segment in ("", ".", "..") for segment in segments)
    ):
        return Refusal(
            "a path inside examples/ without '.', '..' or empty segments", f"'{relative}'",
            "write the path from the repository root, e.g. examples/flask/hello.py, with no './' or '../'",
        )
    try:
        folder = (root / EXAMPLES_FOLDER).resolve()
        target = (root / relative).resolve()
    except (OSError, RuntimeError):  # a symlink loop: RuntimeError before Python 3.13, OSError since
        return Refusal("a file inside examples/", f"'{relative}', a symlink loop",
                       "replace the symlink with the file itself")
    if not target.is_relative_to(folder):
        return Refusal(
            "a file inside examples/", f"'{relative}', which leads to {target}, outside examples/",
            "examples show files of this repository only: put the file itself under examples/",
        )
    if not target.exists():
        return Refusal("a file that exists under examples/", f"'{relative}'", PATH_HINT)
    try:
        status, raw = _read_at_most(target, MAX_EXAMPLE_BYTES + 1)
    except OSError as error:
        return Refusal("a readable file under examples/", f"'{relative}' ({error.strerror})",
                       "check the file's permissions")
    if not stat.S_ISREG(status.st_mode):
        kind = "a folder" if stat.S_ISDIR(status.st_mode) else "a special file (pipe, socket or device)"
        return Refusal("a regular file under examples/", f"'{relative}', {kind}",
                       "list the files to show one by one, e.g. examples/flask/hello.py")
    if (size := max(status.st_size, len(raw))) > MAX_EXAMPLE_BYTES:
        return Refusal(
            f"an example file of at most {MAX_EXAMPLE_BYTES // 1000} KB", f"'{relative}', {size} bytes",
            "pages show the whole file: show a smaller file that makes the point",
        )
    if b"\0" in raw:
        line = raw[: raw.index(b"\0")].count(b"\n") + 1
        return Refusal("a text file", f"'{relative}', a NUL byte on line {line} (a binary file?)",
                       "examples show source code: list text files only")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return Refusal(
            "a file encoded as UTF-8", f"'{relative}', byte 0x{raw[error.start]:02x} on line {line} that is not valid UTF-8",
            "save the file as UTF-8 (most editors offer it under 'Save with encoding')",
        )


def _read_at_most(path: Path, limit: int) -> tuple[os.stat_result, bytes]:
    """The status of ``path`` (not following a final symlink) and, for a regular file no larger than
    ``limit``, its first ``limit`` bytes, read from the same open file, so what was checked is what is read."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    try:
        status = os.fstat(descriptor)
        chunks: list[bytes] = []
        size = 0
        while stat.S_ISREG(status.st_mode) and status.st_size < limit and size < limit:
            chunk = os.read(descriptor, limit - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return status, b"".join(chunks)
    finally:
        os.close(descriptor)


def source_files(example: Example, framework_id: str, root: Path, *, html_lexer: str = "html") -> list[SourceFile]:
    """The files of one framework's side of an example, read now through ``read_example_file``.

    Validation accepted them moments ago; a file changed since is reported like a validation
    problem (InvalidDatasetError), located at the file, never read anyway.
    """
    files = []
    for relative in example.files[framework_id]:
        text = read_example_file(relative, root)
        if isinstance(text, Refusal):
            raise InvalidDatasetError([Problem(
                relative, 1, "", text.expected, text.found,
                f"{text.hint} (it changed after validation; run 'python -m macros validate')",
            )])
        suffix = Path(relative).suffix
        language = html_lexer if suffix == ".html" else LANGUAGES.get(suffix, "text")
        files.append(SourceFile(relative, language, text.rstrip("\n")))
    return files


def pinned_versions(requirements: Path) -> dict[str, str]:
    """Package name (lower case) to pinned version, from a lock file such as requirements/examples.txt."""
    return {name.lower().split("[")[0]: version for name, version in PIN.findall(requirements.read_text())}


def read_examples(
    examples: list[Example], root: Path, frameworks: list[Framework]
) -> dict[str, dict[str, list[SourceFile]]]:
    """Example id -> framework id -> its files, read once before rendering."""
    lexers = {framework.id: framework.template_language.lexer for framework in frameworks if framework.template_language}
    return {
        example.id: {fid: source_files(example, fid, root, html_lexer=lexers.get(fid, "html")) for fid in example.files}
        for example in examples
    }


def tested_versions(root: Path, framework_ids: list[str]) -> dict[str, str]:
    """Framework id -> the release pinned in the examples' lock file (none if the file is absent)."""
    lock = root / EXAMPLES_LOCK
    pins = pinned_versions(lock) if lock.exists() else {}
    return {framework_id: pins[framework_id] for framework_id in framework_ids if framework_id in pins}
