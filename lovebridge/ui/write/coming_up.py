"""'Coming up' on the Write home: an anniversary, a planned date or a memory from this day."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from lovebridge.core.links import NoteRequest
from lovebridge.core.write.context import WritingContext
from lovebridge.ui.formatting import weekday_name

ANNIVERSARY_DAYS = 14
PLAN_DAYS = 7


class ComingUpCard(QWidget):
    """A few occasions worth a note, each one click from a note already set up for it."""

    note_requested = Signal(object)  # NoteRequest

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comingUp")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(8)
        title = QLabel(self.tr("Coming up"))
        title.setObjectName("sectionTitle")
        self._layout.addWidget(title)
        self._rows: list[QWidget] = []

    def show_context(self, context: WritingContext, now: datetime) -> None:
        for row in self._rows:
            row.deleteLater()
        self._rows = []
        days = context.anniversary_in_days
        if days is not None and days <= ANNIVERSARY_DAYS:
            years = context.fill.years_together
            when = (self.tr("today") if days == 0 else self.tr("tomorrow") if days == 1
                    else self.tr("in {n} days").format(n=days))
            text = self.tr("Your anniversary is {when}").format(when=when)
            occasion = (self.tr("%n year(s) together", "", int(years) + (days > 0))
                        if years else text)
            self._add(text, NoteRequest("anniversary", None, occasion))
        plan = context.next_plan
        if plan is not None and (plan.starts_at - now).days <= PLAN_DAYS:
            day = weekday_name(plan.starts_at.astimezone())
            text = self.tr("{title} on {day}").format(title=plan.title, day=day)
            self._add(text, NoteRequest("future_plans", None, text))
        for memory in context.on_this_day[:2]:
            text = self.tr("On this day in {year}: {title}").format(year=memory.year,
                                                                   title=memory.title)
            self._add(text, NoteRequest("remembering", memory.uuid, text))
        if not self._rows:
            quiet = QLabel(self.tr("Nothing on the calendar just now — a small note needs no "
                                   "occasion."))
            quiet.setProperty("muted", True)
            quiet.setWordWrap(True)
            self._layout.addWidget(quiet)
            self._rows.append(quiet)

    def _add(self, text: str, request: NoteRequest) -> None:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        label = QLabel(text)
        label.setWordWrap(True)
        line.addWidget(label, 1)
        button = QPushButton(self.tr("Write for it"))
        button.setObjectName("comingUpWrite")
        button.setAccessibleName(self.tr("Write a note for: {what}").format(what=text))
        button.clicked.connect(lambda _c=False, r=request: self.note_requested.emit(r))
        line.addWidget(button)
        self._layout.addWidget(row)
        self._rows.append(row)
