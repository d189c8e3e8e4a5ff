"""The benchmark's parts that need no timing: timed runs, synthetic data, page weight, the report.

A full benchmark run takes minutes and its numbers vary, so these check what the figures are made
of on small, known inputs, and the real site's weight only for being complete.
"""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
from fnmatch import fnmatch
from pathlib import Path

import pytest
import yaml

from macros.model.addresses import entity_url, outcome_uri, url
from macros.model.registry import DECISIONS
from macros.paths import DATA_DIR, ROOT
from macros.pipeline import load_dataset
from scripts.benchmark.builds import (
    MULTIPLIED,
    VALIDATE,
    Growth,
    SiteSummary,
    Timed,
    multiply_dataset,
    take_turns,
    write_stock_project,
)
from scripts.benchmark.lighthouse import CATEGORIES, METRICS, Audit, PageScores, measure_lighthouse
from scripts.benchmark.report import Results, render_report
from scripts.benchmark.weight import (
    PAGE_TYPES,
    PageWeight,
    Size,
    Weights,
    chrome_bytes,
    measure_weights,
    page_types,
    page_weight,
    search_index_by_section,
    size_of,
)
from tests.conftest import BuiltSite
from tests.support import once


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_timed_runs_take_turns_after_a_warm_up_and_read_mkdocs_own_time(tmp_path: Path) -> None:
    turns = tmp_path / "turns"

    def job(name: str, built_in: str) -> tuple[list[str], Path]:
        """A command that notes it ran and logs a build time as mkdocs does."""
        log = f"Documentation built in {built_in} seconds"
        code = f"import sys; open({str(turns)!r}, 'a').write({name!r}); sys.stderr.write({log!r})"
        return [sys.executable, "-c", code], tmp_path

    jobs = [job("a", "1.05"), job("b", "1.15")]

    a, b = take_turns(jobs, 2)

    assert turns.read_text() == "ab" + "abab", "one warm-up each, then the jobs in turns"
    assert a.built_in == [1.05, 1.05] and b.built_in == [1.15, 1.15]
    assert a.build_seconds == 1.05 and len(b.seconds) == 2 and all(seconds > 0 for seconds in a.seconds + b.seconds)
    assert all(peak > 1 for peak in a.peak_mib), "a Python process uses megabytes"
    assert Timed().run([sys.executable, "-c", "pass"], tmp_path).build_seconds > 0, "wall time where mkdocs logged none"
    with pytest.raises(RuntimeError, match="status 3:\nbroken"):
        Timed().run([sys.executable, "-c", "import sys; print('broken', file=sys.stderr); sys.exit(3)"], tmp_path)


def test_site_summary_leaves_out_redirect_pages(tmp_path: Path) -> None:
    pages = [write(tmp_path / "index.html", "<p>home</p>"), write(tmp_path / "a" / "index.html", "<p>a page</p>")]
    write(tmp_path / "old" / "index.html", '<meta http-equiv="refresh" content="0; url=../a/">')
    index = write(tmp_path / "search" / "search_index.json", '{"docs": []}')

    summary = SiteSummary.of(tmp_path)

    assert (summary.pages, summary.html_bytes) == (2, sum(page.stat().st_size for page in pages))
    assert summary.total_bytes == sum(path.stat().st_size for path in tmp_path.rglob("*") if path.is_file())
    assert summary.search_index_bytes == index.stat().st_size


def test_synthetic_dataset_at_2x_is_valid_with_twice_the_entities(site: BuiltSite, tmp_path: Path) -> None:
    for beside in ("examples", "requirements"):  # what the data's pages read beside it
        (tmp_path / beside).symlink_to(ROOT / beside)

    counts = multiply_dataset(ROOT / "data", tmp_path / "data", 2, site.site_dir)

    assert counts == {folder: 2 * len(list((ROOT / "data" / folder).glob("*.yaml"))) for folder in MULTIPLIED}
    validated = subprocess.run([*VALIDATE, "--data", str(tmp_path / "data")], capture_output=True, text=True, check=False)
    assert validated.returncode == 0, validated.stdout + validated.stderr
    term = next(path for path in sorted((ROOT / "data" / "glossary").glob("*.yaml")) if "\naka:" in path.read_text())
    real, copy = (yaml.safe_load(path.read_text()) for path in (term, tmp_path / "data" / "glossary" / f"{term.stem}-copy2.yaml"))
    assert copy["id"] == f"{real['id']}-copy2" and copy["term"] == real["term"] + " copy 2"
    assert copy["aka"] == [f"{name} copy 2" for name in real["aka"]]
    assert copy["definition"] == real["definition"], "the rest as it is"
    linking = next(path for path in sorted((ROOT / "data" / "criteria").glob("*.yaml")) if "](#" in path.read_text())
    linked = (tmp_path / "data" / "criteria" / f"{linking.stem}-copy2.yaml").read_text()
    assert "](#" not in linked and f"](/criteria/{linking.stem}.md#" in linked, "sections only the original's page has"


