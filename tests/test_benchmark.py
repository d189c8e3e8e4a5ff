"""The benchmark's parts that need no timing: synthetic data, page weight, Mermaid's modules, the report.

A full benchmark run takes minutes and its numbers vary, so these check what the figures are made
of on small, known inputs, and the real site's weight only for being complete.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from macros.paths import ROOT
from macros.pipeline import load_dataset
from scripts.benchmark.full_build import FullBuild
from scripts.benchmark.generation import GenerationCost
from scripts.benchmark.growth import Growth
from scripts.benchmark.lighthouse import Audit, Lighthouse, PageScores
from scripts.benchmark.mermaid import MermaidWeight, dynamic_import, module_closure
from scripts.benchmark.report import Results, render_report
from scripts.benchmark.runs import Run, Settings
from scripts.benchmark.serve import ServeResult
from scripts.benchmark.sizes import SiteSummary, Size, size_of
from scripts.benchmark.synthetic import MULTIPLIED, multiply_dataset
from scripts.benchmark.weight import PageWeight, Weights, measure_weights, page_types, page_weight, search_index_by_section
from tests.conftest import BuiltSite


def test_synthetic_dataset_at_2x_is_valid_with_twice_the_entities(tmp_path: Path) -> None:
    # Examples name files under examples/, relative to the data folder's parent.
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    counts = multiply_dataset(ROOT / "data", tmp_path / "data", 2)

    real, doubled = load_dataset(ROOT / "data"), load_dataset(tmp_path / "data")

    assert len(doubled.criteria) == 2 * len(real.criteria)
    assert len(doubled.use_cases) == 2 * len(real.use_cases)
    assert [framework.id for framework in doubled.frameworks] == [framework.id for framework in real.frameworks]
    assert counts == {folder: 2 * len(list((ROOT / "data" / folder).glob("*.yaml"))) for folder in MULTIPLIED}
    copies = {criterion.id: criterion.title for criterion in doubled.criteria if criterion.id.endswith("-copy2")}
    assert copies["admin-copy2"] == next(c.title for c in real.criteria if c.id == "admin") + " copy 2"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_page_weight_counts_what_the_page_links_and_material_fetches(tmp_path: Path) -> None:
    config = {"base": "..", "search": "assets/worker.js", "features": ["navigation.instant"]}
    write(tmp_path / "page" / "index.html", f"""<html><head>
