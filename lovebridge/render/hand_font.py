"""Write with a captured hand: each character drawn from the writer's own glyph outlines.

A hand is registered under a font key ("hand:Maya") so the note renderer can use it like any
bundled font. Each character picks one of its written takes, never the take its last
neighbour of the same letter used; characters the sheet lacks come from the closest bundled
font, sized to the hand's x-height and leaned to its slant. Under the outlines, the word is laid
in transparent text, so a PDF's words still copy out.
"""

from __future__ import annotations

import math
import random
import statistics
import threading
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QTextLayout,
    QTransform,
)

from lovebridge.core.hand.measure import HandMeasures, measure
from lovebridge.core.hand.model import Glyph, Hand

from . import fonts
from .hand_match import MEASURE_SIZE, closest_font, font_measures
from .word_pose import pose_word

HAND_PREFIX = "hand:"
FALLBACK_FONT = "kalam"  # a plain print hand, for a hand with too few letters to measure
SPACE_EM = 0.32  # a word space in the hand's ems
PAIR_SHARE = 0.6  # how often a written pair (th, ll, ...) is used where the word has one
REFERENCE_SIZE = 40.0  # as handwriting.REFERENCE_SIZE: widths are measured at this size
LINE_PITCH = 1.45  # as handwriting.LINE_PITCH: baselines apart, in ems of the (scaled) font
# Tallest ascender to deepest descender of a hand, as a share of the line pitch: the bundled
# fonts take 0.8-1.05 of it (median 0.91); a hand with long ascenders and descenders is written
# smaller than its stand-in font so one line's tails do not run into the next.
LINE_SHARE = 0.9
TAIL_DEPTH = 0.1  # ems below the line: a glyph reaching further has a tail (g, j, p, y...)
BEARING = 0.06  # ems each side of a glyph, as the normaliser leaves them
MIN_BODY = 0.05  # ems: the narrowest a written mark is spaced as (an i, a dot)


@dataclass
class RenderHand:
    """A hand ready to draw: one filled path per glyph, in ems, and average advances."""

    hand: Hand
    fallback: str  # the bundled font that looks most like the hand (see hand_match.py)
    paths: dict[str, list[tuple[QPainterPath, float]]]  # text -> [(path, advance)] per take
    mean_advance: dict[str, float]
    em_per_xheight: float  # hand ems per point of writing size: its x-height is the fallback's
    fallback_lean: float = 0.0  # shear that brings the fallback font to the hand's slant
    fallback_scale: float = 1.0  # brings the fallback font's x-height to the hand's
    fallback_bolder: float = 0.0  # pen width (in points per point of size) to add to it
    measures: HandMeasures | None = None
    lean: float = 0.0  # tan of the hand's slant
    fallback_glyphs: dict[str, tuple[QPainterPath, float]] = field(default_factory=dict)


_hands: dict[str, RenderHand] = {}
_lock = threading.Lock()


def is_hand(key: str) -> bool:
    return key.startswith(HAND_PREFIX)


def hand_key(name: str) -> str:
    return f"{HAND_PREFIX}{name}"


