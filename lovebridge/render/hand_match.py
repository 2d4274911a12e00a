"""The bundled font that looks most like a captured hand, to draw what the sheet lacks.

A hand and every bundled font are measured the same way (core/hand/measure.py: slant, capital
height and stroke weight, from the letters' outlines as drawn), and the nearest font is chosen;
hand_font.py then scales it to the hand's x-height and leans it to the hand's slant.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import replace
from functools import cache

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath, QTransform

from lovebridge.core.hand.measure import CAPITALS, UPRIGHTS, X_LETTERS, HandMeasures, Outline
from lovebridge.core.hand.measure import measure as measure_outlines
from lovebridge.resources import read_text

from .fonts import FONTS, make_qfont

logger = logging.getLogger(__name__)
MEASURES_FILE = ("fonts", "measures.json")

MEASURE_SIZE = 100.0  # fonts are measured at this point size (scale included)
LETTERS = X_LETTERS + CAPITALS + UPRIGHTS
FLATTEN_X_HEIGHT = 30.0  # outlines are flattened at this x-height (device units)


def path_outline(path: QPainterPath, scale: float = 1.0) -> Outline:
    """A filled path as closed polygons, overlaps merged, curves flattened at this scale."""
    sized = QTransform.fromScale(scale, scale).map(path)  # Qt flattens curves in path units
    return [[(point.x(), point.y()) for point in polygon]
            for polygon in sized.simplified().toSubpathPolygons()]


def measure_paths(letters: Mapping[str, Iterable[QPainterPath]], x_height: float
                  ) -> HandMeasures | None:
    """Measures of a hand given each letter's takes as paths, about `x_height` units tall.

    The outlines are flattened at the same size whatever their units, so hands and fonts are
    measured alike; the x-height comes back in the paths' own units.
    """
    scale = FLATTEN_X_HEIGHT / x_height
    measures = measure_outlines({text: [path_outline(path, scale) for path in paths]
                                 for text, paths in letters.items() if text in LETTERS})
    return None if measures is None else replace(measures, x_height=measures.x_height / scale)


@cache
def _stored_measures() -> dict[str, HandMeasures]:
    """The bundled fonts' measures as kept beside them (measuring all takes most of a second,
    too long for the GUI thread; a test checks they match what measuring gives)."""
    try:
        data = json.loads(read_text(*MEASURES_FILE))
        return {key: HandMeasures(**values) for key, values in data.items()}
    except (OSError, ValueError, TypeError):
        logger.warning("the bundled fonts' measures could not be read; measuring them")
        return {}


def font_measures(key: str) -> HandMeasures:
    """A bundled font's measures; its x-height is in points at MEASURE_SIZE."""
    stored = _stored_measures().get(key)
    return stored if stored is not None else measure_font(key)


@cache
def measure_font(key: str) -> HandMeasures:
    """Measure a bundled font from its letters' outlines (tools/font_measures.py keeps these)."""
    font = make_qfont(key, MEASURE_SIZE)
    letters = {}
    for char in LETTERS:
        path = QPainterPath()
        path.addText(QPointF(0, 0), font, char)
        letters[char] = [path]
    measures = measure_paths(letters, MEASURE_SIZE * 0.6)
    if measures is None:  # every bundled font has these letters; a test checks
        raise ValueError(f"the bundled font {key} lacks its lower-case letters")
    return measures


def closest_font(hand: HandMeasures) -> str:
    """The bundled font whose slant, capitals and weight are nearest the hand's."""
    return min(FONTS, key=lambda font: hand.distance(font_measures(font.key))).key
