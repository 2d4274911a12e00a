"""Reminders for the whole app: made by the shell when the library opens, whatever room shows.

It owns the reminder check (and, on the same minute, noticing that the laptop has moved to
another time zone), the tray icon (close-to-tray where a tray exists), the in-app banner
and "While you were away" strip shown above every room, and the "Dates & reminders" page of
Preferences. The Dates room is not needed for any of it.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

from lovebridge.core.dates import recurrence
from lovebridge.core.dates.autostart import Autostart
from lovebridge.core.dates.plans import PlanService
from lovebridge.core.dates.reminders import ReminderService
from lovebridge.core.timezone import ZoneWatch
from lovebridge.store.errors import StoreError
from lovebridge.ui.dates.reminders import (
    KEEP_IN_TRAY,
    REMINDERS_ON,
    AwayPanel,
    ReminderBanner,
    ReminderCenter,
)

if TYPE_CHECKING:
    from lovebridge.core.context import AppContext
    from lovebridge.ui.preferences import PreferencesDialog
    from lovebridge.ui.settings import Settings

logger = logging.getLogger(__name__)


class AppReminders(QObject):
    """The reminder service of the open library, shown over `window` (any top-level widget)."""

    occurrence_requested = Signal(object)  # Occurrence: the person wants to see this plan
    quit_requested = Signal()  # the tray's Quit
    zone_changed = Signal(str)  # the laptop's new IANA zone (travel), noticed on a minute check

    def __init__(self, ctx: AppContext, settings: Settings, window: QWidget) -> None:
        super().__init__(window)
        self._ctx = ctx
        self._settings = settings
        self._window = window
        self.autostart = Autostart()
        self.quitting = False
        self._told_about_tray = False
        service = ReminderService(ctx.store, PlanService(ctx.store, ctx.now))
        self.center = ReminderCenter(service, ctx.now, self, enabled=settings.get(REMINDERS_ON))
        # Read through the module each time, so the zone is the system's at that moment.
        self.zone_watch = ZoneWatch(lambda: recurrence.local_zone_name())
        self.center.zone = recurrence.zone(self.zone_watch.current)
        self.away_panel = AwayPanel()
        self.banner = ReminderBanner()
        self.banner.open_requested.connect(
            lambda due: self.occurrence_requested.emit(due.occurrence))
        self.center.shown.connect(
            lambda due: self.banner.show_reminders(due, ctx.now(), self.center.zone))
        self.center.missed.connect(
            lambda due: self.away_panel.show_missed(due, ctx.now(), self.center.zone))
        # The zone first, so a reminder due the same minute already tells the new time.
        self.center.minute.connect(self.check_zone)
        self.center.open_requested.connect(self.raise_window)
        self.center.quit_requested.connect(self.quit_from_tray)

    def start(self) -> None:
        """Say what was missed while LoveBridge was closed, then check every minute."""
        if self.center.timer.isActive():
            return
        try:
            self.center.start()
        except StoreError as exc:  # the lock being changed, say: the next minute's check tells
            logger.warning("first reminder check skipped: %s", type(exc).__name__)
            self.center.timer.start()

    def check_zone(self) -> str | None:
        """Once a minute: has the laptop moved to another zone? Times follow it from then on."""
        name = self.zone_watch.changed()
        if name is None:
            return None
        if hasattr(time, "tzset"):  # Unix: Python's own local time (`astimezone()`) follows too
            time.tzset()
        self.center.zone = recurrence.zone(name)
        self.zone_changed.emit(name)
        return name

    def set_enabled(self, enabled: bool) -> None:
        self.center.enabled = enabled

    # ---- the window and the tray ------------------------------------------------------------
    def keeps_running_on_close(self) -> bool:
        """Asked as the window closes: with a tray (and the choice on), hide there instead."""
        tray = self.center.tray
        if tray is None or self.quitting or not self._settings.get(KEEP_IN_TRAY):
            return False
        self._window.hide()
        if not self._told_about_tray:
            self._told_about_tray = True
            tray.showMessage("LoveBridge", self.tr(
                "LoveBridge is still here in the tray, so reminders can reach you. Quit it from "
                "the tray menu."))
        return True

    def raise_window(self) -> None:
        self._window.showNormal()
        self._window.raise_()
        self._window.activateWindow()

    def quit_from_tray(self) -> None:
        """The tray's Quit: close for real (rooms save what is pending as usual)."""
        self.quitting = True
        self.stop()
        self.quit_requested.emit()
        self._window.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()

    def stop(self) -> None:
        self.center.stop()

    # ---- Preferences ------------------------------------------------------------------------
    def preferences_page(self, _dialog: PreferencesDialog) -> QWidget:
        """The "Dates & reminders" page; its reminder switch applies at once."""
        from lovebridge.ui.dates.preferences_page import DatesPreferencesPage

        page = DatesPreferencesPage(self._settings, self.autostart)
        page.reminders_check.toggled.connect(self.set_enabled)
        return page

    def page_title(self) -> str:
        return self.tr("Dates && reminders")  # "&&": a literal ampersand