<link rel="stylesheet" href="../assets/site.css"><link rel="stylesheet" href="https://cdn.example/font.css">
<link rel="icon" href="../assets/icon.css">
<script id="__config" type="application/json">{json.dumps(config)}</script>
<script src="../assets/bundle.js"></script><script src="../assets/bundle.js"></script></head>
<body><form name="search"></form><div class="fvd-mermaid"></div></body></html>""")
    css = write(tmp_path / "assets" / "site.css", "body { color: black; }\n" * 50)
    write(tmp_path / "assets" / "icon.css", "not a style sheet")
    js = [write(tmp_path / "assets" / name, f"console.log('{name}');\n" * 30) for name in ("bundle.js", "worker.js")]
    startup = [write(tmp_path / "search" / "search_index.json", '{"docs": []}'), write(tmp_path / "sitemap.xml", "<urlset/>")]

    weight = page_weight(tmp_path, "Page", "page/")

    assert weight.html == size_of([tmp_path / "page" / "index.html"])
    assert weight.css == size_of([css]), "only the local style sheet, once"
    assert weight.js == size_of(js), "the linked script once, plus Material's search worker"
    assert weight.startup_data == size_of(startup)
    assert weight.total.raw == sum(path.stat().st_size for path in [tmp_path / "page" / "index.html", css, *js, *startup])
    assert weight.has_diagram


def test_weights_of_the_real_site_cover_every_page_type(site: BuiltSite) -> None:
    weights = measure_weights(site.site_dir)

    assert [page.label for page in weights.pages] == [label for label, _ in page_types()]
    assert all(page.html.raw > 0 and page.css.raw > 0 and page.js.raw > 0 for page in weights.pages)
    with_diagram = {page.label.split(" (")[0] for page in weights.pages if page.has_diagram}
    assert "Decision" in with_diagram and "Home" not in with_diagram, with_diagram
    assert not weights.mermaid.notes, weights.mermaid.notes
    files = [count for _, count, _ in weights.mermaid.rows]
    assert len(files) >= 4 and files[0] == 1 and files[1] < files[2], weights.mermaid.rows


def test_search_index_by_section_adds_up_to_the_index(site: BuiltSite) -> None:
    index = site.site_dir / "search" / "search_index.json"
    documents = json.loads(index.read_text(encoding="utf-8"))["docs"]

    sections = search_index_by_section(index)

    names = [name for name, _ in sections]
    sizes = [size for _, size in sections]
    assert {"criteria", "use-cases", "(home page)"} <= set(names)
    assert sizes == sorted(sizes, reverse=True)
    assert sum(sizes) == sum(len(json.dumps(document, ensure_ascii=False).encode()) for document in documents)


def test_module_closure_follows_static_imports_only(tmp_path: Path) -> None:
    entry = write(tmp_path / "entry.mjs", 'import"./a.mjs";import{x}from"./lib/b.mjs";const l=()=>import("./lazy-1.mjs");')
    a = write(tmp_path / "a.mjs", 'export{y}from"./entry.mjs";import "./missing.mjs";')
    b = write(tmp_path / "lib" / "b.mjs", 'import {z} from "../a.mjs";export const x=1;')
    lazy = write(tmp_path / "lazy-1.mjs", 'import"./after-lazy.mjs";')
    write(tmp_path / "after-lazy.mjs", "export const w=1;")

    loaded = module_closure([entry])

    assert loaded == {entry.resolve(), a.resolve(), b.resolve()}
    assert dynamic_import(loaded, r"lazy-\d+\.mjs") == lazy.resolve()
    assert dynamic_import(loaded, r"other-\d+\.mjs") is None
    assert module_closure([lazy]) == {lazy.resolve(), (tmp_path / "after-lazy.mjs").resolve()}


def results(site_dir: Path) -> Results:
    """A hand-made run: the full build misses its 5 s target; growth and page weight meet theirs."""
    def run(wall: float, built_in: float | None = None) -> Run:
        return Run(wall, built_in, 100.0)

    small, large = SiteSummary(100, 2_000_000, 9_000_000), SiteSummary(1000, 20_000_000, 90_000_000)
    page = PageWeight("Home", "", Size(30_000, 8_000), Size(100_000, 20_000), Size(90_000, 30_000),
                      Size(400_000, 100_000), has_diagram=False)
    return Results(
        settings=Settings(runs=1, serve_edits=1, growth_factors=(1, 10), growth_runs=1, lighthouse_runs=2),
        command=".venv/bin/python -m scripts.benchmark --runs 1",
        started=datetime.datetime(2026, 1, 2, 3, 4, tzinfo=datetime.UTC),
        loads=[("1. validate and full strict build", "0.10 / 0.20 / 0.30")],
        full=FullBuild(validate=[run(0.5)], build=[run(6.0, 5.0)], site_dir=site_dir),
        serve=ServeResult(until_page_shows_edit=[1.5], logged_rebuilds=[0.9], initial_build=4.0),
        generation=GenerationCost(plain=[run(2.0, 1.5)], generated=[run(6.0, 5.0)], plain_site=small, generated_site=small),
        growth=[Growth(1, {"criteria": 18}, run(0.5), [run(4.0, 3.0)], small, 50_000),
                Growth(10, {"criteria": 180}, run(2.0), [run(20.0, 18.0)], large, 500_000)],
        weights=Weights(pages=[page], mermaid=MermaidWeight([("Entry module `mermaid.esm.min.mjs` only", 1, Size(5, 2))]),
                        search_index=Size(390_000, 95_000), search_sections=[("criteria", 150_000), ("(home page)", 5_000)],
                        sitemap=Size(10_000, 5_000)),
        lighthouse=Lighthouse("12.8.2", 2, [
            PageScores("Home", "", [lighthouse_run(97), lighthouse_run(91)]),
            PageScores("Glossary", "glossary/", [lighthouse_run(99, failed=["accessibility: color-contrast"]),
                                                 lighthouse_run(99, failed=["accessibility: color-contrast"])]),
        ]),
    )


def lighthouse_run(performance: int, failed: tuple[str, ...] | list[str] = ()) -> Audit:
    scores = {"performance": performance, "accessibility": 90 if failed else 100, "best-practices": 100, "seo": 100}
    metrics = {"first-contentful-paint": 1500.0, "largest-contentful-paint": 2500.0, "total-blocking-time": 120.0,
               "cumulative-layout-shift": 0.01}
    return Audit(scores, metrics, list(failed))


def test_report_judges_each_target_and_keeps_the_sections_in_order(tmp_path: Path) -> None:
    report = render_report(results(tmp_path))

    targets = {line.split(" | ")[0].lstrip("| "): line.split(" | ")[1:3] for line in report.splitlines()
               if line.startswith("| ") and " | " in line}
    assert targets["Full strict build under 5 s"] == ["6.00 s (median wall time)", "**missed**"]
    assert targets["10x data under 10x time"] == ["5.0x time", "met"]
    assert targets["Every page under 150 KB compressed (HTML, CSS, JS; Mermaid excepted)"] == ["1 of 1 page types under", "met"]
    assert "counting it, a first visit is 158.0 to 158.0 KB" in report
    assert "an index of at most 87.0 KB compressed, 8% smaller" in report
    assert "Missed by 1.00 s. Generation adds 4.00 s to a plain build" in report
    assert "```sh\n.venv/bin/python -m scripts.benchmark --runs 1\n```" in report
    headings = [line for line in report.splitlines() if line.startswith("## ")]
    assert [heading.split(" ")[1] for heading in headings] == ["Targets", "1.", "2.", "3.", "4.", "5.", "6."]
    lighthouse = next(key for key in targets if key.startswith("Lighthouse"))
    assert targets[lighthouse] == ["1 of 2 page types at 100/100/100; performance median 94 at lowest (Home)", "**missed**"]
    below = "Below target: Home: performance 94 (FCP 1.5 s, LCP 2.5 s, TBT 120 ms); Glossary: accessibility: color-contrast."
    assert below in report
    assert "| Home | `/` | 94 (91-97) | 100 | 100 | 100 | 1.5 | 2.5 | 120 | 0.010 |" in report
    assert "| `criteria/` | 150.0 | 38% |" in report
