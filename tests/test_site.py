"""The real site, built strictly once: every entity has its page, tables and edit link."""

from __future__ import annotations

import statistics

import pytest

from macros.paths import DATA_DIR
from macros.pipeline import load_dataset
from tests.conftest import BuiltSite
from tests.support import once

DATASET = once(load_dataset, DATA_DIR)  # shared with the other modules that read it
EDIT_BASE = "https://github.com/flask-vs-django/flask-vs-django/edit/main/"


def text_of(element) -> str:
    """Visible text with whitespace folded, as a reader sees it (inline links keep their spaces)."""
    return " ".join(element.get_text().split()).rstrip("¶").strip()


def test_dataset_has_the_minimum_real_content() -> None:
    assert len(DATASET.frameworks) >= 2
    assert len(DATASET.criteria) >= 3
    assert len(DATASET.use_cases) >= 2


@pytest.mark.parametrize("framework", DATASET.frameworks, ids=lambda f: f.id)
def test_framework_page_lists_its_rating_on_every_criterion(site: BuiltSite, framework) -> None:
    article = site.article(f"frameworks/{framework.id}/")
    assert article.h1.get_text(strip=True).rstrip("¶") == framework.name
    rows = article.select_one("#criteria + table").select("tbody tr")
    assert [row.td.get_text(strip=True) for row in rows] == [criterion.title for criterion in DATASET.criteria]
    for row, criterion in zip(rows, DATASET.criteria, strict=True):
        assert row.select_one(".fvd-rating").get_text() == criterion.assessments[framework.id].rating.label
        assert row.a["href"] == f"../../criteria/{criterion.id}/#{framework.id}"


@pytest.mark.parametrize("criterion", DATASET.criteria, ids=lambda c: c.id)
def test_criterion_page_puts_frameworks_side_by_side(site: BuiltSite, criterion) -> None:
    article = site.article(f"criteria/{criterion.id}/")
    table = article.select_one("#at-a-glance + table")
    headers = [th.get_text(strip=True) for th in table.select("thead th")][1:]
    assert headers == [framework.name for framework in DATASET.frameworks]
    verdicts = [text_of(td) for td in table.select("tbody tr")[1].select("td")][1:]
    assert verdicts == [criterion.assessments[framework.id].verdict if framework.id in criterion.assessments else ""
                        for framework in DATASET.frameworks]
    links = {a["href"] for a in article.select("a[href^='https://']")}
    for framework in DATASET.frameworks:
        section = article.find(id=framework.id)
        assert section is not None and section.name == "h2"
        if framework.id in criterion.assessments:
            assert {source.url for source in criterion.assessments[framework.id].sources} <= links


@pytest.mark.parametrize("use_case", DATASET.use_cases, ids=lambda u: u.id)
def test_use_case_page_shows_the_fit_of_each_framework(site: BuiltSite, use_case) -> None:
    article = site.article(f"use-cases/{use_case.id}/")
    rows = article.select_one("#at-a-glance + table").select("tbody tr")
    assert [(row.td.get_text(strip=True), row.select_one(".fvd-rating").get_text()) for row in rows] == [
        (framework.name, use_case.assessments[framework.id].rating.label) for framework in DATASET.frameworks
    ]
    deciding = [a.get_text(strip=True) for a in article.select_one("#criteria + table").select("tbody tr td:first-child a")]
    assert deciding == [DATASET.criterion(criterion_id).title for criterion_id in use_case.criteria]


@pytest.mark.parametrize(("url", "verdicts"), [("", False), ("criteria/", True)])
def test_overview_matrix_on_home_and_criteria_index(site: BuiltSite, url: str, verdicts: bool) -> None:
    table = site.article(url).select("table")[0]
    assert [th.get_text(strip=True) for th in table.select("thead th")] == [
        "Criterion", *[framework.name for framework in DATASET.frameworks]
    ]
    rows = table.select("tbody tr")
    assert len(rows) == len(DATASET.criteria)
    for row, criterion in zip(rows, DATASET.criteria, strict=True):
        cells = row.select("td")[1:]
        for cell, framework in zip(cells, DATASET.frameworks, strict=True):
            assessment = criterion.assessments[framework.id]
            assert cell.select_one(".fvd-rating").get_text() == assessment.rating.label
            assert text_of(cell).endswith(assessment.verdict) == verdicts
            # On the home page the badge links to the framework's section; on the index the row's name is its only link.
            links = [a["href"] for a in cell.select("a[href]:not(.fvd-permalink, .fvd-term)")]
            if verdicts:
                assert links == []
            else:
                assert len(links) == 1 and links[0].endswith(f"{criterion.id}/#{framework.id}")
            assert cell.select_one("a.fvd-permalink")["id"] == f"m-{criterion.id}-{framework.id}"


