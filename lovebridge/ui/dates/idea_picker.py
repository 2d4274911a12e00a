"""The idea picker: filter the ideas, let "Surprise us" choose, and turn one into a plan."""

from __future__ import annotations

import random
from dataclasses import replace

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from lovebridge.core.dates.ideas import RECENT_WEEKS, Idea, IdeaFilter, season_of, surprise
from lovebridge.core.dates.services import DatesServices
from lovebridge.ui.common.flow_layout import flow_container
from lovebridge.ui.common.widgets import card, muted_label, primary_button, scrolling
from lovebridge.ui.theme import current_colours

IDEA_ROLE = Qt.ItemDataRole.UserRole + 1
COST_LABELS = {
    "free": QT_TRANSLATE_NOOP("IdeaPicker", "Free"),
    "low": QT_TRANSLATE_NOOP("IdeaPicker", "Low cost"),
    "medium": QT_TRANSLATE_NOOP("IdeaPicker", "Some spending"),
    "high": QT_TRANSLATE_NOOP("IdeaPicker", "A treat"),
}
ENERGY_LABELS = {
    "calm": QT_TRANSLATE_NOOP("IdeaPicker", "Calm"),
    "medium": QT_TRANSLATE_NOOP("IdeaPicker", "Easy-going"),
    "lively": QT_TRANSLATE_NOOP("IdeaPicker", "Lively"),
}
SEASON_LABELS = {
    "spring": QT_TRANSLATE_NOOP("IdeaPicker", "Spring"),
    "summer": QT_TRANSLATE_NOOP("IdeaPicker", "Summer"),
    "autumn": QT_TRANSLATE_NOOP("IdeaPicker", "Autumn"),
    "winter": QT_TRANSLATE_NOOP("IdeaPicker", "Winter"),
}
DURATIONS = (
    (0, QT_TRANSLATE_NOOP("IdeaPicker", "Any length")),
    (30, QT_TRANSLATE_NOOP("IdeaPicker", "Up to 30 minutes")),
    (60, QT_TRANSLATE_NOOP("IdeaPicker", "Up to an hour")),
    (120, QT_TRANSLATE_NOOP("IdeaPicker", "Up to two hours")),
    (240, QT_TRANSLATE_NOOP("IdeaPicker", "Up to half a day")),
)


def _word(text: str) -> str:
    return QCoreApplication.translate("IdeaPicker", text)


def facts(idea: Idea) -> str:
    """ "At home · Free · 1 h · Calm" in the couple's language."""
    hours, minutes = divmod(idea.duration_minutes, 60)
    length = f"{hours} h" + (f" {minutes} min" if minutes else "") if hours else f"{minutes} min"
    where = (QT_TRANSLATE_NOOP("IdeaPicker", "At home") if idea.at_home
             else QT_TRANSLATE_NOOP("IdeaPicker", "Out"))
    setting = (QT_TRANSLATE_NOOP("IdeaPicker", "Indoors") if idea.indoor
               else QT_TRANSLATE_NOOP("IdeaPicker", "Outdoors"))
    parts = [_word(where), _word(setting),
             _word(COST_LABELS[idea.cost]), length, _word(ENERGY_LABELS[idea.energy])]
    if idea.season in SEASON_LABELS:
        parts.append(_word(SEASON_LABELS[idea.season]))
    return " · ".join(parts)


