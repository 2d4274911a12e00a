"""A box to write one character in on screen: a pen tablet's pressure, or the mouse."""

from __future__ import annotations

from PIL import Image
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTabletEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from lovebridge.core.hand import sheet as geo

PX_PER_MM = 24  # the pad's own resolution; the screen shows it at whatever size fits
PEN_MM = 0.55  # a ballpoint's line at full pressure
MOUSE_PRESSURE = 0.7


class DrawPad(QWidget):
    """One writing box drawn large, with its baseline; strokes are kept as a picture."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handDrawPad")
        self.setAccessibleName(self.tr("Writing box"))
        self.setAttribute(Qt.WidgetAttribute.WA_TabletTracking, False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(300, 200)
        self._box: geo.Box = geo.BOXES[0]
        self._ink = QImage()
        self._last: QPointF | None = None
        self._pressure = MOUSE_PRESSURE
        self.set_box(geo.BOXES[0])

    def sizeHint(self) -> QSize:
        return QSize(560, 380)

    def set_box(self, box: geo.Box) -> None:
        self._box = box
        self._ink = QImage(round(box.width * PX_PER_MM), round(box.height * PX_PER_MM),
                           QImage.Format.Format_Grayscale8)
        self.clear()

    def clear(self) -> None:
        self._ink.fill(Qt.GlobalColor.white)
        self.update()
        self.changed.emit()

    def is_empty(self) -> bool:
        return self._ink.isNull() or self.picture().getextrema()[0] > 128

    def picture(self) -> Image.Image:
        """What has been drawn, in grey (the box's writing area at PX_PER_MM)."""
        image = self._ink.convertToFormat(QImage.Format.Format_Grayscale8)
        data = bytes(image.constBits())[: image.bytesPerLine() * image.height()]
        return Image.frombytes("L", (image.width(), image.height()), data, "raw", "L",
                               image.bytesPerLine())

    # ---- where the box sits on the widget ---------------------------------------------------
    def _target(self) -> QRectF:
        ratio = self._ink.width() / max(1, self._ink.height())
        width = min(self.width() - 8, (self.height() - 8) * ratio)
        height = width / ratio
        return QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)

    def _to_ink(self, point: QPointF) -> QPointF:
        target = self._target()
        return QPointF((point.x() - target.left()) * self._ink.width() / target.width(),
                       (point.y() - target.top()) * self._ink.height() / target.height())

    def _stroke_to(self, point: QPointF, pressure: float) -> None:
        here = self._to_ink(point)
        painter = QPainter(self._ink)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = max(1.0, PEN_MM * PX_PER_MM * (0.35 + 0.65 * pressure))
        painter.setPen(QPen(QColor("black"), width, Qt.PenStyle.SolidLine,
                            Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        painter.drawLine(self._last if self._last is not None else here, here)
        painter.end()
        self._last = here
        self.update()

    # ---- input --------------------------------------------------------------------------------
    def tabletEvent(self, event: QTabletEvent) -> None:
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self._last = None
            self._stroke_to(event.position(), event.pressure())
        elif kind == QTabletEvent.Type.TabletMove and event.pressure() > 0:
            self._stroke_to(event.position(), event.pressure())
        elif kind == QTabletEvent.Type.TabletRelease:
            self._last = None
            self.changed.emit()
        event.accept()  # the pen's own events; no synthesised mouse events follow

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._last = None
            self._stroke_to(event.position(), MOUSE_PRESSURE)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._stroke_to(event.position(), MOUSE_PRESSURE)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._last = None
        self.changed.emit()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        target = self._target()
        painter.drawImage(target, self._ink)
        painter.setPen(QPen(QColor("#9a9a9a"), 1))
        painter.drawRect(target)
        baseline = target.top() + target.height() * geo.BASELINE_FRACTION
        painter.setPen(QPen(QColor("#7fa7d9"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(target.left(), baseline), QPointF(target.right(), baseline))
        painter.setPen(QColor("#9a9a9a"))
        painter.drawText(target.adjusted(6, 4, -6, -4),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, self._box.text)
        painter.end()