def test_edit_links_open_the_yaml_file_a_page_comes_from(site: BuiltSite) -> None:
    expected = {f"frameworks/{f.id}/": f"data/frameworks/{f.id}.yaml" for f in DATASET.frameworks}
    expected |= {f"criteria/{c.id}/": f"data/criteria/{c.id}.yaml" for c in DATASET.criteria}
    expected |= {f"use-cases/{u.id}/": f"data/use-cases/{u.id}.yaml" for u in DATASET.use_cases}
    expected["criteria/"] = "docs/templates/criteria-index.md.j2"
    expected["methodology/"] = "docs/methodology.md"
    for url, source in expected.items():
        assert site.page(url).select_one("a[rel=edit]")["href"] == EDIT_BASE + source


def nav_links(site: BuiltSite, url: str) -> set[str]:
    nav = site.page(url).select_one("nav.md-nav--primary")
    return {a.get_text(strip=True) for a in nav.select("a.md-nav__link")}


def test_an_entity_page_marks_its_section_and_the_index_lists_every_entity(site: BuiltSite) -> None:
    """Only section indexes are in the navigation; an entity's page highlights its section's entry."""
    sections = {
        "frameworks/": {f"frameworks/{f.id}/": f.name for f in DATASET.frameworks},
        "criteria/": {f"criteria/{c.id}/": c.title for c in DATASET.criteria},
        "use-cases/": {f"use-cases/{u.id}/": u.title for u in DATASET.use_cases},
    }
    for index, pages in sections.items():
        listed = {a.get_text(strip=True) for a in site.article(index).select("a")}
        assert set(pages.values()) <= listed, index
        for url in pages:
            nav = site.page(url).select_one("nav.md-nav--primary")
            active = [a["href"] for a in nav.select(".md-nav__item--active > a.md-nav__link")]
            assert active == ["../"], url  # the section's index, one level up
            assert not nav_links(site, url) & set(pages.values()), url


def test_navigation_is_the_same_size_whatever_the_dataset_holds(site: BuiltSite) -> None:
    """A page's HTML carries the sections, never a list of entities, so it does not grow with the data."""
    entities = {c.title for c in DATASET.criteria} | {u.title for u in DATASET.use_cases}
    for url in ["methodology/", "criteria/", f"criteria/{DATASET.criteria[0].id}/", f"use-cases/{DATASET.use_cases[0].id}/"]:
        links = nav_links(site, url)
        assert {"Frameworks", "Criteria", "Use cases", "Methodology"} <= links, url
        assert not links & entities, url


def test_methodology_page_renders_the_rating_scale_macro(site: BuiltSite) -> None:
    article = site.article("methodology/")
    assert [badge.get_text() for badge in article.select("#rating-scale + p + table .fvd-rating")] == [
        "Strong", "Good", "Fair", "Weak"
    ]
    assert "<!--{{" not in str(article)


def test_generated_pages_are_virtual(site: BuiltSite) -> None:
    from macros.paths import DOCS_DIR

    for folder in ("frameworks", "criteria", "use-cases"):
        assert not (DOCS_DIR / folder).exists(), f"docs/{folder} must not hold hand-kept pages"
        assert (site.site_dir / folder / "index.html").exists()


def test_pages_load_nothing_from_other_hosts(site: BuiltSite) -> None:
    loaders = "script[src], img[src], iframe[src], source[src], link[rel~=stylesheet], link[rel~=preload], link[rel~=icon]"
    for html_file in site.site_dir.rglob("*.html"):
        page = site.page(str(html_file.relative_to(site.site_dir)))
        for element in page.select(loaders):
            target = element.get("src") or element.get("href")
            assert "//" not in target, f"{html_file}: {element.name} loads {target}"
    css = "\n".join(path.read_text() for path in site.site_dir.rglob("*.css"))
    assert "fonts.googleapis" not in css and "@import url(http" not in css


@pytest.mark.parametrize("url", ["", "claims/", "decisions/which-framework/", "404.html"])
def test_scripts_run_after_the_content_before_the_first_render(site: BuiltSite, url: str) -> None:
    """Scripts sit after the content, parsed last, and are not deferred: a deferred bundle runs after the first
    render and makes the browser style and lay out the whole page again (BENCHMARK.md, section 6). The page is
    marked scripted in <head>, so what shows only with JavaScript is there from the start."""
    page = site.page(url)
    scripts = page.select("script[src]")
    content = page.select_one(".md-content")
    assert scripts and content is not None
    assert all(content in script.find_all_previous("div") for script in scripts), "a script comes before the content"
    assert not [str(script) for script in scripts if script.has_attr("defer") or script.has_attr("async")]
    inline_head_scripts = [script.string or "" for script in page.head.find_all("script", src=False)]
    assert any('classList.replace("no-js", "js")' in script for script in inline_head_scripts)


