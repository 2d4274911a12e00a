"""Reminders while LoveBridge runs: a check each minute, the tray or an in-app banner, and the
calm "While you were away" list of what was missed while it was closed."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from lovebridge.core.dates import recurrence
from lovebridge.core.dates.reminders import DueReminder, ReminderService, split_minutes
from lovebridge.ui.common.widgets import icon, muted_label
from lovebridge.ui.formatting import day_text, time_text
from lovebridge.ui.settings import Option

logger = logging.getLogger(__name__)

CHECK_INTERVAL_MS = 60_000
REMINDERS_ON = Option("dates/reminders_enabled", True, bool)
DEFAULT_REMINDER = Option("dates/default_reminder_minutes", 60, int)
KEEP_IN_TRAY = Option("dates/keep_in_tray", True, bool)  # only where a system tray exists


class ReminderWords(QObject):
    """A reminder in the couple's language, with its plural forms."""

    def lead(self, minutes: int) -> str:
        """ "in 30 minutes", "in 1 hour", "in 2 days" """
        amount, unit = split_minutes(minutes)
        if unit == "days":
            return self.tr("in %n day(s)", "", amount)
        if unit == "hours":
            return self.tr("in %n hour(s)", "", amount)
        return self.tr("in %n minute(s)", "", amount)

    def text(self, due: DueReminder, now: datetime, zone: ZoneInfo | None = None) -> str:
        """The reminder with its time in `zone` (where the laptop is now), else the plan's."""
        occurrence = due.occurrence
        local = occurrence.starts_at.astimezone(zone or recurrence.zone(occurrence.timezone))
        left = int((occurrence.starts_at - now).total_seconds() // 60)
        place = f" · {occurrence.place}" if occurrence.place else ""
        day = day_text(local, weekday=True, year=False)
        when = day if occurrence.all_day else f"{day}, {time_text(local)}"
        if occurrence.ends_at <= now:
            return self.tr("{title} was on {when}").format(
                title=occurrence.title, when=when) + place
        rounded = left if left < 120 else round(left / 60) * 60
        lead = self.lead(rounded) if left > 0 else self.tr("now")
        return f"{occurrence.title} {lead} — {when}{place}"


def reminder_text(due: DueReminder, now: datetime, zone: ZoneInfo | None = None) -> str:
    """ "Date night in 1 hour — Friday, 19:00 · at home", its time told in `zone`."""
    return ReminderWords().text(due, now, zone)


class ReminderCenter(QObject):
    """Checks due reminders against the app's clock; shows each one once."""

    shown = Signal(list)  # [DueReminder] due now
    missed = Signal(list)  # [DueReminder] due while LoveBridge was closed
    open_requested = Signal()
    quit_requested = Signal()
    minute = Signal()  # each minute's tick, just before the check (the shell looks at the zone)

    def __init__(
        self, reminders: ReminderService, clock: Callable[[], datetime],
        parent: QObject | None = None, enabled: bool = True,
    ) -> None:
        super().__init__(parent)
        self._reminders = reminders
        self._clock = clock
        self.enabled = enabled
        self.zone: ZoneInfo | None = None  # the laptop's zone, kept by the shell (travel)
        self.timer = QTimer(self)
        self.timer.setObjectName("reminderTimer")
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self._on_minute)
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icon("lovebridge"), self)
            self.tray.setToolTip("LoveBridge")
            menu = QMenu()
            menu.addAction(self.tr("Open LoveBridge"), self.open_requested.emit)
            menu.addSeparator()
            menu.addAction(self.tr("Quit LoveBridge"), self.quit_requested.emit)
            self.tray.setContextMenu(menu)
            self._menu = menu
            self.tray.activated.connect(lambda _reason: self.open_requested.emit())
            self.tray.messageClicked.connect(self.open_requested.emit)
            self.tray.show()

    @property
    def uses_tray(self) -> bool:
        return self.tray is not None and QSystemTrayIcon.supportsMessages()

    def start(self) -> None:
        """Show what was missed while closed, then check every minute."""
        if self.enabled:
            now = self._clock()
            missed, fresh = self._reminders.split_at_start(now)
            self._reminders.mark_shown(missed + fresh, now)
            if missed:
                self.missed.emit(missed)
            if fresh:
                self._notify(fresh, now)
        self.timer.start()

    def _on_minute(self) -> None:
        self.minute.emit()
        self.check()

    def check(self) -> list[DueReminder]:
        """Show the reminders whose time has come (each once)."""
        if not self.enabled:
            return []
        now = self._clock()
        try:
            due = self._reminders.due(now)
        except Exception:  # a reminder check must never take the app down
            logger.exception("reminder check failed")
            return []
        if due:
            self._reminders.mark_shown(due, now)
            self._notify(due, now)
        return due

    def _notify(self, due: list[DueReminder], now: datetime) -> None:
        if self.uses_tray and self.tray is not None:
            for reminder in due:
                self.tray.showMessage("LoveBridge", reminder_text(reminder, now, self.zone),
                                      QSystemTrayIcon.MessageIcon.Information, 15_000)
        self.shown.emit(due)

    def stop(self) -> None:
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()


class ReminderBanner(QFrame):
    """The in-app notification: a soft strip at the top of the Dates room."""

    open_requested = Signal(object)  # DueReminder

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setProperty("banner", True)
        self.setAccessibleName(self.tr("Reminder"))
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 10, 12, 10)
        bell = QLabel("⏰")
        row.addWidget(bell)
        self.text = QLabel()
        self.text.setObjectName("reminderBannerText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        row.addWidget(self.text, 1)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setObjectName("reminderOpen")
        self.open_button.clicked.connect(self._open)
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.dismiss_button.setObjectName("reminderDismiss")
        self.dismiss_button.clicked.connect(self.hide)
        row.addWidget(self.open_button)
        row.addWidget(self.dismiss_button)
        self.current: list[DueReminder] = []
        self.hide()

    def show_reminders(
        self, due: list[DueReminder], now: datetime, zone: ZoneInfo | None = None
    ) -> None:
        self.current = due
        lines = [reminder_text(d, now, zone) for d in due]
        self.text.setText("\n".join(lines))
        self.show()

    def _open(self) -> None:
        if self.current:
            self.open_requested.emit(self.current[0])
        self.hide()


class AwayPanel(QFrame):
    """What came and went while LoveBridge was closed, said calmly."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setAccessibleName(self.tr("While you were away"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 14, 12)
        layout.setSpacing(4)
        top = QHBoxLayout()
        title = QLabel(self.tr("While you were away"))
        title.setObjectName("awayTitle")
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        top.addWidget(title)
        top.addStretch(1)
        self.ok_button = QPushButton(self.tr("Thanks"))
        self.ok_button.setObjectName("awayDismiss")
        self.ok_button.clicked.connect(self.hide)
        top.addWidget(self.ok_button)
        layout.addLayout(top)
        self.lines = muted_label("")
        self.lines.setObjectName("awayLines")
        self.lines.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.lines)
        self.hide()

    def show_missed(
        self, missed: list[DueReminder], now: datetime, zone: ZoneInfo | None = None
    ) -> None:
        self.lines.setText("\n".join(f"• {reminder_text(d, now, zone)}" for d in missed))
        self.show()
