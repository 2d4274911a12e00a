"""The guided check-in: a few gentle questions, room for notes, and the next one proposed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time

from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from lovebridge.core.dates import recurrence
from lovebridge.core.dates.checkins import (
    THEME_LABELS,
    Prompt,
    bundled_prompts,
    choose_prompts,
    propose_next,
)
from lovebridge.core.dates.model import Occurrence, PlanData
from lovebridge.core.dates.services import DatesServices
from lovebridge.ui.common.widgets import card, heading, muted_label, primary_button
from lovebridge.ui.dates.time_combo import TimeCombo
from lovebridge.ui.formatting import day_text
from lovebridge.ui.i18n import content_language


class CheckInSheet(QDialog):
    """Opened with `open()` on a check-in occurrence; emits `saved` once notes are kept."""

    saved = Signal()

    def __init__(
        self, services: DatesServices, plan: PlanData, occurrence: Occurrence,
        prompts: tuple[Prompt, ...] | None = None, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("checkInSheet")
        self.setWindowTitle(self.tr("Check-in"))
        self.setMinimumSize(600, 640)
        self._services = services
        self.plan = plan
        self.occurrence = occurrence
        self._zone = recurrence.zone(plan.timezone)
        self._library = bundled_prompts(content_language()) if prompts is None else prompts
        self._shuffles = 0
        existing = services.checkins.for_occurrence(plan.id, occurrence.original_start)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        when = occurrence.starts_at.astimezone(self._zone)
        day = day_text(when, weekday=True, year=False)
        layout.addWidget(heading(self.tr("Our check-in"), day))
        layout.addWidget(muted_label(self.tr(
            "Phones away. Take turns: one of you talks, the other listens and says back what "
            "they heard. There are no wrong answers, and you can stop whenever you like.")))
        self.prompt_box = QVBoxLayout()
        self.prompt_box.setSpacing(8)
        layout.addLayout(self.prompt_box)
        shuffle_row = QHBoxLayout()
        shuffle_row.addStretch(1)
        self.shuffle_button = QPushButton(self.tr("Different questions"))
        self.shuffle_button.setObjectName("checkInShuffle")
        self.shuffle_button.clicked.connect(self.shuffle)
        shuffle_row.addWidget(self.shuffle_button)
        layout.addLayout(shuffle_row)

        layout.addWidget(QLabel(self.tr("What we talked about, and what we want to try")))
        self.notes_edit = QTextEdit()
        self.notes_edit.setObjectName("checkInNotes")
        self.notes_edit.setAcceptRichText(False)
        self.notes_edit.setPlaceholderText(self.tr("Only the two of you will see this."))
        if existing is not None:
            self.notes_edit.setHtml(existing.notes_html)
        layout.addWidget(self.notes_edit, 1)

        next_row = QHBoxLayout()
        next_row.addWidget(QLabel(self.tr("Our next check-in")))
        self.next_date = QDateEdit()
        self.next_date.setObjectName("checkInNextDate")
        self.next_date.setCalendarPopup(True)
        self.next_date.setDisplayFormat("ddd d MMM yyyy")
        self.next_time = TimeCombo()
        self.next_time.setObjectName("checkInNextTime")
        next_row.addWidget(self.next_date, 1)
        next_row.addWidget(self.next_time)
        layout.addLayout(next_row)
        self.proposed = propose_next(occurrence, plan.rrule, plan.starts_at).astimezone(self._zone)
        self.next_date.setDate(QDate(self.proposed.year, self.proposed.month, self.proposed.day))
        self.next_time.setTime(QTime(self.proposed.hour, self.proposed.minute))

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        later = QPushButton(self.tr("Not now"))
        later.clicked.connect(self.reject)
        self.save_button = primary_button(self.tr("Keep our notes"))
        self.save_button.setObjectName("checkInSave")
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(later)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

        if existing is not None and existing.prompt_keys:
            by_key = {p.key: p for p in self._library}
            self.prompts = [by_key[k] for k in existing.prompt_keys if k in by_key]
        else:
            self.prompts = choose_prompts(self._library, services.checkins.recent_prompt_keys())
        self._show_prompts()

    def _show_prompts(self) -> None:
        while self.prompt_box.count():
            widget = self.prompt_box.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        if not self.prompts:
            self.prompt_box.addWidget(muted_label(self.tr(
                "Start anywhere: how has this week felt for each of you?")))
        for prompt in self.prompts:
            box: QFrame = card()
            box.setObjectName("card")
            inner = QVBoxLayout(box)
            inner.setContentsMargins(16, 10, 16, 12)
            inner.setSpacing(2)
            theme = muted_label(self.tr(THEME_LABELS.get(prompt.theme, prompt.theme)))
            text = QLabel(prompt.text)
            text.setObjectName("checkInPrompt")
            text.setWordWrap(True)
            font = text.font()
            font.setPointSizeF(font.pointSizeF() + 1.5)  # the question is what the eye lands on
            text.setFont(font)
            inner.addWidget(theme)
            inner.addWidget(text)
            self.prompt_box.addWidget(box)

    def shuffle(self) -> None:
        """Other questions, still avoiding recent ones and the ones just shown."""
        self._shuffles += 1
        shown = [p.key for p in self.prompts]
        recent = self._services.checkins.recent_prompt_keys() + shown
        self.prompts = choose_prompts(self._library, recent, seed=self._shuffles)
        self._show_prompts()

    def next_start(self) -> datetime:
        qdate, qtime = self.next_date.date(), self.next_time.time()
        return datetime.combine(date(qdate.year(), qdate.month(), qdate.day()),
                                time(qtime.hour(), qtime.minute()), self._zone)

    def save(self) -> None:
        """Keep the notes, mark this check-in done and make sure the next one is planned."""
        plans = self._services.plans
        notes = self.notes_edit.toHtml() if self.notes_edit.toPlainText().strip() else ""
        self._services.checkins.save(self.plan.id, self.occurrence.original_start,
                                     [p.key for p in self.prompts], notes)
        plans.set_status(self.plan.uuid, self.occurrence.original_start, "done")
        chosen = self.next_start()
        if self.plan.rrule:
            upcoming = recurrence.first_after(self.plan.rrule, self.plan.starts_at,
                                              self.plan.timezone, self.occurrence.original_start)
            if upcoming is not None and upcoming != chosen:
                plans.move_occurrence(self.plan.uuid, upcoming, chosen)
        else:
            length = self.occurrence.ends_at - self.occurrence.starts_at
            plans.create(replace(self.plan.draft(), starts_at=chosen, ends_at=chosen + length,
                                 status="planned", notes=""))
        self.saved.emit()
        self.accept()
