"""Draw the handwriting capture sheet (PDF, printer or image) from core.hand.sheet's geometry."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import segno
from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from lovebridge.core.hand import sheet as geo

PDF_RESOLUTION = 1200
LABEL_GREY = QColor("#8a8a8a")
BOX_GREY = QColor("#9a9a9a")
GUIDE_GREY = QColor("#dedede")
BoxFiller = Callable[[QPainter, geo.Box], None]


def page_layout(paper: str) -> QPageLayout:
    size = QPageSize(QPageSize.PageSizeId.A4 if paper == "a4" else QPageSize.PageSizeId.Letter)
    return QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))


def draw_marker(painter: QPainter, corner: str, code: str, paper: str) -> None:
    """One corner QR code, centred on its marker point, quiet zone included in its size."""
    qr = segno.make_qr(geo.marker_text(corner, code, paper), error="m", boost_error=False)
    matrix = [list(row) for row in qr.matrix]
    modules = len(matrix) + 4  # two modules of quiet zone each side
    module = geo.MARKER_SIZE / modules
    cx, cy = geo.marker_centre(corner)
    left, top = cx - geo.MARKER_SIZE / 2, cy - geo.MARKER_SIZE / 2
    painter.fillRect(QRectF(left, top, geo.MARKER_SIZE, geo.MARKER_SIZE), Qt.GlobalColor.white)
    black = QColor("black")
    for row_index, row in enumerate(matrix):
        for col_index, dark in enumerate(row):
            if dark:
                # A hair of overlap so neighbouring modules print as one black area.
                painter.fillRect(QRectF(left + (col_index + 2) * module,
                                        top + (row_index + 2) * module,
                                        module + 0.01, module + 0.01), black)


def paint_sheet(painter: QPainter, paper: str, code: str, title: str, instructions: str,
                fill: BoxFiller | None = None) -> None:
    """Paint the whole sheet; the painter is in millimetres from the paper's top-left."""
    width, height = geo.PAPERS_MM[paper]
    painter.fillRect(QRectF(0, 0, width, height), Qt.GlobalColor.white)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.save()
    painter.translate(QPointF(*geo.sheet_origin_on_paper(paper)))
    for corner in geo.CORNERS:
        draw_marker(painter, corner, code, paper)
    heading = QFont("DejaVu Sans")
    heading.setPixelSize(4)
    heading.setBold(True)
    painter.setFont(heading)
    painter.setPen(QColor("black"))
    text_left = geo.MARKER_SIZE / 2 + 3
    text_width = geo.MARKER_SPAN[0] - geo.MARKER_SIZE - 6
    painter.drawText(QRectF(text_left, -5.5, text_width, 5), Qt.AlignmentFlag.AlignLeft, title)
    small = QFont("DejaVu Sans")
    small.setPixelSize(2.4)
    painter.setFont(small)
    painter.drawText(QRectF(text_left, -0.5, text_width, 6),
                     Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, instructions)
    painter.setFont(small)
    footer = f"{geo.CODE_PREFIX} {code} · {paper.upper()}"
    painter.drawText(QRectF(text_left, geo.MARKER_SPAN[1] - 1, text_width, 4),
                     Qt.AlignmentFlag.AlignRight, footer)
    for box in geo.BOXES:
        _paint_box(painter, box)
        if fill is not None:
            painter.save()
            fill(painter, box)
            painter.restore()
    painter.restore()


def _paint_box(painter: QPainter, box: geo.Box) -> None:
    label = QFont("DejaVu Sans")
    label.setPixelSize(2.1)
    painter.setFont(label)
    painter.setPen(LABEL_GREY)
    painter.drawText(QRectF(box.x + 0.3, box.label_y, box.width, geo.LABEL_HEIGHT),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, box.text)
    painter.setPen(QPen(BOX_GREY, 0.2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(QRectF(box.x, box.y, box.width, box.height))
    # The baseline: a faint dotted guide, and firm ticks on the box's sides.
    painter.setPen(QPen(GUIDE_GREY, 0.15, Qt.PenStyle.DotLine))
    painter.drawLine(QPointF(box.x, box.baseline), QPointF(box.x + box.width, box.baseline))
    painter.setPen(QPen(BOX_GREY, 0.25))
    for x, step in ((box.x, 0.6), (box.x + box.width, -0.6)):
        painter.drawLine(QPointF(x, box.baseline), QPointF(x + step, box.baseline))


def _paint_paged(device: QPagedPaintDevice, paper: str, code: str, title: str,
                 instructions: str) -> None:
    painter = QPainter(device)
    try:
        full = device.pageLayout().fullRectPixels(device.resolution())
        painter.scale(full.width() / geo.PAPERS_MM[paper][0],
                      full.height() / geo.PAPERS_MM[paper][1])
        paint_sheet(painter, paper, code, title, instructions)
    finally:
        painter.end()


def render_sheet_pdf(path: str | Path, paper: str, code: str, title: str,
                     instructions: str) -> None:
    """Write the sheet as a one-page vector PDF."""
    writer = QPdfWriter(str(path))
    writer.setCreator("LoveBridge")
    writer.setTitle(title)
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(page_layout(paper))
    _paint_paged(writer, paper, code, title, instructions)


def print_sheet(printer: QPagedPaintDevice, paper: str, code: str, title: str,
                instructions: str) -> None:
    """Paint onto a printer the caller has set up; the page is forced to the sheet's paper."""
    printer.setPageLayout(page_layout(paper))
    if hasattr(printer, "setFullPage"):
        printer.setFullPage(True)
    _paint_paged(printer, paper, code, title, instructions)


def render_sheet_image(paper: str, code: str, dpi: float, title: str = "",
                       instructions: str = "", fill: BoxFiller | None = None) -> QImage:
    """The sheet as a white-paper image at `dpi`, optionally with each box filled in."""
    width_mm, height_mm = geo.PAPERS_MM[paper]
    px_per_mm = dpi / 25.4
    image = QImage(QSizeF(width_mm * px_per_mm, height_mm * px_per_mm).toSize(),
                   QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        painter.scale(px_per_mm, px_per_mm)
        paint_sheet(painter, paper, code, title, instructions, fill)
    finally:
        painter.end()
    return image
