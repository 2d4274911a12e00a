"""The lock inside the running app: lock and unlock the window, turn the lock on and off.

Made by the shell when the library opens; it talks back only through signals (the shell covers
the window with `lock_panel` on `locked_changed`, freezes it on `busy_changed`). It holds the
data key while LoveBridge is unlocked (the README's threat model says so plainly) and runs every
slow step — Argon2id, encrypting files — off the GUI thread.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QProgressDialog, QWidget

from lovebridge.core.privacy.keyslots import (
    RECOVERY_SLOT,
    KdfParams,
    KeySlots,
    calibrate,
    new_recovery_code,
)
from lovebridge.core.privacy.lock import DataKeys, LockState, lock_state
from lovebridge.core.privacy.switch import (
    LockChange,
    database_key,
    switch_lock_off,
    switch_lock_on,
)
from lovebridge.store.errors import StoreFullError
from lovebridge.ui.errors import show_error
from lovebridge.ui.privacy.idle import IDLE_LOCK_MINUTES, IdleWatcher
from lovebridge.ui.privacy.lock_panel import LockPanel
from lovebridge.ui.privacy.preferences_page import PrivacyPage
from lovebridge.ui.privacy.recovery_dialog import RecoveryCodeDialog
from lovebridge.ui.shell.jobs import Job, JobQueue
from lovebridge.ui.tasks import run_task

if TYPE_CHECKING:
    from lovebridge.core.context import AppContext
    from lovebridge.core.profile import ProfileService
    from lovebridge.ui.preferences import PreferencesDialog
    from lovebridge.ui.settings import Settings

logger = logging.getLogger(__name__)


class ConversionProgress(QProgressDialog):
    """Progress of turning the lock on or off; it cannot be cancelled or dismissed half-way."""

    def __init__(self, text: str, parent: QWidget) -> None:
        super().__init__(text, "", 0, 0, parent)
        self.setCancelButton(None)

    def reject(self) -> None:
        """Escape does nothing: the conversion finishes first, then this closes itself."""


class PrivacyController(QObject):
    """Locks the main window on demand or when idle, and changes the lock for the app."""

    lock_changed = Signal()  # on/off or passphrases changed
    busy_changed = Signal(bool)
    locked_changed = Signal(bool)

    def __init__(
        self,
        ctx: AppContext,
        settings: Settings,
        profiles: ProfileService,
        jobs: JobQueue,
        parent: QWidget,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._parent = parent  # error messages open over it
        self.ctx = ctx
        self.settings = settings
        self.profiles = profiles
        self.jobs = jobs  # the change of the lock waits for a running backup, never overlaps it
        # Tests swap in cheap Argon2id settings here; the app measures this machine.
        self.choose_kdf_params: Callable[[], KdfParams] = calibrate
        self.data_key: bytes | None = None
        self.busy = False
        self.locked = False
        self.recovery_dialog: RecoveryCodeDialog | None = None
        self.progress_dialog: ConversionProgress | None = None

        self._clock = clock
        self._lock_panel: LockPanel | None = None  # made the first time the window locks

        self.lock_action = QAction(self.tr("&Lock LoveBridge"), parent)
        self.lock_action.setObjectName("lockAction")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock_now)

        self.idle = IdleWatcher(clock, parent=self)
        self.idle.idle.connect(self.lock_now)
        self.idle.lock_key = self.lock_action.shortcut()
        self.idle.lock_key_pressed.connect(self._lock_key_pressed)
        self._update_for_state()

    @property
    def lock_panel(self) -> LockPanel:
        """The lock screen: made when first asked for (a library without the lock never
        needs it, and it is not built while the first room opens)."""
        if self._lock_panel is None:
            self._lock_panel = LockPanel(self._verify, self._clock)
            self._lock_panel.unlocked.connect(self._on_unlocked)
        return self._lock_panel

    # ---- state ------------------------------------------------------------------------------
    def is_on(self) -> bool:
        return lock_state(self.ctx.paths) is LockState.ON

    def slot_ids(self) -> list[str]:
        slots = KeySlots(self.ctx.paths.data)
        return slots.load().slot_ids() if slots.exists() else []

    def set_unlocked(self, data_key: bytes | None) -> None:
        """The key the app was opened with (None while the lock is off)."""
        self.data_key = data_key
        self._update_for_state()

    def set_idle_minutes(self, minutes: int) -> None:
        self.settings.set(IDLE_LOCK_MINUTES, minutes)
        self.settings.sync()
        self._update_for_state()

    def _update_for_state(self) -> None:
        on = self.is_on() and self.data_key is not None
        self.lock_action.setEnabled(on and not self.busy)
        self.lock_action.setToolTip(
            self.tr("Hide everything until a passphrase is typed (Ctrl+L)") if on
            else self.tr("Turn the lock on in Preferences › Privacy first")
        )
        self.idle.watch(on)  # nothing to watch for while the lock is off
        self.idle.set_minutes(self.settings.get(IDLE_LOCK_MINUTES) if on else 0)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busy_changed.emit(busy)  # the shell freezes its rooms and menus meanwhile
        self._update_for_state()

    # ---- locking the window -----------------------------------------------------------------
    def lock_now(self) -> None:
        """Cover everything with the lock screen (only while the lock is on)."""
        if self.locked or self.busy or not self.is_on() or self.data_key is None:
            return
        logger.info("locking the window")
        self.locked = True
        self.locked_changed.emit(True)  # the shell covers the window with `lock_panel`
        self.lock_panel.reset()

    def _lock_key_pressed(self) -> None:
        if self.lock_action.isEnabled():
            self.lock_now()

    def _verify(self, passphrase: str) -> tuple[bytes, str]:
        # Runs in a worker: Argon2id is slow by design.
        return KeySlots(self.ctx.paths.data).unlock(passphrase)

    def _on_unlocked(self, data_key: bytes, slot_id: str) -> None:
        if data_key != self.data_key:  # the key file was swapped under a running app
            logger.error("unlock gave a different key; staying locked")
            self.lock_panel.show_message(self.tr("This passphrase belongs to another LoveBridge."))
            return
        logger.info("unlocked with slot %s", slot_id if slot_id == RECOVERY_SLOT else "partner")
        self.locked = False
        self.locked_changed.emit(False)
        self.idle.touch()

    # ---- the Privacy page -------------------------------------------------------------------
    def add_page(self, dialog: PreferencesDialog) -> PrivacyPage:
        """The Privacy page for `dialog` (the shell adds it as a tab)."""
        profile = self.profiles.load()
        names = {
            "a": profile.partner_a if profile else self.tr("First partner"),
            "b": profile.partner_b if profile else self.tr("Second partner"),
        }
        page = PrivacyPage(self, names)
        dialog.accepted.connect(page.save_idle_choice)
        dialog.privacy_page = page  # type: ignore[attr-defined]  # for tests and screenshots
        return page

    # ---- changing the lock ------------------------------------------------------------------
    def turn_on(self, passphrases: dict[str, str], parent: QWidget) -> None:
        """Encrypt everything in place, then show the recovery code."""
        if self.busy or self.is_on():
            return
        self._start_conversion(parent, self.tr("Turning the lock on…"), self.tr(
            "Encrypting your notes, memories and photos. Please keep LoveBridge open."))
        params, paths = self.choose_kdf_params, self.ctx.paths
        self._convert(self.tr("Turning the lock on…"), parent,
                      lambda report: switch_lock_on(paths, passphrases, params, report))

    def turn_off(self, parent: QWidget) -> None:
        """Decrypt everything in place (the page asked for confirmation first)."""
        if self.busy or not self.is_on() or self.data_key is None:
            return
        self._start_conversion(parent, self.tr("Turning the lock off…"), self.tr(
            "Decrypting your notes, memories and photos. Please keep LoveBridge open."))
        data_key, paths = self.data_key, self.ctx.paths
        self._convert(self.tr("Turning the lock off…"), parent,
                      lambda report: switch_lock_off(paths, data_key, report))

    def _convert(self, title: str, parent: QWidget,
                 change: Callable[[Callable[[int, int], None]], LockChange]) -> None:
        """Queue the conversion as a job: it waits for a running backup, holds automatic
        backups off, closes the store (waiting for its sessions in the worker, not here),
        then converts the files."""
        store = self.ctx.store

        def work(_job: Job, report: Callable[[int, int], None]) -> LockChange:
            from lovebridge.core.backup.service import automatic_backups_held

            with automatic_backups_held():
                store.suspend()
                return change(report)

        self.jobs.submit(Job(title, work,
                             on_result=lambda result: self._finish_conversion(result, parent),
                             on_error=lambda error: self._conversion_crashed(error, parent),
                             on_progress=self._on_progress,
                             why_not_cancellable=self.tr(
                                 "Changing the lock cannot be stopped halfway: every file "
                                 "is converted, then your library is back.")))

    def _start_conversion(self, parent: QWidget, title: str, text: str) -> None:
        self._set_busy(True)
        progress = ConversionProgress(text, parent)
        progress.setObjectName("lockProgress")
        progress.setWindowTitle(title)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setMinimumWidth(420)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        self.progress_dialog = progress
        progress.open()

    def _on_progress(self, done: int, total: int) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.setMaximum(total)
            self.progress_dialog.setValue(done)

    def _reopen(self, data_key: bytes | None) -> None:
        """Point the open store and the photo library at the data as it now is on disk."""
        paths = self.ctx.paths
        on = lock_state(paths) is LockState.ON and data_key is not None
        files = DataKeys.from_data_key(data_key).files if on and data_key else None
        self.ctx.store.reopen(database_key(paths, data_key if on else None))
        self.ctx.file_key = files
        self.ctx.media.file_key = files
        self.data_key = data_key if on else None

    def _finish_conversion(self, change: LockChange, parent: QWidget) -> None:
        self._reopen(change.data_key)
        self._close_progress()
        self._set_busy(False)
        self.lock_changed.emit()
        if isinstance(change.error, StoreFullError):
            show_error(parent, self.tr("The lock was not changed"), self.tr(
                "The disk is full: changing the lock needs about {mb} MB more free space. "
                "Free some space and try again; your notes and photos are safe and "
                "readable.").format(
                    mb=f"{max(change.error.short or change.error.needed or 0, 1e6) / 1e6:,.0f}"))
            return
        if change.error is not None:
            show_error(parent, self.tr("The lock was not changed"), self.tr(
                "LoveBridge could not finish ({problem}). Your notes and photos are safe and "
                "readable; please try again.").format(problem=type(change.error).__name__))
            return
        if change.recovery_code:
            self.show_recovery_code(change.recovery_code, parent)

    def _conversion_crashed(self, error: Exception, parent: QWidget) -> None:
        self._reopen(self.data_key)
        self._close_progress()
        self._set_busy(False)
        self.lock_changed.emit()
        show_error(parent, self.tr("The lock was not changed"), self.tr(
            "Something went wrong ({problem}). Your notes and photos are safe.").format(
                problem=type(error).__name__))

    def _close_progress(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None

    def show_recovery_code(self, code: str, parent: QWidget) -> RecoveryCodeDialog:
        dialog = RecoveryCodeDialog(code, parent)
        self.recovery_dialog = dialog
        dialog.open()
        return dialog

    # ---- passphrases ------------------------------------------------------------------------
    def set_passphrase(self, slot_id: str, passphrase: str, on_done: Callable[[], None]) -> None:
        """Add or replace one partner's passphrase (one Argon2id run; nothing re-encrypted)."""
        if self.data_key is None:
            return
        data_key = self.data_key
        slots = KeySlots(self.ctx.paths.data)
        self._set_busy(True)

        def done(_result: object) -> None:
            self._set_busy(False)
            self.lock_changed.emit()
            on_done()

        def failed(error: Exception) -> None:
            self._set_busy(False)
            show_error(self._parent, self.tr("The passphrase was not saved"), self.tr(
                "LoveBridge could not write its key file ({problem}). The old passphrase "
                "still works.").format(problem=type(error).__name__))

        run_task(lambda: slots.set_passphrase(data_key, slot_id, passphrase), done, failed)

    def remove_passphrase(self, slot_id: str) -> None:
        KeySlots(self.ctx.paths.data).remove_passphrase(slot_id)
        self.lock_changed.emit()

    def new_recovery_code(self, parent: QWidget) -> None:
        """Replace the recovery code (the old one stops working) and show the new one once."""
        if self.data_key is None:
            return
        code = new_recovery_code()
        data_key = self.data_key
        slots = KeySlots(self.ctx.paths.data)
        self._set_busy(True)

        def done(_result: object) -> None:
            self._set_busy(False)
            self.show_recovery_code(code, parent)

        def failed(error: Exception) -> None:
            self._set_busy(False)
            show_error(parent, self.tr("No new recovery code"), self.tr(
                "LoveBridge could not write its key file ({problem}). The old code still "
                "works.").format(problem=type(error).__name__))

        run_task(lambda: slots.set_passphrase(data_key, RECOVERY_SLOT, code), done, failed)
