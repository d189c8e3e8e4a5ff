"""Tables as readers meet them on a 375 px phone and a 1280 px desktop, in headless Chromium.

Every page with a table is opened at both widths: each table fits, or scrolls sideways inside
its own box far enough to show its last column, and while there is more to the right a shadow
at the box's right edge says so. The verdict tables keep their name column in view on a phone
and are not squeezed into a column of single words; index tables link entity names, not
sentences; the matrix cell's copy link is a 24 by 24 px target.
"""

from __future__ import annotations

import base64
import re

import pytest
from playwright.sync_api import Page, expect

from macros.model.models import Rating
from macros.paths import DATA_DIR
from macros.pipeline import load_dataset
from tests.conftest import BuiltSite
from tests.support import once

DATASET = once(load_dataset, DATA_DIR)  # shared with the other modules that read it
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
VERDICT_TABLES = ["criteria/", "use-cases/"]  # a rating and a one-line verdict per framework in every row
# The pages whose tables come from the overview matrix, the index and the measurement templates.
OWN_TABLES = ["", "criteria/", "use-cases/", "frameworks/", "examples/", "claims/", "criteria/performance/"]


def pages_with_tables(site: BuiltSite) -> list[str]:
    """One built page per template whose article holds a table (the first of ``criteria/*/``,
    ``decisions/*/*/``, ...), and every page of OWN_TABLES: a path below the site's root each."""
    paths: dict[str, str] = {}
    for html in sorted(site.site_dir.rglob("index.html")):
        url = html.parent.relative_to(site.site_dir).as_posix()
        url = "" if url == "." else f"{url}/"
        kind = url if url in OWN_TABLES else re.sub(r"(?<=/)[^/]+/", "*/", url)
        if kind not in paths and site.page(url).select_one("article table") is not None:
            paths[kind] = url
    return list(paths.values())


# The box that scrolls a table sideways for the reader: the nearest box around it (or the table
# itself) that may scroll and has more content than room; null if none has.
SCROLLER = """(table) => {
  for (let node = table; node && node !== document.body; node = node.parentElement) {
    if (["auto", "scroll"].includes(getComputedStyle(node).overflowX) && node.scrollWidth > node.clientWidth + 1) return node;
  }
  return null;
}"""

# Each visible table of the article: whether it fits the window, or else whether the box that
# scrolls it sideways (Material's wrapper, or without JavaScript the table itself) lies within the
# window and, scrolled to its end, shows the whole table and the last column's header on top.
REACH = """() => {
  const width = innerWidth, found = [];
  const scroller = SCROLLER;
  for (const [index, table] of [...document.querySelectorAll("article table")].entries()) {
    if (!table.checkVisibility()) continue;  // in a closed <details> or another tab
    const box = scroller(table), header = table.rows[0], last = header.cells[header.cells.length - 1];
    const name = `table ${index + 1} (${header.cells[0].textContent.trim() || last.textContent.trim()})`;
    const around = (box || table).getBoundingClientRect();
    // Some of the table's content is out of view, not only its last cell's padding (the last column's
    // edge is the table's: without JavaScript the table is its own scroll box).
    const overflows = Boolean(box) && last.getBoundingClientRect().right - parseFloat(getComputedStyle(last).paddingRight)
      > Math.min(around.right, width) + 1;
    const problems = [];
    if (around.left < -0.5 || around.right > width + 0.5) problems.push(`its box runs from ${around.left} to ${around.right} px`);
    if (box) box.scrollLeft = box.scrollWidth;
    scrollTo(0, scrollY + last.getBoundingClientRect().top - innerHeight / 2);
    const tableRect = table.getBoundingClientRect(), cell = last.getBoundingClientRect();
    const view = (box || table).getBoundingClientRect();
    if (cell.right > Math.min(view.right, width) + 1 || cell.left < view.left - 0.5) {
      const hidden = Math.round(cell.right - Math.min(view.right, width));
      problems.push(`scrolled to its end it still hides ${hidden} px of its last column`);
    }
    const hit = document.elementFromPoint(cell.left + cell.width / 2, cell.top + cell.height / 2);
    if (!last.contains(hit)) problems.push(`its last column's header is covered by ${hit?.outerHTML.slice(0, 60)}`);
    if (box) box.scrollLeft = 0;
    found.push({name, overflows, problems, height: Math.round(tableRect.height)});
  }
  return found;
}""".replace("SCROLLER", SCROLLER)

