"""No command prints a traceback: on a broken dataset each reports the located problems and exits non-zero.

Every ``python -m macros`` command, ``mkdocs build`` and ``mkdocs serve`` (at start and on a
rebuild) run as subprocesses, as a contributor runs them.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from macros.paths import ROOT
from tests.support import free_port, project_around, wait_until
from tests.test_validation import ADMIN, replace

TIMEOUT = 60
LOCATED = re.compile(r"^(?:ERROR\s+-\s+)?data/[\w./-]+:\d+: ", re.MULTILINE)
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def example_not_utf8(data: Path) -> None:
    (data.parent / "examples" / "django" / "hello.py").write_bytes("# caf\u00e9\n".encode("latin-1"))


def example_outside(data: Path) -> None:
    (data.parent / "secret.txt").write_text("not an example\n")
    (data.parent / "examples" / "flask" / "hello.py").unlink()
    (data.parent / "examples" / "flask" / "hello.py").symlink_to(data.parent / "secret.txt")


# Each breakage and one located line it must produce (after any 'ERROR - ' prefix of mkdocs).
BREAKAGES: dict[str, tuple[Callable[[Path], None], str]] = {
    "yaml syntax error": (
        replace(ADMIN, "    verdict: Ships one.", "    verdict: [Ships one."),
        "data/criteria/admin.yaml:10: expected valid YAML",
    ),
    "missing required field": (
        replace("criteria/database.yaml", "    explanation: Fixture explanation.\n", ""),
        "data/criteria/database.yaml:7: assessments.django.explanation: expected the required field 'explanation'",
    ),
    "example file not UTF-8": (
        example_not_utf8,
        "data/examples/hello.yaml:6: files.django[0]: expected a file encoded as UTF-8; "
        "found 'examples/django/hello.py', byte 0xe9 on line 1",
    ),
    "example path outside examples/": (
        example_outside,
        "data/examples/hello.yaml:7: files.flask[0]: expected a file inside examples/; found 'examples/flask/hello.py', "
        "which leads to ",
    ),
}
COMMANDS: dict[str, list[str]] = {
    "validate": ["validate"],
    "freshness": ["freshness"],
    "affected": ["affected", "--base", "HEAD"],
    "links": ["links"],
    "generate": ["generate", "--check"],  # --check: the test must not rewrite the repository's derived files
}


def assert_reported(output: str, *located: str) -> None:
    assert "Traceback" not in output, output
    assert LOCATED.search(output), output
    for line in located:
        assert line in output, output


@pytest.mark.parametrize("breakage", BREAKAGES)
@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_reports_a_broken_dataset_without_a_traceback(command: str, breakage: str, example_data: Path) -> None:
    edit, located = BREAKAGES[breakage]
    edit(example_data)
    result = subprocess.run([sys.executable, "-m", "macros", *COMMANDS[command], "--data", str(example_data)],
                            cwd=ROOT, capture_output=True, text=True, check=False, timeout=TIMEOUT, env=ENV)
    assert result.returncode == 1, result.stdout + result.stderr
    assert_reported(result.stdout + result.stderr, located)
    assert LOCATED.search(result.stderr) and f"problem(s) in {example_data}" in result.stderr


def break_everything(data: Path) -> list[str]:
    """Apply every breakage at once; the located lines they produce."""
    for edit, _ in BREAKAGES.values():
        edit(data)
    return [located for _, located in BREAKAGES.values()]


def mkdocs(root: Path, *arguments: str, **options: object) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "mkdocs", *arguments, "-f", str(root / "mkdocs.yml")], cwd=root,
                            text=True, env=ENV, **options)  # type: ignore[call-overload]


def test_mkdocs_build_reports_a_broken_dataset_without_a_traceback(example_data: Path) -> None:
    root = project_around(example_data)
    located = break_everything(example_data)
    build = mkdocs(root, "build", "--strict", stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        stdout, stderr = build.communicate(timeout=TIMEOUT)
    finally:
        build.kill()
    assert build.returncode == 1
    assert_reported(stdout + stderr, *located, "problem(s) in the dataset; nothing was built.")
    assert not (root / "site" / "index.html").exists()


def test_mkdocs_serve_on_a_broken_dataset_reports_it_without_a_traceback(example_data: Path) -> None:
    root = project_around(example_data)
    located = break_everything(example_data)
    server = mkdocs(root, "serve", "-a", f"127.0.0.1:{free_port()}", stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        output, _ = server.communicate(timeout=TIMEOUT)  # the first build fails, so serve stops by itself
    finally:
        server.kill()
    assert server.returncode == 1
    assert_reported(output, *located)


def wait_for_log(log: Path, text: str, server: subprocess.Popen[str]) -> str:
    def printed() -> str:
        content = log.read_text()
        assert text in content or server.poll() is None, f"mkdocs serve stopped:\n{content}"
        return content if text in content else ""

    content = wait_until(printed, timeout=TIMEOUT)
    assert content, f"mkdocs serve never printed {text!r}:\n{log.read_text()}"
    return content


def test_mkdocs_serve_reports_data_broken_while_serving_without_a_traceback(example_data: Path) -> None:
    root = project_around(example_data)
    log = root / "serve.log"
    with log.open("w") as output:
        server = mkdocs(root, "serve", "-a", f"127.0.0.1:{free_port()}", stdout=output, stderr=subprocess.STDOUT)
        try:
            wait_for_log(log, "Serving on", server)
            located = break_everything(example_data)
            for text in [*located, "An error happened during the rebuild"]:
                content = wait_for_log(log, text, server)
        finally:
            server.kill()
            server.wait(timeout=10)
    rebuild = content[content.index("Serving on"):]
    assert_reported(rebuild, *located)
