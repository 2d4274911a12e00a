"""Draws the timeline: month headings, and memory cards with a generous photo on top."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPixmap,
    QPixmapCache,
)
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from lovebridge.ui.common.text_lines import card_lines
from lovebridge.ui.scrapbook.timeline_model import (
    DATE_ROLE,
    FAVOURITE_ROLE,
    KIND_ROLE,
    MONTH_START_ROLE,
    PHOTO_COUNT_ROLE,
    PLACE_ROLE,
    SUMMARY_ROLE,
    THUMBNAIL_ROLE,
)
from lovebridge.ui.theme import current_colours

MIN_CARD_WIDTH = 230
CARD_TEXT_HEIGHT = 66
MONTH_TAB_WIDTH = 54
HEADER_HEIGHT = 52
RADIUS = 14.0
TEXT_CARD_LINES = 12  # a card with no photo: quote mark, title, date, a few lines of story


def card_width(view: QListView) -> int:
    """Cards share the row evenly, never narrower than MIN_CARD_WIDTH."""
    spacing = view.spacing()
    # Sized as if every card carried a month tab, so a row never wraps early.
    usable = view.viewport().width() - 2 * spacing - 12  # the flow layout wraps a little early
    pair = MIN_CARD_WIDTH + MONTH_TAB_WIDTH + 2 * spacing
    columns = max(1, usable // pair)
    return max(MIN_CARD_WIDTH, usable // columns - MONTH_TAB_WIDTH - 2 * spacing)


class MemoryCardDelegate(QStyledItemDelegate):
    """Paints a card (photo, title, date and place) or a year-and-month heading."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        if index.data(KIND_ROLE) == "header":
            return QSize(self._view.viewport().width() - 2 * self._view.spacing() - 4,
                         HEADER_HEIGHT)
        width = card_width(self._view)
        height = int(width * 0.72) + CARD_TEXT_HEIGHT
        if not index.data(PHOTO_COUNT_ROLE):  # a card of words: as tall as a few lines need
            height = min(height, QFontMetrics(option.font).lineSpacing() * TEXT_CARD_LINES + 44)
        if index.data(MONTH_START_ROLE):  # the month's tab travels with its first card
            width += MONTH_TAB_WIDTH + self._view.spacing()
        return QSize(width, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if index.data(KIND_ROLE) == "header":
            self._paint_header(painter, option, index)
        else:
            rect = QRectF(option.rect)
            month = index.data(MONTH_START_ROLE)
            if month:
                tab = QRectF(rect.x(), rect.y(), MONTH_TAB_WIDTH, rect.height())
                self._paint_month(painter, tab, month)
                rect.setLeft(tab.right() + self._view.spacing())
            self._paint_card(painter, option, index, rect)
        painter.restore()

    def _paint_header(self, painter: QPainter, option: QStyleOptionViewItem,
                      index: QModelIndex | QPersistentModelIndex) -> None:
        c = current_colours()
        font = QFont(option.font)
        font.setPointSizeF(option.font.pointSizeF() * 1.35)
        font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(font)
        painter.setPen(QColor(c.text))
        rect = QRectF(option.rect).adjusted(4, 12, 0, 0)
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         index.data(Qt.ItemDataRole.DisplayRole))
        width = QFontMetrics(font).horizontalAdvance(index.data(Qt.ItemDataRole.DisplayRole))
        painter.setPen(QColor(c.border))
        y = rect.center().y()
        painter.drawLine(int(rect.left() + width + 16), int(y), int(rect.right() - 4), int(y))

    def _paint_month(self, painter: QPainter, tab: QRectF, month: str) -> None:
        c = current_colours()
        rect = tab.adjusted(2, 1, -2, -1)
        path = QPainterPath()
        path.addRoundedRect(rect, 12, 12)
        painter.fillPath(path, QColor(c.highlight_soft))
        font = QFont(self._view.font())
        font.setWeight(QFont.Weight.DemiBold)
        font.setCapitalization(QFont.Capitalization.AllUppercase)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 110)
        painter.setFont(font)
        painter.setPen(QColor(c.text if c.dark else c.accent))
        painter.save()
        painter.translate(rect.center())
        painter.rotate(-90)
        painter.drawText(QRectF(-rect.height() / 2, -rect.width() / 2, rect.height(),
                                rect.width()), Qt.AlignmentFlag.AlignCenter, month)
        painter.restore()

    def _paint_card(self, painter: QPainter, option: QStyleOptionViewItem,
                    index: QModelIndex | QPersistentModelIndex, area: QRectF) -> None:
        c = current_colours()
        rect = area.adjusted(1, 1, -1, -1)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        outline = QPainterPath()
        outline.addRoundedRect(rect, RADIUS, RADIUS)
        painter.fillPath(outline, QColor(c.surface))

        if not index.data(PHOTO_COUNT_ROLE) and index.data(THUMBNAIL_ROLE) is None:
            self._paint_text_card(painter, option, index, rect, outline)
            self._paint_outline(painter, rect, outline, selected, hovered)
            if index.data(FAVOURITE_ROLE):
                self._heart(painter, rect)
            return
        photo_rect = QRectF(rect.x(), rect.y(), rect.width(), rect.height() - CARD_TEXT_HEIGHT)
        painter.save()
        painter.setClipPath(outline)
        pixmap = self._card_pixmap(index, photo_rect)
        if pixmap is not None:
            painter.drawPixmap(photo_rect.topLeft(), pixmap)
        else:
            gradient = QLinearGradient(photo_rect.topLeft(), photo_rect.bottomRight())
            gradient.setColorAt(0, QColor(c.highlight_soft))
            gradient.setColorAt(1, QColor(c.sidebar))
            painter.fillRect(photo_rect, gradient)
            if not index.data(PHOTO_COUNT_ROLE):
                painter.setPen(QColor(c.muted))
                painter.drawText(photo_rect, Qt.AlignmentFlag.AlignCenter, "❦")
        painter.restore()

        count = index.data(PHOTO_COUNT_ROLE) or 0
        if count > 1:
            self._badge(painter, photo_rect, f"{count}")
        if index.data(FAVOURITE_ROLE):
            self._heart(painter, photo_rect)

        text_rect = QRectF(rect.x() + 14, photo_rect.bottom() + 10, rect.width() - 28,
                           CARD_TEXT_HEIGHT - 18)
        title_font = QFont(option.font)
        title_font.setWeight(QFont.Weight.DemiBold)
        title_font.setPointSizeF(option.font.pointSizeF() * 1.08)
        painter.setFont(title_font)
        painter.setPen(QColor(c.text))
        metrics = QFontMetrics(title_font)
        title = metrics.elidedText(index.data(Qt.ItemDataRole.DisplayRole) or "",
                                   Qt.TextElideMode.ElideRight, int(text_rect.width()))
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, title)
        detail_font = QFont(option.font)
        detail_font.setPointSizeF(option.font.pointSizeF() * 0.92)
        painter.setFont(detail_font)
        painter.setPen(QColor(c.muted))
        details = " · ".join(p for p in (index.data(DATE_ROLE), index.data(PLACE_ROLE)) if p)
        details = QFontMetrics(detail_font).elidedText(details, Qt.TextElideMode.ElideRight,
                                                       int(text_rect.width()))
        detail_rect = text_rect.adjusted(0, metrics.height() + 6, 0, 0)
        painter.drawText(detail_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                         details)
        self._paint_outline(painter, rect, outline, selected, hovered)

    @staticmethod
    def _paint_outline(painter: QPainter, rect: QRectF, outline: QPainterPath, selected: bool,
                       hovered: bool) -> None:
        c = current_colours()
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if selected:
            painter.setPen(QColor(c.accent))
            painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), RADIUS, RADIUS)
        else:
            painter.setPen(QColor(c.accent if hovered else c.border))
            painter.drawPath(outline)

    def text_card_lines(self, font: QFont, index: QModelIndex | QPersistentModelIndex,
                        rect: QRectF) -> list[tuple[str, QFont, str, float]]:
        """A memory with no photo, as words: (text, font, colour name, top) per line, within
        `rect` — the title (two lines at most), date and place, then as much of the story as
        fits, ending in "…"."""
        c = current_colours()
        inner = rect.adjusted(18, 16, -18, -14)
        title_font = QFont(font)
        title_font.setWeight(QFont.Weight.DemiBold)
        title_font.setPointSizeF(font.pointSizeF() * 1.3)
        detail_font = QFont(font)
        detail_font.setPointSizeF(font.pointSizeF() * 0.92)
        story_font = QFont(font)
        story_font.setItalic(True)
        lines: list[tuple[str, QFont, str, float]] = []
        top = inner.top() + QFontMetrics(title_font).height() * 0.9  # under the quote mark
        details = " · ".join(p for p in (index.data(DATE_ROLE), index.data(PLACE_ROLE)) if p)
        summary = index.data(SUMMARY_ROLE)
        story = getattr(summary, "story_start", "") or ""
        for text, face, colour, most, gap in (
            (index.data(Qt.ItemDataRole.DisplayRole) or "", title_font, c.text, 2, 4),
            (details, detail_font, c.muted, 1, 10),
            (story, story_font, c.text, 99, 0),
        ):
            height = QFontMetrics(face).lineSpacing()
            room = int((inner.bottom() - top) // height)
            for line in card_lines(text, face, inner.width(), min(most, room)) if room else []:
                lines.append((line, face, colour, top))
                top += height
            top += gap
        return lines

    def _paint_text_card(self, painter: QPainter, option: QStyleOptionViewItem,
                         index: QModelIndex | QPersistentModelIndex, rect: QRectF,
                         outline: QPainterPath) -> None:
        """No photo: a paper-like card led by its words instead of an empty picture frame."""
        c = current_colours()
        painter.save()
        painter.setClipPath(outline)
        gradient = QLinearGradient(rect.topLeft(), rect.bottomLeft())
        gradient.setColorAt(0, QColor(c.highlight_soft))
        gradient.setColorAt(0.35, QColor(c.surface))
        painter.fillRect(rect, gradient)
        painter.fillRect(QRectF(rect.left(), rect.top(), 5, rect.height()), QColor(c.accent))
        quote = QFont(option.font)
        quote.setPointSizeF(option.font.pointSizeF() * 2.6)
        quote.setWeight(QFont.Weight.DemiBold)
        painter.setFont(quote)
        accent = QColor(c.accent)
        accent.setAlpha(150)
        painter.setPen(accent)
        painter.drawText(rect.adjusted(16, 2, -16, 0),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, "“")
        for text, face, colour, top in self.text_card_lines(option.font, index, rect):
            painter.setFont(face)
            painter.setPen(QColor(colour))
            painter.drawText(QRectF(rect.left() + 18, top, rect.width() - 36,
                                    QFontMetrics(face).lineSpacing()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, text)
        painter.restore()

    def _card_pixmap(self, index: QModelIndex | QPersistentModelIndex,
                     photo_rect: QRectF) -> QPixmap | None:
        """The cover centre-cropped and scaled to the card, made once and kept in the cache.

        Scaling a 480-pixel thumbnail on every paint would make scrolling stutter.
        """
        summary = index.data(SUMMARY_ROLE)
        if summary is None or summary.cover is None:
            return None
        ratio = self._view.devicePixelRatioF()
        width, height = int(photo_rect.width() * ratio), int(photo_rect.height() * ratio)
        key = f"lovebridge-card-{summary.cover.sha256}-{width}x{height}"
        cached = QPixmapCache.find(key)
        if cached is not None:
            return cached
        thumbnail = index.data(THUMBNAIL_ROLE)
        if thumbnail is None or thumbnail.isNull():
            return None
        scale = max(width / thumbnail.width(), height / thumbnail.height())
        w, h = width / scale, height / scale
        source = QRect(int((thumbnail.width() - w) / 2), int((thumbnail.height() - h) / 2),
                       int(w), int(h))
        card_pixmap = thumbnail.copy(source).scaled(
            width, height, Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.SmoothTransformation)
        card_pixmap.setDevicePixelRatio(ratio)
        QPixmapCache.insert(key, card_pixmap)
        return card_pixmap

    @staticmethod
    def _badge(painter: QPainter, photo_rect: QRectF, text: str) -> None:
        font = painter.font()
        font.setPointSizeF(max(7.5, font.pointSizeF() * 0.85))
        font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(font)
        width = QFontMetrics(font).horizontalAdvance(f"▣ {text}") + 16
        badge = QRectF(photo_rect.right() - width - 10, photo_rect.bottom() - 30, width, 22)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(30, 20, 18, 150))
        painter.drawRoundedRect(badge, 11, 11)
        painter.setPen(QColor("white"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, f"▣ {text}")

    @staticmethod
    def _heart(painter: QPainter, photo_rect: QRectF) -> None:
        circle = QRectF(photo_rect.right() - 38, photo_rect.top() + 10, 28, 28)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 220))
        painter.drawEllipse(circle)
        painter.setPen(QColor(current_colours().accent if not current_colours().dark
                              else "#c4574a"))
        font = painter.font()
        font.setPointSizeF(11)
        painter.setFont(font)
        painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, "♥")
