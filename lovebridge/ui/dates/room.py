"""The Dates room: the month with its day view, the agenda, ideas, check-ins and reminders."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime, timedelta

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lovebridge.core.context import AppContext
from lovebridge.core.dates import recurrence
from lovebridge.core.dates.anniversaries import (
    milestones_between,
    next_milestone,
)
from lovebridge.core.dates.ideas import Idea
from lovebridge.core.dates.model import Occurrence
from lovebridge.core.dates.plans import PlanError
from lovebridge.core.dates.services import DatesServices
from lovebridge.core.events import FROM_PARTNER, Change, kinds
from lovebridge.core.links import MemoryPrefill, NoteRequest
from lovebridge.ui.common.flow_layout import flow_container
from lovebridge.ui.common.reflow_splitter import ReflowSplitter
from lovebridge.ui.common.widgets import card, heading, muted_label, scrolling
from lovebridge.ui.dates.agenda import AgendaView, DayPanel
from lovebridge.ui.dates.calendar_files import CalendarFilesMixin
from lovebridge.ui.dates.checkin_sheet import CheckInSheet
from lovebridge.ui.dates.dialogs import OwnIdeaDialog, SpecialDatesDialog
from lovebridge.ui.dates.idea_picker import IdeaPicker
from lovebridge.ui.dates.labels import DatesWords
from lovebridge.ui.dates.month_view import DayEntry, MonthView
from lovebridge.ui.dates.plan_editor import PlanEditor
from lovebridge.ui.dates.reminders import DEFAULT_REMINDER
from lovebridge.ui.dates.style import disabled_buttons_style, quiet_tabs_style, soft_list_style
from lovebridge.ui.errors import show_error
from lovebridge.ui.formatting import day_text, month_text
from lovebridge.ui.i18n import content_language
from lovebridge.ui.settings import Settings

logger = logging.getLogger(__name__)

CALENDAR_TAB, AGENDA_TAB, IDEAS_TAB = range(3)
PHOTO_SLACK = timedelta(hours=6)  # photos taken a little after the plan still belong to it
AGENDA_DAYS = 90
MINUTE_MS = 60_000
# Changes made elsewhere that the calendar shows (its own plans it redraws as it makes them).
SHOWN_ELSEWHERE = {"memory", "special_date", "profile", "plan", "plan_occurrence", "check_in"}


class DatesRoom(CalendarFilesMixin, QWidget):
    """Date nights, check-ins and anniversaries."""

    write_note_requested = Signal(object)  # NoteRequest
    capture_memory_requested = Signal(object)  # MemoryPrefill
    import_finished = Signal()

    def __init__(self, ctx: AppContext, settings: Settings, parent: QWidget | None = None,
                 services: DatesServices | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("datesRoom")
        self.setAccessibleName(self.tr("Dates"))
        self._ctx = ctx
        self._settings = settings
        self.services = services or DatesServices.create(
            ctx.store, ctx.now, language=content_language())
        self.zone = recurrence.zone(recurrence.local_zone_name())
        self.open_dialogs: list[QWidget] = []
        self.pending_captures: dict[str, datetime] = {}
        # Tests replace these with functions that answer at once (no blocking file dialogs).
        self.choose_open_file: Callable[[], str] = self._ask_open_file
        self.choose_save_file: Callable[[str], str] = self._ask_save_file

        outer = QVBoxLayout(self)
        outer.setContentsMargins(36, 28, 36, 20)
        outer.setSpacing(12)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Dates"), self.tr("Time together, planned and kept.")), 1,
                      Qt.AlignmentFlag.AlignTop)
        top.addWidget(self._build_countdown(), 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(top)
        self.notice = muted_label("")
        self.notice.setObjectName("datesNotice")
        self.notice.hide()
        outer.addWidget(self.notice)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("datesTabs")
        # Scrolls up and down when the day's panel sits under the month (a narrow window).
        self.tabs.addTab(scrolling(self._build_calendar()), self.tr("Calendar"))
        self.agenda = AgendaView()
        self.agenda.occurrence_activated.connect(self.open_occurrence)
        agenda_page = QWidget()
        agenda_layout = QVBoxLayout(agenda_page)
        agenda_layout.setContentsMargins(0, 12, 0, 0)
        agenda_layout.addWidget(self.agenda)
        self.tabs.addTab(agenda_page, self.tr("What's coming"))
        self.ideas = IdeaPicker(self.services)
        self.ideas.plan_requested.connect(self.plan_idea)
        self.ideas.add_requested.connect(self.open_own_idea)
        ideas_page = QWidget()
        ideas_layout = QVBoxLayout(ideas_page)
        ideas_layout.setContentsMargins(0, 12, 0, 0)
        ideas_layout.addWidget(self.ideas)
        # Scrolls when a small window or a large font leaves no room for every filter row.
        self.tabs.addTab(scrolling(ideas_page), self.tr("Ideas"))
        outer.addWidget(self.tabs, 1)

        # Past midnight the calendar moves on to the new day by itself.
        self.minute_timer = QTimer(self)
        self.minute_timer.setObjectName("datesMinuteTimer")
        self.minute_timer.setInterval(MINUTE_MS)
        self.minute_timer.timeout.connect(self._on_minute)
        self.minute_timer.start()
        self._stale = False
        self.go_to(self.today())
        self._apply_local_style()

    def _on_minute(self) -> None:
        """Past midnight the calendar moves on to the new day by itself."""
        if self.today() != self.month_view.today:
            self.refresh()

    # ---- the shell's room protocol (lovebridge/ui/shell/rooms.py) -------------------------
    def shown(self) -> None:
        if self._stale:
            self.refresh()

    def about_to_close(self) -> None:
        """Plans are saved as they are made: nothing is pending."""

    def showEvent(self, event: QShowEvent) -> None:
        self.shown()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.PaletteChange):
            self._apply_local_style()
        super().changeEvent(event)

    def _apply_local_style(self) -> None:
        """Soft selections in the room's lists, drawn from the theme in force."""
        style = soft_list_style()
        tabs = quiet_tabs_style()
        if self.tabs.styleSheet() != tabs:
            self.tabs.setStyleSheet(tabs)
        for widget in (self.day_panel.list, self.agenda):
            if widget.styleSheet() != style:
                widget.setStyleSheet(style)
        buttons = disabled_buttons_style()
        if self.day_panel.actions.styleSheet() != buttons:
            self.day_panel.actions.setStyleSheet(buttons)

    # ---- building -----------------------------------------------------------------------
    def _build_countdown(self) -> QWidget:
        box = card()
        box.setObjectName("card")
        box.setMinimumWidth(300)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(18, 12, 18, 12)
        layout.setSpacing(4)
        self.countdown_label = QLabel()
        self.countdown_label.setObjectName("countdownLabel")
        self.countdown_label.setWordWrap(True)
        font = self.countdown_label.font()
        font.setBold(True)
        self.countdown_label.setFont(font)
        self.countdown_when = muted_label("")
        self.countdown_when.setObjectName("countdownWhen")
        row = QHBoxLayout()
        self.nudge_button = QPushButton(self.tr("Write a note for it"))
        self.nudge_button.setObjectName("nudgeButton")
        self.nudge_button.setProperty("primary", True)
        self.nudge_button.clicked.connect(self.write_anniversary_note)
        self.specials_button = QPushButton(self.tr("Special dates…"))
        self.specials_button.setObjectName("specialDatesButton")
        self.specials_button.clicked.connect(self.open_special_dates)
        row.addWidget(self.nudge_button)
        row.addStretch(1)
        row.addWidget(self.specials_button)
        layout.addWidget(self.countdown_label)
        layout.addWidget(self.countdown_when)
        layout.addLayout(row)
        return box

    def _build_calendar(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 12, 0, 0)
        bar = QHBoxLayout()
        self.prev_button = QPushButton("‹")
        self.prev_button.setObjectName("previousMonth")
        self.prev_button.setAccessibleName(self.tr("Previous month"))
        self.prev_button.clicked.connect(lambda: self.step_month(-1))
        self.next_button = QPushButton("›")
        self.next_button.setObjectName("nextMonth")
        self.next_button.setAccessibleName(self.tr("Next month"))
        self.next_button.clicked.connect(lambda: self.step_month(1))
        self.month_label = QLabel()
        self.month_label.setObjectName("monthLabel")
        font = self.month_label.font()
        font.setPointSizeF(font.pointSizeF() + 4)
        font.setBold(True)
        self.month_label.setFont(font)
        today = QPushButton(self.tr("Today"))
        today.setObjectName("todayButton")
        today.clicked.connect(lambda: self.go_to(self.today()))
        import_button = QPushButton(self.tr("Import…"))
        import_button.setObjectName("importButton")
        import_button.clicked.connect(self.import_file)
        export_button = QPushButton(self.tr("Export all…"))
        export_button.setObjectName("exportButton")
        export_button.clicked.connect(lambda: self.export_plans(None))
        new_button = QPushButton(self.tr("New plan"))
        new_button.setObjectName("newPlanButton")
        new_button.setProperty("primary", True)
        new_button.clicked.connect(lambda: self.open_new_plan(self.month_view.selected))
        for widget in (self.prev_button, self.month_label, self.next_button):
            bar.addWidget(widget)
        bar.addSpacing(8)
        bar.addStretch(1)
        actions, flow = flow_container()
        for widget in (today, import_button, export_button, new_button):
            flow.addWidget(widget)
        bar.addWidget(actions)
        layout.addLayout(bar)
        splitter = ReflowSplitter()  # the day's panel goes under the month when narrow
        splitter.setChildrenCollapsible(False)
        self.month_view = MonthView()
        self.month_view.day_selected.connect(lambda _d: self._show_selected_day())
        self.month_view.day_activated.connect(self.open_new_plan)
        self.month_view.entry_activated.connect(self._open_entry)
        self.month_view.occurrence_dropped.connect(self.move_to_day)
        self.day_panel = DayPanel()
        self.day_panel.new_plan_requested.connect(self.open_new_plan)
        self.day_panel.edit_requested.connect(self.open_occurrence_editor)
        self.day_panel.status_requested.connect(self.set_status)
        self.day_panel.capture_requested.connect(self.capture_memory)
        self.day_panel.checkin_requested.connect(self.open_checkin)
        self.day_panel.export_requested.connect(lambda o: self.export_plans(o.plan_uuid))
        splitter.addWidget(self.month_view)
        splitter.addWidget(self.day_panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([700, 300])
        layout.addWidget(splitter, 1)
        return page

    # ---- time ---------------------------------------------------------------------------
    def today(self) -> date:
        return self._ctx.now().astimezone(self.zone).date()

    def set_zone(self, name: str) -> None:
        self.zone = recurrence.zone(name)
        self.refresh()

    def _day_bounds(self, first: date, last: date) -> tuple[datetime, datetime]:
        start = datetime.combine(first, datetime.min.time(), self.zone)
        end = datetime.combine(last + timedelta(days=1), datetime.min.time(), self.zone)
        return start, end

    # ---- showing ------------------------------------------------------------------------
    def go_to(self, day: date) -> None:
        self.month_view.set_month(day.year, day.month)
        self.month_view.select(day)
        self.refresh()

    def step_month(self, step: int) -> None:
        year, month = divmod(self.month_view.year * 12 + self.month_view.month - 1 + step, 12)
        first = date(year, month + 1, 1)
        self.go_to(first)

    def refresh(self, changes: tuple[Change, ...] | None = None) -> None:
        """Read plans, anniversaries and memories again and show them everywhere.

        With `changes` (the shell's change signal), only marks the room stale while hidden:
        it redraws when next shown. On screen, the room has already redrawn what it changed.
        """
        if changes is not None:
            found = kinds(changes)
            if not found & SHOWN_ELSEWHERE:
                return
            if self.isVisible() and FROM_PARTNER in found:
                changes = None  # nothing on screen drew what the partner's laptop changed
            else:
                if not self.isVisible():
                    self._stale = True
                return
        self._stale = False
        view = self.month_view
        view.set_today(self.today())
        self.month_label.setText(month_text(view.year, view.month))
        first, last = view.first_shown(), view.last_shown()
        profile = self.services.profiles.load()
        since = profile.together_since if profile else None
        specials = self.services.specials.all()
        self._month_occurrences = self.services.plans.occurrences_between(
            *self._day_bounds(first, last))
        if self.services.plans.set_aside:
            names = ", ".join(f"“{t}”" for t in self.services.plans.set_aside.values())
            self.say(self.tr("Set aside (its dates cannot be worked out, so it is not shown and "
                             "reminds no one): {names}. The command “lovebridge dates remove” "
                             "deletes it.").format(names=names))
        self._month_milestones = milestones_between(since, specials, first, last)
        self._month_memories = self.services.memories_between(first, last)
        entries: dict[date, list[DayEntry]] = {}
        words = DatesWords()
        for milestone in self._month_milestones:
            entries.setdefault(milestone.day, []).append(
                DayEntry(words.milestone(milestone), "anniversary"))
        for o in self._month_occurrences:
            entries.setdefault(o.local_day(self.zone), []).append(DayEntry(
                o.title, "plan", o.plan_uuid, o.original_start, o.status, o.kind))
        for memory in self._month_memories:
            entries.setdefault(memory.day, []).append(DayEntry(memory.title, "memory"))
        view.set_entries(entries)
        self._show_selected_day()
        self._refresh_agenda(since, specials)
        self._refresh_countdown(since, specials)

    def _show_selected_day(self) -> None:
        if not hasattr(self, "_month_occurrences"):
            return
        day = self.month_view.selected
        if not self.month_view.first_shown() <= day <= self.month_view.last_shown():
            self.go_to(day)
            return
        self.day_panel.show_day(
            day, [o for o in self._month_occurrences if o.local_day(self.zone) == day],
            [m for m in self._month_milestones if m.day == day],
            [m for m in self._month_memories if m.day == day], self.zone)

    def _refresh_agenda(self, since, specials) -> None:  # noqa: ANN001
        today = self.today()
        coming = self.services.plans.upcoming(limit=200, days=AGENDA_DAYS)
        milestones = milestones_between(since, specials, today,
                                        today + timedelta(days=AGENDA_DAYS))
        self.agenda.show_items(coming, milestones, self.zone, today)

    def _refresh_countdown(self, since, specials) -> None:  # noqa: ANN001
        today = self.today()
        self.next_milestone = next_milestone(since, specials, today)
        self.occasion = None
        if self.next_milestone is None:
            self.countdown_label.setText(self.tr("Add the day you got together, or a date you "
                                                 "keep, and we will count down to it."))
            self.countdown_when.setText("")
        else:
            milestone = self.next_milestone
            words = DatesWords()
            self.countdown_label.setText(self.tr("Next: {title}").format(
                title=words.milestone(milestone)))
            phrase = words.how_far(milestone.day, today)
            self.countdown_when.setText(f"{day_text(milestone.day, weekday=True)} · {phrase}")
            self.occasion = words.occasion(milestone, today)
        self.nudge_button.setVisible(self.occasion is not None)

    # ---- plans ----------------------------------------------------------------------------
    def _keep(self, dialog: QWidget) -> QWidget:
        self.open_dialogs.append(dialog)
        dialog.finished.connect(lambda _r: dialog in self.open_dialogs
                                and self.open_dialogs.remove(dialog))
        # Non-modal and non-blocking: the calendar stays usable beside an open plan.
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.show()
        dialog.activateWindow()
        return dialog

    def open_new_plan(self, day: date, idea: Idea | None = None) -> PlanEditor:
        editor = PlanEditor(self.services, self.zone.key, day=day, idea=idea,
                            default_reminder=self._settings.get(DEFAULT_REMINDER), parent=self)
        editor.saved.connect(self.refresh)
        return self._keep(editor)

    def plan_idea(self, idea: Idea) -> PlanEditor:
        """ "Plan this": a new plan from an idea, on the selected day."""
        day = max(self.month_view.selected, self.today())
        return self.open_new_plan(day, idea)

    def open_occurrence_editor(self, occurrence: Occurrence) -> PlanEditor | None:
        plan = self.services.plans.get(occurrence.plan_uuid)
        if plan is None:
            return None
        editor = PlanEditor(self.services, plan.timezone, plan=plan, occurrence=occurrence,
                            parent=self)
        editor.saved.connect(self.refresh)
        return self._keep(editor)

    def _open_entry(self, entry: DayEntry) -> None:
        occurrence = self.services.plans.occurrence(entry.plan_uuid, entry.original_start)
        if occurrence is not None:
            self.open_occurrence_editor(occurrence)

    def open_occurrence(self, occurrence: Occurrence) -> None:
        """Show an occurrence's day (and its check-in sheet for a check-in)."""
        self.tabs.setCurrentIndex(CALENDAR_TAB)
        self.go_to(occurrence.local_day(self.zone))
        for row in range(self.day_panel.list.count()):
            found = self.day_panel.list.item(row).data(Qt.ItemDataRole.UserRole + 2)
            if found and found.original_start == occurrence.original_start and \
                    found.plan_uuid == occurrence.plan_uuid:
                self.day_panel.list.setCurrentRow(row)
        if occurrence.kind == "check_in" and occurrence.status == "planned":
            self.open_checkin(occurrence)

    def move_to_day(self, plan_uuid: str, original_start: datetime, day: date) -> None:
        """A plan was dragged to another day: same time of day, new date (this one only)."""
        occurrence = self.services.plans.occurrence(plan_uuid, original_start)
        if occurrence is None:
            return
        tz = recurrence.zone(occurrence.timezone)
        local = occurrence.starts_at.astimezone(tz)
        new_start = datetime.combine(day, local.time(), tz)
        try:
            self.services.plans.move_occurrence(plan_uuid, original_start, new_start)
        except PlanError as exc:
            show_error(self, self.tr("Move plan"), str(exc))
            return
        self.month_view.select(day)
        self.refresh()
        self.say(self.tr("Moved “{title}” to {day}.").format(
            title=occurrence.title, day=day_text(day, weekday=True, year=False)))

    def set_status(self, occurrence: Occurrence, status: str) -> None:
        self.services.plans.set_status(occurrence.plan_uuid, occurrence.original_start, status)
        self.refresh()
        if status == "done":
            self.say(self.tr("Lovely. You can capture it as a memory while it is fresh."))
        elif status == "skipped":
            self.say(self.tr("Skipped this one; the others stay as they are. "
                             "“Un-skip” puts it back."))
        elif self.notice.isVisible():  # back on the calendar: the old word no longer holds
            self.say(self.tr("“{title}” is back on.").format(title=occurrence.title))

    def capture_memory(self, occurrence: Occurrence) -> MemoryPrefill:
        """A kept date becomes a memory: ask the Scrapbook to open on it."""
        prefill = MemoryPrefill(
            title=occurrence.title, day=occurrence.local_day(self.zone), place=occurrence.place,
            photos_from=occurrence.starts_at, photos_until=occurrence.ends_at + PHOTO_SLACK,
            plan_uuid=occurrence.plan_uuid,
        )
        self.pending_captures[occurrence.plan_uuid] = occurrence.original_start
        self.capture_memory_requested.emit(prefill)
        return prefill

    def link_captured_memory(self, plan_uuid: str, memory_uuid: str) -> None:
        """The Scrapbook saved the memory a plan asked for: remember the link."""
        original = self.pending_captures.pop(plan_uuid, None)
        if original is not None:
            self.services.plans.link_memory(plan_uuid, original, memory_uuid)
            self.refresh()

    def open_checkin(self, occurrence: Occurrence) -> CheckInSheet | None:
        plan = self.services.plans.get(occurrence.plan_uuid)
        if plan is None:
            return None
        sheet = CheckInSheet(self.services, plan, occurrence, parent=self)
        sheet.saved.connect(self.refresh)
        return self._keep(sheet)

    def write_anniversary_note(self) -> None:
        if self.occasion:
            self.write_note_requested.emit(NoteRequest(category="anniversary",
                                                       occasion=self.occasion))

    # ---- dialogs ------------------------------------------------------------------------
    def open_special_dates(self) -> SpecialDatesDialog:
        dialog = SpecialDatesDialog(self.services.specials, self)
        dialog.changed.connect(self.refresh)
        return self._keep(dialog)

    def open_own_idea(self) -> OwnIdeaDialog:
        dialog = OwnIdeaDialog(self.services, self)
        dialog.added.connect(lambda idea: (self.ideas.reload(), self.ideas.select_key(idea.key)))
        return self._keep(dialog)

    def say(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()
