"""The day view beside the month (what one day holds, and what to do with it) and the agenda."""

from __future__ import annotations

from datetime import date, tzinfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lovebridge.core.dates.anniversaries import Milestone
from lovebridge.core.dates.model import Occurrence
from lovebridge.core.dates.services import MemoryMark
from lovebridge.ui.common.widgets import muted_label, primary_button
from lovebridge.ui.dates.labels import DatesWords, kind_label, status_label, word
from lovebridge.ui.formatting import day_text, time_text

OCCURRENCE_ROLE = Qt.ItemDataRole.UserRole + 2


def occurrence_line(o: Occurrence, tz: tzinfo) -> str:
    """ "19:00  Date night · at home" with the status when it is not "planned"."""
    local = o.starts_at.astimezone(tz)
    when = word(QT_TRANSLATE_NOOP("DatesLabels", "All day")) if o.all_day else time_text(local)
    kind = kind_label(o.kind)
    # A plan named after its kind ("Date night") says so once.
    extra = [] if kind.casefold() == o.title.strip().casefold() else [kind]
    if o.place:
        extra.append(o.place)
    if o.recurring:
        extra.append(word(QT_TRANSLATE_NOOP("DatesLabels", "repeats")))
    if o.moved:
        extra.append(word(QT_TRANSLATE_NOOP("DatesLabels", "moved")))
    if o.status != "planned":
        extra.append(status_label(o.status, inline=True))
    return f"{when}  {o.title}" + (f"\n{' · '.join(extra)}" if extra else "")


class DayPanel(QWidget):
    """One day: its plans, anniversaries and memories, and what can be done with a plan."""

    new_plan_requested = Signal(object)  # date
    edit_requested = Signal(object)  # Occurrence
    status_requested = Signal(object, str)  # Occurrence, status
    capture_requested = Signal(object)  # Occurrence
    checkin_requested = Signal(object)  # Occurrence
    export_requested = Signal(object)  # Occurrence

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dayPanel")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 30)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.title = QLabel()
        self.title.setObjectName("dayTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() + 3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)  # a long date in a large font goes onto two lines
        layout.addWidget(self.title)
        self.marks = muted_label("")
        self.marks.setObjectName("dayMarks")
        layout.addWidget(self.marks)
        self.list = QListWidget()
        self.list.setObjectName("dayList")
        self.list.setAccessibleName(self.tr("Plans on this day"))
        self.list.setWordWrap(True)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.list.itemDoubleClicked.connect(
            lambda item: self.edit_requested.emit(item.data(OCCURRENCE_ROLE)))
        self.empty = muted_label(self.tr("Nothing planned. Double-click a day to plan "
                                         "something, or drag a plan to move it."))
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addStretch(0)  # takes the room only while the list is hidden
        self.actions = QWidget()
        grid = QGridLayout(self.actions)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        self.open_button = self._button("dayOpen", self.tr("Open"), self.edit_requested)
        self.done_button = QPushButton(self.tr("We did it"))
        self.done_button.setObjectName("dayDone")
        self.done_button.clicked.connect(lambda: self._status("done"))
        self.skip_button = QPushButton(self.tr("Skip this one"))
        self.skip_button.setObjectName("daySkip")
        # The same button puts a skipped one back, so undoing is one click in the same place.
        self.skip_button.clicked.connect(
            lambda: self._status("planned" if self._skipped() else "skipped"))
        self.capture_button = self._button("dayCapture", self.tr("Capture this memory"),
                                           self.capture_requested)
        self.checkin_button = self._button("dayCheckIn", self.tr("Start the check-in"),
                                           self.checkin_requested)
        self.export_button = self._button("dayExport", self.tr("Export .ics…"),
                                          self.export_requested)
        grid.addWidget(self.open_button, 0, 0)
        grid.addWidget(self.done_button, 0, 1)
        grid.addWidget(self.skip_button, 1, 0)
        grid.addWidget(self.export_button, 1, 1)
        grid.addWidget(self.checkin_button, 2, 0, 1, 2)
        grid.addWidget(self.capture_button, 3, 0, 1, 2)
        layout.addWidget(self.actions)
        self.new_button = primary_button(self.tr("Plan something this day"))
        self.new_button.setObjectName("dayNewPlan")
        self.new_button.clicked.connect(lambda: self.new_plan_requested.emit(self.day))
        layout.addWidget(self.new_button)
        self.day = date.today()
        self._update_buttons()

    def _button(self, name: str, text: str, signal) -> QPushButton:  # noqa: ANN001
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda: self.current() and signal.emit(self.current()))
        return button

    def _status(self, status: str) -> None:
        current = self.current()
        if current is not None:
            self.status_requested.emit(current, status)

    def _skipped(self) -> bool:
        current = self.current()
        return current is not None and current.status == "skipped"

    def current(self) -> Occurrence | None:
        item = self.list.currentItem()
        return None if item is None else item.data(OCCURRENCE_ROLE)

    def show_day(
        self, day: date, occurrences: list[Occurrence], milestones: list[Milestone],
        memories: list[MemoryMark], tz: tzinfo,
    ) -> None:
        keep = self.current()
        self.day = day
        self.title.setText(day_text(day, weekday=True))
        words = DatesWords()
        marks = [f"♥ {words.milestone(m)}" for m in milestones] + [f"✿ {m.title}" for m in memories]
        self.marks.setText("\n".join(marks))
        self.marks.setVisible(bool(marks))
        self.list.clear()
        for occurrence in occurrences:
            item = QListWidgetItem(occurrence_line(occurrence, tz))
            item.setData(OCCURRENCE_ROLE, occurrence)
            self.list.addItem(item)
            if keep and (keep.plan_uuid, keep.original_start) == (
                    occurrence.plan_uuid, occurrence.original_start):
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self.list.setVisible(bool(occurrences))
        self.empty.setVisible(not occurrences)
        self._update_buttons()

    def _update_buttons(self) -> None:
        """Every button keeps its place whatever is selected (a click never lands on another
        button because the panel reflowed); those that do not apply are greyed out."""
        current = self.current()
        has = current is not None
        self.actions.setVisible(self.list.count() > 0)
        for button in (self.open_button, self.export_button):
            button.setEnabled(has)
        self.done_button.setEnabled(has and current.status != "done")
        skipped = has and current.status == "skipped"
        self.skip_button.setText(self.tr("Un-skip") if skipped else self.tr("Skip this one"))
        self.skip_button.setEnabled(has and current.status in ("planned", "skipped"))
        self.capture_button.setEnabled(has and current.status == "done")
        self.capture_button.setToolTip(self.tr("Once you have done it") if not
                                       self.capture_button.isEnabled() else "")
        self.checkin_button.setEnabled(has and current.kind == "check_in"
                                       and current.status == "planned")
        self.checkin_button.setToolTip(self.tr("For a planned check-in") if not
                                       self.checkin_button.isEnabled() else "")


