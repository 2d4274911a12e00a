"""A calm, custom-painted month: plans, anniversaries and memories marked on their days.

Double-click a day to plan something on it; drag a plan to another day to move it. Under a
right-to-left layout (Arabic, Hebrew) the week reads from the right: its first day is the
rightmost column, and each day's number and chips sit at the cell's right edge.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from PySide6.QtCore import QByteArray, QMimeData, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDrag,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from lovebridge.ui.formatting import weekday_abbreviations
from lovebridge.ui.theme import current_colours

OCCURRENCE_MIME = "application/x-lovebridge-occurrence"
HEADER_HEIGHT = 30
CHIP_HEIGHT = 20
MAX_CHIPS = 3


@dataclass(frozen=True)
class DayEntry:
    """Something shown on a day: a plan occurrence, an anniversary or a memory."""

    label: str
    kind: str  # plan | anniversary | memory
    plan_uuid: str | None = None
    original_start: datetime | None = None
    status: str = "planned"
    plan_kind: str = ""


def occurrence_mime(plan_uuid: str, original_start: datetime) -> QMimeData:
    """The drag payload naming one occurrence."""
    mime = QMimeData()
    mime.setData(OCCURRENCE_MIME, QByteArray(f"{plan_uuid}|{original_start.isoformat()}".encode()))
    return mime


def parse_occurrence_mime(mime: QMimeData) -> tuple[str, datetime] | None:
    if not mime.hasFormat(OCCURRENCE_MIME):
        return None
    try:
        uuid, when = bytes(mime.data(OCCURRENCE_MIME).data()).decode().split("|", 1)
        return uuid, datetime.fromisoformat(when)
    except (ValueError, UnicodeDecodeError):
        return None


def text_direction(text: str, otherwise: Qt.LayoutDirection) -> Qt.LayoutDirection:
    """The direction `text` reads in, from its first letter with a direction of its own."""
    for character in text:
        kind = unicodedata.bidirectional(character)
        if kind == "L":
            return Qt.LayoutDirection.LeftToRight
        if kind in ("R", "AL"):
            return Qt.LayoutDirection.RightToLeft
    return otherwise


class MonthView(QWidget):
    """Six weeks from the Monday on or before the 1st; one selected day."""

    day_selected = Signal(object)  # date
    day_activated = Signal(object)  # date (double-click: plan something)
    entry_activated = Signal(object)  # DayEntry (double-click on a plan)
    occurrence_dropped = Signal(str, object, object)  # plan uuid, original start, new date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monthView")
        self.setAccessibleName(self.tr("Month calendar"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        today = date.today()
        self.today = today
        self.year, self.month = today.year, today.month
        self.selected = today
        self.entries: dict[date, list[DayEntry]] = {}
        self._press: tuple[QPoint, DayEntry] | None = None
        self._drop_day: date | None = None

    def sizeHint(self) -> QSize:
        return QSize(720, 520)

    def minimumSizeHint(self) -> QSize:
        # Seven narrow columns and six rows a few lines high, in the current font's measure.
        metrics = self.fontMetrics()
        return QSize(7 * metrics.averageCharWidth() * 6, 7 * metrics.lineSpacing() * 3)

    # ---- data ---------------------------------------------------------------------------
    def set_month(self, year: int, month: int) -> None:
        self.year, self.month = year, month
        self.update()

    def set_today(self, today: date) -> None:
        self.today = today
        self.update()

    def set_entries(self, entries: dict[date, list[DayEntry]]) -> None:
        self.entries = entries
        self.update()

    def select(self, day: date) -> None:
        self.selected = day
        if (day.year, day.month) != (self.year, self.month):
            self.set_month(day.year, day.month)
        self.update()
        self.day_selected.emit(day)

    def first_shown(self) -> date:
        first = date(self.year, self.month, 1)
        return first - timedelta(days=first.weekday())

    def last_shown(self) -> date:
        return self.first_shown() + timedelta(days=41)

    # ---- geometry -----------------------------------------------------------------------
    def _visual_column(self, column: int) -> int:
        """Where the week's `column`-th day is drawn: counted from the right in right-to-left."""
        return 6 - column if self.isRightToLeft() else column

    def _leading_x(self, box: QRect | QRectF, offset: float, width: float) -> float:
        """The left x of a part `width` wide, `offset` in from the box's leading edge (its left
        edge, or its right one in right-to-left)."""
        if self.isRightToLeft():
            return box.x() + box.width() - offset - width
        return box.x() + offset

    def cell_rect(self, day: date) -> QRect:
        index = (day - self.first_shown()).days
        width = self.width() / 7
        height = (self.height() - HEADER_HEIGHT) / 6
        row, column = divmod(index, 7)
        column = self._visual_column(column)
        return QRect(round(column * width), round(HEADER_HEIGHT + row * height),
                     round(width), round(height))

    def day_at(self, pos: QPoint) -> date | None:
        if pos.y() < HEADER_HEIGHT or not self.rect().contains(pos):
            return None
        column = self._visual_column(min(int(pos.x() / (self.width() / 7)), 6))
        row = min(int((pos.y() - HEADER_HEIGHT) / ((self.height() - HEADER_HEIGHT) / 6)), 5)
        return self.first_shown() + timedelta(days=row * 7 + column)

    def _small_font(self) -> QFont:
        small = QFont(self.font())
        small.setPointSizeF(max(self.font().pointSizeF() - 1, 7))
        return small

    def _number_font(self, day: date) -> QFont:
        font = QFont(self.font())
        font.setBold(day == self.today)
        return font

    def number_rect(self, day: date) -> QRect:
        """The day's number (with today's round marker behind it), inside the selection frame
        and as large as the number in the current font."""
        cell = self.cell_rect(day)
        metrics = QFontMetrics(self._number_font(day))
        height = max(22, metrics.height() + 4)
        width = max(height, metrics.horizontalAdvance(str(day.day)) + 10)
        return QRect(round(self._leading_x(cell, 6, width)), cell.top() + 5, width, height)

    def _chip_height(self) -> int:
        return max(CHIP_HEIGHT, QFontMetrics(self._small_font()).height() + 6)

    def chip_rects(self, day: date) -> list[tuple[QRect, DayEntry]]:
        cell = self.cell_rect(day)
        found = []
        chip_height = self._chip_height()
        top = self.number_rect(day).bottom() + 4  # below the number and today's marker
        for entry in self.entries.get(day, [])[:MAX_CHIPS]:
            if top + chip_height > cell.bottom() - 2:
                break
            found.append((QRect(cell.left() + 5, top, cell.width() - 10, chip_height), entry))
            top += chip_height + 3
        return found

    def more_rect(self, day: date) -> QRect:
        """Where "+2 more" goes: beside the number, up to the cell's trailing edge."""
        cell, number = self.cell_rect(day), self.number_rect(day)
        if self.isRightToLeft():
            left = cell.left() + 5
            return QRect(left, number.top(), max(0, number.left() - 5 - left), number.height())
        left = number.right() + 5
        return QRect(left, number.top(), max(0, cell.right() - 5 - left), number.height())

    def more_text(self, day: date) -> str:
        """ "+2 more" when plans are hidden ("+2" when narrow, nothing if even that won't fit)."""
        hidden = len(self.entries.get(day, [])) - len(self.chip_rects(day))
        if hidden <= 0:
            return ""
        room = self.more_rect(day).width()
        metrics = QFontMetrics(self._small_font())
        for text in (self.tr("+{n} more").format(n=hidden), f"+{hidden}"):
            if metrics.horizontalAdvance(text) <= room:
                return text
        return ""

    def entry_at(self, pos: QPoint) -> DayEntry | None:
        day = self.day_at(pos)
        if day is None:
            return None
        return next((e for rect, e in self.chip_rects(day) if rect.contains(pos)), None)

    # ---- painting -----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        c = current_colours()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(c.surface))
        small = self._small_font()
        painter.setFont(small)
        painter.setPen(QColor(c.muted))
        width = self.width() / 7
        for index, name in enumerate(weekday_abbreviations()):
            left = self._visual_column(index) * width
            painter.drawText(QRectF(left, 0, width, HEADER_HEIGHT),
                             Qt.AlignmentFlag.AlignCenter, name)
        day = self.first_shown()
        for _ in range(42):
            self._paint_day(painter, day, c, small)
            day += timedelta(days=1)
        painter.end()

    def _paint_day(self, painter: QPainter, day: date, c, small: QFont) -> None:  # noqa: ANN001
        cell = self.cell_rect(day)
        in_month = day.month == self.month
        background = QColor(c.surface if in_month else c.window)
        if day == self._drop_day:
            background = QColor(c.highlight_soft)
        painter.fillRect(cell, background)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(c.border), 1))
        painter.drawRect(cell.adjusted(0, 0, -1, -1) if cell.right() < self.width() - 1
                         else cell.adjusted(0, 0, -2, -1))
        if day == self.selected:
            painter.setPen(QPen(QColor(c.accent), 2))
            painter.drawRoundedRect(QRectF(cell).adjusted(2, 2, -2, -2), 6, 6)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        number_box = QRectF(self.number_rect(day))
        if day == self.today:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(c.accent))
            radius = number_box.height() / 2
            painter.drawRoundedRect(number_box, radius, radius)  # a circle, a pill for "24"
            painter.setPen(QColor(c.accent_text))
        else:
            painter.setPen(QColor(c.text if in_month else c.muted))
        painter.setFont(self._number_font(day))
        painter.drawText(number_box, Qt.AlignmentFlag.AlignCenter, str(day.day))
        painter.setFont(small)
        metrics = QFontMetrics(small)
        chips = self.chip_rects(day)
        for rect, entry in chips:
            self._paint_chip(painter, rect, entry, c, metrics)
        more = self.more_text(day)
        if more:
            painter.setPen(QColor(c.muted))
            # At the trailing edge: Qt turns AlignRight to the left in right-to-left.
            painter.drawText(self.more_rect(day),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, more)

    def _paint_chip(self, painter, rect: QRect, entry: DayEntry, c, metrics) -> None:  # noqa: ANN001
        accent = QColor(c.accent)
        if entry.kind == "anniversary":
            fill, text = QColor(c.highlight_soft), QColor(c.text)
        elif entry.kind == "memory":
            fill, text = QColor(c.sidebar), QColor(c.muted)
        else:
            fill = QColor(accent)
            fill.setAlpha(40 if c.dark else 30)
            text = QColor(c.text)
        if entry.status in ("skipped", "cancelled"):
            text = QColor(c.muted)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(QRectF(rect), 5, 5)
        if entry.kind == "plan":
            painter.setBrush(accent if entry.status != "done" else QColor(c.muted))
            painter.drawRoundedRect(
                QRectF(self._leading_x(rect, 0, 4), rect.top(), 4, rect.height()), 2, 2)
        prefix = {"anniversary": "♥ ", "memory": "✿ "}.get(entry.kind, "")
        if entry.status == "done":
            prefix = "✓ "
        label = metrics.elidedText(prefix + entry.label, Qt.TextElideMode.ElideRight,
                                   rect.width() - 12)
        font = painter.font()
        font.setStrikeOut(entry.status in ("skipped", "cancelled"))
        painter.setFont(font)
        painter.setPen(text)
        # Clear of the bar at the leading edge; the title reads in its own direction (an English
        # title in an Arabic calendar keeps its "…" at its end), set against the leading edge.
        box = rect.adjusted(4, 0, -8, 0) if self.isRightToLeft() else rect.adjusted(8, 0, -4, 0)
        edge = Qt.AlignmentFlag.AlignRight if self.isRightToLeft() else Qt.AlignmentFlag.AlignLeft
        painter.save()
        painter.setLayoutDirection(text_direction(entry.label, self.layoutDirection()))
        painter.drawText(box, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignAbsolute
                         | edge, label)
        painter.restore()
        font.setStrikeOut(False)
        painter.setFont(font)

    # ---- mouse, keyboard, drag and drop ---------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        day = self.day_at(pos)
        if day is not None and event.button() == Qt.MouseButton.LeftButton:
            self.select(day)
            entry = self.entry_at(pos)
            self._press = (pos, entry) if entry and entry.kind == "plan" else None
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            return
        start, entry = self._press
        distance = (event.position().toPoint() - start).manhattanLength()
        if distance < QApplication.startDragDistance():
            return
        self._press = None
        drag = QDrag(self)
        drag.setMimeData(occurrence_mime(entry.plan_uuid, entry.original_start))
        drag.exec(Qt.DropAction.MoveAction)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press = None
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        entry = self.entry_at(pos)
        if entry is not None and entry.kind == "plan":
            self.entry_activated.emit(entry)
            return
        day = self.day_at(pos)
        if day is not None:
            self.day_activated.emit(day)

    def keyPressEvent(self, event) -> None:  # noqa: ANN001
        back, forward = (-1, 1) if not self.isRightToLeft() else (1, -1)  # as the week reads
        steps = {Qt.Key.Key_Left: back, Qt.Key.Key_Right: forward, Qt.Key.Key_Up: -7,
                 Qt.Key.Key_Down: 7}
        if event.key() in steps:
            self.select(self.selected + timedelta(days=steps[event.key()]))
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.day_activated.emit(self.selected)
        else:
            super().keyPressEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(OCCURRENCE_MIME):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        day = self.day_at(event.position().toPoint())
        if day is None or not event.mimeData().hasFormat(OCCURRENCE_MIME):
            event.ignore()
            return
        if day != self._drop_day:
            self._drop_day = day
            self.update()
        event.acceptProposedAction()

    def dragLeaveEvent(self, event) -> None:  # noqa: ANN001
        self._drop_day = None
        self.update()

    def dropEvent(self, event: QDropEvent) -> None:
        self._drop_day = None
        self.update()
        payload = parse_occurrence_mime(event.mimeData())
        day = self.day_at(event.position().toPoint())
        if payload is None or day is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.occurrence_dropped.emit(payload[0], payload[1], day)