# Table ``index`` ready to have its scroll box's right edge looked at: box scrolled to ``at``
# ("start" or "end"), box centred in the window, the table's rows hidden so only what paints the
# box and the table themselves shows. Returns the strip of the window to photograph.
EDGE_STRIP = """([index, at]) => {
  const table = [...document.querySelectorAll("article table")].filter((table) => table.checkVisibility())[index];
  const box = (SCROLLER)(table);
  box.scrollLeft = at === "end" ? box.scrollWidth : 0;
  box.scrollIntoView({block: "center"});
  for (const part of table.children) part.style.visibility = "hidden";
  const rect = box.getBoundingClientRect();
  const top = Math.max(rect.top, 64), bottom = Math.min(rect.bottom, innerHeight);
  return {x: rect.left, y: Math.round((top + bottom) / 2), width: rect.width, height: 2};
}""".replace("SCROLLER", SCROLLER)

SHOW_ROWS = """(index) => {
  const table = [...document.querySelectorAll("article table")].filter((table) => table.checkVisibility())[index];
  for (const part of table.children) part.style.visibility = "";
  (SCROLLER)(table).scrollLeft = 0;
}""".replace("SCROLLER", SCROLLER)


# The first row of pixels of a PNG screenshot, decoded by the browser itself (no fetch, so the
# page's Content-Security-Policy allows it), as [r, g, b] triples.
PIXEL_ROW = """async (base64) => {
  const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
  const image = await createImageBitmap(new Blob([bytes], {type: "image/png"}));
  const canvas = new OffscreenCanvas(image.width, image.height);
  const context = canvas.getContext("2d");
  context.drawImage(image, 0, 0);
  const data = context.getImageData(0, 0, image.width, 1).data;
  const row = [];
  for (let i = 0; i < data.length; i += 4) row.push([data[i], data[i + 1], data[i + 2]]);
  return row;
}"""


def pixel_row(page: Page, png: bytes) -> list[tuple[int, int, int]]:
    return [tuple(pixel) for pixel in page.evaluate(PIXEL_ROW, base64.b64encode(png).decode("ascii"))]


def difference(one: tuple[int, int, int], other: tuple[int, int, int]) -> int:
    return max(abs(a - b) for a, b in zip(one, other, strict=True))


