"""The Mermaid a diagram page downloads: the vendored entry module and the modules it goes on to load.

Mermaid is split into many ES modules and loads most of them on demand, so its weight is found
by following the modules' imports rather than by adding up the vendored folder.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from scripts.benchmark.sizes import Size, size_of
from scripts.benchmark.tables import kilobytes, table

MERMAID_DIR = "assets/vendor/mermaid"
MERMAID_ENTRY = f"{MERMAID_DIR}/mermaid.esm.min.mjs"

# import"./a.mjs" and import{x}from"./a.mjs" (also export{x}from); import("./a.mjs") is dynamic.
STATIC_IMPORT = re.compile(r"""(?:\bimport|\bfrom)\s*["'](\.{1,2}/[^"']+)["']""")
DYNAMIC_IMPORT = re.compile(r"""\bimport\(\s*["'](\.{1,2}/[^"']+)["']\s*\)""")


def module_closure(entries: Iterable[Path]) -> set[Path]:
    """The ES modules ``entries`` load before running: themselves and their static imports, recursively.

    Minified code keeps import specifiers as string literals, so a pattern finds them;
    ``import(...)`` calls are dynamic and deliberately not followed.
    """
    seen: set[Path] = set()
    pending = list(entries)
    while pending:
        module = pending.pop().resolve()
        if module in seen or not module.is_file():
            continue
        seen.add(module)
        text = module.read_text(encoding="utf-8")
        pending += [module.parent / specifier for specifier in STATIC_IMPORT.findall(text)]
    return seen


def dynamic_import(modules: Iterable[Path], name_pattern: str) -> Path | None:
    """The first module loaded on demand, by ``import(...)`` in ``modules``, whose file name matches."""
    for module in modules:
        for specifier in DYNAMIC_IMPORT.findall(module.read_text(encoding="utf-8")):
            if re.fullmatch(name_pattern, Path(specifier).name):
                return (module.parent / specifier).resolve()
    return None


def default_layout(modules: Iterable[Path]) -> str | None:
    """The graph layout Mermaid's default configuration names (``layout:"elk"`` in its config object)."""
    for module in modules:
        match = re.search(r'handDrawnSeed:0,layout:"([\w.-]+)"', module.read_text(encoding="utf-8"))
        if match:
            return match.group(1)
    return None


@dataclass(frozen=True)
class MermaidWeight:
    rows: list[tuple[str, int, Size]]
    """(what is counted, number of files, size), each row including the ones before it."""
    notes: list[str] = field(default_factory=list)


def mermaid_weight(site_dir: Path) -> MermaidWeight:
    """The Mermaid a flowchart page downloads: entry module, flowchart chunk, layout engine.

    Found from the modules' imports: the flowchart chunk and the layout engine are dynamic
    imports that Mermaid makes when it meets a flowchart; what each loads in turn is static.
    For Mermaid 12.3.0 the result was checked against headless Chromium on a decision page:
    the same 29 files, and the same 28 with ``layout: "dagre"`` passed to ``mermaid.initialize``.
    """
    entry = (site_dir / MERMAID_ENTRY).resolve()
    rows = [("Entry module `mermaid.esm.min.mjs` only", 1, size_of([entry]))]
    notes = []
    loaded = module_closure([entry])
    rows.append(("Entry module and its static imports", len(loaded), size_of(loaded)))
    flowchart = dynamic_import(loaded, r"flowDiagram-[\w-]+\.mjs")
    if flowchart is None:
        notes.append("The flowchart chunk was not found among the entry's dynamic imports: rows stop at the entry module.")
        return MermaidWeight(rows, notes)
    loaded |= module_closure([flowchart])
    rows.append((f"+ flowchart chunk `{flowchart.name}` and its static imports", len(loaded), size_of(loaded)))
    layout = default_layout(loaded)
    engine = dynamic_import(loaded, rf"{re.escape(layout)}-[\w-]+\.mjs") if layout else None
    if engine is None:
        notes.append("The layout engine Mermaid loads for flowcharts could not be determined; it is not counted.")
        return MermaidWeight(rows, notes)
    without_engine = set(loaded)
    loaded |= module_closure([engine])
    rows.append((f"+ default layout engine '{layout}' (`{engine.name}`) and its static imports", len(loaded), size_of(loaded)))
    dagre = dynamic_import(loaded, r"dagre-[\w-]+\.mjs") if layout != "dagre" else None
    if dagre is not None:
        with_dagre = without_engine | module_closure([dagre])
        rows.append((f"Instead of the row above: layout 'dagre' (`{dagre.name}`), set by `mermaid.initialize`",
                     len(with_dagre), size_of(with_dagre)))
    return MermaidWeight(rows, notes)


def mermaid_section(mermaid: MermaidWeight) -> str:
    """A subsection of the page weight: Mermaid is counted apart from the pages that load it."""
    rows = [(what, count, kilobytes(size.raw), kilobytes(size.gzip)) for what, count, size in mermaid.rows]
    notes = "".join(f"\n{note}\n" for note in mermaid.notes)
    return (
        "### Mermaid on diagram pages\n\n"
        "`diagrams.js` imports the vendored Mermaid only on pages with a diagram. Mermaid then imports the "
        "flowchart chunk and the layout engine its default configuration names; the files each of those loads are "
        "found from their static imports. Each row includes the ones above it.\n\n"
        + table(["Counted", "Files", "Raw (KB)", "gzip (KB)"], rows) + "\n" + notes
    )
