"""Link previews in the built site: every page names a card that exists, is a PNG of the declared size
within budget, says in words what it shows, and is legible (OCR of a built card); a build without
the cards' font stops with the fix before writing anything. Drawing itself: tests/test_cards.py."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from PIL import Image

from macros.paths import DATA_DIR, ROOT
from macros.pipeline import load_dataset
from macros.render.cards import BYTE_BUDGET, HEIGHT, WIDTH
from tests.conftest import BuiltSite
from tests.support import PUBLISHED_URL, once
from tests.test_cards import read_back

DATASET = once(load_dataset, DATA_DIR)  # shared with the other modules that read it


def card_of(site: BuiltSite, html_file: Path) -> tuple[dict[str, str], Path]:
    """A page's preview tags, and the file its og:image names in the built site."""
    head = site.page(html_file.relative_to(site.site_dir).as_posix()).head
    tags = {tag.get("property") or tag.get("name"): tag["content"] for tag in head.select("meta[content]")}
    image = tags["og:image"]
    assert image.startswith(PUBLISHED_URL), image
    return tags, site.site_dir / image.removeprefix(PUBLISHED_URL)


def test_every_page_has_a_card_of_the_declared_size_within_budget_with_a_text_alternative(site: BuiltSite) -> None:
    pages = [path for path in sorted(site.site_dir.rglob("*.html"))
             if not path.is_relative_to(site.site_dir / "assets") and 'http-equiv="refresh"' not in path.read_text()]
    assert len(pages) > len(DATASET.criteria) + len(DATASET.use_cases) and site.site_dir / "404.html" in pages
    for html_file in pages:
        tags, card = card_of(site, html_file)
        assert card.is_file(), f"{html_file}: {tags['og:image']} was not built"
        data = card.read_bytes()
        with Image.open(io.BytesIO(data)) as image:
            assert image.format == "PNG", card
            assert image.size == (int(tags["og:image:width"]), int(tags["og:image:height"])) == (WIDTH, HEIGHT), card
        assert len(data) <= BYTE_BUDGET, f"{card}: {len(data)} bytes"
        assert tags["og:image:type"] == "image/png" and tags["og:image:alt"].strip(), html_file
        assert tags["twitter:card"] == "summary_large_image" and tags["twitter:image"] == tags["og:image"], html_file


def test_criterion_and_outcome_cards_say_what_the_data_says(site: BuiltSite) -> None:
    for criterion in DATASET.criteria:
        tags, card = card_of(site, site.site_dir / "criteria" / criterion.id / "index.html")
        assert card == site.site_dir / "cards" / "criteria" / f"{criterion.id}.png", "the embeddable address"
        assert criterion.title in tags["og:image:alt"]
        for framework in DATASET.frameworks:
            assessment = criterion.assessments.get(framework.id)
            if assessment:
                assert f"{framework.name}: {assessment.rating.label}" in tags["og:image:alt"], tags["og:image:alt"]
    frameworks = {framework.id: framework for framework in DATASET.frameworks}
    for tree in DATASET.decisions:
        for outcome in tree.outcomes:
            tags, card = card_of(site, site.site_dir / "decisions" / tree.id / outcome.id / "index.html")
            assert card == site.site_dir / "cards" / "decisions" / tree.id / f"{outcome.id}.png"
            alt = tags["og:image:alt"]
            assert outcome.title in alt and tree.reviewed.isoformat() in alt, alt
            assert all(frameworks[framework_id].name in alt for framework_id in outcome.frameworks), alt


def test_ocr_reads_a_built_criterion_card(site: BuiltSite, tmp_path: Path) -> None:
    criterion = DATASET.criteria[0]
    _, card = card_of(site, site.site_dir / "criteria" / criterion.id / "index.html")
    text = read_back(card.read_bytes(), tmp_path)
    expected = [*criterion.title.split(), *(framework.name for framework in DATASET.frameworks),
                *(assessment.rating.label for assessment in criterion.assessments.values())]
    assert [word for word in expected if word not in text] == [], text


def test_without_the_font_the_build_stops_before_writing_anything(tmp_path: Path) -> None:
    site_dir = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT, capture_output=True, text=True, env=os.environ | {"FVD_FONTS_DIR": str(tmp_path)},
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    assert "DejaVuSans" in result.stderr and "fonts-dejavu-core" in result.stderr, result.stderr
    assert not site_dir.exists(), "a half-published site"