class AgendaView(QListWidget):
    """What is coming: plans and anniversaries, under a heading per day."""

    occurrence_activated = Signal(object)  # Occurrence

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agendaList")
        self.setAccessibleName(self.tr("Agenda"))
        self.setWordWrap(True)
        self.itemActivated.connect(self._activated)
        self.itemDoubleClicked.connect(self._activated)

    def show_items(
        self, occurrences: list[Occurrence], milestones: list[Milestone], tz: tzinfo, today: date
    ) -> None:
        self.clear()
        by_day: dict[date, list[tuple[str, Occurrence | None]]] = {}
        words = DatesWords()
        for milestone in milestones:
            by_day.setdefault(milestone.day, []).append((f"♥  {words.milestone(milestone)}", None))
        for occurrence in occurrences:
            by_day.setdefault(occurrence.starts_at.astimezone(tz).date(), []).append(
                (occurrence_line(occurrence, tz), occurrence))
        if not by_day:
            self.addItem(QListWidgetItem(self.tr(
                "Nothing planned yet. The Ideas tab has plenty to start with.")))
            return
        for day in sorted(by_day):
            label = (self.tr("Today") if day == today
                     else day_text(day, weekday=True, year=False))
            header = QListWidgetItem(label)
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            header.setFlags(Qt.ItemFlag.NoItemFlags | Qt.ItemFlag.ItemIsEnabled)
            self.addItem(header)
            for text, occurrence in by_day[day]:
                item = QListWidgetItem("    " + text.replace("\n", "   ·   ", 1))
                if occurrence is not None:
                    item.setData(OCCURRENCE_ROLE, occurrence)
                self.addItem(item)

    def _activated(self, item: QListWidgetItem) -> None:
        occurrence = item.data(OCCURRENCE_ROLE)
        if occurrence is not None:
            self.occurrence_activated.emit(occurrence)
