"""Preferences › Privacy: turn the lock on or off, manage passphrases, and the idle lock."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lovebridge.ui.common.widgets import card, muted_label, primary_button
from lovebridge.ui.privacy.idle import IDLE_CHOICES, IDLE_LOCK_MINUTES
from lovebridge.ui.privacy.passphrase_fields import PassphraseFields

if TYPE_CHECKING:
    from lovebridge.ui.privacy.controller import PrivacyController

PARTNERS = ("a", "b")


def _section_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("sectionTitle")
    return label


class PassphraseDialog(QDialog):
    """Set or change one partner's passphrase (opened with `open()`)."""

    def __init__(self, who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.setWindowTitle(self.tr("Passphrase for {who}").format(who=who))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(muted_label(
            self.tr("Choose a passphrase for {who}. The old one stops working; your notes and "
                    "photos stay as they are.").format(who=who)
        ))
        self.fields = PassphraseFields(self.tr("New passphrase"))
        layout.addWidget(self.fields)
        self.error_label = QLabel()
        self.error_label.setObjectName("formError")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Save passphrase"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def passphrase(self) -> str:
        return self.fields.value()

    def _check(self) -> None:
        problem = self.fields.problem()
        if problem:
            self.error_label.setText(problem)
            return
        self.accept()


class PrivacyPage(QWidget):
    """The Privacy tab; every change of the lock goes through the PrivacyController."""

    def __init__(
        self, controller: PrivacyController, names: dict[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("privacyPage")
        self.controller = controller
        self.names = names
        self.passphrase_dialog: PassphraseDialog | None = None
        self.confirm_box: QMessageBox | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 18, 18, 18)
        layout.setSpacing(12)
        # Only one of the two views shows at a time; a hidden one takes no room.
        self.off_view = self._build_off_view()
        self.on_view = self._build_on_view()
        layout.addWidget(self.off_view)
        layout.addWidget(self.on_view)

        idle_form = QFormLayout()
        idle_form.setContentsMargins(0, 0, 0, 0)
        self.idle_choice = QComboBox()
        self.idle_choice.setObjectName("idleLockCombo")
        self.idle_choice.setAccessibleName(self.tr("Lock after this long without use"))
        for minutes in IDLE_CHOICES:
            label = (self.tr("Never") if minutes == 0
                     else self.tr("After 1 hour without use") if minutes == 60
                     else self.tr("After {n} minutes without use").format(n=minutes))
            self.idle_choice.addItem(label, minutes)
        index = self.idle_choice.findData(controller.settings.get(IDLE_LOCK_MINUTES))
        self.idle_choice.setCurrentIndex(max(index, 0))
        idle_form.addRow(self.tr("Lock by itself"), self.idle_choice)
        layout.addLayout(idle_form)
        self.idle_hint = muted_label("")
        layout.addWidget(self.idle_hint)

        self.status_label = QLabel()
        self.status_label.setObjectName("privacyStatus")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        layout.addStretch(1)

        controller.lock_changed.connect(self.refresh)
        controller.busy_changed.connect(self._on_busy)
        self.refresh()

    # ---- building -------------------------------------------------------------------------
    def _build_off_view(self) -> QWidget:
        view = QWidget()
        column = QVBoxLayout(view)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        column.addWidget(_section_title(self.tr("Lock LoveBridge with a passphrase")))
        column.addWidget(muted_label(
            self.tr("With the lock on, LoveBridge asks for a passphrase each time it opens, and "
                    "everything it keeps on this laptop — notes, memories, photos and backups — "
                    "is encrypted. Someone who borrows the laptop or copies its files sees only "
                    "scrambled data.")
        ))
        a, b = self.names["a"], self.names["b"]
        self.new_fields = {
            "a": PassphraseFields(self.tr("{name}'s passphrase").format(name=a)),
            "b": PassphraseFields(self.tr("{name}'s passphrase").format(name=b), optional=True),
        }
        box = card()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(16, 14, 16, 14)
        inner.setSpacing(10)
        inner.addWidget(self.new_fields["a"])
        inner.addWidget(self.new_fields["b"])
        inner.addWidget(muted_label(
            self.tr("Each of you can have your own passphrase; either one opens the same "
                    "scrapbook.")
        ))
        column.addWidget(box)
        self.off_error = QLabel()
        self.off_error.setObjectName("formError")
        self.off_error.setWordWrap(True)
        column.addWidget(self.off_error)
        row = QHBoxLayout()
        row.addWidget(muted_label(
            self.tr("Next you'll get a recovery code to write down. If the passphrases and the "
                    "code are all lost, nobody can open LoveBridge — not even us.")
        ), 1)
        self.turn_on_button = primary_button(self.tr("Turn on the lock"))
        self.turn_on_button.setObjectName("turnLockOnButton")
        self.turn_on_button.clicked.connect(self._turn_on)
        row.addWidget(self.turn_on_button, 0, Qt.AlignmentFlag.AlignBottom)
        column.addLayout(row)
        return view

    def _build_on_view(self) -> QWidget:
        view = QWidget()
        column = QVBoxLayout(view)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        column.addWidget(_section_title(self.tr("The lock is on")))
        column.addWidget(muted_label(
            self.tr("LoveBridge asks for a passphrase when it opens, and your notes, memories, "
                    "photos and backups are encrypted on this laptop. Changing a passphrase is "
                    "quick: nothing needs to be encrypted again.")
        ))
        box = card()
        grid = QGridLayout(box)
        grid.setContentsMargins(16, 12, 16, 12)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(8)
        self.slot_labels: dict[str, QLabel] = {}
        self.change_buttons: dict[str, QPushButton] = {}
        self.remove_buttons: dict[str, QPushButton] = {}
        for row, slot in enumerate(PARTNERS):
            label = QLabel()
            label.setWordWrap(True)
            self.slot_labels[slot] = label
            grid.addWidget(label, row, 0)
            change = QPushButton()
            change.setObjectName(f"changePassphrase_{slot}")
            change.clicked.connect(lambda _c=False, s=slot: self.open_passphrase_dialog(s))
            grid.addWidget(change, row, 1)
            self.change_buttons[slot] = change
            remove = QPushButton(self.tr("Remove"))
            remove.setObjectName(f"removePassphrase_{slot}")
            remove.clicked.connect(lambda _c=False, s=slot: self._remove(s))
            grid.addWidget(remove, row, 2)
            self.remove_buttons[slot] = remove
        code_label = QLabel(self.tr("Recovery code, for a forgotten passphrase"))
        code_label.setWordWrap(True)
        grid.addWidget(code_label, 2, 0)
        self.new_code_button = QPushButton(self.tr("Make a new code…"))
        self.new_code_button.setObjectName("newRecoveryCodeButton")
        self.new_code_button.clicked.connect(self._new_code)
        grid.addWidget(self.new_code_button, 2, 1, 1, 2)
        grid.setColumnStretch(0, 1)
        column.addWidget(box)

        row = QHBoxLayout()
        self.lock_now_button = QPushButton(self.tr("Lock now (Ctrl+L)"))
        self.lock_now_button.setObjectName("lockNowButton")
        self.lock_now_button.clicked.connect(self._lock_now)
        row.addWidget(self.lock_now_button)
        row.addStretch(1)
        self.turn_off_button = QPushButton(self.tr("Turn off the lock…"))
        self.turn_off_button.setObjectName("turnLockOffButton")
        self.turn_off_button.clicked.connect(self.confirm_turn_off)
        row.addWidget(self.turn_off_button)
        column.addLayout(row)
        return view

    # ---- state ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the view for the lock's current state."""
        on = self.controller.is_on()
        self.off_view.setVisible(not on)
        self.on_view.setVisible(on)
        self.idle_hint.setText(
            self.tr("When nobody has used LoveBridge for this long, it locks and hides "
                    "everything until a passphrase is typed.") if on else
            self.tr("Takes effect once the lock is on.")
        )
        if not on:
            return
        slots = self.controller.slot_ids()
        for slot in PARTNERS:
            has = slot in slots
            name = self.names[slot]
            self.slot_labels[slot].setText(
                self.tr("{name}'s passphrase — set").format(name=name) if has
                else self.tr("{name} has no passphrase yet").format(name=name)
            )
            self.change_buttons[slot].setText(self.tr("Change…") if has else self.tr("Add…"))
            others = [s for s in slots if s in PARTNERS and s != slot]
            self.remove_buttons[slot].setVisible(has)
            self.remove_buttons[slot].setEnabled(bool(others))
            self.remove_buttons[slot].setToolTip(
                "" if others else self.tr("The last passphrase can't be removed while the lock "
                                          "is on. Turn the lock off instead.")
            )
        self.idle_choice.setEnabled(True)

    def _on_busy(self, busy: bool) -> None:
        self.setEnabled(not busy)

    def save_idle_choice(self) -> None:
        """Keep the chosen idle time (called when Preferences is closed with OK)."""
        self.controller.set_idle_minutes(int(self.idle_choice.currentData()))

    def show_status(self, text: str) -> None:
        self.status_label.setText(text)

    # ---- actions ----------------------------------------------------------------------------
    def _turn_on(self) -> None:
        for fields in self.new_fields.values():
            problem = fields.problem()
            if problem:
                self.off_error.setText(problem)
                fields.first.setFocus()
                return
        self.off_error.clear()
        passphrases = {slot: f.value() for slot, f in self.new_fields.items() if f.value()}
        for fields in self.new_fields.values():
            fields.clear()
        self.controller.turn_on(passphrases, self.window())

    def confirm_turn_off(self) -> QMessageBox:
        box = QMessageBox(self)
        box.setObjectName("confirmTurnOff")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Turn off the lock?"))
        box.setText(self.tr("Turn off the lock?"))
        box.setInformativeText(
            self.tr("LoveBridge will decrypt your notes, memories, photos and backups and open "
                    "without a passphrase. Anyone who uses this laptop could then read them.")
        )
        off = box.addButton(self.tr("Turn off the lock"), QMessageBox.ButtonRole.AcceptRole)
        off.setObjectName("confirmTurnOffButton")
        keep = box.addButton(self.tr("Keep it on"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        off.clicked.connect(lambda: self.controller.turn_off(self.window()))
        self.confirm_box = box
        box.open()
        return box

    def open_passphrase_dialog(self, slot: str) -> PassphraseDialog:
        dialog = PassphraseDialog(self.names[slot], self)
        dialog.accepted.connect(lambda: self._save_passphrase(slot, dialog.passphrase()))
        self.passphrase_dialog = dialog
        dialog.open()
        return dialog

    def _save_passphrase(self, slot: str, passphrase: str) -> None:
        name = self.names[slot]
        self.show_status(self.tr("Saving the passphrase…"))
        self.controller.set_passphrase(
            slot, passphrase,
            lambda: self.show_status(self.tr("{name}'s passphrase is saved.").format(name=name)),
        )

    def _remove(self, slot: str) -> None:
        self.controller.remove_passphrase(slot)
        self.show_status(self.tr("{name}'s passphrase was removed.").format(name=self.names[slot]))

    def _new_code(self) -> None:
        self.controller.new_recovery_code(self.window())

    def _lock_now(self) -> None:
        dialog = self.window()
        if isinstance(dialog, QDialog):
            dialog.reject()
        self.controller.lock_now()

