"""Open Graph link-preview cards: one PNG per page, drawn with Pillow at build time, fully offline.

A link pasted into a chat tool shows the page's ``og:image``; a card naming the page and its
ratings tells the reader what they will find before they open it, and ``Card.alt`` says the same
in words for ``og:image:alt``.

Why Pillow and not Material for MkDocs' social plugin: that plugin downloads its fonts from the
network during the build, so an offline build (a CI sandbox, a train) fails or draws something
else. Here the font comes from a system package, DejaVu Sans from Debian's fonts-dejavu-core
(/usr/share/fonts/truetype/dejavu/), and nothing is fetched.

- Legible at preview size: chat tools often show the card ~500 px wide, so everything shrinks
  to about 0.4; the title is bold and 52-66 px, rows 30-32 px, nothing is smaller than 26 px.
- Contrast: every text colour meets WCAG AA (at least 4.5:1) on its background, including the
  white text in the rating pills, whose colours are the site's rating colours.
- Hostile input: text is drawn as text (Pillow interprets no markup); whitespace is collapsed and
  control characters dropped (Pillow would draw a newline as a second line); every string is
  wrapped or cut with "…" to its box, and rows that do not fit become "+N more", so nothing
  leaves the canvas or lands on other text.
- Deterministic: the basic layout engine (raqm may or may not be installed on a machine), fixed
  colours and fixed PNG settings: the same card gives the same bytes, so rebuilds do not churn.
- Small and fast: a card has a dozen colours, plus the blends antialiasing makes at each text's
  edge between its ink and its ground. It is drawn straight onto a fixed palette of those (256
  entries) and saved as a palette PNG: ~20 kB rather than ~45 kB in RGB, and several times
  quicker to encode (Pillow tries five filters on every row of an RGB PNG).
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630  # what chat tools and Open Graph expect (1.91:1)
BYTE_BUDGET = 50_000  # max PNG size; measured cards are 15-25 kB, so this leaves twice their size as margin

type _Colour = tuple[int, int, int]


def _rgb(hex_colour: str) -> _Colour:
    return int(hex_colour[1:3], 16), int(hex_colour[3:5], 16), int(hex_colour[5:7], 16)


BACKGROUND: _Colour = _rgb("#ffffff")  # plain white: the most contrast for every text colour
BAND = 12  # height of the indigo band along the top edge, the only thing drawn in the outer margin

_REGULAR_FILE = "DejaVuSans.ttf"
_BOLD_FILE = "DejaVuSans-Bold.ttf"
_FONT_HINT = ("install Debian's fonts-dejavu-core (apt-get install fonts-dejavu-core) or set FVD_FONTS_DIR "
              f"to a folder holding {_REGULAR_FILE} and {_BOLD_FILE}")

# Colours; the contrast against the white background (for the pills, of their white text) in the comments.
_BAND_COLOUR = _rgb("#3f51b5")  # the site's Material indigo: marks the card as this site's
_INK = _rgb("#212121")  # title and labels, 16:1
_SUMMARY_INK = _rgb("#424242")  # 10:1
_MUTED_INK = _rgb("#595959")  # footer and "+N more", 7:1
_KICKER_INK = _rgb("#3f51b5")  # 6.9:1
_RULE = _rgb("#e0e0e0")  # the line above the footer: decoration, not text
_PILL_INK = _rgb("#ffffff")
_PILLS = {  # as the site's rating badges
    "strong": _rgb("#1b5e20"),  # 7.9:1
    "good": _rgb("#00695c"),  # 6.6:1
    "fair": _rgb("#8d4a00"),  # 6.7:1
    "weak": _rgb("#b71c1c"),  # 6.6:1
    "neutral": _rgb("#424242"),  # 10:1
}
_TEXT_GROUNDS = [  # every (ink, ground) a text is drawn with: the palette holds the blends between them
    *((ink, BACKGROUND) for ink in (_INK, _SUMMARY_INK, _MUTED_INK, _KICKER_INK)),
    *((_PILL_INK, pill) for pill in _PILLS.values()),
]

# Layout, in pixels.
_MARGIN_X = 72
_TOP = 44  # from the top edge to the kicker's line box
_FOOTER_BASELINE = HEIGHT - 44
_CONTENT_WIDTH = WIDTH - 2 * _MARGIN_X
_KICKER_SIZE = 28
_TITLE_STEPS = ((66, 2), (58, 2), (58, 3), (52, 3))  # (size, lines): the first that holds the whole title wins
_SUMMARY_SIZE = 30
_FALLBACKS = ((3, 2), (3, 1), (2, 1), (2, 0))  # (title, summary) lines at most, from the full card down
_LABEL_SIZE, _VALUE_SIZE, _MORE_SIZE = 32, 30, 30
_FOOTER_SIZE = 26
_ROW_PITCH, _PILL_HEIGHT, _PILL_PAD, _PILL_MIN_WIDTH = 58, 46, 20, 150
_LABEL_SHARE = 0.6  # of the content width, at most, for the label column
_COLUMN_GAP = 36
_PNG_COMPRESS_LEVEL = 6  # zlib's default: ~8 ms and ~17 kB for a palette card; 9 saves 10 % for five times the time


class MissingCardFontError(Exception):
    """A font the cards need is absent or unreadable: raised with what is missing, where, and how to fix it."""



@dataclass(frozen=True)
class CardFonts:
    """The two font files the cards are drawn with (regular and bold DejaVu Sans)."""

    regular: Path
    bold: Path

    @classmethod
    def in_folder(cls, folder: Path) -> CardFonts:
        """The DejaVu Sans files in ``folder``, checked now, so a missing font fails the build at once, clearly."""
        where = folder.absolute()
        missing = [name for name in (_REGULAR_FILE, _BOLD_FILE) if not (folder / name).is_file()]
        if missing:
            names = " and ".join(missing)
            verb = "are" if len(missing) > 1 else "is"
            raise MissingCardFontError(f"Cannot draw the link-preview cards: the font file {names} {verb} missing "
                                       f"(not there in the folder {where}). To fix it, {_FONT_HINT}.")
        for name in (_REGULAR_FILE, _BOLD_FILE):
            try:
                _font(folder / name, _KICKER_SIZE)
            except (OSError, ValueError) as error:
                raise MissingCardFontError(f"Cannot draw the link-preview cards: the font file {name} in the folder "
                                           f"{where} is not a font Pillow can read ({error}). To fix it, "
                                           f"{_FONT_HINT}.") from error
        return cls(regular=folder / _REGULAR_FILE, bold=folder / _BOLD_FILE)


@dataclass(frozen=True)
class CardRow:
    """One line of the card: a label (e.g. a framework's name) and its value, shown in a pill coloured by ``tone``."""

    label: str
    value: str
    tone: str = "neutral"  # one of "strong", "good", "fair", "weak", "neutral"

    def __post_init__(self) -> None:
        if self.tone not in _PILLS:
            raise ValueError(f"CardRow tone must be one of {', '.join(_PILLS)}, not {self.tone!r}")


@dataclass(frozen=True)
class Card:
    """What one preview card says; ``render_png`` draws it and ``alt`` says it in words."""

    kicker: str
    title: str
    summary: str = ""
    rows: tuple[CardRow, ...] = ()
    footer: str = ""

    @property
    def alt(self) -> str:
        """The text alternative for ``og:image:alt``: everything the picture shows, uncut, as plain sentences."""
        kicker, title = _clean(self.kicker), _clean(self.title)
        if kicker and title:
            heading = f"{kicker} {title}" if kicker[-1] in ".:?!…" else f"{kicker}: {title}"
        else:
            heading = kicker or title
        rows = "; ".join(
            ": ".join(part for part in (_clean(row.label), _clean(row.value)) if part) for row in self.rows
        )
        sentences = [_sentence(text) for text in (heading, _clean(self.summary), rows, _clean(self.footer)) if text]
        return " ".join(sentences) or "Link preview card."


def render_png(card: Card, fonts: CardFonts) -> bytes:
    """``card`` as a WIDTH x HEIGHT PNG (palette mode, RGB colours); the same card and fonts give the same bytes."""
    palette = _palette()
    image = Image.new("P", (WIDTH, HEIGHT), palette.index[BACKGROUND])
    image.putpalette(palette.flat)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH - 1, BAND - 1), fill=palette.index[_BAND_COLOUR])
    for shape in _layout(card, fonts):
        if isinstance(shape, _Pill):
            draw.rounded_rectangle(shape.box, radius=_PILL_HEIGHT // 2, fill=palette.index[shape.fill])
        elif isinstance(shape, _Rule):
            draw.line(shape.points, fill=palette.index[_RULE], width=2)
        else:
            _draw_text(image, shape, palette.blends[shape.fill, shape.ground])
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False, compress_level=_PNG_COMPRESS_LEVEL)
    return buffer.getvalue()