def test_page_weight_counts_what_the_page_links_and_material_fetches(tmp_path: Path) -> None:
    config = {"base": "..", "search": "assets/worker.js", "features": ["navigation.instant"]}
    write(
        tmp_path / "page" / "index.html",
        f"""<html><head>
<link rel="stylesheet" href="../assets/site.css"><link rel="stylesheet" href="https://cdn.example/font.css">
<link rel="icon" href="../assets/icon.css">
<script id="__config" type="application/json">{json.dumps(config)}</script>
<script src="../assets/bundle.js"></script><script src="../assets/bundle.js"></script></head>
<body><form name="search"></form></body></html>""",
    )
    html = tmp_path / "page" / "index.html"
    css = write(tmp_path / "assets" / "site.css", "body { color: black; }\n" * 50)
    write(tmp_path / "assets" / "icon.css", "not a style sheet")
    js = [write(tmp_path / "assets" / name, f"console.log('{name}');\n" * 30) for name in ("bundle.js", "worker.js")]
    startup = [write(tmp_path / "search" / "search_index.json", '{"docs": []}'), write(tmp_path / "sitemap.xml", "<urlset/>")]

    weight = page_weight(tmp_path, "page/")

    assert weight.html == size_of([html])
    assert weight.css == size_of([css]), "only the local style sheet, once"
    assert weight.js == size_of(js), "the linked script once, plus Material's search worker"
    assert weight.startup == size_of(startup)
    assert weight.html_css_js == size_of([html, css, *js])
    assert weight.total.raw == sum(path.stat().st_size for path in [html, css, *js, *startup])


def test_weights_of_the_real_site_cover_every_page_type(site: BuiltSite) -> None:
    paths = page_types(site.site_dir)
    weights = measure_weights(site.site_dir, paths)

    assert len(paths) == len(PAGE_TYPES) and all(fnmatch(path, kind) for path, kind in zip(paths, PAGE_TYPES, strict=True))
    assert not any("*" in path for path in paths)
    assert all(site.site_dir.joinpath(path if path.endswith(".html") else f"{path}index.html").is_file() for path in paths)
    assert all(page.html.raw > 0 and page.css.raw > 0 and page.js.raw > 0 for page in weights.pages)
    trees = once(load_dataset, DATA_DIR).decisions
    tree_page, outcome_page = ("/" + paths[PAGE_TYPES.index(kind)] for kind in ("decisions/*/", "decisions/*/*/"))
    assert tree_page in {entity_url(DECISIONS, tree.id) for tree in trees}, "a tree's page, not one of its outcomes'"
    assert outcome_page in {url(outcome_uri(tree.id, outcome.id)) for tree in trees for outcome in tree.outcomes}


def test_search_index_by_section_adds_up_to_the_index(site: BuiltSite) -> None:
    index = site.site_dir / "search" / "search_index.json"
    documents = json.loads(index.read_text(encoding="utf-8"))["docs"]

    sections = search_index_by_section(index)

    names = [name for name, _ in sections]
    sizes = [size for _, size in sections]
    assert {"criteria", "use-cases", "(home page)"} <= set(names)
    assert sizes == sorted(sizes, reverse=True)
    assert sum(sizes) == sum(len(json.dumps(document, ensure_ascii=False).encode()) for document in documents)


