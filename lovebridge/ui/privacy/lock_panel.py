"""The lock screen: one passphrase field, shown at start-up and whenever LoveBridge locks."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from lovebridge.core.privacy.keyslots import DamagedKeyFileError, WrongPassphraseError
from lovebridge.core.privacy.throttle import UnlockThrottle
from lovebridge.ui.common.widgets import centred_card, muted_label, primary_button
from lovebridge.ui.tasks import run_task

logger = logging.getLogger(__name__)

# Runs off the GUI thread (Argon2id takes about a second): passphrase -> (data key, slot id).
Verify = Callable[[str], tuple[bytes, str]]


class LockPanel(QWidget):
    """Asks for a passphrase (or the recovery code) and emits `unlocked(data_key, slot_id)`."""

    unlocked = Signal(bytes, str)

    def __init__(
        self,
        verify: Verify,
        clock: Callable[[], float] = time.monotonic,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lockPanel")
        self.setAccessibleName(self.tr("LoveBridge is locked"))
        self._verify = verify
        self.throttle = UnlockThrottle(clock)
        self._busy = False
        self._recovery_mode = False
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)

        inner = centred_card(self, 500, "lock", 56, self.tr("LoveBridge is locked"))
        self.prompt_label = muted_label("")
        self.prompt_label.setObjectName("lockPrompt")
        self.prompt_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Room for two lines, so switching to the recovery code does not make the card jump.
        self.prompt_label.setMinimumHeight(self.prompt_label.fontMetrics().lineSpacing() * 2 + 4)
        inner.addWidget(self.prompt_label)
        inner.addSpacing(6)

        row = QHBoxLayout()
        row.setSpacing(8)
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setObjectName("lockPassphrase")
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.returnPressed.connect(self.try_unlock)
        self.passphrase_edit.textChanged.connect(self._update_button)
        row.addWidget(self.passphrase_edit, 1)
        self.unlock_button = primary_button(self.tr("Unlock"))
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.clicked.connect(self.try_unlock)
        row.addWidget(self.unlock_button)
        inner.addLayout(row)

        self.message_label = QLabel()
        self.message_label.setObjectName("lockMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setMinimumHeight(40)
        inner.addWidget(self.message_label)

        self.recovery_button = QPushButton()
        self.recovery_button.setObjectName("useRecoveryCodeButton")
        self.recovery_button.setProperty("link", True)
        self.recovery_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.recovery_button.clicked.connect(self.toggle_recovery_mode)
        inner.addWidget(self.recovery_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self._show_mode()

    # ---- state ------------------------------------------------------------------------------
    def reset(self) -> None:
        """Clear the field and any message (called each time the lock shows)."""
        self.passphrase_edit.clear()
        if self.throttle.seconds_left() == 0:
            self.message_label.clear()
        self._recovery_mode = False
        self._show_mode()
        self.passphrase_edit.setFocus()

    def showEvent(self, event) -> None:  # noqa: ANN001
        super().showEvent(event)
        self.passphrase_edit.setFocus()

    def toggle_recovery_mode(self) -> None:
        self._recovery_mode = not self._recovery_mode
        self.passphrase_edit.clear()
        if self.throttle.seconds_left() == 0:
            self.message_label.clear()
        self._show_mode()
        self.passphrase_edit.setFocus()

    def _show_mode(self) -> None:
        if self._recovery_mode:
            self.prompt_label.setText(
                self.tr("Type the recovery code you wrote down when you turned the lock on. "
                        "Dashes and capitals don't matter.")
            )
            self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Normal)
            self.passphrase_edit.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
            self.passphrase_edit.setAccessibleName(self.tr("Recovery code"))
            self.recovery_button.setText(self.tr("Use a passphrase instead"))
        else:
            self.prompt_label.setText(
                self.tr("Type your passphrase to open your notes, memories and photos.")
            )
            self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
            self.passphrase_edit.setPlaceholderText(self.tr("Your passphrase"))
            self.passphrase_edit.setAccessibleName(self.tr("Passphrase"))
            self.recovery_button.setText(self.tr("Forgot it? Use your recovery code"))
        self._update_button()

    def _update_button(self) -> None:
        waiting = self.throttle.seconds_left() > 0
        self.unlock_button.setEnabled(
            not self._busy and not waiting and bool(self.passphrase_edit.text())
        )
        self.passphrase_edit.setEnabled(not self._busy)
        self.recovery_button.setEnabled(not self._busy)

    # ---- unlocking --------------------------------------------------------------------------
    def try_unlock(self) -> None:
        """Check the typed passphrase in the background ("Unlocking…" meanwhile)."""
        text = self.passphrase_edit.text()
        if self._busy or not text or self.throttle.seconds_left() > 0:
            return
        self._busy = True
        self.unlock_button.setText(self.tr("Unlocking…"))
        self.show_message(self.tr("Unlocking… this takes a moment."), error=False)
        self._update_button()
        run_task(lambda: self._verify(text), self._on_verified, self._on_failed, owner=self)

    def _on_verified(self, result: tuple[bytes, str]) -> None:
        self._busy = False
        self.throttle.record_success()
        self.unlock_button.setText(self.tr("Unlock"))
        self.passphrase_edit.clear()
        self.message_label.clear()
        self._update_button()
        data_key, slot_id = result
        self.unlocked.emit(data_key, slot_id)

    def _on_failed(self, error: Exception) -> None:
        self._busy = False
        self.unlock_button.setText(self.tr("Unlock"))
        if isinstance(error, WrongPassphraseError):
            self.throttle.record_failure()
            self.passphrase_edit.selectAll()
            self._tick()
        elif isinstance(error, DamagedKeyFileError):
            logger.error("unlocking failed: the key file is damaged")
            self.show_message(self.tr(
                "LoveBridge's key file (keyslots.json in the data folder) is damaged, so the "
                "lock cannot be opened. Nothing was changed. Put back a copy of that file from "
                "a backup of the data folder, then try again."))
        else:
            logger.error("unlocking failed: %s", type(error).__name__)
            self.show_message(
                self.tr("LoveBridge could not read its key file ({problem}). Nothing was "
                        "changed.").format(problem=type(error).__name__)
            )
        self._update_button()
        self.passphrase_edit.setFocus()

    def _tick(self) -> None:
        """Show what went wrong and, while a pause runs, count it down."""
        what = (self.tr("That recovery code doesn't open LoveBridge.") if self._recovery_mode
                else self.tr("That passphrase doesn't open LoveBridge. Check Caps Lock and try "
                             "again."))
        left = self.throttle.seconds_left()
        if left > 0:
            what += " " + self.tr("You can try again in {seconds} s.").format(seconds=left)
            if not self._countdown.isActive():
                self._countdown.start()
        else:
            self._countdown.stop()
        self.show_message(what)
        self._update_button()

    def show_message(self, text: str, error: bool = True) -> None:
        # The theme styles "formError" labels as warnings; a progress note stays muted.
        self.message_label.setObjectName("formError" if error else "lockMessage")
        self.message_label.setProperty("muted", not error)
        self.message_label.style().unpolish(self.message_label)
        self.message_label.style().polish(self.message_label)
        self.message_label.setText(text)
