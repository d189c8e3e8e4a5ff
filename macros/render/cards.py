"""Draw link-preview cards (Open Graph images) as PNG with Pillow, offline.

Material's social-cards plugin would do this, but it downloads its fonts from Google Fonts
while building, which fails offline and behind a proxy. Here the font comes from a package,
DejaVu Sans (Debian's fonts-dejavu-core, /usr/share/fonts/truetype/dejavu/), and a missing font
stops the build with a message saying how to install it. Text is drawn as text: nothing in it
is interpreted, and whatever its length it is wrapped or cut with an ellipsis to stay inside
the card. Output is deterministic (Pillow's basic layout, no timestamps), so the build's cache
can key cards by their content.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630  # what Open Graph consumers (chat tools, wikis) expect
BYTE_BUDGET = 60_000  # 64 colours of flat fills and text: about 10-20 kB
MARGIN = 64
BAND = 14  # the coloured band along the top that marks the card as this site's

BACKGROUND = (250, 250, 250)
INK = (33, 33, 33)  # 15.9:1 on the background
MUTED = (84, 84, 84)  # 7.4:1
ACCENT = (63, 81, 181)  # Material indigo, as the site's header
TONES = {  # rating pills as on the site; white text on each is at least 5.6:1
    "strong": (27, 94, 32),
    "good": (0, 105, 92),
    "fair": (141, 74, 0),
    "weak": (183, 28, 28),
    "neutral": (66, 66, 66),
}
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
ELLIPSIS = "…"


class MissingCardFontError(Exception):
    """The cards' font is not where the configuration says."""


@dataclass(frozen=True)
class CardFonts:
    regular: Path
    bold: Path

    @classmethod
    def in_folder(cls, folder: Path) -> CardFonts:
        """DejaVu Sans and DejaVu Sans Bold in ``folder``, each checked to load as a font."""
        paths = [folder / name for name in FONT_FILES]
        for path in paths:
            try:
                ImageFont.truetype(str(path), 20)
            except OSError:
                raise MissingCardFontError(
                    f"The link-preview cards need the font file {path.name} in {folder}, and "
                    f"{'it is not a font Pillow can read' if path.is_file() else 'it is not there'}. "
                    "Install Debian's fonts-dejavu-core (apt-get install fonts-dejavu-core) or set "
                    "FVD_FONTS_DIR to a folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf."
                ) from None
        return cls(*paths)


@dataclass(frozen=True)
class CardRow:
    label: str
    value: str
    tone: str = "neutral"


@dataclass(frozen=True)
class Card:
    kicker: str
    title: str
    summary: str = ""
    rows: tuple[CardRow, ...] = ()
    footer: str = ""

    @property
    def alt(self) -> str:
        """The card's text in sentences, for ``og:image:alt``: what the picture says, never empty."""
        parts = [f"{self.kicker}: {self.title}." if self.kicker else f"{self.title}."]
        if self.summary:
            parts.append(self.summary if self.summary.endswith((".", "!", "?")) else f"{self.summary}.")
        if self.rows:
            parts.append("; ".join(f"{row.label}: {row.value}" for row in self.rows) + ".")
        if self.footer:
            parts.append(f"{self.footer}.")
        return " ".join(parts)


@lru_cache(maxsize=32)
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)


def _fit(text: str, font: ImageFont.FreeTypeFont, width: float) -> str:
    """``text`` on one line of at most ``width`` pixels, cut with an ellipsis if it is longer."""
    if font.getlength(text) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        middle = (low + high + 1) // 2
        if font.getlength(text[:middle].rstrip() + ELLIPSIS) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ELLIPSIS


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: float, lines: int) -> list[str]:
    """``text`` in at most ``lines`` lines of ``width`` pixels, the last cut with an ellipsis if needed."""
    words = " ".join(text.split()).split(" ")
    wrapped: list[str] = []
    current = ""
    for index, word in enumerate(words):
        candidate = f"{current} {word}".strip()
        if font.getlength(candidate) <= width or not current:
            current = candidate
            continue
        wrapped.append(current)
        current = word
        if len(wrapped) == lines - 1:
            current = " ".join([word, *words[index + 1:]])
            break
    if current:
        wrapped.append(current)
    return [_fit(line, font, width) for line in wrapped[:lines]] if wrapped != [""] else []


def _title_lines(title: str, fonts: CardFonts, width: float) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest title size (68 down to 52 px) at which the title fits in three lines."""
    for size in (68, 60, 52):
        font = _font(fonts.bold, size)
        lines = _wrap(title, font, width, 3)
        if not lines or not lines[-1].endswith(ELLIPSIS) or size == 52:
            return font, lines
    raise AssertionError("unreachable")


def _pill(draw: ImageDraw.ImageDraw, x: float, y: float, text: str, tone: str, font: ImageFont.FreeTypeFont) -> None:
    width = font.getlength(text)
    draw.rounded_rectangle((x, y, x + width + 28, y + 46), radius=8, fill=TONES.get(tone, TONES["neutral"]))
    draw.text((x + 14, y + 23), text, font=font, fill=(255, 255, 255), anchor="lm")


def render_png(card: Card, fonts: CardFonts) -> bytes:
    """The card as a WIDTH x HEIGHT PNG: kicker, title, summary, rows of label and pill, footer."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, BAND), fill=ACCENT)
    width = WIDTH - 2 * MARGIN
    bottom = HEIGHT - MARGIN
    small, row_font, pill_font = _font(fonts.regular, 28), _font(fonts.regular, 32), _font(fonts.bold, 28)

    footer_top = bottom - 34
    if card.footer:
        draw.text((MARGIN, bottom), _fit(card.footer, small, width), font=small, fill=MUTED, anchor="ls")
    y = MARGIN
    if card.kicker:
        draw.text((MARGIN, y), _fit(card.kicker.upper(), small, width), font=small, fill=ACCENT, anchor="lt")
        y += 50
    title_font, lines = _title_lines(card.title, fonts, width)
    line_height = round(title_font.size * 1.18)
    for line in lines:
        draw.text((MARGIN, y), line, font=title_font, fill=INK, anchor="lt")
        y += line_height
    y += 12
    summary_font = _font(fonts.regular, 30)
    for line in _wrap(card.summary, summary_font, width, 2) if card.summary else []:
        if y + 40 > footer_top:
            break
        draw.text((MARGIN, y), line, font=summary_font, fill=MUTED, anchor="lt")
        y += 40
    y += 16

    rows = list(card.rows)
    room = max(0, int((footer_top - 12 - y) // 58))
    if len(rows) > room:  # the last place that fits says how many did not
        shown = max(0, room - 1)
        rows = [*rows[:shown], CardRow(f"+{len(rows) - shown} more", "")] if room else []
    label_width = min(width * 0.55, max((row_font.getlength(row.label) for row in rows), default=0) + 24)
    for row in rows:
        draw.text((MARGIN, y + 23), _fit(row.label, row_font, label_width - 24), font=row_font, fill=INK, anchor="lm")
        if row.value:
            value = _fit(row.value, pill_font, width - label_width - 28)
            _pill(draw, MARGIN + label_width, y, value, row.tone, pill_font)
        y += 58

    buffer = io.BytesIO()
    image.quantize(colors=64, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE).save(
        buffer, format="PNG", optimize=False, compress_level=6
    )
    return buffer.getvalue()
