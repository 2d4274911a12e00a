"""Turn raw glyphs (mm, per box) into a hand (ems): one baseline, one size, even side bearings."""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable

from . import sheet as geo
from .model import Glyph, Hand
from .reader import RawGlyph
from .trace import Contour

X_HEIGHT_EM = 0.5  # every hand is scaled so its "x" is half an em tall
SIDE_BEARING = 0.06  # ems of space each side of a glyph
TALL_LETTERS = frozenset("bdhklt")


def _bounds(contours: Iterable[Contour]) -> tuple[float, float, float, float]:
    points = [point for contour in contours for point in contour]
    xs = [x for x, _y in points]
    ys = [y for _x, y in points]
    return min(xs), min(ys), max(xs), max(ys)


def _slant(raw: RawGlyph) -> float | None:
    """Lean of a tall letter in degrees (positive to the right), from its outline's moments."""
    points = [point for contour in raw.contours for point in contour]
    if len(points) < 6:
        return None
    mx = statistics.fmean(x for x, _ in points)
    my = statistics.fmean(y for _, y in points)
    sxx = sum((x - mx) ** 2 for x, _ in points)
    syy = sum((y - my) ** 2 for _, y in points)
    sxy = sum((x - mx) * (y - my) for x, y in points)
    if syy <= sxx:
        return None  # wider than tall: no clear upright stroke
    # Principal axis angle from vertical; y grows down, so a right lean has x falling as y grows.
    return math.degrees(0.5 * math.atan2(-2 * sxy, syy - sxx))


def build_hand(name: str, raws: Iterable[RawGlyph],
               measures: tuple[float, float] | None = None) -> Hand:
    """Scale, place and space every raw glyph so the hand writes on one line at one size.

    `measures` (x-height and offset from the printed line, mm) come from the hand being added
    to; without them they are measured on these glyphs.
    """
    raws = list(raws)
    if not raws:
        return Hand(name)
    bounds = {raw.box.index: _bounds(raw.contours) for raw in raws}
    heights = [bounds[r.box.index][3] - bounds[r.box.index][1] for r in raws
               if r.box.text in geo.X_HEIGHT_LETTERS]
    x_height_mm = statistics.median(heights) if heights else 3.0
    bottoms = [bounds[r.box.index][3] for r in raws if r.box.text in geo.BASELINE_LETTERS]
    writer_offset = statistics.median(bottoms) if bottoms else 0.0
    if measures is not None:
        x_height_mm, writer_offset = measures
    scale = X_HEIGHT_EM / max(x_height_mm, 0.5)
    slants = [s for r in raws if r.box.text in TALL_LETTERS and (s := _slant(r)) is not None]
    glyphs = []
    for raw in raws:
        left, _top, right, bottom = bounds[raw.box.index]
        # Letters that sit on the line are set exactly on it; the rest (g, y, quotes, commas)
        # move by the writer's usual distance from the printed line, keeping what hangs below.
        drop = bottom if raw.box.text in geo.BASELINE_LETTERS else writer_offset
        contours = tuple(
            tuple((round((x - left) * scale + SIDE_BEARING, 4), round((y - drop) * scale, 4))
                  for x, y in contour)
            for contour in raw.contours)
        advance = (right - left) * scale + 2 * SIDE_BEARING
        glyphs.append(Glyph(raw.box.text, raw.box.variant, contours, round(advance, 4),
                            raw.box.index))
    return Hand(name, tuple(glyphs), X_HEIGHT_EM,
                round(statistics.median(slants), 2) if slants else 0.0,
                (round(x_height_mm, 3), round(writer_offset, 3)))


def replace_glyphs(hand: Hand, fresh: Hand) -> Hand:
    """`hand` with the boxes `fresh` has (a redone box or a second photo) taken from `fresh`."""
    redone = {glyph.box for glyph in fresh.glyphs}
    kept = tuple(glyph for glyph in hand.glyphs if glyph.box not in redone)
    return Hand(hand.name, kept + fresh.glyphs, hand.x_height, hand.slant, hand.measures)
