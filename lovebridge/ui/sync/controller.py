"""Wires sharing into the main window: the Sharing page in Preferences, a status line, and a
quiet exchange every minute while sharing is on (off the GUI thread)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel

from lovebridge.ui.shell.jobs import Job
from lovebridge.ui.tasks import run_task

if TYPE_CHECKING:
    from lovebridge.core.sync.engine import SyncEngine, SyncStatus
    from lovebridge.ui.shell.hooks import ShellHooks
    from lovebridge.ui.sync.sharing_page import SharingPage

logger = logging.getLogger(__name__)

EXCHANGE_EVERY_MS = 60_000


class SharingController(QObject):
    def __init__(self, hooks: ShellHooks, partner_name: str = "") -> None:
        super().__init__(hooks.parent)
        self._hooks = hooks
        self._partner = partner_name
        self._engine: SyncEngine | None = None  # with its modules, once sharing is first asked
        self._engine_lock = threading.Lock()  # asked from a worker or the GUI thread
        self.status_label = QLabel()
        self.status_label.setObjectName("sharingStatus")
        hooks.add_status_widget(self.status_label)
        hooks.preference_pages.register(self.tr("Sharing"), self.add_page, order=40)
        self._busy = False
        self._paired = False  # as last read (off the GUI thread); no job is queued until then
        self._timer = QTimer(self)
        self._timer.setInterval(EXCHANGE_EVERY_MS)
        self._timer.timeout.connect(self.exchange)

    @property
    def engine(self) -> SyncEngine:
        """The sharing engine, made (and its modules imported) the first time it is needed:
        the first status read runs off the GUI thread, after the first room is on screen."""
        with self._engine_lock:
            if self._engine is None:
                from lovebridge.core.sync.engine import SyncEngine

                self._engine = SyncEngine(self._hooks.ctx)
            return self._engine

    def start(self) -> None:
        """Read the status (off the GUI thread), then exchange every minute; called by the
        shell once the first page is on screen. A library that cannot answer shows no sharing."""
        if self._timer.isActive():
            return
        self._timer.start()
        run_task(self._first_status, self._show_first, self._no_status, owner=self)

    def _first_status(self) -> tuple[SyncStatus, str]:
        status = self.engine.status()
        partner = self._partner
        profile = self._hooks.profiles.load()
        if not partner and profile is not None:
            # This laptop belongs to one of the two; what arrives comes from the other.
            partner = profile.partner_b if status.person == "a" else profile.partner_a
        return status, partner

    def _show_first(self, result: tuple[SyncStatus, str]) -> None:
        status, self._partner = result
        self._show(status)

    def _no_status(self, _error: Exception) -> None:
        from lovebridge.core.sync.engine import SyncStatus

        logger.warning("sharing status unavailable")
        self._show(SyncStatus(paired=False))

    def add_page(self, _dialog) -> SharingPage:  # noqa: ANN001 - PreferencesDialog
        from lovebridge.ui.sync.sharing_page import SharingPage

        page = SharingPage(self.engine, self._partner, run_exchange=self.run_exchange)
        page.status_changed.connect(self.read_status)
        return page

    def read_status(self) -> None:
        """Read the sharing status again (off the GUI thread) and show it."""
        run_task(self.engine.status, self._show, lambda _e: None, owner=self)

    def run_exchange(self, work: Callable[[], Any], on_result: Callable[[Any], None],
                     on_error: Callable[[Exception], None]) -> None:
        """Run an exchange as a job of the window's queue: one long job at a time, so never
        during a backup, a restore or a lock change, and shown in the status bar."""
        jobs = self._hooks.jobs
        if jobs is None:
            run_task(work, on_result, on_error, owner=self)
            return
        jobs.submit(Job(self.tr("Exchanging with your partner's laptop…"),
                        lambda _job, _report: work(), on_result=on_result, on_error=on_error))

    def exchange(self) -> None:
        """The quiet exchange (each minute while sharing is on)."""
        if self._busy or not self._paired:
            return
        self._busy = True
        self.run_exchange(self._exchange_if_paired, self._done, self._failed)

    def _exchange_if_paired(self) -> SyncStatus:
        if self.engine.status().paired:
            self.engine.sync_now()
        return self.engine.status()

    def _done(self, status: SyncStatus) -> None:
        self._busy = False
        self._show(status)

    def _failed(self, error: Exception) -> None:
        self._busy = False
        self.status_label.setText(self.tr("Sharing paused: {why}").format(why=str(error)[:80]))

    def _show(self, status: SyncStatus) -> None:
        self._paired = status.paired
        if not status.paired:
            self.status_label.setText("")
            return
        text = self.tr("Shared with {laptop}").format(
            laptop=", ".join(p.name for p in status.partners) or self.tr("(waiting to join)"))
        from lovebridge.ui.sync.sharing_page import arrivals_text

        arrived = arrivals_text(status.last_created, self._partner or self.tr("Your partner"),
                                self.tr)
        if arrived:
            text += " · " + arrived
        if status.pending_deletions:
            text += " · " + self.tr("a big deletion waits for your yes (Preferences › Sharing)")
        self.status_label.setText(text)