def right_edge_shade(page: Page, index: int, at: str) -> int:
    """How far the colour 3 px inside the right edge of table ``index``'s scroll box is from the box's own background."""
    strip = page.evaluate(EDGE_STRIP, [index, at])
    row = pixel_row(page, page.screenshot(clip=strip))
    page.evaluate(SHOW_ROWS, index)
    background = row[len(row) // 2]  # the shadow is 1.2rem wide; the middle of the box shows its plain background
    return difference(row[-3], background)


def tables_problems(page: Page, url: str) -> tuple[list[str], dict[str, int], list[str]]:
    """What is wrong with the tables of the open page at its current width, each table's height, and
    the tables that hide some of their content until scrolled."""
    problems, heights, overflowing = [], {}, []
    for index, table in enumerate(page.evaluate(REACH)):
        heights[table["name"]] = table["height"]
        if table["overflows"]:
            overflowing.append(table["name"])
        problems += [f"/{url} {table['name']}: {problem}" for problem in table["problems"]]
        if table["overflows"]:
            if (shade := right_edge_shade(page, index, "start")) < 16:
                problems.append(f"/{url} {table['name']} scrolls sideways, but its right edge shows no shadow ({shade})")
            if (shade := right_edge_shade(page, index, "end")) > 4:
                problems.append(f"/{url} {table['name']}: scrolled to its end, its right edge still shows a shadow ({shade})")
    return problems, heights, overflowing


def test_every_table_shows_all_its_columns_on_a_phone_and_a_desktop(page: Page, site_url: str, site: BuiltSite) -> None:
    urls = pages_with_tables(site)
    assert set(OWN_TABLES) <= set(urls)
    problems, overflowing, heights = [], {}, {}
    for viewport in (PHONE, DESKTOP):
        page.set_viewport_size(viewport)
        for url in urls:
            page.goto(f"{site_url}{url}")
            page.wait_for_load_state("networkidle")
            found, heights[viewport["width"], url], overflowing[viewport["width"], url] = tables_problems(page, url)
            problems += found
    assert problems == []
    assert overflowing[PHONE["width"], "criteria/"], "the shadow check ran: the criteria matrix scrolls on a phone"
    wide = {url: names for (width, url), names in overflowing.items()
            if width == DESKTOP["width"] and url in OWN_TABLES and names}
    assert wide == {}, "on a desktop the comparison, index and measurement tables fit the text column"
    for url in VERDICT_TABLES:  # verdict columns wide enough to hold a sentence in a few lines
        (phone,), (desktop,) = heights[PHONE["width"], url].values(), heights[DESKTOP["width"], url].values()
        assert phone <= 1.5 * desktop, f"/{url}: the table is {phone} px tall on a phone, {desktop} px on a desktop"


SCROLLED_MATRIX = """() => {
  // The criteria matrix scrolled to its last column: is each row's name still on top at the left,
  // and which rows have text of the first framework's column passing under it?
  const table = document.querySelector("article table");
  const box = table.closest(".md-typeset__scrollwrap") || table;
  box.scrollLeft = box.scrollWidth;
  const rows = [...table.tBodies[0].rows].slice(0, 6);
  rows[0].scrollIntoView({block: "start"});
  scrollBy(0, -80);
  return rows.filter((row) => row.getBoundingClientRect().bottom < innerHeight).map((row) => {
    const name = row.cells[0].getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(row.cells[0]);
    const text = [...range.getClientRects()];
    const y = Math.round(Math.max(...text.map((line) => line.bottom)) + 6);  // below the name's last line
    range.selectNodeContents(row.cells[1]);
    const under = [...range.getClientRects()].some((line) => line.top <= y && line.bottom >= y && line.left < name.right);
    const hit = document.elementFromPoint(name.left + name.width / 2, name.top + 12);
    const last = row.cells[row.cells.length - 1].getBoundingClientRect().right <= innerWidth;
    return {y, x: name.left + 2, width: name.width - 4, onTop: row.cells[0].contains(hit), under, last};
  });
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_on_a_phone_the_criteria_matrix_keeps_each_name_in_view_in_either_scheme(page: Page, site_url: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.set_viewport_size(PHONE)
    page.goto(f"{site_url}criteria/")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate" if scheme == "dark" else "default")
    page.wait_for_load_state("networkidle")
    assert right_edge_shade(page, 0, "start") >= 16, "a shadow shows there is more to the right"
    rows = page.evaluate(SCROLLED_MATRIX)
    assert rows and all(row["onTop"] and row["last"] for row in rows), rows
    assert any(row["under"] for row in rows), "the check below is not vacuous: a verdict passes under a name"
    for row in rows:  # the name column is opaque: no verdict shows through it
        pixels = pixel_row(page, page.screenshot(clip={"x": row["x"], "y": row["y"], "width": row["width"], "height": 1}))
        assert max(difference(pixel, pixels[0]) for pixel in pixels) <= 4, f"text shows through the name column at {row}"


def test_without_javascript_a_wide_table_scrolls_in_itself_with_its_shadow(no_js_page: Page, site_url: str) -> None:
    page = no_js_page
    page.set_viewport_size(PHONE)
    page.goto(f"{site_url}criteria/")
    (matrix,) = [table for table in page.evaluate(REACH) if table["name"].startswith("table 1 ")]
    assert matrix["overflows"] and matrix["problems"] == []
    assert right_edge_shade(page, 0, "start") >= 16
    assert right_edge_shade(page, 0, "end") <= 4
    page.wait_for_load_state("networkidle")


# Which names an index table's rows link, per index page: the entity's name, and nothing else.
INDEXES = {
    "criteria/": [(criterion.title, f"{criterion.id}/") for criterion in DATASET.criteria],
    "use-cases/": [(use_case.title, f"{use_case.id}/") for use_case in DATASET.use_cases],
    "frameworks/": [(framework.name, f"{framework.id}/") for framework in DATASET.frameworks],
    "examples/": [(example.title, f"{example.id}/") for example in DATASET.examples],
    "claims/": [(claim.claim, f"#{claim.id}") for claim in DATASET.claims],
}


@pytest.mark.parametrize("url", INDEXES)
def test_index_tables_link_each_entity_by_its_name(site: BuiltSite, url: str) -> None:
    table = site.article(url).select_one("table")
    rows = table.select("tbody tr")
    links = [[(" ".join(a.get_text().split()), a["href"]) for a in row.select("a[href]:not(.fvd-permalink, .fvd-term)")]
             for row in rows]
    assert [[name for name, _ in row_links] for row_links in links] == [[name] for name, _ in INDEXES[url]]
    for ((_, href),), (_, target) in zip(links, INDEXES[url], strict=True):
        assert href.endswith(target), href
    if url in VERDICT_TABLES:  # the verdicts are still there, as text
        collection = DATASET.criteria if url == "criteria/" else DATASET.use_cases
        for row, entity in zip(rows, collection, strict=True):
            text = " ".join(row.get_text().split())
            assert all(entity.assessments[framework.id].verdict in text for framework in DATASET.frameworks)


PERMALINKS = """() => [...document.querySelectorAll("article .fvd-permalink")].map((link) => {
  const rect = link.getBoundingClientRect();
  const others = [...link.closest("td").querySelectorAll("a[href]")].filter((other) => other !== link)
    .map((other) => other.getBoundingClientRect())
    .filter((other) => other.left < rect.right && other.right > rect.left && other.top < rect.bottom && other.bottom > rect.top);
  return {id: link.id, width: rect.width, height: rect.height, overlaps: others.length};
})"""


@pytest.mark.parametrize("url", ["", "criteria/"])
def test_a_matrix_cells_copy_link_is_a_24_px_target(page: Page, site_url: str, url: str) -> None:
    """WCAG 2.2's 2.5.8 Target Size (Minimum): each # is at least 24 by 24 px and overlaps no other link."""
    for viewport in (PHONE, DESKTOP):
        page.set_viewport_size(viewport)
        page.goto(f"{site_url}{url}")
        links = page.evaluate(PERMALINKS)
        assert len(links) == len(DATASET.criteria) * len(DATASET.frameworks)
        small = [link for link in links if link["width"] < 24 or link["height"] < 24 or link["overlaps"]]
        assert small == [], f"{viewport['width']} px: {small[:3]}"
    first = page.locator("article .fvd-permalink").first
    first.focus()
    expect(first).to_have_css("opacity", "1")


def test_property_tables_keep_their_order_and_lists_still_sort(page: Page, site_url: str) -> None:
    """A table with an empty corner cell lists properties (the measurements): it has no sort buttons;
    the criteria matrix, a list, still sorts by rating."""
    page.goto(f"{site_url}criteria/performance/")
    measured = page.evaluate("""() => {
      const [start, end] = [document.getElementById("throughput"), document.getElementById("limits")];
      return [...document.querySelectorAll("article table")].filter((table) =>  // between the two headings
        start.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING
        && end.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_PRECEDING).length;
    }""")
    assert measured == len(DATASET.measurements_for("performance")[0].endpoints)
    expect(page.locator("article table th[role=columnheader]")).to_have_count(0)
    page.goto(f"{site_url}criteria/")
    header = page.locator("article table").first.locator("th", has_text=DATASET.frameworks[-1].name)
    header.click()
    order = [rating.label for rating in Rating]
    column = len(DATASET.frameworks) + 1
    cells = page.locator(f"article table tbody td:nth-child({column}) .fvd-rating")
    ranks = [order.index(label) for label in cells.all_inner_texts()]
    assert ranks == sorted(ranks) and len(set(ranks)) > 1
