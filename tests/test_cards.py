"""Drawing link-preview cards: valid PNGs of the declared size within budget, legible (read back by
OCR), in the site's colours with enough contrast, safe with any text, and a clear error when the
font is missing. The cards of the built site: tests/test_link_previews.py."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageOps

from macros.render import cards
from macros.render.cards import (
    BACKGROUND,
    BAND,
    BYTE_BUDGET,
    HEIGHT,
    WIDTH,
    Card,
    CardFonts,
    CardRow,
    MissingCardFontError,
    render_png,
)

FONTS_DIR = Path(os.environ.get("FVD_FONTS_DIR", "/usr/share/fonts/truetype/dejavu"))
FONTS = CardFonts.in_folder(FONTS_DIR)
TESSERACT = shutil.which("tesseract")
SITE_INDIGO = (0x3F, 0x51, 0xB5)
RATING_COLOURS = {"strong": (0x1B, 0x5E, 0x20), "good": (0x00, 0x69, 0x5C), "fair": (0x8D, 0x4A, 0x00),
                  "weak": (0xB7, 0x1C, 0x1C)}  # the site's rating badges

CRITERION_CARD = Card(
    "Criterion", "Database (ORM and migrations)",
    rows=(CardRow("Flask", "Good", "good"), CardRow("Django", "Strong", "strong"), CardRow("FastAPI", "Fair", "fair")),
    footer="Reviewed 2026-11-20 · flask-vs-django.github.io",
)
OUTCOME_CARD = Card(
    "Decision: Which framework?", "Django for a server-rendered product",
    "Accounts, an admin and a relational database come with the framework.",
    rows=(CardRow("Recommended", "Django 6.1"), CardRow("Then", "Flask 3.2")),
    footer="Reviewed 2026-12-03 · flask-vs-django.github.io",
)
HOSTILE_CARD = Card(
    "<b>" * 40, "<script>alert(1)</script> " + "w" * 400, "**bold** [link](javascript:x) " * 10,
    tuple(CardRow("L" * 80, "V" * 80, "weak") for _ in range(12)), "f" * 300,
)


def rendered(card: Card) -> Image.Image:
    return Image.open(io.BytesIO(render_png(card, FONTS))).convert("RGB")


# ----------------------------------------------------------------------------
# Reading a card as a picture: where its ink is, its solid boxes (the pills), and OCR
# ----------------------------------------------------------------------------


def runs(mask: Image.Image, gap: int = 1) -> list[tuple[int, int]]:
    """The row ranges [start, end) of ``mask`` that hold a non-zero pixel; ranges closer than ``gap`` are merged."""
    found: list[list[int]] = []
    for y in (y for y in range(mask.height) if mask.crop((0, y, mask.width, y + 1)).getbbox()):
        if found and y - found[-1][1] < gap:
            found[-1][1] = y + 1
        else:
            found.append([y, y + 1])
    return [(start, end) for start, end in found]


def ink(image: Image.Image) -> Image.Image:
    """255 wherever something other than background was drawn, below the decorative band."""
    mask = ImageChops.difference(image, Image.new("RGB", image.size, BACKGROUND)).convert("L").point([0] + [255] * 255)
    mask.paste(0, (0, 0, image.width, BAND))
    return mask


def blocks(image: Image.Image) -> list[tuple[tuple[int, int, int, int], bool]]:
    """Each line of ink, cut where it has a gap of 24 px or more: its box, and whether it is a solid box (a pill)
    rather than text (mostly dark pixels: text on a light ground never covers even half of its box)."""
    mask, grey = ink(image), image.convert("L")
    found = []
    for top, bottom in runs(mask):
        for left, right in runs(mask.crop((0, top, image.width, bottom)).transpose(Image.Transpose.TRANSPOSE), gap=24):
            box = (left, top, right, bottom)
            region = grey.crop(box)
            dark = region.point([255] * 128 + [0] * 128).histogram()[255]
            found.append((box, dark > 0.6 * region.width * region.height))
    return found


def colours_by_count(image: Image.Image, box: tuple[int, int, int, int]) -> list[tuple[int, int, int]]:
    return [colour for _, colour in sorted(image.crop(box).getcolors(1 << 16), reverse=True)]


def ocr_view(image: Image.Image) -> Image.Image:
    """The card as tesseract reads it best: dark text on a light ground everywhere.

    Tesseract misreads white text on a coloured pill, and the label beside it ("Good" comes back
    as "GED", "Flask" as "riask"), so each pill is turned to its negative (the text dark, the pill
    a light grey) and the white outside its rounded ends kept white. This changes polarity only:
    the glyphs are the ones drawn.
    """
    grey = image.convert("L")
    view = grey.copy()
    for box, solid in blocks(image):
        if solid:
            negative = ImageOps.invert(grey.crop(box))
            for corner in ((0, 0), (negative.width - 1, 0), (0, negative.height - 1),
                           (negative.width - 1, negative.height - 1)):
                if negative.getpixel(corner) < 128:
                    ImageDraw.floodfill(negative, corner, 255, thresh=100)
            view.paste(negative, box)
    return view


def read_back(png: bytes, folder: Path) -> str:
    """What OCR reads on the card, whitespace collapsed: text a reader can read at this size."""
    if TESSERACT is None:
        pytest.skip("tesseract is not installed: 'make test' installs Debian's tesseract-ocr")
    path = folder / "card-ocr.png"
    ocr_view(Image.open(io.BytesIO(png)).convert("RGB")).save(path)
    result = subprocess.run([TESSERACT, str(path), "-", "--psm", "3"], capture_output=True, text=True, check=True)
    return " ".join(result.stdout.split())


def contrast(first: tuple[int, int, int], second: tuple[int, int, int]) -> float:
    """WCAG 2 contrast ratio."""
    def luminance(colour: tuple[int, int, int]) -> float:
        red, green, blue = (c / 255 / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in colour)
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


# ----------------------------------------------------------------------------
# The file
# ----------------------------------------------------------------------------


def test_a_card_is_a_png_of_the_declared_size_within_budget_and_deterministic() -> None:
    png = render_png(CRITERION_CARD, FONTS)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.size == (WIDTH, HEIGHT) == (1200, 630)
    assert image.mode in {"RGB", "P"}
    assert len(png) <= BYTE_BUDGET
    assert render_png(replace(CRITERION_CARD), FONTS) == png  # an equal card, not the same object
    assert render_png(replace(CRITERION_CARD, title="Database"), FONTS) != png


def test_the_byte_budget_keeps_a_margin_without_being_far_above_real_cards() -> None:
    """Lowered to what cards weigh (a budget ten times their size would notice nothing), with room to spare."""
    sizes = [len(render_png(card, FONTS)) for card in (CRITERION_CARD, OUTCOME_CARD, HOSTILE_CARD)]
    assert max(sizes) * 1.5 <= BYTE_BUDGET <= max(sizes) * 5, sizes


def test_fonts_are_loaded_once_per_file_and_size() -> None:
    render_png(OUTCOME_CARD, FONTS)  # every size a card uses
    loaded = cards._load_font.cache_info().misses
    for card in (CRITERION_CARD, OUTCOME_CARD, HOSTILE_CARD):
        render_png(card, CardFonts.in_folder(FONTS_DIR))
    assert cards._load_font.cache_info().misses == loaded


# ----------------------------------------------------------------------------
# Legible: OCR reads back what the card says; colours and contrast
# ----------------------------------------------------------------------------


@pytest.mark.parametrize("card", [CRITERION_CARD, OUTCOME_CARD], ids=["criterion", "outcome"])
def test_ocr_reads_back_every_word_the_card_shows(card: Card, tmp_path: Path) -> None:
    text = read_back(render_png(card, FONTS), tmp_path)
    words = [*card.kicker.split(), *card.title.split(), *card.summary.split(),
             *(word for row in card.rows for part in (row.label, row.value) for word in part.split())]
    missing = [word for word in words if word not in text]
    assert missing == [], f"OCR could not read {missing} in: {text}"
    reviewed = re.search(r"\d{4}-\d\d-\d\d", card.footer)
    assert reviewed and reviewed.group() in text, text


def test_the_pills_have_the_site_rating_colours_with_white_text() -> None:
    tones = [*RATING_COLOURS, "neutral"]
    image = rendered(Card("Criterion", "Admin", rows=tuple(CardRow(f"Row {tone}", tone.title(), tone) for tone in tones)))
    pills = [box for box, solid in blocks(image) if solid]
    assert len(pills) == len(tones)
    for tone, box in zip(tones, pills, strict=True):
        fill, text = colours_by_count(image, box)[:2]
        assert text == (255, 255, 255), tone
        assert fill == RATING_COLOURS.get(tone, fill), tone
        assert contrast(fill, text) >= 4.5, f"{tone}: {fill}"
    neutral = colours_by_count(image, pills[-1])[0]
    assert max(neutral) - min(neutral) <= 8 and max(neutral) < 100, f"neutral should be a dark grey: {neutral}"


@pytest.mark.parametrize("card", [OUTCOME_CARD, replace(CRITERION_CARD, rows=CRITERION_CARD.rows * 5)],
                         ids=["outcome", "more-rows"])
def test_all_text_has_aa_contrast_on_a_plain_light_ground(card: Card) -> None:
    image = rendered(card)
    assert colours_by_count(image, (0, 0, WIDTH, HEIGHT))[0] == BACKGROUND == (255, 255, 255)
    assert colours_by_count(image, (0, 0, WIDTH, BAND)) == [SITE_INDIGO], "the band along the top"
    texts = [box for box, solid in blocks(image) if not solid and box[3] - box[1] >= 8]  # lower: the footer's rule
    assert len(texts) >= 6
    for box in texts:
        colour = next(c for c in colours_by_count(image, box) if c != BACKGROUND)
        assert contrast(colour, BACKGROUND) >= 4.5, f"{colour} at {box}"


def test_the_title_is_large_and_bold_and_nothing_is_small() -> None:
    image = rendered(CRITERION_CARD)
    heights = [box[3] - box[1] for box, solid in blocks(image) if not solid and box[3] - box[1] >= 8]
    title = heights[1]  # "Database (ORM and" after the kicker: ascenders to descenders of the 66 px font
    assert 48 <= title <= 75, heights
    assert min(heights) >= 19, f"no line of text shorter than a 26 px font's ink: {heights}"


# ----------------------------------------------------------------------------
# Any text: long, hostile, empty
# ----------------------------------------------------------------------------


def test_hostile_text_is_drawn_literally_and_stays_inside_the_card(tmp_path: Path) -> None:
    png = render_png(HOSTILE_CARD, FONTS)
    assert len(png) <= BYTE_BUDGET
    image = Image.open(io.BytesIO(png)).convert("RGB")
    edges = [(x, y) for x in range(WIDTH) for y in (*range(BAND + 1, BAND + 11), *range(HEIGHT - 10, HEIGHT))]
    edges += [(x, y) for y in range(BAND + 1, HEIGHT) for x in (*range(10), *range(WIDTH - 10, WIDTH))]
    assert {image.getpixel(point) for point in edges} == {BACKGROUND}, "something was drawn in the margin"
    assert {image.getpixel((x, y)) for x in range(WIDTH) for y in range(BAND)} == {SITE_INDIGO}
    left, _, right, bottom = ink(image).getbbox()
    assert left >= 48 and right <= WIDTH - 48 and bottom <= HEIGHT - 24, "the text keeps a margin"
    text = read_back(png, tmp_path)
    assert "<script>" in text, text  # a tag is text
    assert re.search(r"\+\d+ more", text), text  # and the rows that did not fit are counted


def test_no_line_is_drawn_over_another_however_long_the_text() -> None:
    """Lines of ink with blank rows between them, none taller than one line: two lines drawn over
    each other, or a row over the footer, would make one taller band."""
    for card in (HOSTILE_CARD, replace(HOSTILE_CARD, summary="", footer=""), replace(HOSTILE_CARD, kicker="", rows=())):
        bands = runs(ink(rendered(card)))
        assert len(bands) >= 6
        assert max(bottom - top for top, bottom in bands) <= 75, bands


def test_a_long_title_wraps_to_three_lines_and_a_long_summary_to_two() -> None:
    words = " ".join(["Overlong"] * 60)
    assert len(runs(ink(rendered(Card("", words))))) == 3
    assert len(runs(ink(rendered(Card("", "", words))))) == 2
    assert len(runs(ink(rendered(Card("", "Short"))))) == 1
    assert len(runs(ink(rendered(Card("", "w" * 400))))) == 3  # a word longer than a line is broken


def test_rows_that_do_not_fit_end_with_a_count_of_the_rest(tmp_path: Path) -> None:
    rows = tuple(CardRow(f"Framework {number}", "Good", "good") for number in range(1, 13))
    png = render_png(Card("Criterion", "Database (ORM and migrations)", rows=rows, footer="Reviewed 2026-11-20"), FONTS)
    shown = sum(solid for _, solid in blocks(Image.open(io.BytesIO(png)).convert("RGB")))
    assert 2 <= shown < len(rows)
    text = read_back(png, tmp_path)
    assert f"+{len(rows) - shown} more" in text, text
    assert f"Framework {shown}" in text and f"Framework {shown + 1}" not in text, text


def test_empty_strings_render_and_draw_nothing_but_the_band() -> None:
    assert ink(rendered(Card("", ""))).getbbox() is None
    assert ink(rendered(Card(" ", "\n", "\t", (CardRow("", ""),), "\u200b"))).getbbox() is None
    assert ink(rendered(Card("", "", rows=(CardRow("", "Good", "good"),)))).getbbox() is not None


def test_newlines_and_control_characters_are_not_drawn() -> None:
    plain = render_png(CRITERION_CARD, FONTS)
    messy = replace(CRITERION_CARD, title="Database\n(ORM\tand\x00\x1b[31m migrations)\u202e".replace("[31m", ""))
    assert render_png(messy, FONTS) == plain


def test_an_unknown_tone_is_refused() -> None:
    with pytest.raises(ValueError, match="tone"):
        CardRow("Flask", "Good", "excellent")


# ----------------------------------------------------------------------------
# The text alternative and the font
# ----------------------------------------------------------------------------


def test_the_text_alternative_says_what_the_card_shows() -> None:
    alt = CRITERION_CARD.alt
    assert CRITERION_CARD.title in alt and "2026-11-20" in alt
    for row in CRITERION_CARD.rows:
        assert f"{row.label}: {row.value}" in alt
    assert OUTCOME_CARD.summary in OUTCOME_CARD.alt
    assert "\n" not in HOSTILE_CARD.alt and len(HOSTILE_CARD.alt.split("V" * 80)) == 13  # every row, whole
    assert Card("", "").alt.strip()


def test_a_missing_or_broken_font_is_named_with_the_fix(tmp_path: Path) -> None:
    with pytest.raises(MissingCardFontError, match=r"DejaVuSans\.ttf.*not there.*fonts-dejavu-core.*FVD_FONTS_DIR") as raised:
        CardFonts.in_folder(tmp_path)
    assert str(tmp_path) in str(raised.value) and "\n" not in str(raised.value)
    shutil.copyfile(FONTS_DIR / "DejaVuSans.ttf", tmp_path / "DejaVuSans.ttf")
    with pytest.raises(MissingCardFontError, match=r"DejaVuSans-Bold\.ttf is missing"):
        CardFonts.in_folder(tmp_path)
    (tmp_path / "DejaVuSans-Bold.ttf").mkdir()  # a folder is not a font file
    with pytest.raises(MissingCardFontError, match=r"DejaVuSans-Bold\.ttf is missing"):
        CardFonts.in_folder(tmp_path)
    (tmp_path / "DejaVuSans.ttf").write_text("not a font", encoding="utf-8")
    (tmp_path / "DejaVuSans-Bold.ttf").rmdir()
    shutil.copyfile(FONTS_DIR / "DejaVuSans-Bold.ttf", tmp_path / "DejaVuSans-Bold.ttf")
    with pytest.raises(MissingCardFontError, match=r"DejaVuSans\.ttf.*not a font.*fonts-dejavu-core"):
        CardFonts.in_folder(tmp_path)