def test_claims_page_gives_each_claim_an_anchor_verdict_and_edit_link(site: BuiltSite) -> None:
    article = site.article("claims/")
    for claim in DATASET.claims:
        heading = article.find(id=claim.id)
        assert heading is not None and heading.name == "h2", claim.id
        assert heading.get_text(strip=True).rstrip("¶") == claim.claim
        verdict = article.select_one(f"#{claim.id} ~ p:not(.fvd-changed)").select_one(".fvd-verdict")
        assert verdict.get_text() == claim.verdict.label
        edit = heading.find_next(string="Edit this claim").parent
        assert edit["href"] == f"{EDIT_BASE}data/claims/{claim.id}.yaml"


def test_criterion_pages_link_the_claims_that_concern_them(site: BuiltSite) -> None:
    for criterion in DATASET.criteria:
        links = {a["href"] for a in site.article(f"criteria/{criterion.id}/").select("#claims + ul a:not(.fvd-term)")}
        expected = {f"../../claims/#{claim.id}" for claim in DATASET.claims_about(criterion.id)}
        assert links == expected, criterion.id


def test_glossary_terms_are_anchored_and_linked_from_the_text(site: BuiltSite) -> None:
    article = site.article("glossary/")
    for term in DATASET.glossary:
        assert article.find(id=term.id).name == "h2"
    assert not article.select("a.fvd-term"), "the glossary does not link to itself"
    linked = set()
    for criterion in DATASET.criteria:
        links = site.article(f"criteria/{criterion.id}/").select("a.fvd-term")
        targets = [a["href"] for a in links]
        assert len(targets) == len(set(targets)), f"{criterion.id}: a term is linked more than once"
        assert all(not a.find_parent(["code", "h1", "h2", "h3", "a"]) for a in links)
        linked |= {href.split("#")[1] for href in targets}
    assert {"wsgi", "orm", "csrf"} <= linked


def test_methodology_lists_the_versions_covered_from_the_data(site: BuiltSite) -> None:
    rows = site.article("methodology/").select_one("#versions + p + table").select("tbody tr")
    assert [[text_of(td) for td in row.select("td")][:3] for row in rows] == [
        [f.name, f.current_version, f.latest_release] for f in DATASET.frameworks
    ]


def test_framework_pages_cover_support_governance_and_packages(site: BuiltSite) -> None:
    for framework in DATASET.frameworks:
        article = site.article(f"frameworks/{framework.id}/")
        releases = [text_of(row.td) for row in article.select_one("#support ~ table").select("tbody tr")]
        assert releases == [release.series for release in framework.releases]
        assert article.find(id="governance") and article.find(id="strengths") and article.find(id="weaknesses")
        package_links = {a["href"] for a in article.select("#packages ~ table a")}
        assert {package.url for package in framework.common_packages} <= package_links


def test_performance_page_shows_the_measured_numbers_with_method_and_limits(site: BuiltSite) -> None:
    (measurement,) = DATASET.measurements_for("performance")
    article = site.article("criteria/performance/")
    footprint = article.select_one("#footprint + table")
    headers = [text_of(th) for th in footprint.select("thead th")][1:]
    assert headers == [f"{f.name} {measurement.footprint[f.id].version}" for f in DATASET.frameworks]
    apps = [(framework, app) for framework in DATASET.frameworks for app in measurement.setup[framework.id].apps]
    for endpoint in measurement.endpoints:
        heading = article.find(id=f"throughput-{endpoint.id}")
        assert text_of(heading).startswith(endpoint.title)
        chart = heading.find_next("figure").select_one("svg[role=img]")
        assert endpoint.title in text_of(chart.title)
        table = heading.find_next("table")
        rows = {text_of(row.td): [text_of(td) for td in row.select("td")][1:] for row in table.select("tbody tr")}
        assert list(rows) == [f"{framework.name} ({app.label})" for framework, app in apps]
        for (framework, app), cells in zip(apps, rows.values(), strict=True):
            for run, cell in zip(measurement.runs, cells, strict=False):  # one requests-per-second column per run
                median = statistics.median(run.throughput[endpoint.id][framework.id][app.id].requests_per_second)
                assert cell.startswith(f"{median:,.0f} ("), (endpoint.id, framework.id, app.id, cell)
            assert text_of(chart.desc).count(f"{framework.name} ({app.label}):") == 1
        sentences = table.find_next("ul").select("li")
        assert len(sentences) == len(apps) * (len(apps) - 1) // 2, "one sentence per pair of apps"
    assert article.find(id="limits") is not None and article.find(id="rule") is not None
    assert measurement.command in text_of(article.select_one("#measured ~ p:not(.fvd-changed)"))


