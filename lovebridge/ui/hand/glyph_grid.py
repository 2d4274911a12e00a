"""Every box of the sheet at a glance: the glyph read from it, or a mark that it is missing."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette, QTransform
from PySide6.QtWidgets import QSizePolicy, QWidget

from lovebridge.core.hand import sheet as geo
from lovebridge.core.hand.model import Glyph, Hand
from lovebridge.render.hand_font import glyph_path

CELL = QSize(44, 48)
PAIR_CELL_WIDTH = 2


class GlyphGrid(QWidget):
    """A grid of the sheet's boxes; clicking one selects it (for redoing it)."""

    box_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handGlyphGrid")
        self.setAccessibleName(self.tr("Glyphs read from the sheet"))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._glyphs: dict[int, Glyph] = {}
        self._paths: dict = {}
        self._failed: dict[int, str] = {}
        self.selected: int | None = None
        self._columns = 13

    def set_hand(self, hand: Hand | None, failed: dict[int, str] | None = None) -> None:
        self._glyphs = {g.box: g for g in hand.glyphs if g.box >= 0} if hand else {}
        self._paths = {index: glyph_path(glyph) for index, glyph in self._glyphs.items()}
        self._failed = dict(failed or {})
        self.updateGeometry()
        self.update()

    def missing(self) -> list[int]:
        return [box.index for box in geo.BOXES if box.index not in self._glyphs]

    def _cells(self) -> list[tuple[geo.Box, QRectF]]:
        columns = max(4, self.width() // CELL.width())
        cells, column, row = [], 0, 0
        for box in geo.BOXES:
            span = PAIR_CELL_WIDTH if len(box.text) > 1 else 1
            if column + span > columns:
                column, row = 0, row + 1
            cells.append((box, QRectF(column * CELL.width(), row * CELL.height(),
                                      span * CELL.width() - 3, CELL.height() - 3)))
            column += span
        return cells

    def box_rect(self, index: int) -> QRectF:
        """Where a box's cell is drawn (what a click on it selects)."""
        return next(rect for box, rect in self._cells() if box.index == index)

    def sizeHint(self) -> QSize:
        return QSize(CELL.width() * 13, self.heightForWidth(CELL.width() * 13))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        columns = max(4, width // CELL.width())
        slots = sum(PAIR_CELL_WIDTH if len(b.text) > 1 else 1 for b in geo.BOXES)
        return (-(-slots // columns) + 1) * CELL.height()

    def resizeEvent(self, event) -> None:  # noqa: ANN001
        self.setMinimumHeight(self.heightForWidth(self.width()))
        super().resizeEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        for box, rect in self._cells():
            if rect.contains(event.position()):
                self.selected = box.index
                self.box_selected.emit(box.index)
                self.update()
                return

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        warn = QColor("#c4574a")
        highlight = palette.color(QPalette.ColorRole.Highlight)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        small = painter.font()
        small.setPointSizeF(max(6.5, small.pointSizeF() - 2.5))
        painter.setFont(small)
        for box, rect in self._cells():
            painter.fillRect(rect, base)
            glyph = self._glyphs.get(box.index)
            selected = box.index == self.selected
            painter.setPen(highlight if selected else (muted if glyph else warn))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
            if selected:
                painter.drawRect(rect.adjusted(1, 1, -2, -2))
            painter.setPen(muted)
            painter.drawText(rect.adjusted(3, 1, 0, 0), Qt.AlignmentFlag.AlignLeft, box.text)
            if glyph is None:
                painter.setPen(warn)
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "?")
                continue
            em = rect.height() * 0.55
            baseline = QPointF(rect.left() + 8, rect.top() + rect.height() * 0.72)
            path = QTransform(em, 0, 0, em, baseline.x(), baseline.y()).map(
                self._paths[box.index])
            painter.fillPath(path, text)
        painter.end()
