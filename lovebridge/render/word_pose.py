"""How a handwritten word sits: turned a little, and pressed lighter or harder (any hand)."""

from __future__ import annotations

import random

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QPainter

from .ink import set_ink_opacity


def pose_word(painter: QPainter, origin: QPointF, rng: random.Random, rotation: float,
              pressure: float, ink: QColor) -> QColor:
    """Move the (saved) painter to the word, turn it, set its pressure; the ink to write with.

    Pressing harder lays down more, darker ink. Opacity moves in a few steps because each
    distinct opacity becomes a graphics state in a PDF.
    """
    painter.translate(origin)
    painter.rotate(rng.uniform(-rotation, rotation))
    lightness = rng.uniform(0, 1)
    if pressure:
        ink = ink.darker(100 + round((1 - lightness) * 18))
    # On a printer the see-through ink becomes one opaque shade (see ink.set_ink_opacity).
    return set_ink_opacity(painter, 1.0 - round(lightness * pressure / 0.04) * 0.04, ink)
