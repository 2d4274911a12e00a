"""The ranked suggestions as a list model with named roles, and the delegate that draws them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from lovebridge.core.write.placeholders import FillValues, fill
from lovebridge.ui.common.text_lines import card_lines
from lovebridge.ui.theme import current_colours

# Only named in annotations: the Write home's note list draws its cards with CardDelegate and
# must not load the ranking (and its stemmers) with it.
if TYPE_CHECKING:
    from lovebridge.core.write.suggestions import Ranked
    from lovebridge.core.write.templates import Template

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
TEMPLATE_ROLE = Qt.ItemDataRole.UserRole + 2
PREVIEW_ROLE = Qt.ItemDataRole.UserRole + 3
CATEGORY_ROLE = Qt.ItemDataRole.UserRole + 4
CATEGORY_LABEL_ROLE = Qt.ItemDataRole.UserRole + 5
TONE_ROLE = Qt.ItemDataRole.UserRole + 6
LENGTH_ROLE = Qt.ItemDataRole.UserRole + 7
SCORE_ROLE = Qt.ItemDataRole.UserRole + 8
CUSTOM_ROLE = Qt.ItemDataRole.UserRole + 9
HEADER_ROLE = Qt.ItemDataRole.UserRole + 10  # the small line above a card's text

_Index = QModelIndex | QPersistentModelIndex

# The tone of a template (core.write.templates.TONES), as its card names it.
TONE_WORDS = {
    "tender": QT_TRANSLATE_NOOP("SuggestionModel", "tender"),
    "playful": QT_TRANSLATE_NOOP("SuggestionModel", "playful"),
    "serious": QT_TRANSLATE_NOOP("SuggestionModel", "serious"),
    "warm": QT_TRANSLATE_NOOP("SuggestionModel", "warm"),
    "hopeful": QT_TRANSLATE_NOOP("SuggestionModel", "hopeful"),
}


class SuggestionModel(QAbstractListModel):
    """Ranked templates with their filled-in preview text."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[Ranked, str]] = []
        self._labels: dict[str, str] = {}

    def set_category_labels(self, labels: dict[str, str]) -> None:
        self._labels = dict(labels)

    def set_results(self, ranked: list[Ranked], values: FillValues) -> bool:
        """Show new results; returns True when the rows were replaced (a model reset)."""
        rows = [(r, fill(r.template.text, values)) for r in ranked]
        same_order = [r.template.key for r, _ in rows] == [r.template.key for r, _ in self._rows]
        if same_order and [p for _, p in rows] == [p for _, p in self._rows]:
            # Typing inside a word often keeps the order: no reset, so no relayout or flicker.
            self._rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, 0),
                                      [SCORE_ROLE])
            return False
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()
        return True

    def template_at(self, row: int) -> Template | None:
        return self._rows[row][0].template if 0 <= row < len(self._rows) else None

    def row_of(self, key: str | None) -> int:
        return next((i for i, (r, _) in enumerate(self._rows) if r.template.key == key), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        ranked, preview = self._rows[index.row()]
        template = ranked.template
        if role in (Qt.ItemDataRole.DisplayRole, PREVIEW_ROLE):
            return preview
        if role == Qt.ItemDataRole.ToolTipRole:
            return preview
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self._labels.get(template.category, template.category)}: {preview}"
        return {
            KEY_ROLE: template.key,
            TEMPLATE_ROLE: template.text,
            CATEGORY_ROLE: template.category,
            CATEGORY_LABEL_ROLE: self._labels.get(template.category, template.category),
            TONE_ROLE: template.tone,
            LENGTH_ROLE: template.length,
            SCORE_ROLE: ranked.score,
            CUSTOM_ROLE: template.is_custom,
            HEADER_ROLE: self._header(template),
        }.get(role)

    def _header(self, template: Template) -> str:
        label = self._labels.get(template.category, template.category)
        mine = " · " + self.tr("yours") if template.is_custom else ""
        tone = self.tr(TONE_WORDS[template.tone]) if template.tone in TONE_WORDS else template.tone
        return f"{label} · {tone}{mine}"

    def roleNames(self) -> dict[int, bytes]:
        names = super().roleNames()
        names.update({
            KEY_ROLE: b"key", TEMPLATE_ROLE: b"templateText", PREVIEW_ROLE: b"preview",
            CATEGORY_ROLE: b"category", CATEGORY_LABEL_ROLE: b"categoryLabel",
            TONE_ROLE: b"tone", LENGTH_ROLE: b"length", SCORE_ROLE: b"score",
            CUSTOM_ROLE: b"custom", HEADER_ROLE: b"header",
        })
        return names

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flag = Qt.ItemFlag
        return flag.ItemIsEnabled | flag.ItemIsSelectable | flag.ItemNeverHasChildren


class CardDelegate(QStyledItemDelegate):
    """A soft card per row: HEADER_ROLE on a small line, then PREVIEW_ROLE in up to three lines."""

    HEIGHT = 92

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        return QSize(120, self.HEIGHT)  # the view stretches it to its width

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        colours = current_colours()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(option.rect).adjusted(4, 3, -4, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        path = QPainterPath()
        path.addRoundedRect(rect, 10, 10)
        painter.fillPath(path, QColor(colours.highlight_soft if selected else colours.surface))
        painter.setPen(QColor(colours.accent if selected else colours.border))
        painter.drawPath(path)
        small = QFont(option.font)
        small.setPointSizeF(max(option.font.pointSizeF() - 1.5, 7.5))
        painter.setFont(small)
        painter.setPen(QColor(colours.muted))
        header_rect = rect.adjusted(12, 7, -12, 0)
        header = QFontMetricsF(small).elidedText(str(index.data(HEADER_ROLE) or ""),
                                                Qt.TextElideMode.ElideRight, header_rect.width())
        painter.drawText(header_rect, Qt.AlignmentFlag.AlignLeft, header)
        painter.setFont(option.font)
        painter.setPen(QColor(colours.text))
        text_rect = rect.adjusted(12, 26, -12, -8)
        metrics = QFontMetricsF(option.font)
        lines = max(1, int(text_rect.height() // metrics.lineSpacing()))
        top = text_rect.top()
        for line in card_lines(str(index.data(PREVIEW_ROLE) or ""), option.font,
                               text_rect.width(), lines):
            painter.drawText(QPointF(text_rect.left(), top + metrics.ascent()), line)
            top += metrics.lineSpacing()
        painter.restore()


def note_card_list(name: str, model: QAbstractListModel) -> QListView:
    """A list of notes drawn as cards, one chosen at a time, scrolling by the pixel."""
    view = QListView()
    view.setObjectName(name)
    view.setModel(model)
    view.setItemDelegate(CardDelegate(view))
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setFrameShape(QListView.Shape.NoFrame)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setUniformItemSizes(True)
    return view
