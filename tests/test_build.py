"""A bad dataset fails ``mkdocs build`` with located messages, no traceback, and nothing published."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from tests.support import project_around


def add_to_nav(project: Path, entry: dict[str, str]) -> None:
    """Put a page first in the nav (text edit: mkdocs.yml holds Python tags a YAML dump would lose)."""
    config = project / "mkdocs.yml"
    ((title, page),) = entry.items()
    config.write_text(config.read_text().replace("\nnav:\n", f"\nnav:\n  - {title}: {page}\n", 1))


def mkdocs(project: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *arguments], cwd=project, capture_output=True, text=True, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def test_invalid_data_fails_the_build_and_leaves_the_published_site_alone(minimal_data: Path) -> None:
    admin = minimal_data / "criteria" / "admin.yaml"
    admin.write_text(admin.read_text().replace("rating: strong", "rating: excellent"))
    (minimal_data / "use-cases" / "prototyping.yaml").write_text("id: prototyping\nid: again\n")
    project = project_around(minimal_data, writable_docs=True)
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good build")

    result = mkdocs(project, "build", "--strict")

    assert result.returncode == 1
    assert (
        "data/criteria/admin.yaml:8: assessments.django.rating: expected one of 'strong', 'good', 'fair', 'weak'; "
        "found 'excellent'"
    ) in result.stderr
    assert "data/use-cases/prototyping.yaml:2: id: expected each field once per mapping" in result.stderr
    assert "2 problem(s) in the dataset; nothing was built." in result.stderr
    assert "Traceback" not in result.stderr
    assert [path.name for path in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text() == "the last good build"


def test_a_broken_macro_fails_the_build(minimal_data: Path) -> None:
    project = project_around(minimal_data, writable_docs=True)
    (project / "docs" / "broken.md").write_text("---\nrender_macros: true\n---\n# Broken\n\n<!--{{ no_such_macro() }}-->\n")
    add_to_nav(project, {"Broken": "broken.md"})

    result = mkdocs(project, "build", "--strict")

    assert result.returncode != 0
    assert "no_such_macro" in result.stderr + result.stdout
    assert not (project / "site" / "broken" / "index.html").exists()


def test_template_syntax_in_hand_written_pages_renders_as_written(minimal_data: Path) -> None:
    project = project_around(minimal_data, writable_docs=True)
    page = (
        "---\nrender_macros: true\n---\n# Templates\n\nInline `{{ user.name }}` and a block:\n\n"
        "```django\n{% extends 'base.html' %}\n{% block body %}{{ form.as_p }}{% csrf_token %}{% endblock %}\n```\n\n"
        "```jinja\n{# comment #}{{ items | join(', ') }}\n```\n\n<!--{{ rating_scale() }}-->\n"
    )
    (project / "docs" / "templates-demo.md").write_text(page)
    add_to_nav(project, {"Templates": "templates-demo.md"})

    result = mkdocs(project, "build", "--strict")

    assert result.returncode == 0, result.stderr
    html = BeautifulSoup((project / "site" / "templates-demo" / "index.html").read_text(), "html.parser")
    code = [block.get_text() for block in html.select("article code")]
    assert "{{ user.name }}" in code
    assert "{% extends 'base.html' %}\n{% block body %}{{ form.as_p }}{% csrf_token %}{% endblock %}\n" in code
    assert "{# comment #}{{ items | join(', ') }}\n" in code
    assert [badge.get_text() for badge in html.select("article .fvd-rating")] == ["Strong", "Good", "Fair", "Weak"]


def test_macros_run_only_on_pages_that_opt_in(minimal_data: Path) -> None:
    """Without ``render_macros: true`` a page is plain Markdown: a macro call stays an HTML comment."""
    project = project_around(minimal_data, writable_docs=True)
    (project / "docs" / "plain.md").write_text("# Plain\n\n<!--{{ rating_scale() }}-->\n\n`{{ not_a_macro }}`\n")
    add_to_nav(project, {"Plain": "plain.md"})

    result = mkdocs(project, "build", "--strict")

    assert result.returncode == 0, result.stderr
    html = BeautifulSoup((project / "site" / "plain" / "index.html").read_text(), "html.parser")
    assert html.select("article .fvd-rating") == []
    assert "{{ not_a_macro }}" in html.select_one("article code").get_text()
