"""Handwriting: fit text into a box, then draw it word by word with a hand's small unevenness.

Each word is shaped once by QTextLayout and drawn as a glyph run whose glyphs are nudged off
the baseline; the word itself is slightly turned, resized and pressed lighter or harder. Drawing
whole words (not single glyphs) keeps the PDF's text copyable, in order, with its spaces.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QTextLayout,
    QTextLine,
    QTransform,
)

from . import hand_font
from .content import styled_words
from .fonts import FONTS_BY_KEY, base_font_key, font_features, make_qfont
from .ink import printing
from .word_pose import pose_word

REFERENCE_SIZE = 40.0  # words are measured once at this size and scaled arithmetically
LINE_PITCH = 1.45  # distance between baselines, in ems of the (scaled) font
WIDTH_SAFETY = 0.95  # room kept for the jitter's extra width


@dataclass(frozen=True)
class Jitter:
    """How uneven the hand is; all zero when the writer asks for "Neat"."""

    baseline: float = 0.0  # per glyph, fraction of the size
    glyph_shift: float = 0.0  # per glyph sideways, fraction of the size (0 for joined scripts)
    rotation: float = 0.0  # per word, degrees
    size: float = 0.0  # per word, fraction
    spacing: float = 0.0  # per gap, fraction of a space
    drift: float = 0.0  # per line slope, degrees
    indent: float = 0.0  # per line start, fraction of the size
    pressure: float = 0.0  # per word, opacity taken away at most
    alternates: float = 0.0  # share of words drawn with the font's alternate letterforms


NEAT = Jitter()


def jitter_for(font_key: str, neat: bool) -> Jitter:
    """The unevenness that suits a font (joined scripts keep their letters touching)."""
    if neat:
        return NEAT
    joined = FONTS_BY_KEY[base_font_key(font_key)].joined
    return Jitter(
        baseline=0.02 if joined else 0.045,
        glyph_shift=0.0 if joined else 0.018,
        rotation=1.6,
        size=0.05,
        spacing=0.35,
        drift=0.7,
        indent=0.25,
        pressure=0.16,
        alternates=0.3,
    )


class Word(str):
    """A word on the card, and whether the writer made it bold or italic."""

    bold: bool
    italic: bool

    def __new__(cls, text: str, bold: bool = False, italic: bool = False) -> Word:
        word = super().__new__(cls, text)
        word.bold, word.italic = bold, italic
        return word


def _italic(word: str) -> bool:
    return getattr(word, "italic", False)


def _bold(word: str) -> bool:
    return getattr(word, "bold", False)


BOLD_STROKE = 0.045  # ems: how much a bold word's strokes are thickened


@dataclass(frozen=True)
class FittedText:
    """Text broken into lines at the largest size (points, before the font's scale) that fits."""

    lines: tuple[tuple[str, ...], ...]
    size: float
    pitch: float  # points between baselines
    overflow: bool
    lines_fitting: int  # how many lines the box holds at this size


def _word_width(font_key: str, word: str) -> float:
    """Width of a word at REFERENCE_SIZE (points); a captured hand may be redone, so uncached."""
    if hand_font.is_hand(font_key):
        return hand_font.word_width(font_key, word)
    return _font_word_width(font_key, str(word), _italic(word))


@lru_cache(maxsize=4096)
def _font_word_width(font_key: str, word: str, italic: bool = False) -> float:
    """Width of a word in a bundled font at REFERENCE_SIZE (points), cached across renders."""
    font = make_qfont(font_key, REFERENCE_SIZE)
    font.setItalic(italic)
    return QFontMetricsF(font).horizontalAdvance(word)


def _space_width(font_key: str) -> float:
    return _word_width(font_key, " ") or REFERENCE_SIZE * 0.25


def pitch_for(font_key: str, size: float) -> float:
    return size * FONTS_BY_KEY[base_font_key(font_key)].scale * LINE_PITCH


def break_lines(text: str, font_key: str, size: float, width: float) -> list[tuple[str, ...]]:
    """Greedy line breaking; a blank line keeps its place, a too-long word is split."""
    factor = size / REFERENCE_SIZE
    space = _space_width(font_key) * factor
    budget = width * WIDTH_SAFETY
    lines: list[tuple[str, ...]] = []
    for paragraph in styled_words(text):
        words = [Word(*styled) for styled in paragraph]
        if not words:
            lines.append(())
            continue
        current: list[str] = []
        used = 0.0
        for word in words:
            for piece in _split_long_word(word, font_key, factor, budget):
                piece_width = _word_width(font_key, piece) * factor
                extra = piece_width + (space if current else 0.0)
                if current and used + extra > budget:
                    lines.append(tuple(current))
                    current, used = [piece], piece_width
                else:
                    current.append(piece)
                    used += extra
        lines.append(tuple(current))
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _split_long_word(word: str, font_key: str, factor: float, budget: float) -> list[str]:
    if _word_width(font_key, word) * factor <= budget:
        return [word]
    pieces, current = [], ""

    def styled(text: str) -> Word:
        return Word(text, _bold(word), _italic(word))

    for char in word:
        if current and _word_width(font_key, styled(current + char)) * factor > budget:
            pieces.append(styled(current))
            current = char
        else:
            current += char
    return [*pieces, styled(current)] if current else pieces


def fit_text(text: str, font_key: str, width: float, height: float, base: float,
             minimum: float) -> FittedText:
    """The largest size between `minimum` and `base` at which the text fits the box."""

    def attempt(size: float) -> FittedText:
        lines = break_lines(text, font_key, size, width)
        pitch = pitch_for(font_key, size)
        capacity = max(1, int((height - pitch * 0.35) // pitch))
        return FittedText(tuple(lines), size, pitch, len(lines) > capacity, capacity)

    best = attempt(base)
    if not best.overflow:
        return best
    low, high = minimum, base
    smallest = attempt(minimum)
    if smallest.overflow:
        return smallest
    best = smallest
    while high - low > 0.25:
        middle = (low + high) / 2
        candidate = attempt(middle)
        if candidate.overflow:
            high = middle
        else:
            best, low = candidate, middle
    return best


def fit_pages(text: str, font_key: str, width: float, height: float, base: float,
              comfortable: float, minimum: float, max_pages: int
              ) -> tuple[list[FittedText], bool]:
    """Fit text over up to `max_pages` boxes, as a letter does; (pages, overflow).

    The writing only shrinks to `comfortable` on one page; past that it continues on the next
    page, and only when `max_pages` are full does it shrink further, down to `minimum`.
    """
    single = fit_text(text, font_key, width, height, base, comfortable)
    if not single.overflow:
        return [single], False

    def paginate(size: float) -> tuple[list[FittedText], bool]:
        lines = break_lines(text, font_key, size, width)
        pitch = pitch_for(font_key, size)
        capacity = max(1, int((height - pitch * 0.35) // pitch))
        pages: list[FittedText] = []
        while lines:
            while pages and lines and not lines[0]:
                lines.pop(0)  # a new page does not start with a blank line
            chunk, lines = lines[:capacity], lines[capacity:]
            pages.append(FittedText(tuple(chunk), size, pitch, False, capacity))
        return pages, len(pages) <= max_pages

    pages, fits = paginate(comfortable)
    if fits:
        return pages, False
    smallest, fits = paginate(minimum)
    if not fits:
        return smallest[:max_pages], True
    low, high, best = minimum, comfortable, smallest
    while high - low > 0.25:
        middle = (low + high) / 2
        candidate, fits = paginate(middle)
        if fits:
            best, low = candidate, middle
        else:
            high = middle
    return best, False


def _rng(seed: int, *parts: object) -> random.Random:
    return random.Random(f"{seed}:" + ":".join(str(part) for part in parts))


def draw_fitted(painter: QPainter, fitted: FittedText, font_key: str, box: QRectF,
                ink: QColor, seed: int, jitter: Jitter, align_centre: bool = False,
                first_baseline: float | None = None, signed: bool = False) -> None:
    """Draw fitted lines inside `box` (points); lines past the box's capacity are not drawn.

    With `signed`, the last line is the signature and sits towards the right, as people sign.
    """
    baseline = box.top() + (first_baseline if first_baseline is not None else fitted.pitch * 0.9)
    shown = fitted.lines[: fitted.lines_fitting]
    for line_index, words in enumerate(shown):
        is_signature = signed and line_index == len(fitted.lines) - 1
        if words:
            line_box = box
            if is_signature:
                width = line_width(words, font_key, fitted.size)
                left = max(box.left() + box.width() * 0.3, box.right() - width - fitted.size)
                line_box = QRectF(left, box.top(), box.right() - left, box.height())
            draw_line(painter, words, font_key, fitted.size, line_box, baseline, ink,
                      _rng(seed, "line", line_index, len(words)), jitter, align_centre)
        baseline += fitted.pitch


def line_width(words: tuple[str, ...], font_key: str, size: float) -> float:
    factor = size / REFERENCE_SIZE
    gaps = _space_width(font_key) * factor * (len(words) - 1)
    return sum(_word_width(font_key, word) for word in words) * factor + gaps


def draw_line(painter: QPainter, words: tuple[str, ...], font_key: str, size: float,
              box: QRectF, baseline: float, ink: QColor, rng: random.Random, jitter: Jitter,
              align_centre: bool) -> None:
    """Draw one line of words with drift, uneven spacing and per-word variation."""
    space = _space_width(font_key) * size / REFERENCE_SIZE
    x = box.left() + rng.uniform(0, jitter.indent) * size
    if align_centre:
        x = box.left() + max(0.0, (box.width() - line_width(words, font_key, size)) / 2)
        x += rng.uniform(-0.5, 0.5) * jitter.indent * size
    slope = math.tan(math.radians(rng.uniform(-jitter.drift, jitter.drift)))
    start_x = x
    alternates = "salt" in font_features(font_key)
    takes_used: dict[str, int] = {}  # a captured hand's last take of each letter on this line
    for word_index, word in enumerate(words):
        word_rng = random.Random(rng.random() + word_index)
        y = baseline + (x - start_x) * slope
        # A real space after the word keeps words apart when the PDF's text is copied out,
        # whichever way up the panel is printed.
        spaced = word if word_index == len(words) - 1 else word + " "
        if hand_font.is_hand(font_key):
            advance = hand_font.draw_hand_word(painter, spaced, font_key, size, QPointF(x, y),
                                               ink, word_rng, jitter, takes_used)
        else:
            advance = draw_word(painter, spaced, font_key, size, QPointF(x, y), ink, word_rng,
                                jitter, alternates, bold=_bold(word), italic=_italic(word))
        x += advance + space * (1 + word_rng.uniform(-jitter.spacing * 0.5, jitter.spacing))


def _word_font(font_key: str, size: float, alternate: bool, italic: bool = False) -> QFont:
    font = make_qfont(font_key, size)
    font.setItalic(italic)  # the bundled hands have no italic: Qt slants them, on paper too
    if alternate:
        font.setFeature(QFont.Tag("salt"), 1)
    return font


def _shaped_line(word: str, font: QFont) -> QTextLine:
    layout = QTextLayout(word, font)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    line._layout = layout  # the line is only valid while its layout lives
    return line


def draw_word(painter: QPainter, word: str, font_key: str, size: float, origin: QPointF,
              ink: QColor, rng: random.Random, jitter: Jitter, alternates: bool,
              bold: bool = False, italic: bool = False) -> float:
    """Draw one word with its baseline at `origin`; return how far the pen moved.

    Words drawn with the font's alternate letterforms are filled as outlines, because those
    glyphs have no character behind them; the plain word is then laid underneath in
    transparent ink so the PDF's text still reads (and copies) as the word. A bold word is
    the word as text with its letters' outlines traced over in a thicker line (a font made
    bold by Qt would be written into the PDF twice, and copy out twice).
    """
    word_size = size * (1 + rng.uniform(-jitter.size, jitter.size))
    # On a printer there is no see-through text to keep an outlined word readable as text, so
    # the everyday letterforms are used there (see ink.printing).
    use_alternate = alternates and rng.random() < jitter.alternates and not printing(painter)
    line = _shaped_line(word, _word_font(font_key, word_size, False, italic))
    em = word_size * FONTS_BY_KEY[font_key].scale
    phase = rng.uniform(0, math.tau)
    painter.save()
    ink = pose_word(painter, origin, rng, jitter.rotation, jitter.pressure, ink)
    shift_total = 0.0
    visible = (_shaped_line(word, _word_font(font_key, word_size, True, italic)) if use_alternate
               else line)
    for run in visible.glyphRuns():
        moved = []
        for index, point in enumerate(run.positions()):
            wave = 0.6 * math.sin(phase + index * 0.9) + 0.4 * rng.uniform(-1, 1)
            shift_total += rng.uniform(-jitter.glyph_shift, jitter.glyph_shift * 1.3) * em
            moved.append(QPointF(point.x() + shift_total, point.y() + wave * jitter.baseline * em))
        origin_shift = QPointF(0, -visible.ascent())
        outline = QPainterPath()
        if use_alternate or bold:
            raw = run.rawFont()
            for glyph, point in zip(run.glyphIndexes(), moved, strict=True):
                outline.addPath(_slanted(raw.pathForGlyph(glyph), italic and not use_alternate)
                                .translated(point + origin_shift))
        if use_alternate:
            painter.fillPath(outline, ink)
        else:
            run.setPositions(moved)
            painter.setPen(ink)
            painter.drawGlyphRun(origin_shift, run)
        if bold:
            pen = QPen(ink, em * BOLD_STROKE)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.strokePath(outline, pen)
    if use_alternate:
        painter.setPen(QColor(0, 0, 0, 0))
        for run in line.glyphRuns():
            painter.drawGlyphRun(QPointF(0, -line.ascent()), run)
    painter.restore()
    # The pen moves to the end of the last letter; the trailing space is the caller's to vary.
    end_of_word, _position = visible.cursorToX(len(word.rstrip()))
    return end_of_word + shift_total


def _slanted(path: QPainterPath, italic: bool) -> QPainterPath:
    """A glyph's outline leaning as Qt leans a font with no italic of its own."""
    if not italic:
        return path
    return QTransform(1, 0, -0.2, 1, 0, 0).map(path)