def _draw_text(image: Image.Image, text: _Text, blend: list[int]) -> None:
    """Antialiased text on a palette image: the glyphs' coverage, drawn apart, becomes palette entries.

    ``blend`` maps coverage (0-255) to the entry nearest to that mix of ink and ground, so the
    result is what drawing in RGB would give, to within the palette's steps.
    """
    left, top, right, bottom = text.font.getbbox(text.text, anchor=text.anchor)
    if right <= left or bottom <= top:
        return
    coverage = Image.new("L", (right - left, bottom - top), 0)
    ImageDraw.Draw(coverage).text((-left, -top), text.text, font=text.font, fill=255, anchor=text.anchor)
    entries = Image.frombytes("P", coverage.size, coverage.point(blend).tobytes())
    image.paste(entries, (text.x + left, text.baseline + top), mask=coverage.point(_INKED))


_INKED = [0, *([255] * 255)]  # coverage -> paste mask: every pixel a glyph touches


@dataclass(frozen=True)
class _Palette:
    flat: list[int]  # for putpalette: r, g, b of entry 0, then entry 1, ...
    index: dict[_Colour, int]  # the entry of each solid colour
    blends: dict[tuple[_Colour, _Colour], list[int]]  # (ink, ground) -> entry for each coverage 0-255