@pytest.mark.parametrize("example", DATASET.examples, ids=lambda e: e.id)
def test_example_pages_show_the_tested_files_themselves(site: BuiltSite, example) -> None:
    from macros.paths import ROOT

    article = site.article(f"examples/{example.id}/")
    tabs = [text_of(label) for label in article.select(".tabbed-labels label")]
    assert tabs == [f.name for f in DATASET.frameworks if f.id in example.files]
    shown = {text_of(title) for title in article.select(".highlight .filename")}
    listed = {path for paths in example.files.values() for path in paths}
    assert shown == listed
    for path in listed:
        block = next(b for b in article.select(".highlight") if text_of(b.select_one(".filename")) == path)
        code = "".join(line.get_text() for line in block.select("code"))
        assert code.strip() == (ROOT / path).read_text().strip(), f"{path} on the page differs from the file"
    assert "Django 6.1.3" in text_of(article) and "Flask 3.1.3" in text_of(article)


def test_criterion_pages_link_their_examples(site: BuiltSite) -> None:
    for criterion in DATASET.criteria:
        expected = {f"../../examples/{example.id}/" for example in DATASET.examples_for(criterion.id)}
        links = {a["href"] for a in site.article(f"criteria/{criterion.id}/").select("#examples + ul a:not(.fvd-term)")}
        assert links == expected, criterion.id


def test_every_page_has_its_own_title_description_canonical_and_open_graph(site: BuiltSite) -> None:
    descriptions = set()
    pages = [path for path in site.site_dir.rglob("index.html") if "/api/" not in str(path)]
    for html_file in pages:
        page = site.page(str(html_file.relative_to(site.site_dir)))
        if page.select_one('meta[http-equiv="refresh"]'):
            continue
        description = page.select_one('meta[name="description"]')["content"]
        assert page.select_one('meta[property="og:description"]')["content"] == description
        assert page.select_one('meta[property="og:title"]')["content"]
        assert page.select_one('link[rel="canonical"]')["href"].startswith("https://flask-vs-django.github.io/")
        assert page.select_one('meta[property="og:url"]')["content"] == page.select_one('link[rel="canonical"]')["href"]
        descriptions.add(description)
    assert len(descriptions) > len(pages) * 0.9, "descriptions must come from each page's data, not boilerplate"
    admin = site.page("criteria/admin/").select_one('meta[name="description"]')["content"]
    assert DATASET.criterion("admin").assessments["django"].verdict in admin


def test_not_found_page_offers_search_and_the_main_sections(site: BuiltSite) -> None:
    page = site.page("404.html")
    assert page.select_one("article label[for='__search']") is not None
    links = {a["href"] for a in page.select("article a")}
    assert {"/decisions/", "/criteria/", "/use-cases/", "/frameworks/"} <= links


def test_example_pages_name_the_framework_releases_the_code_is_tested_with(site: BuiltSite) -> None:
    from macros.load.examples import EXAMPLES_LOCK, pinned_versions
    from macros.paths import ROOT

    pins = pinned_versions(ROOT / EXAMPLES_LOCK)
    text = site.article(f"examples/{DATASET.examples[0].id}/").get_text()
    assert all(f"{framework.name} {pins[framework.id]}" in text for framework in DATASET.frameworks if framework.id in pins)
    assert pins, "the examples' lock names no framework"


@pytest.mark.parametrize("tree", DATASET.decisions, ids=lambda tree: tree.id)
def test_every_outcome_has_its_own_page_preview_and_record(site: BuiltSite, tree) -> None:
    """Each outcome's page exists, is linked from its tree's page, previews as itself in a chat, and
    carries a record of the tree's review date; the tree's chart links every outcome page."""
    decision = site.page(f"decisions/{tree.id}/")
    chart_links = {a["href"] for a in decision.select(".fvd-flow__node--outcome")}
    for outcome in tree.outcomes:
        page = site.page(f"decisions/{tree.id}/{outcome.id}/")
        assert page.select_one("meta[property='og:description']")["content"] == outcome.summary
        assert outcome.title in page.select_one("meta[property='og:title']")["content"]
        record = page.select_one("#record ~ .highlight code").get_text()
        assert record.startswith(f"# Decision record: {outcome.title}") and tree.reviewed.isoformat() in record
        assert f"{outcome.id}/" in chart_links
        assert decision.select_one(f"#o-{outcome.id} ~ p.fvd-outcome-more a[href='{outcome.id}/']") is not None
