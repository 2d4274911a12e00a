"""What a hand looks like in three numbers: slant, capital height and stroke weight.

The same measures are taken on a captured hand's outlines and on a bundled font's, so the font
that looks most like the hand can stand in for the characters the sheet lacks. Outlines are
closed polygons filled even-odd (holes inside letters count as holes), in any unit, y down.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

Point = tuple[float, float]
Outline = Sequence[Sequence[Point]]  # one letter: its closed contours

X_LETTERS = "acemnorsuvwxz"  # nothing above the x-height, nothing below the line
CAPITALS = "ABDEFHIKLMNPRTUVWXZ"  # nothing below the line
UPRIGHTS = "bdhklt"  # letters with long upright strokes
UPRIGHT_WITHIN = 40.0  # degrees from vertical: a side this steep is part of a downstroke
# How far apart two hands may be in each measure before they look clearly different.
SLANT_STEP = 5.0  # degrees
CAPITAL_STEP = 0.15  # capital height in x-heights
WEIGHT_STEP = 0.05  # stroke width in x-heights


@dataclass(frozen=True)
class HandMeasures:
    """A hand's look: x-height (in the outlines' unit), lean, capital height, stroke width."""

    x_height: float
    slant: float  # degrees, positive leaning right
    capital_ratio: float  # capital height / x-height
    weight: float  # stroke width / x-height

    def distance(self, font: HandMeasures) -> float:
        """How unalike a font looks to this hand, in steps of a clear difference per measure.

        A font with a finer pen than the hand counts half as far off as one with a heavier
        pen, because a fine font can be drawn bolder and a heavy one cannot be drawn finer.
        """
        heavier = font.weight - self.weight
        return math.hypot((self.slant - font.slant) / SLANT_STEP,
                          (self.capital_ratio - font.capital_ratio) / CAPITAL_STEP,
                          heavier / WEIGHT_STEP * (1.0 if heavier > 0 else 0.5))


def _signed_moments(contour: Sequence[Point]) -> tuple[float, float, float, float, float, float]:
    """Area and first and second area moments of a polygon (signed by its direction)."""
    a = mx = my = mxx = myy = mxy = 0.0
    count = len(contour)
    for i in range(count):
        x0, y0 = contour[i]
        x1, y1 = contour[(i + 1) % count]
        cross = x0 * y1 - x1 * y0
        a += cross
        mx += (x0 + x1) * cross
        my += (y0 + y1) * cross
        mxx += (x0 * x0 + x0 * x1 + x1 * x1) * cross
        myy += (y0 * y0 + y0 * y1 + y1 * y1) * cross
        mxy += (x0 * y1 + 2 * x0 * y0 + 2 * x1 * y1 + x1 * y0) * cross
    return a / 2, mx / 6, my / 6, mxx / 12, myy / 12, mxy / 24


def _inside(point: Point, contour: Sequence[Point]) -> bool:
    x, y = point
    inside = False
    count = len(contour)
    for i in range(count):
        (x0, y0), (x1, y1) = contour[i], contour[(i + 1) % count]
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def _moments(outline: Outline) -> tuple[float, float, float, float, float, float]:
    """Moments of the even-odd filled region: a contour inside an odd number of others is a hole."""
    contours = [list(c) for c in outline if len(c) >= 3]
    total = [0.0] * 6
    for index, contour in enumerate(contours):
        depth = sum(_inside(contour[0], other) for j, other in enumerate(contours) if j != index)
        values = _signed_moments(contour)
        sign = (1 if values[0] >= 0 else -1) * (1 if depth % 2 == 0 else -1)
        total = [t + sign * v for t, v in zip(total, values, strict=True)]
    return total[0], total[1], total[2], total[3], total[4], total[5]


def _height(outline: Outline) -> float:
    ys = [y for contour in outline for _x, y in contour]
    return max(ys) - min(ys) if ys else 0.0


def lean(outline: Outline) -> float | None:
    """Lean of a letter's long axis from upright, in degrees (positive to the right)."""
    area, mx, my, mxx, myy, mxy = _moments(outline)
    if area <= 0:
        return None
    cx, cy = mx / area, my / area
    sxx, syy, sxy = mxx / area - cx * cx, myy / area - cy * cy, mxy / area - cx * cy
    if syy <= sxx:
        return None  # wider than tall: no clear upright stroke
    # y grows down, so a right lean has x falling as y grows.
    return math.degrees(0.5 * math.atan2(-2 * sxy, syy - sxx))


def edge_leans(outline: Outline) -> list[tuple[float, float]]:
    """(lean in degrees, length) of each near-upright side of a letter's outline.

    The sides of downstrokes run along the writer's slant; round letters add sides leaning
    both ways about it, so the length-weighted median over many letters finds the slant.
    """
    leans = []
    for contour in outline:
        for i in range(len(contour)):
            (x0, y0), (x1, y1) = contour[i], contour[(i + 1) % len(contour)]
            dx, dy = x1 - x0, y1 - y0
            if dy == 0:
                continue
            angle = math.degrees(math.atan(-dx / dy))  # y grows down: tops to the right > 0
            if abs(angle) < UPRIGHT_WITHIN:
                leans.append((angle, math.hypot(dx, dy)))
    return leans


def _weighted_median(pairs: list[tuple[float, float]]) -> float | None:
    if not pairs:
        return None
    pairs.sort()
    half, running = sum(weight for _value, weight in pairs) / 2, 0.0
    for value, weight in pairs:
        running += weight
        if running >= half:
            return value
    return pairs[-1][0]


def stroke_width(outline: Outline) -> float | None:
    """Mean width of the pen line: twice the inked area over the outline's length."""
    area = _moments(outline)[0]
    length = sum(math.dist(contour[i], contour[(i + 1) % len(contour)])
                 for contour in outline for i in range(len(contour)))
    return 2 * area / length if area > 0 and length > 0 else None


def _median(values: Iterable[float | None]) -> float | None:
    kept = [value for value in values if value is not None]
    return statistics.median(kept) if kept else None


def measure(letters: Mapping[str, Sequence[Outline]]) -> HandMeasures | None:
    """A hand's measures from its letters' outlines (each letter one or more takes).

    None when it has too few of the letters that show its x-height.
    """
    def takes(chars: str) -> list[Outline]:
        return [outline for char in chars for outline in letters.get(char, ())]

    x_height = _median(_height(outline) for outline in takes(X_LETTERS))
    if not x_height:
        return None
    capitals = _median(_height(outline) for outline in takes(CAPITALS))
    slant = _weighted_median([pair for outline in takes(X_LETTERS + UPRIGHTS + CAPITALS)
                              for pair in edge_leans(outline)])
    weight = _median(stroke_width(outline) for outline in takes(X_LETTERS))
    return HandMeasures(x_height, round(slant or 0.0, 2),
                        round((capitals or 1.45 * x_height) / x_height, 3),
                        round((weight or 0.1 * x_height) / x_height, 4))