@lru_cache(maxsize=1)
def _palette() -> _Palette:
    """The solid colours, then for each (ink, ground) pair as many evenly spaced blends as 256 entries allow.

    With nine pairs that is 27 blends each, so a blend is within 1/56 of the ink-to-ground distance
    of the true mix: no eye can tell, and nothing is dithered.
    """
    solids = list(dict.fromkeys([BACKGROUND, _BAND_COLOUR, _RULE, *(c for pair in _TEXT_GROUNDS for c in pair)]))
    steps = (256 - len(solids)) // len(_TEXT_GROUNDS) + 1
    colours = list(solids)
    blends: dict[tuple[_Colour, _Colour], list[int]] = {}
    for ink, ground in _TEXT_GROUNDS:
        ramp = [solids.index(ground)]
        for step in range(1, steps):
            ramp.append(len(colours))
            colours.append(_mix(ink, ground, step / steps))
        ramp.append(solids.index(ink))
        blends[ink, ground] = [ramp[round(coverage * steps / 255)] for coverage in range(256)]
    assert len(colours) <= 256, "more colours than a palette PNG holds"
    return _Palette([channel for colour in colours for channel in colour],
                    {colour: solids.index(colour) for colour in solids}, blends)


def _mix(ink: _Colour, ground: _Colour, share: float) -> _Colour:
    red, green, blue = (round(g + (i - g) * share) for i, g in zip(ink, ground, strict=True))
    return red, green, blue


# ----------------------------------------------------------------------------
# Layout: first decide every piece of text and its place, then draw; nothing is measured while drawing.
# ----------------------------------------------------------------------------

type _Font = ImageFont.FreeTypeFont


@dataclass(frozen=True)
class _Text:
    x: int
    baseline: int
    text: str
    font: _Font
    fill: _Colour
    ground: _Colour = BACKGROUND  # what the text is drawn on: its antialiased edge blends into it
    anchor: str = "ls"  # left, baseline; "ms" centres on x


@dataclass(frozen=True)
class _Pill:
    box: tuple[int, int, int, int]
    fill: _Colour


@dataclass(frozen=True)
class _Rule:
    points: tuple[int, int, int, int]


type _Shape = _Text | _Pill | _Rule


def _font(path: Path, size: int) -> _Font:
    """The face of ``path`` at ``size``, loaded once for the whole build (~150 cards, a handful of sizes).

    Keyed by the file's identity too, so a font replaced in place (``mkdocs serve`` runs for hours)
    is read again rather than served stale, and a broken file is never hidden by a good one's face.
    """
    stat = path.stat()
    return _load_font(path, size, (stat.st_ino, stat.st_size, stat.st_mtime_ns))


@lru_cache(maxsize=64)
def _load_font(path: Path, size: int, identity: tuple[int, int, int]) -> _Font:
    """Read from an open file, not a file name: given a name it cannot load, Pillow quietly looks for a
    file of that name among the system's fonts, which would hide a broken font in the chosen folder.
    The basic layout engine: raqm's shaping would change glyph positions between machines with and
    without libraqm, and the cards must come out byte for byte the same."""
    with path.open("rb") as file:
        return ImageFont.truetype(file, size, layout_engine=ImageFont.Layout.BASIC)