class IdeaDelegate(QStyledItemDelegate):
    """Two calm lines per idea: the title, and its facts in a muted colour."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return QSize(option.rect.width(), QFontMetrics(option.font).height() * 2 + 20)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        idea: Idea = index.data(IDEA_ROLE)
        c = current_colours()
        painter.save()
        rect = option.rect.adjusted(4, 2, -4, -2)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(c.highlight_soft))
            painter.drawRoundedRect(rect, 8, 8)
        title_font = QFont(option.font)
        title_font.setBold(True)
        line = QFontMetrics(option.font).height()
        painter.setFont(title_font)
        painter.setPen(QColor(c.text))
        inner = rect.adjusted(12, 8, -12, -6)
        title = idea.title + ("  ·  ours" if idea.custom else "")
        painter.drawText(QRect(inner.left(), inner.top(), inner.width(), line),
                         Qt.AlignmentFlag.AlignLeft, QFontMetrics(title_font).elidedText(
                             title, Qt.TextElideMode.ElideRight, inner.width()))
        painter.setFont(option.font)
        painter.setPen(QColor(c.muted))
        painter.drawText(QRect(inner.left(), inner.top() + line + 2, inner.width(), line),
                         Qt.AlignmentFlag.AlignLeft, QFontMetrics(option.font).elidedText(
                             facts(idea), Qt.TextElideMode.ElideRight, inner.width()))
        painter.restore()


class IdeaPicker(QWidget):
    """Ideas to choose from; emits `plan_requested(Idea)` for "Plan this"."""

    plan_requested = Signal(object)  # Idea
    add_requested = Signal()

    def __init__(self, services: DatesServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ideaPicker")
        self._services = services
        self.rng = random.Random()
        self._ideas: list[Idea] = []
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(18)

        left = QVBoxLayout()
        left.setSpacing(10)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("ideaSearch")
        self.search_edit.setPlaceholderText(self.tr("Search ideas…"))
        self.search_edit.setClearButtonEnabled(True)
        any_place = QT_TRANSLATE_NOOP("IdeaPicker", "Home or out")
        at_home, going_out = (QT_TRANSLATE_NOOP("IdeaPicker", "At home"),
                              QT_TRANSLATE_NOOP("IdeaPicker", "Going out"))
        self.place_combo = self._combo("ideaPlace", (
            ("any", any_place), ("yes", at_home), ("no", going_out)))
        any_setting = QT_TRANSLATE_NOOP("IdeaPicker", "Indoors or out")
        indoors, outdoors = (QT_TRANSLATE_NOOP("IdeaPicker", "Indoors"),
                             QT_TRANSLATE_NOOP("IdeaPicker", "Outdoors"))
        self.indoor_combo = self._combo("ideaIndoor", (
            ("any", any_setting), ("yes", indoors), ("no", outdoors)))
        any_cost = QT_TRANSLATE_NOOP("IdeaPicker", "Any cost")
        self.cost_combo = self._combo("ideaCost", (("any", any_cost), *COST_LABELS.items()))
        self.duration_combo = self._combo("ideaDuration", DURATIONS)
        any_energy = QT_TRANSLATE_NOOP("IdeaPicker", "Any energy")
        self.energy_combo = self._combo("ideaEnergy", (("any", any_energy),
                                                       *ENERGY_LABELS.items()))
        any_season = QT_TRANSLATE_NOOP("IdeaPicker", "Any season")
        self.season_combo = self._combo("ideaSeason", (("any", any_season),
                                                       *SEASON_LABELS.items()))
        left.addWidget(self.search_edit)
        # Each box as wide as its text, wrapping onto as many rows as the width needs.
        boxes, flow = flow_container(8)
        for combo in (self.place_combo, self.indoor_combo, self.cost_combo,
                      self.duration_combo, self.energy_combo, self.season_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            flow.addWidget(combo)
        left.addWidget(boxes)
        self.count_label = muted_label("")
        self.count_label.setObjectName("ideaCount")
        left.addWidget(self.count_label)
        self.list = QListWidget()
        self.list.setObjectName("ideaList")
        self.list.setAccessibleName(self.tr("Date ideas"))
        self.list.setItemDelegate(IdeaDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.list.itemDoubleClicked.connect(lambda _item: self._plan_current())
        # At least three ideas in view: with less room the page scrolls instead.
        self.list.setMinimumHeight((QFontMetrics(self.list.font()).height() * 2 + 20) * 3 + 4)
        left.addWidget(self.list, 1)
        outer.addLayout(left, 3)

        right = QVBoxLayout()
        right.setSpacing(12)
        self.surprise_button = primary_button(self.tr("Surprise us"))
        self.surprise_button.setObjectName("surpriseButton")
        self.surprise_button.setToolTip(self.tr(
            "Picks an idea that fits your filters and that you have not planned lately"))
        self.surprise_button.clicked.connect(self.surprise)
        right.addWidget(self.surprise_button)
        self.detail = card()
        self.detail.setObjectName("card")
        detail_layout = QVBoxLayout(self.detail)
        detail_layout.setContentsMargins(20, 18, 20, 18)
        detail_layout.setSpacing(8)
        self.detail_title = QLabel()
        self.detail_title.setObjectName("ideaTitle")
        self.detail_title.setWordWrap(True)
        font = self.detail_title.font()
        font.setPointSizeF(font.pointSizeF() + 3)
        font.setBold(True)
        self.detail_title.setFont(font)
        self.detail_why = QLabel()
        self.detail_why.setObjectName("ideaWhy")
        self.detail_why.setWordWrap(True)
        self.detail_facts = muted_label("")
        self.detail_facts.setObjectName("ideaFacts")
        self.plan_button = primary_button(self.tr("Plan this"))
        self.plan_button.setObjectName("planThisButton")
        self.plan_button.clicked.connect(self._plan_current)
        detail_layout.addWidget(self.detail_title)
        detail_layout.addSpacing(4)
        self.why_caption = muted_label(self.tr("Why it helps"))
        detail_layout.addWidget(self.why_caption)
        detail_layout.addWidget(self.detail_why)
        detail_layout.addSpacing(4)
        detail_layout.addWidget(self.detail_facts)
        detail_layout.addStretch(1)
        detail_layout.addWidget(self.plan_button)
        # A long idea or a large font scrolls inside the card's place instead of overlapping.
        self.plan_button.setMinimumWidth(self.plan_button.sizeHint().width())
        right.addWidget(scrolling(self.detail), 1)
        add = QPushButton(self.tr("Add our own idea…"))
        add.setObjectName("addIdeaButton")
        add.clicked.connect(self.add_requested)
        right.addWidget(add)
        outer.addLayout(right, 2)

        self.search_edit.textChanged.connect(lambda _t: self.refresh())
        self.reload()

    def _combo(self, name: str, choices) -> QComboBox:  # noqa: ANN001
        combo = QComboBox()
        combo.setObjectName(name)
        for data, label in choices:
            combo.addItem(self.tr(label), data)
        combo.currentIndexChanged.connect(lambda _i: self.refresh())
        return combo

    def current_filter(self) -> IdeaFilter:
        # Combo data are plain strings and ints: "any" and 0 mean no filter.
        def yes_no(combo: QComboBox) -> bool | None:
            return {"yes": True, "no": False}.get(combo.currentData())

        def chosen(combo: QComboBox) -> str | None:
            value = combo.currentData()
            return None if value == "any" else value

        cost = chosen(self.cost_combo)
        return IdeaFilter(
            at_home=yes_no(self.place_combo), indoor=yes_no(self.indoor_combo),
            costs=frozenset({cost}) if cost else frozenset(),
            max_minutes=self.duration_combo.currentData() or None,
            energy=chosen(self.energy_combo), season=chosen(self.season_combo),
            text=self.search_edit.text(),
        )

    def reload(self) -> None:
        """Read the ideas again (after the couple added one)."""
        self._ideas = self._services.ideas.all()
        self.refresh()

    def refresh(self) -> None:
        wanted = self.current_filter()
        current = self.current_idea()
        self.list.clear()
        for idea in self._ideas:
            if wanted.accepts(idea):
                item = QListWidgetItem(idea.title)
                item.setData(IDEA_ROLE, idea)
                item.setToolTip(idea.why)
                self.list.addItem(item)
        count = self.list.count()
        self.count_label.setText(self.tr("%n idea(s) fit", "", count))
        if current is not None:
            self.select_key(current.key)
        if self.list.currentRow() < 0 and count:
            self.list.setCurrentRow(0)
        self._show_current()

    def select_key(self, key: str) -> bool:
        for row in range(self.list.count()):
            if self.list.item(row).data(IDEA_ROLE).key == key:
                self.list.setCurrentRow(row)
                self.list.scrollToItem(self.list.item(row))
                return True
        return False

    def current_idea(self) -> Idea | None:
        item = self.list.currentItem()
        return None if item is None else item.data(IDEA_ROLE)

    def _show_current(self) -> None:
        idea = self.current_idea()
        self.plan_button.setEnabled(idea is not None)
        if idea is None:
            self.detail_title.setText(self.tr("Nothing fits those filters"))
            self.detail_why.setText(self.tr("Loosen one of them, or add an idea of your own."))
            self.detail_facts.setText("")
            self.why_caption.hide()
            return
        self.why_caption.show()
        self.detail_title.setText(idea.title)
        self.detail_why.setText(idea.why)
        tags = ", ".join(idea.tags)
        self.detail_facts.setText(facts(idea) + (f"\n{tags}" if tags else ""))

    def surprise(self) -> Idea | None:
        """Pick an idea that fits the filters and was not planned or done lately."""
        recent = self._services.plans.recent_idea_keys(RECENT_WEEKS)
        wanted = self.current_filter()
        if wanted.season is None:  # "any season" still means one that suits today
            wanted = replace(wanted, season=season_of(self._services.clock().month))
        idea = surprise(self._ideas, wanted, recent, self.rng)
        if idea is not None:
            self.select_key(idea.key)
        return idea

    def _plan_current(self) -> None:
        idea = self.current_idea()
        if idea is not None:
            self.plan_requested.emit(idea)
