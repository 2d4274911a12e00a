"""Ink on paper, on screen, in a PDF or on a printer: see-through where it can be, and mixed
into the paper as one opaque shade where a printer driver would flatten transparency."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPainter


def on_paper(colour: QColor, paper: QColor) -> QColor:
    """`colour` with its transparency mixed into the paper, as one opaque colour.

    A PDF writer turns every see-through stroke into an outline polygon; opaque lines stay
    single, cheap line segments.
    """
    alpha = colour.alphaF()
    return QColor.fromRgbF(
        colour.redF() * alpha + paper.redF() * (1 - alpha),
        colour.greenF() * alpha + paper.greenF() * (1 - alpha),
        colour.blueF() * alpha + paper.blueF() * (1 - alpha),
    )


PRINTER_DEVICE_TYPE = 4  # QInternal::Printer, what QPrinter.devType() reports


def printing(painter: QPainter) -> bool:
    """True when painting for a printer. Printer drivers that take PostScript (which has no
    see-through ink) flatten any transparent stroke by turning the whole page into a picture,
    so on a printer every colour is mixed into the paper beforehand instead."""
    device = painter.device()
    return device is not None and device.devType() == PRINTER_DEVICE_TYPE


def set_ink_opacity(painter: QPainter, opacity: float, ink: QColor) -> QColor:
    """Lay `ink` down at `opacity`: see-through on screen and in PDFs, and on a printer the
    same shade as one opaque colour on the paper (the painter's background, see paint_page)."""
    if not printing(painter):
        painter.setOpacity(opacity)
        return ink
    faded = QColor(ink)
    faded.setAlphaF(max(0.0, min(1.0, opacity)) * ink.alphaF())
    return on_paper(faded, painter.background().color())
