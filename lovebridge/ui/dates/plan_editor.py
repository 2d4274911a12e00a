"""The plan editor: a non-modal dialog for a new plan, a whole series or one occurrence of it."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, QTime, Signal
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lovebridge.core.dates import recurrence
from lovebridge.core.dates.ideas import Idea
from lovebridge.core.dates.model import (
    KINDS,
    STATUSES,
    Occurrence,
    PlanData,
    PlanDraft,
)
from lovebridge.core.dates.plans import ALL_OF_THEM, THIS_ONE, PlanError
from lovebridge.core.dates.reminders import split_minutes, to_minutes
from lovebridge.core.dates.services import DatesServices
from lovebridge.core.dates.slots import suggested_start
from lovebridge.ui.common.widgets import heading, muted_label, primary_button
from lovebridge.ui.dates.labels import kind_label, status_label
from lovebridge.ui.dates.time_combo import AmountCombo, TimeCombo
from lovebridge.ui.formatting import time_text

logger = logging.getLogger(__name__)

REPEAT_CHOICES = (
    (recurrence.REPEAT_NONE, QT_TRANSLATE_NOOP("PlanEditor", "Does not repeat")),
    (recurrence.REPEAT_DAILY, QT_TRANSLATE_NOOP("PlanEditor", "Every day")),
    (recurrence.REPEAT_WEEKLY, QT_TRANSLATE_NOOP("PlanEditor", "Every week on this weekday")),
    (recurrence.REPEAT_FORTNIGHTLY, QT_TRANSLATE_NOOP("PlanEditor", "Every other week")),
    (recurrence.REPEAT_MONTHLY_WEEKDAY,
     QT_TRANSLATE_NOOP("PlanEditor", "Monthly, on this weekday (e.g. first Sunday)")),
    (recurrence.REPEAT_MONTHLY_DAY,
     QT_TRANSLATE_NOOP("PlanEditor", "Monthly, on this day of the month")),
    (recurrence.REPEAT_YEARLY, QT_TRANSLATE_NOOP("PlanEditor", "Every year")),
)
UNITS = (
    ("minutes", QT_TRANSLATE_NOOP("PlanEditor", "minutes before")),
    ("hours", QT_TRANSLATE_NOOP("PlanEditor", "hours before")),
    ("days", QT_TRANSLATE_NOOP("PlanEditor", "days before")),
)
DEFAULT_TIMES = {"date_night": time(19, 0), "check_in": time(10, 0), "ritual": time(20, 30)}
DEFAULT_MINUTES = {"ritual": 20, "check_in": 45, "getaway": 60 * 24 * 2}


class PlanEditor(QDialog):
    """Open with `open()`; emits `saved` after the store has the change."""

    saved = Signal()

    def __init__(
        self, services: DatesServices, zone_name: str, *, plan: PlanData | None = None,
        occurrence: Occurrence | None = None, day: date | None = None, idea: Idea | None = None,
        default_reminder: int | None = 60, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("planEditor")
        self._clash_accepted: tuple[datetime, datetime] | None = None
        self.setWindowTitle(self.tr("Plan") if plan else self.tr("New plan"))
        self.setMinimumWidth(560)
        self._services = services
        self._zone = recurrence.zone(plan.timezone if plan else zone_name)
        self.plan = plan
        self.occurrence = occurrence
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(12)
        layout.addWidget(heading(self.tr("Edit the plan") if plan else self.tr("Plan some time "
                                                                             "together")))
        form = QFormLayout()
        form.setSpacing(10)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("planTitle")
        self.title_edit.setPlaceholderText(self.tr("Friday date night"))
        self.title_edit.setMaxLength(200)
        form.addRow(self.tr("What"), self.title_edit)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("planKind")
        for kind in KINDS:
            self.kind_combo.addItem(kind_label(kind), kind)
        form.addRow(self.tr("Kind"), self.kind_combo)

        when = QHBoxLayout()
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("planDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.start_edit = TimeCombo()
        self.start_edit.setObjectName("planStart")
        self.end_edit = TimeCombo()
        self.end_edit.setObjectName("planEnd")
        self.all_day_check = QCheckBox(self.tr("All day"))
        self.all_day_check.setObjectName("planAllDay")
        self.all_day_check.toggled.connect(self._on_all_day)
        when.addWidget(self.date_edit, 2)
        when.addWidget(self.start_edit, 1)
        when.addWidget(QLabel("–"))
        when.addWidget(self.end_edit, 1)
        when.addWidget(self.all_day_check)
        form.addRow(self.tr("When"), when)

        self.repeat_combo = QComboBox()
        self.repeat_combo.setObjectName("planRepeat")
        for key, label in REPEAT_CHOICES:
            self.repeat_combo.addItem(self.tr(label), key)
        form.addRow(self.tr("Repeats"), self.repeat_combo)
        self.place_edit = QLineEdit()
        self.place_edit.setObjectName("planPlace")
        self.place_edit.setPlaceholderText(self.tr("At home, the little Italian place…"))
        form.addRow(self.tr("Where"), self.place_edit)
        self.budget_edit = QLineEdit()
        self.budget_edit.setObjectName("planBudget")
        self.budget_edit.setPlaceholderText(self.tr("No budget set"))
        budget_check = QDoubleValidator(0, 100000, 2, self.budget_edit)
        budget_check.setNotation(QDoubleValidator.Notation.StandardNotation)
        self.budget_edit.setValidator(budget_check)
        form.addRow(self.tr("Budget"), self.budget_edit)
        self.idea_combo = QComboBox()
        self.idea_combo.setObjectName("planIdea")
        self.idea_combo.addItem(self.tr("No idea linked"), "")
        for item in services.ideas.all():
            self.idea_combo.addItem(item.title, item.key)
        form.addRow(self.tr("Idea"), self.idea_combo)
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("planStatus")
        for status in STATUSES:
            self.status_combo.addItem(status_label(status), status)
        form.addRow(self.tr("Status"), self.status_combo)

        remind = QHBoxLayout()
        self.remind_check = QCheckBox(self.tr("Remind us"))
        self.remind_check.setObjectName("planRemind")
        self.remind_amount = AmountCombo()
        self.remind_amount.setObjectName("planRemindAmount")
        self.remind_unit = QComboBox()
        self.remind_unit.setObjectName("planRemindUnit")
        for key, label in UNITS:
            self.remind_unit.addItem(self.tr(label), key)
        self.remind_check.toggled.connect(self.remind_amount.setEnabled)
        self.remind_check.toggled.connect(self.remind_unit.setEnabled)
        remind.addWidget(self.remind_check)
        remind.addWidget(self.remind_amount)
        remind.addWidget(self.remind_unit, 1)
        form.addRow(self.tr("Reminder"), remind)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setObjectName("planNotes")
        self.notes_edit.setPlaceholderText(self.tr("Anything to remember: tickets, what to bring…"))
        self.notes_edit.setFixedHeight(80)
        form.addRow(self.tr("Notes"), self.notes_edit)
        layout.addLayout(form)

        self.scope_combo = QComboBox()
        self.scope_combo.setObjectName("planScope")
        self.scope_combo.addItem(self.tr("Only this one"), THIS_ONE)
        self.scope_combo.addItem(self.tr("All of them"), ALL_OF_THEM)
        self.scope_row = QWidget()
        scope_layout = QHBoxLayout(self.scope_row)
        scope_layout.setContentsMargins(0, 0, 0, 0)
        scope_layout.addWidget(QLabel(self.tr("This plan repeats. Change:")))
        scope_layout.addWidget(self.scope_combo, 1)
        self.scope_row.setVisible(bool(plan and plan.rrule and occurrence))
        self.scope_combo.currentIndexChanged.connect(lambda _i: self._name_delete())
        layout.addWidget(self.scope_row)

        self.error_label = QLabel()
        self.error_label.setObjectName("formError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)

        buttons = QHBoxLayout()
        self.delete_button = QPushButton(self.tr("Delete plan"))
        self.delete_button.setObjectName("planDelete")
        self.delete_button.setVisible(plan is not None)
        self.delete_button.clicked.connect(self._delete)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons.addWidget(cancel)
        self.save_button = primary_button(self.tr("Save plan"))
        self.save_button.setObjectName("planSave")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self._name_delete()
        if plan is None:
            layout.insertWidget(1, muted_label(self.tr(
                "No phones, no work talk: just the two of you. Double-check the time suits both.")))
        self._fill(plan, occurrence, day, idea, default_reminder)

    # ---- filling ------------------------------------------------------------------------
    def _fill(self, plan, occurrence, day, idea, default_reminder) -> None:  # noqa: ANN001
        if plan is not None:
            start = (occurrence.starts_at if occurrence else plan.starts_at).astimezone(self._zone)
            end_utc = occurrence.ends_at if occurrence else plan.ends_at
            end = (end_utc or plan.starts_at + timedelta(hours=2)).astimezone(self._zone)
            self.title_edit.setText(occurrence.title if occurrence else plan.title)
            self._select(self.kind_combo, plan.kind)
            self.place_edit.setText(occurrence.place if occurrence else plan.place)
            self.notes_edit.setPlainText(occurrence.notes if occurrence else plan.notes)
            self.budget_edit.setText("" if plan.budget is None else f"{plan.budget:g}")
            self._select(self.idea_combo, plan.idea_key or "")
            self._select(self.status_combo, occurrence.status if occurrence else plan.status)
            self._select(self.repeat_combo, recurrence.choice_for(
                plan.rrule, plan.starts_at.astimezone(self._zone)))
            if self.repeat_combo.currentData() != recurrence.choice_for(
                    plan.rrule, plan.starts_at.astimezone(self._zone)):
                self.repeat_combo.addItem(self.tr("Custom rule (kept)"), recurrence.REPEAT_CUSTOM)
                self.repeat_combo.setCurrentIndex(self.repeat_combo.count() - 1)
            self.all_day_check.setChecked(plan.all_day)
            reminder = plan.reminder_minutes
        else:
            kind = "date_night"
            if idea is not None:
                self.title_edit.setText(idea.title)
                self._select(self.idea_combo, idea.key)
                self.notes_edit.setPlainText(idea.why)
            clock = DEFAULT_TIMES.get(kind, time(19, 0))
            start = datetime.combine(day or date.today(), clock, self._zone)
            minutes = idea.duration_minutes if idea else 120
            if idea is not None:  # "Plan this": daylight for outdoor ideas, a free hour
                start = self._free_start(start.date(), idea, minutes)
            end = start + timedelta(minutes=minutes)
            reminder = default_reminder
        self.date_edit.setDate(QDate(start.year, start.month, start.day))
        self.start_edit.setTime(QTime(start.hour, start.minute))
        self.end_edit.setTime(QTime(end.hour, end.minute))
        self.remind_check.setChecked(reminder is not None)
        amount, unit = split_minutes(reminder if reminder is not None else 60)
        self.remind_amount.setValue(max(amount, 1))
        self._select(self.remind_unit, unit)
        self.remind_amount.setEnabled(reminder is not None)
        self.remind_unit.setEnabled(reminder is not None)

    def _free_start(self, day: date, idea: Idea, minutes: int) -> datetime:
        midnight = datetime.combine(day, time(0), self._zone)
        taken = [(o.starts_at, o.ends_at) for o in self._services.plans.occurrences_between(
            midnight, midnight + timedelta(days=1)) if o.status not in ("skipped", "cancelled")]
        return suggested_start(day, not idea.indoor, minutes, taken, self._zone)

    def _name_delete(self) -> None:
        """For one occurrence of a repeating plan, "delete" cancels just that one."""
        one = self.scope_row.isVisibleTo(self) and self.scope_combo.currentData() == THIS_ONE
        self.delete_button.setText(self.tr("Cancel this one") if one else self.tr("Delete plan"))

    @staticmethod
    def _select(combo: QComboBox, data: object) -> None:
        index = combo.findData(data)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _on_all_day(self, checked: bool) -> None:
        self.start_edit.setEnabled(not checked)
        self.end_edit.setEnabled(not checked)

    # ---- reading ------------------------------------------------------------------------
    def times(self) -> tuple[datetime, datetime]:
        """The start and end the form shows, aware in the plan's zone."""
        qdate = self.date_edit.date()
        day = date(qdate.year(), qdate.month(), qdate.day())
        if self.all_day_check.isChecked():
            start = datetime.combine(day, time(0, 0), self._zone)
            return start, start + timedelta(hours=23, minutes=59)
        s, e = self.start_edit.time(), self.end_edit.time()
        start = datetime.combine(day, time(s.hour(), s.minute()), self._zone)
        end = datetime.combine(day, time(e.hour(), e.minute()), self._zone)
        if end <= start:
            end += timedelta(days=1)  # a plan past midnight ends the next day
        return start, end

    def budget(self) -> float | None:
        text = self.budget_edit.text().strip().replace(",", ".")
        try:
            return float(text) if text else None
        except ValueError:
            raise PlanError("The budget should be a number, like 40 or 25.50.") from None

    def draft(self) -> PlanDraft:
        start, end = self.times()
        choice = self.repeat_combo.currentData()
        if choice == recurrence.REPEAT_CUSTOM and self.plan is not None:
            rule = self.plan.rrule
        else:
            rule = recurrence.rule_for(choice, start)
        reminder = None
        if self.remind_check.isChecked():
            reminder = to_minutes(self.remind_amount.value(), self.remind_unit.currentData())
        return PlanDraft(
            title=self.title_edit.text(), starts_at=start, ends_at=end,
            kind=self.kind_combo.currentData(), timezone=self._zone.key,
            all_day=self.all_day_check.isChecked(), place=self.place_edit.text(),
            budget=self.budget(), notes=self.notes_edit.toPlainText(),
            idea_key=self.idea_combo.currentData() or None, status=self.status_combo.currentData(),
            reminder_minutes=reminder, rrule=rule,
        )

    # ---- saving -------------------------------------------------------------------------
    def save(self) -> bool:
        """Save what the form holds; shows the reason and keeps the dialog open on a problem."""
        try:
            draft = self.draft()
            plans = self._services.plans
            if self._warn_of_clash(draft):
                return False
            if self.plan is None:
                plans.create(draft)
            elif not self.plan.rrule or self.occurrence is None:
                plans.update(self.plan.uuid, draft)
            elif self.scope_combo.currentData() == THIS_ONE:
                changes: dict[str, object] = {
                    "title": draft.title, "place": draft.place, "notes": draft.notes,
                    "status": draft.status,
                }
                # Only a real change of time makes this occurrence "moved".
                if (draft.starts_at, draft.ends_at) != (self.occurrence.starts_at,
                                                        self.occurrence.ends_at):
                    changes["starts_at"] = draft.starts_at.astimezone(UTC)
                    changes["ends_at"] = draft.ends_at.astimezone(UTC)
                plans.change_occurrence(self.plan.uuid, self.occurrence.original_start,
                                        **changes)
            else:
                self._save_series(draft)
        except PlanError as exc:
            self.error_label.setText(str(exc))
            self.error_label.show()
            return False
        self.saved.emit()
        self.accept()
        return True

    def _warn_of_clash(self, draft: PlanDraft) -> bool:
        """Two plans at the same time: say so once; saving again with the same time keeps both."""
        start = draft.starts_at
        end = draft.ends_at or start + timedelta(hours=2)
        if draft.all_day or self._clash_accepted == (start, end):
            return False
        own = self.plan.uuid if self.plan is not None else None
        clashes = [o for o in self._services.plans.occurrences_between(start, end)
                   if o.plan_uuid != own and o.status not in ("skipped", "cancelled")
                   and not o.all_day and o.starts_at < end and o.ends_at > start]
        if not clashes:
            return False
        other = clashes[0]
        local = other.starts_at.astimezone(self._zone)
        until = other.ends_at.astimezone(self._zone)
        self.error_label.setText(self.tr(
            "This is at the same time as “{title}” ({start}–{end}). Choose another time, or "
            "save again to keep both.").format(title=other.title, start=time_text(local),
                                               end=time_text(until)))
        self.error_label.show()
        self._clash_accepted = (start, end)
        return True

    def _save_series(self, draft: PlanDraft) -> None:
        """Apply an edit made on one occurrence to the whole series, keeping its anchor."""
        assert self.plan is not None and self.occurrence is not None
        shift = draft.starts_at - self.occurrence.starts_at.astimezone(self._zone)
        anchor = self.plan.starts_at.astimezone(self._zone)
        new_start = (anchor.replace(tzinfo=None) + shift).replace(tzinfo=self._zone)
        new_start = datetime.combine(
            new_start.date(), draft.starts_at.timetz().replace(tzinfo=None), self._zone)
        length = draft.ends_at - draft.starts_at if draft.ends_at else timedelta(hours=2)
        choice = self.repeat_combo.currentData()
        rule = self.plan.rrule if choice == recurrence.REPEAT_CUSTOM else recurrence.rule_for(
            choice, new_start)
        self._services.plans.update(self.plan.uuid, replace(
            draft, starts_at=new_start, ends_at=new_start + length, rrule=rule,
            status=self.plan.status if draft.status == self.occurrence.status else draft.status,
        ))

    def _delete(self) -> None:
        if self.plan is None:
            return
        if self.plan.rrule and self.occurrence and self.scope_combo.currentData() == THIS_ONE:
            self._services.plans.set_status(self.plan.uuid, self.occurrence.original_start,
                                            "cancelled")
        else:
            self._services.plans.trash(self.plan.uuid)
        self.saved.emit()
        self.accept()