def timed(*seconds: float, built_in: tuple[float, ...] = (), pages: int = 100, html: int = 2_000_000) -> Timed:
    return Timed(list(seconds), list(built_in), [100.0] * len(seconds), SiteSummary(pages, html, 9 * html, html // 4))


def page_scores(path: str, performance: float, runs: list[int], failed: tuple[str, ...] = ()) -> PageScores:
    scores = {"performance": performance, "accessibility": 90 if failed else 100, "best-practices": 100, "seo": 100}
    metrics = {"first-contentful-paint": 1500.0, "largest-contentful-paint": 2500.0, "total-blocking-time": 120.0}
    return PageScores(path, scores, runs, metrics | {"cumulative-layout-shift": 0.01}, list(failed))


def results(**changes: object) -> Results:
    """A hand-made run: the full build misses its 5 s target; growth and page weight meet theirs; Lighthouse misses."""
    html, css, js, startup = Size(30_000, 8_000), Size(100_000, 20_000), Size(90_000, 30_000), Size(400_000, 100_000)
    home = PageWeight("", html, css, js, Size(220_000, 58_000), startup, Size(620_000, 158_000))
    outcome = PageWeight("decisions/tree/outcome/", html, css, js, Size(220_000, 58_000), startup, Size(620_000, 158_000))
    weights = Weights(
        pages=[home, outcome],
        search_index=Size(390_000, 95_000),
        search_sections=[("criteria", 150_000), ("(home page)", 5_000)],
        sitemap=Size(10_000, 5_000),
    )
    fields = dict(
        quick=False,
        command=".venv/bin/python -m scripts.benchmark --runs 1",
        started=datetime.datetime(2026, 1, 2, 3, 4, tzinfo=datetime.UTC),
        loads=[("1. validate and full strict build", (0.1, 0.2, 0.3))],
        validate=timed(0.5),
        build=timed(6.0, built_in=(5.0,)),
        serve=([1.5, 2.5], [0.9, None], 4.0),
        generated=timed(6.0, built_in=(5.0,)),
        plain=timed(2.0, built_in=(1.5,)),
        growth=[
            Growth(1, {"criteria": 18}, timed(0.5), timed(4.0, built_in=(3.0,), pages=100),
                   {"": 30_000, "glossary/": 50_000}, {"": 20_000, "glossary/": 20_000}),
            Growth(10, {"criteria": 180}, timed(2.0), timed(20.0, built_in=(18.0,), pages=1000),
                   {"": 60_000, "glossary/": 400_000}, {"": 20_100, "glossary/": 20_000}),
        ],
        weights=weights,
        stock=page_scores("", 96, [95, 97]),
        lighthouse=[page_scores("", 94, [97, 91]), page_scores("glossary/", 99, [99, 99], ("accessibility: color-contrast",))],
    )
    return Results(**{**fields, **changes})


def cells(report: str) -> dict[str, list[str]]:
    """The report's table rows by their first cell."""
    rows = [line.strip("| ").split(" | ") for line in report.splitlines() if line.startswith("| ")]
    return {row[0]: row[1:] for row in rows}


def test_report_judges_each_target_and_keeps_the_sections_in_order() -> None:
    report = render_report(results())

    rows = cells(report)
    assert rows["Full strict build under 5 s"][:2] == ["6.00 s (median wall time)", "**missed**"]
    assert "Missed by 1.00 s. Generation adds 4.00 s to a plain build" in rows["Full strict build under 5 s"][2]
    assert rows["10x data under 10x time"][:2] == ["5.0x time", "met"]
    growth = "At 10x, 5.0x the time (mkdocs' own: 6.0x) for 10.0x the pages, 18 ms per page against 30 ms."
    assert rows["10x data under 10x time"][2] == growth, "pages did not get heavier, and the target is met"
    weight = rows["Every page under 150 KB compressed (HTML, CSS, JS)"]
    assert weight[:2] == ["2 of 2 page types under", "met"]
    assert "counting it, a first visit is 158.0 to 158.0 KB" in weight[2]
    assert "an index of at most 87.0 KB compressed, 8% smaller" in weight[2], "150 - 58 for the page - 5 for the sitemap"
    lighthouse = next(row for first, row in rows.items() if first.startswith("Lighthouse"))
    assert lighthouse[:2] == ["1 of 2 page types at 100/100/100; performance median 94 at lowest (Home)", "**missed**"]
    below = "Below target: Home: performance 94 (FCP 1.5 s, LCP 2.5 s, TBT 120 ms); Glossary: accessibility: color-contrast."
    assert lighthouse[2] == below
    assert rows["Home"] == ["`/`", "94 (91-97)", "100", "100", "100", "1.5", "2.5", "120", "0.010"], "Lighthouse's table"
    assert rows["**Stock Material**"][:2] == ["its home page", "96 (95-97)"], "measured in the same run"
    against_stock = rows["Lighthouse performance at least the stock Material page's, on every page type"]
    assert against_stock[:2] == ["lowest median 94 (Home) against 96", "**missed**"]
    assert against_stock[2].endswith("TBT 120 ms, in the same runs. Below it: Home 94.")
    tbt = rows["Total Blocking Time at most 50 ms on every page type"]
    assert tbt[:2] == ["highest median 120 ms (Home)", "**missed**"]
    assert "Over: Home 120 ms, Glossary 120 ms." in tbt[2]
    per_page = rows["Build time per page flat from 1x to 10x the data (within 20%)"]
    assert per_page[:2] == ["18 ms against 30 ms (-40%)", "met"]
    chrome = rows["A page's weight outside its own content does not grow with the data (at most +1% at 10x)"]
    assert chrome[:2] == ["+0.5% at most", "met"] and "most grown: Home, 20.0 KB at 1x and 20.1 KB at 10x" in chrome[2]
    generation = rows["Generation at most 1.3x a plain-Markdown build"]
    assert generation[:2] == ["3.00x", "**missed**"] and "down to 2.60 s, 3.40 s less" in generation[2]
    assert "| Glossary | `/glossary/` | 50.0 | 20.0 | 400.0 | 20.0 |" in report, "section 4: each page type in each dataset"
    assert rows["`criteria/`"] == ["150.0", "38%"]
    assert rows["2"] == ["2.50", "n/a"] and rows["**median**"] == ["2.00", "0.90"], "a rebuild that logged no time"
    assert rows["Decision outcome (tree/outcome)"][:2] == ["`/decisions/tree/outcome/`", "30.0"], "page weight's table"
    assert "Mermaid" not in report and "diagrams.js" not in report, "the site draws its flowcharts at build time"
    assert "```sh\n.venv/bin/python -m scripts.benchmark --runs 1\n```\n\nA measurement" in report
    headings = [line for line in report.splitlines() if line.startswith("## ")]
    assert [heading.split(" ")[1] for heading in headings] == ["Targets", "1.", "2.", "3.", "4.", "5.", "6."]


def test_report_of_a_quick_run_says_so_and_leaves_growth_unjudged() -> None:
    report = render_report(results(quick=True, growth=results().growth[:1]))

    assert "**Quick smoke run: tiny sizes and single runs; the numbers mean nothing.**" in report
    assert cells(report)["10x data under 10x time"] == ["n/a", "not measured", "Needs the 1x and 10x datasets (a full run)."]


def test_chrome_is_the_page_without_its_article_and_table_of_contents(tmp_path: Path) -> None:
    outside = '<html><head><title>t</title></head><body><nav class="md-nav md-nav--primary">sections</nav>'
    toc = '<nav class="md-nav md-nav--secondary">toc</nav>'
    write(tmp_path / "a" / "index.html", f"{outside}{toc}<article><p>own</p></article></body></html>")
    write(tmp_path / "b" / "index.html", f"{outside}<article>{'<p>much more of its own</p>' * 100}</article></body></html>")

    assert chrome_bytes(tmp_path, "a/") == chrome_bytes(tmp_path, "b/") == len((outside + "</body></html>").encode())


def test_stock_page_is_material_as_it_comes_with_one_page_of_ours(tmp_path: Path) -> None:
    page = write(tmp_path / "methodology.md", "# Methodology\n\nOur text.\n")

    project = write_stock_project(tmp_path / "stock", page)

    assert yaml.safe_load((project / "mkdocs.yml").read_text()) == {
        "site_name": "Stock Material for MkDocs", "theme": {"name": "material", "font": False},
    }
    assert [path.name for path in (project / "docs").iterdir()] == ["index.md"]
    assert (project / "docs" / "index.md").read_text() == page.read_text()


def test_lighthouse_runs_take_turns_with_the_stock_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []

    def fake_lighthouse(url: str) -> Audit:
        opened.append(url)
        scores = {category: 100 for category in CATEGORIES} | {"performance": 90 + len(opened)}
        return Audit(scores, dict.fromkeys(METRICS, float(len(opened))), [])

    monkeypatch.setattr("scripts.benchmark.lighthouse.run_lighthouse", fake_lighthouse)
    ours, stock_dir = tmp_path / "ours", tmp_path / "stock"
    ours.mkdir(), stock_dir.mkdir()

    stock, pages = measure_lighthouse(ours, ["", "glossary/"], 2, stock_dir)

    stock_url = opened[0]
    assert [url.removeprefix(opened[1]) if url != stock_url else "stock" for url in opened] == ["stock", "", "glossary/"] * 2
    assert stock.performance_runs == [91, 94] and [page.performance_runs for page in pages] == [[92, 95], [93, 96]]
    assert [page.path for page in pages] == ["", "glossary/"]
