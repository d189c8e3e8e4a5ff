"""The pipeline stays visible: each stage of macros/ imports only the stages before it, and nothing imports in a circle.

Every import counts, including those inside functions and under ``TYPE_CHECKING``.
"""

from __future__ import annotations

import ast
from pathlib import Path

from macros.paths import ROOT

PACKAGE = ROOT / "macros"
# In pipeline order; a module may import from its own layer or an earlier one.
LAYERS = [
    {"macros.paths", "macros.problems", "macros.text"},  # what every stage speaks
    {"macros.model"},  # the dataset's shape, its addresses, the loaded Dataset
    {"macros.load"},  # files -> parsed documents and example sources
    {"macros.render"},  # Dataset -> Markdown, pure
    {"macros.pages"},  # the pages a build publishes
    {"macros.checks"},  # validation, on loaded records and rendered pages
    {"macros.pipeline"},  # the stages in order
    {"macros.hooks", "macros.csp", "macros.site_macros", "macros.tools", "macros.__main__"},  # entry points
]


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """The macros modules a file imports, anywhere in it."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.update({node.module} | {f"{node.module}.{alias.name}" for alias in node.names})
    return {name for name in found if name.split(".")[0] == "macros"}


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}
GRAPH = {
    name: {target for target in imports_of(path) if target in MODULES and target != name and target != "macros"}
    for name, path in MODULES.items()
}


def layer_of(module: str) -> int:
    return next(index for index, layer in enumerate(LAYERS) if any(module == p or module.startswith(p + ".") for p in layer))


def test_every_module_belongs_to_a_layer() -> None:
    assert [module for module in MODULES if module != "macros" and not any(
        module == p or module.startswith(p + ".") for layer in LAYERS for p in layer)] == []


def test_stages_import_only_earlier_stages() -> None:
    upward = sorted(
        f"{module} imports {target}"
        for module, targets in GRAPH.items() if module != "macros"
        for target in targets if layer_of(target) > layer_of(module)
    )
    assert upward == []


def test_no_import_circle() -> None:
    def cycle_from(start: str) -> list[str] | None:
        stack = [(start, [start])]
        while stack:
            module, trail = stack.pop()
            for target in GRAPH[module]:
                if target == start:
                    return [*trail, start]
                if target not in trail:
                    stack.append((target, [*trail, target]))
        return None

    assert [cycle for module in GRAPH if (cycle := cycle_from(module))] == []


def test_the_checks_notice_an_upward_import(tmp_path: Path) -> None:
    """The rule can fail: a renderer importing the pipeline is reported."""
    module = tmp_path / "bad.py"
    module.write_text("def f():\n    from macros.pipeline import load_site\n")
    assert {layer_of(target) for target in imports_of(module)} == {LAYERS.index({"macros.pipeline"})}
    assert layer_of("macros.render.templates") < layer_of("macros.pipeline")


# ----------------------------------------------------------------------------
# No framework is named in code: every list of frameworks comes from data/frameworks/.
# ----------------------------------------------------------------------------

# A template syntax named after its framework, not a framework id: data/frameworks/<id>.yaml picks it.
NOT_FRAMEWORK_IDS = {("macros/model/models.py", "django")}


def quoted_ids_in_python(path: Path, ids: set[str]) -> set[str]:
    """String literals equal to a framework id (docstrings and comments hold prose, not lists)."""
    return {node.value for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.lower() in ids}


def test_no_framework_id_is_hard_coded() -> None:
    import re

    from macros.paths import DATA_DIR

    ids = {path.stem for path in (DATA_DIR / "frameworks").glob("*.yaml")}
    assert len(ids) >= 2
    found = set()
    for path in [*PACKAGE.rglob("*.py"), *(ROOT / "scripts").glob("*.py")]:
        relative = path.relative_to(ROOT).as_posix()
        found |= {(relative, value) for value in quoted_ids_in_python(path, ids)}
    alternatives = "|".join(sorted(ids))
    quoted = re.compile(rf"""["'`]({alternatives})["'`]""", re.IGNORECASE)
    for folder, pattern in (("docs/assets/javascripts", "*.js"), ("docs/templates", "**/*.j2"), ("docs/overrides", "**/*.html")):
        for path in (ROOT / folder).glob(pattern):
            found |= {(path.relative_to(ROOT).as_posix(), match.lower()) for match in quoted.findall(path.read_text())}
    assert found - NOT_FRAMEWORK_IDS == set()