def _layout(card: Card, fonts: CardFonts) -> list[_Shape]:
    """The shapes of the card, keeping every line of the title and summary the rows leave room for.

    The rows are what a card is for (the ratings), so: the full card if every row fits; else the
    summary gives up its second line if that makes them fit; else, if fewer than two rows would
    show, the title and then the summary give up lines until two do. Each block is measured once.
    """
    kicker, title, summary, footer = (_clean(text) for text in (card.kicker, card.title, card.summary, card.footer))
    kicker_font = _font(fonts.bold, _KICKER_SIZE)
    summary_font = _font(fonts.regular, _SUMMARY_SIZE)
    footer_font = _font(fonts.regular, _FOOTER_SIZE)
    kicker_lines = [_fit(kicker, kicker_font, _CONTENT_WIDTH)] if kicker else []

    @cache
    def title_block(most: int) -> tuple[_Font, list[str]]:
        return _title_lines(title, fonts.bold, most) if title else (kicker_font, [])

    @cache
    def summary_block(most: int) -> list[str]:
        return _lines(summary, summary_font, most) if summary else []

    def blocks(title_lines: int, summary_lines: int) -> list[tuple[list[str], _Font, _Colour, int]]:
        """Each block's lines, font, colour and the gap below it."""
        title_font, title_text = title_block(title_lines)
        return [(kicker_lines, kicker_font, _KICKER_INK, 14), (title_text, title_font, _INK, 12),
                (summary_block(summary_lines), summary_font, _SUMMARY_INK, 0)]

    def rows_top(plan: tuple[int, int]) -> int:
        return _TOP + 20 + sum(len(lines) * _line_height(font) + gap for lines, font, _, gap in blocks(*plan) if lines)

    rule_y = _FOOTER_BASELINE - footer_font.getmetrics()[0] - 14
    rows_bottom = rule_y - 14 if footer else _FOOTER_BASELINE

    def slots(plan: tuple[int, int]) -> int:
        return max(0, (rows_bottom - rows_top(plan)) // _ROW_PITCH)

    full = _FALLBACKS[0]
    plan = next((plan for plan in _FALLBACKS if plan[0] == full[0] and slots(plan) >= len(card.rows)), None)
    if plan is None:
        plan = next((plan for plan in _FALLBACKS if slots(plan) >= min(len(card.rows), 2)), _FALLBACKS[-1])

    shapes: list[_Shape] = []
    y = _TOP
    for lines, font, fill, gap in blocks(*plan):
        if lines:
            y = _place_lines(shapes, lines, font, fill, y) + gap
    if footer:
        shapes.append(_Text(_MARGIN_X, _FOOTER_BASELINE, _fit(footer, footer_font, _CONTENT_WIDTH), footer_font,
                            _MUTED_INK))
        shapes.append(_Rule((_MARGIN_X, rule_y, WIDTH - _MARGIN_X, rule_y)))
    shapes.extend(_row_shapes(card.rows, fonts, rows_top(plan), slots(plan)))
    return shapes


def _line_height(font: _Font) -> int:
    ascent, descent = font.getmetrics()
    return ascent + descent


def _place_lines(shapes: list[_Shape], lines: list[str], font: _Font, fill: _Colour, top: int) -> int:
    """Adds ``lines`` as text from ``top`` down, one line box (ascent + descent) each; returns the bottom."""
    ascent = font.getmetrics()[0]
    for line in lines:
        shapes.append(_Text(_MARGIN_X, top + ascent, line, font, fill))
        top += _line_height(font)
    return top


def _title_lines(title: str, bold: Path, most_lines: int) -> tuple[_Font, list[str]]:
    """The largest title size that holds the whole title in its lines, else the smallest, cut with "…"."""
    for size, lines in _TITLE_STEPS:
        font = _font(bold, size)
        allowed = min(lines, most_lines)
        if len(title) <= allowed * _most_chars(font, _CONTENT_WIDTH):
            wrapped = _wrap(title, font, _CONTENT_WIDTH, allowed + 1)
            if len(wrapped) <= allowed:
                return font, wrapped
    return font, _lines(title, font, most_lines)


def _row_shapes(rows: tuple[CardRow, ...], fonts: CardFonts, top: int, slots: int) -> list[_Shape]:
    """Labels in a column, values in equal-width pills beside them; rows beyond ``slots`` become "+N more"."""
    if not rows or not slots:
        return []
    shown = rows if len(rows) <= slots else rows[: slots - 1]
    label_font = _font(fonts.regular, _LABEL_SIZE)
    value_font = _font(fonts.bold, _VALUE_SIZE)
    labels = [_clean(row.label) for row in shown]
    values = [_clean(row.value) for row in shown]

    labels = [_fit(text, label_font, _CONTENT_WIDTH * _LABEL_SHARE) for text in labels]
    label_width = max((round(label_font.getlength(text)) for text in labels), default=0)
    pill_x = _MARGIN_X + (label_width + _COLUMN_GAP if label_width else 0)
    values = [_fit(text, value_font, WIDTH - _MARGIN_X - pill_x - 2 * _PILL_PAD) for text in values]
    widest_value = max((round(value_font.getlength(text)) for text in values), default=0)
    pill_width = max(widest_value + 2 * _PILL_PAD, _PILL_MIN_WIDTH)
    pill_width = min(pill_width, WIDTH - _MARGIN_X - pill_x)
    cap_height = -value_font.getbbox("H", anchor="ls")[1]

    shapes: list[_Shape] = []
    for index, (label, value, row) in enumerate(zip(labels, values, shown, strict=True)):
        middle = top + index * _ROW_PITCH + _ROW_PITCH // 2
        if label:
            shapes.append(_Text(_MARGIN_X, middle + _LABEL_SIZE * 3 // 8, label, label_font, _INK))
        if value:
            box = (pill_x, middle - _PILL_HEIGHT // 2, pill_x + pill_width, middle + _PILL_HEIGHT // 2)
            shapes.append(_Pill(box, _PILLS[row.tone]))
            shapes.append(_Text(pill_x + pill_width // 2, middle + cap_height // 2, value, value_font, _PILL_INK,
                                _PILLS[row.tone], "ms"))
    if len(shown) < len(rows):
        more_font = _font(fonts.regular, _MORE_SIZE)
        middle = top + len(shown) * _ROW_PITCH + _ROW_PITCH // 2
        shapes.append(_Text(_MARGIN_X, middle + _MORE_SIZE * 3 // 8, f"+{len(rows) - len(shown)} more", more_font,
                            _MUTED_INK))
    return shapes


# ----------------------------------------------------------------------------
# Text: cleaning, wrapping and cutting to a width.
# ----------------------------------------------------------------------------

_WHITESPACE = re.compile(r"\s+")


def _clean(text: str) -> str:
    """One line of printable text: whitespace runs become one space, control and format characters go."""
    spaced = _WHITESPACE.sub(" ", text)
    return "".join(char for char in spaced if not unicodedata.category(char).startswith("C")).strip()


def _sentence(text: str) -> str:
    return text if text[-1] in ".?!…" else f"{text}."


def _most_chars(font: _Font, width: float) -> int:
    """More characters than fit in ``width`` unless some are narrower than a fifth of an em (DejaVu's
    narrowest, "i" and "l", are over a quarter): text is cut there before it is measured, so a 100 kB
    title costs no more time than a long one."""
    return int(width / (font.size * 0.2)) + 1


def _lines(text: str, font: _Font, most: int) -> list[str]:
    """``text`` wrapped to the content width in at most ``most`` lines, the last ending in "…" if text was left over."""
    if most <= 0:
        return []
    cap = most * _most_chars(font, _CONTENT_WIDTH)
    lines = _wrap(text[:cap], font, _CONTENT_WIDTH, most + 1)
    if len(lines) <= most and len(text) <= cap:
        return lines
    kept = lines[:most]
    last = kept[-1]
    return [*kept[:-1], last[: _longest_prefix(last, font, _CONTENT_WIDTH, "…")].rstrip() + "…"]


def _wrap(text: str, font: _Font, width: float, stop: int) -> list[str]:
    """Greedy word wrap into at most ``stop`` lines; a word wider than a whole line is broken between characters."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if font.getlength(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        while len(lines) < stop and font.getlength(word) > width:
            cut = max(1, _longest_prefix(word, font, width))
            lines.append(word[:cut])
            word = word[cut:]
        line = word
        if len(lines) >= stop:
            return lines[:stop]
    if line:
        lines.append(line)
    return lines[:stop]


def _fit(text: str, font: _Font, width: float) -> str:
    """``text`` if it fits in ``width``, else its longest start that fits with "…" after it."""
    cap = _most_chars(font, width)
    if len(text) <= cap and font.getlength(text) <= width:
        return text
    head = text[:cap]
    return head[: _longest_prefix(head, font, width, "…")].rstrip() + "…"


def _longest_prefix(text: str, font: _Font, width: float, suffix: str = "") -> int:
    """The largest n such that ``text[:n]`` (trailing spaces dropped) plus ``suffix`` fits in ``width``."""
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if font.getlength(text[:middle].rstrip() + suffix) <= width:
            low = middle
        else:
            high = middle - 1
    return low