def glyph_path(glyph: Glyph) -> QPainterPath:
    """The glyph's outlines as one path, smoothed by curving through each side's middle."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for contour in glyph.contours:
        count = len(contour)
        if count < 3:
            continue

        def middle(i: int, contour=contour, count=count) -> QPointF:
            (x1, y1), (x2, y2) = contour[i % count], contour[(i + 1) % count]
            return QPointF((x1 + x2) / 2, (y1 + y2) / 2)

        path.moveTo(middle(0))
        for i in range(1, count + 1):
            x, y = contour[i % count]
            path.quadTo(QPointF(x, y), middle(i))
        path.closeSubpath()
    return path


def register_hand(hand: Hand) -> str:
    """Make a hand drawable under "hand:NAME"; returns that key (replacing an older copy)."""
    key = hand_key(hand.name)
    glyphs = sorted(hand.glyphs, key=lambda g: (g.text, g.variant))
    outlines = [glyph_path(glyph) for glyph in glyphs]
    # Measured on the traced polygons themselves: within a degree and a few per cent of the
    # smoothed outlines as drawn, and some twenty times quicker (this runs on the GUI thread).
    letters: dict[str, list] = {}
    for glyph in glyphs:
        letters.setdefault(glyph.text, []).append(glyph.contours)
    measures = measure(letters)
    slant = measures.slant if measures is not None else hand.slant
    paths: dict[str, list[tuple[QPainterPath, float]]] = {}
    for glyph, outline in zip(glyphs, outlines, strict=True):
        shift, advance = _spacing(glyph, math.tan(math.radians(slant)))
        paths.setdefault(glyph.text, []).append((outline.translated(shift, 0), advance))
    mean = {text: sum(a for _p, a in takes) / len(takes) for text, takes in paths.items()}
    if measures is None:  # too few letters to say what the hand looks like
        fallback = FALLBACK_FONT
        font_x = QFontMetricsF(fonts.make_qfont(fallback, MEASURE_SIZE)).xHeight()
        em_per_xheight = font_x / MEASURE_SIZE / max(hand.x_height, 0.05)
        lean = math.tan(math.radians(hand.slant))
        bolder = 0.0
        shrink = 1.0
    else:
        fallback = closest_font(measures)
        font = font_measures(fallback)
        # The hand is written at the fallback font's x-height (smaller if its tails would
        # touch the next line); the font leans as the hand does, is scaled to its x-height
        # and, when its pen is finer, is drawn with the hand's heavier line.
        font_x = font.x_height / MEASURE_SIZE  # points of x-height per point of size
        pitch = fonts.FONTS_BY_KEY[fallback].scale * LINE_PITCH
        own_x = min(font_x, LINE_SHARE * pitch / _extent(hand))
        em_per_xheight = own_x / measures.x_height
        shrink = own_x / font_x
        lean = math.tan(math.radians(measures.slant)) - math.tan(math.radians(font.slant))
        bolder = max(0.0, measures.weight - font.weight) * font_x
    with _lock:
        _hands[key] = RenderHand(hand, fallback, paths, mean, em_per_xheight, lean, shrink,
                                 bolder, measures, math.tan(math.radians(slant)))
        fonts.register_hand_fallback(key, fallback)
    return key


def _spacing(glyph: Glyph, lean: float) -> tuple[float, float]:
    """(shift, advance) in ems that space a letter by its body, stood upright.

    The sheet spaces each glyph by its whole outline. A g or y whose tail sweeps left then
    stood apart from the letter before it ("mornin g"), and in a slanted hand every letter's
    lean widened its box, so letters stood far apart ("J o n a h"). Spacing by the part above
    the line, measured with the slant taken out (`lean`: tan of it), lets a tail tuck under
    its neighbour and slanted letters sit as close as the writer wrote them.
    """
    points = [point for contour in glyph.contours for point in contour]
    body = [(x, y) for x, y in points if y <= TAIL_DEPTH / 2]
    if len(body) < 3:  # a comma or low mark: all of it
        body = points
    if not body:
        return 0.0, glyph.advance
    upright = [x + lean * y for x, y in body]  # y is negative above the line
    left, right = min(upright), max(upright)
    return BEARING - left, max(right - left, MIN_BODY) + 2 * BEARING


def _extent(hand: Hand) -> float:
    """Top of the tall letters to the bottom of the tails, in the hand's x-heights."""
    tops = [glyph.bounds()[1] for glyph in hand.glyphs if glyph.text in "bdhklt"]
    bottoms = [glyph.bounds()[3] for glyph in hand.glyphs if glyph.text in "gjpqy"]
    ascender = -statistics.median(tops) if tops else 1.5 * hand.x_height
    descender = statistics.median(bottoms) if bottoms else 0.6 * hand.x_height
    return max(ascender + descender, hand.x_height) / hand.x_height


def is_registered(key: object) -> bool:
    """Whether a captured hand is loaded under this key (a style naming it can be drawn)."""
    return isinstance(key, str) and key in _hands


def registered(key: str) -> RenderHand:
    try:
        return _hands[key]
    except KeyError:
        raise KeyError(f"the handwriting {key.removeprefix(HAND_PREFIX)!r} is not loaded") from None


def _em(render_hand: RenderHand, size: float) -> float:
    """Points per hand em at a writing size: the hand's x-height matches the fallback font's."""
    return size * render_hand.em_per_xheight


def _pieces(render_hand: RenderHand, word: str, rng: random.Random | None) -> list[str]:
    """The word cut into what will be drawn: written pairs where chosen, else characters."""
    pieces, i = [], 0
    while i < len(word):
        pair = word[i:i + 2]
        if (len(pair) == 2 and pair in render_hand.paths and rng is not None
                and rng.random() < PAIR_SHARE):
            pieces.append(pair)
            i += 2
        else:
            pieces.append(word[i])
            i += 1
    return pieces


def _fallback_advance(render_hand: RenderHand, char: str, size: float) -> float:
    return _fallback_glyph(render_hand, char)[1] * size / REFERENCE_SIZE


def word_width(key: str, word: str) -> float:
    """Width of a word at REFERENCE_SIZE, from the takes' average advances."""
    render_hand = registered(key)
    em = _em(render_hand, REFERENCE_SIZE)
    total = 0.0
    for char in word:
        if char == " ":
            total += SPACE_EM * em
        elif char in render_hand.mean_advance:
            total += render_hand.mean_advance[char] * em
        else:
            total += _fallback_advance(render_hand, char, REFERENCE_SIZE)
    return total


def _choose(takes: list, text: str, rng: random.Random, memory: dict[str, int]) -> int:
    """A take of `text` other than the one used last time, so repeated letters differ."""
    options = [i for i in range(len(takes)) if i != memory.get(text)] or [0]
    choice = rng.choice(options)
    memory[text] = choice
    return choice


