"""Shows the recovery code once, big and grouped, until someone confirms they wrote it down."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lovebridge.ui.common.widgets import card, muted_label, primary_button


class RecoveryCodeDialog(QDialog):
    """Opened with `open()`; cannot be dismissed before the confirmation box is ticked."""

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryCodeDialog")
        self.setWindowTitle(self.tr("Your recovery code"))
        self.setMinimumWidth(560)
        self.code = code

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        title = QLabel(self.tr("Write down your recovery code"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        layout.addWidget(muted_label(
            self.tr("If you ever forget your passphrases, this code opens LoveBridge instead. "
                    "It is shown only this once. Write it on paper and keep it somewhere safe "
                    "at home, away from the laptop.")
        ))

        box = card()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(18, 16, 18, 16)
        groups = code.split("-")
        half = (len(groups) + 1) // 2
        self.code_label = QLabel(
            "   ".join(groups[:half]) + "\n" + "   ".join(groups[half:])
        )
        self.code_label.setObjectName("recoveryCode")
        self.code_label.setAccessibleName(self.tr("Recovery code"))
        self.code_label.setAccessibleDescription(code)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(22)
        font.setWeight(QFont.Weight.DemiBold)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 2)
        self.code_label.setFont(font)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        inner.addWidget(self.code_label)
        layout.addWidget(box)

        copy_row = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setObjectName("copyRecoveryCode")
        self.copy_button.clicked.connect(self.copy)
        copy_row.addWidget(self.copy_button)
        self.copied_label = muted_label("")
        copy_row.addWidget(self.copied_label, 1)
        layout.addLayout(copy_row)

        warning = QLabel(
            self.tr("If both passphrases and this code are lost, nobody can open LoveBridge "
                    "again — not even us. There is no back door.")
        )
        warning.setObjectName("formError")
        warning.setWordWrap(True)
        layout.addWidget(warning)

        self.confirm_box = QCheckBox(self.tr("I've written it down and put it somewhere safe"))
        self.confirm_box.setObjectName("recoveryConfirm")
        self.confirm_box.toggled.connect(self._update)
        layout.addWidget(self.confirm_box)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.done_button = primary_button(self.tr("Done"))
        self.done_button.setObjectName("recoveryDone")
        self.done_button.clicked.connect(self.accept)
        buttons.addWidget(self.done_button)
        layout.addLayout(buttons)
        self._update()

    def _update(self) -> None:
        self.done_button.setEnabled(self.confirm_box.isChecked())

    def copy(self) -> None:
        QApplication.clipboard().setText(self.code)
        self.copied_label.setText(
            self.tr("Copied. Paste it where you keep it safe; LoveBridge clears the clipboard "
                    "when you close this.")
        )

    def reject(self) -> None:
        """Escape or the close button only work once the code is confirmed."""
        if self.confirm_box.isChecked():
            self.accept()

    def done(self, result: int) -> None:
        # Leave no copy of the code on the clipboard, where other apps can read it.
        clipboard = QApplication.clipboard()
        if clipboard.text() == self.code:
            clipboard.clear()
        super().done(result)