def choose_takes(render_hand: RenderHand, word: str, rng: random.Random,
                 memory: dict[str, int]) -> list[tuple[str, int | None]]:
    """(piece, take) for each piece of a word; take None means the fallback font draws it."""
    chosen = []
    for piece in _pieces(render_hand, word, rng):
        takes = render_hand.paths.get(piece)
        chosen.append((piece, _choose(takes, piece, rng, memory) if takes else None))
    return chosen


def _fallback_glyph(render_hand: RenderHand, char: str) -> tuple[QPainterPath, float]:
    """A character the hand lacks, drawn by its stand-in font at REFERENCE_SIZE: bolder to
    the hand's pen, scaled to its x-height, leaned to its slant, and spaced by its ink the
    way the hand's own letters are (see _spacing). Kept once made."""
    made = render_hand.fallback_glyphs.get(char)
    if made is not None:
        return made
    size = REFERENCE_SIZE
    font: QFont = fonts.make_qfont(render_hand.fallback, size)
    path = QPainterPath()
    path.addText(QPointF(0, 0), font, char)
    if render_hand.fallback_bolder > 0:
        stroker = QPainterPathStroker()
        stroker.setWidth(render_hand.fallback_bolder * size)
        stroker.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        path = path.united(stroker.createStroke(path))
    # y up is negative, so a positive lean moves the tops right.
    scale = render_hand.fallback_scale
    path = QTransform(scale, 0, -render_hand.fallback_lean * scale, scale, 0, 0).map(path)
    em = _em(render_hand, size)
    points = [(point.x(), point.y()) for polygon in path.toFillPolygons() for point in polygon]
    body = [(x, y) for x, y in points if y <= TAIL_DEPTH / 2 * em] or points
    if body:
        upright = [x + render_hand.lean * y for x, y in body]
        left, right = min(upright), max(upright)
        path.translate(BEARING * em - left, 0)
        advance = max(right - left, MIN_BODY * em) + 2 * BEARING * em
    else:  # nothing to see (an unusual space): the font's own advance
        advance = QFontMetricsF(font).horizontalAdvance(char) * scale
    render_hand.fallback_glyphs[char] = (path, advance)
    return path, advance


def _fallback_path(render_hand: RenderHand, char: str, size: float) -> tuple[QPainterPath,
                                                                           float]:
    """The stand-in for `char` at a writing size, and how far it moves the pen."""
    path, advance = _fallback_glyph(render_hand, char)
    factor = size / REFERENCE_SIZE
    return QTransform.fromScale(factor, factor).map(path), advance * factor


def draw_hand_word(painter: QPainter, word: str, key: str, size: float, origin: QPointF,
                   ink: QColor, rng: random.Random, jitter, memory: dict[str, int]) -> float:
    """Draw one word in the hand with its baseline at `origin`; return how far the pen moved."""
    render_hand = registered(key)
    word_size = size * (1 + rng.uniform(-jitter.size, jitter.size))
    em = _em(render_hand, word_size)
    phase = rng.uniform(0, math.tau)
    painter.save()
    ink = pose_word(painter, origin, rng, jitter.rotation, jitter.pressure, ink)
    outline = QPainterPath()
    outline.setFillRule(Qt.FillRule.OddEvenFill)
    x = 0.0
    for index, (piece, take) in enumerate(choose_takes(render_hand, word.rstrip(), rng, memory)):
        wave = 0.6 * math.sin(phase + index * 0.9) + 0.4 * rng.uniform(-1, 1)
        dy = wave * jitter.baseline * em * 0.5
        x += rng.uniform(-jitter.glyph_shift, jitter.glyph_shift * 1.3) * em * 0.5
        if take is not None:
            path, advance = render_hand.paths[piece][take]
            placed = QTransform(em, 0, 0, em, x, dy).map(path)
            advance *= em
        else:
            path, advance = _fallback_path(render_hand, piece, word_size)
            placed = path.translated(x, dy)
        outline.addPath(placed)
        x += advance
    painter.fillPath(outline, ink)
    _text_layer(painter, word, render_hand, word_size, x)
    painter.restore()
    return x


def _text_layer(painter: QPainter, word: str, render_hand: RenderHand, size: float,
                width: float) -> None:
    """The word as invisible text under the outlines, stretched to their width.

    Drawn as a shaped glyph run (as the bundled fonts' words are), which the PDF writer keeps
    as one piece of text, so the word copies out whole and in order.
    """
    font = fonts.make_qfont(render_hand.fallback, size)
    layout = QTextLayout(word, font)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    natural = line.naturalTextWidth() or 1.0
    painter.save()
    painter.scale(max(0.2, width / natural), 1.0)
    painter.setPen(QColor(0, 0, 0, 0))
    for run in line.glyphRuns():
        painter.drawGlyphRun(QPointF(0, -line.ascent()), run)
    painter.restore()
