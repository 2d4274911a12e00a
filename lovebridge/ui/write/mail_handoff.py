"""Handing a note to the mail program, and what to offer when there is none.

`QDesktopServices.openUrl` only reports whether a launcher started: on Linux without a mail
handler it "succeeds" and nothing opens, and without `xdg-open` Qt prints the whole link — the
note's text — to stderr. So LoveBridge first asks the desktop whether anything handles
`mailto:` links, and only then hands the link over.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget

from lovebridge.ui.errors import show_error


def mail_program_available() -> bool:
    """Whether the desktop has a program for `mailto:` links (runs a tool: call off the GUI
    thread). Windows and macOS always have a default handler; on Linux, xdg-mime is asked."""
    if not sys.platform.startswith("linux"):
        return True
    if shutil.which("xdg-open") is None or shutil.which("xdg-mime") is None:
        return False
    try:
        answer = subprocess.run(["xdg-mime", "query", "default", "x-scheme-handler/mailto"],
                                capture_output=True, text=True, timeout=5, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return answer.returncode == 0 and bool(answer.stdout.strip())


class NoMailDialog(QMessageBox):
    """No mail program answered: say so, and offer to copy the note or save it as a file."""

    def __init__(self, text: str, choose_path: Callable[[str], str | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noMailDialog")
        self._text = text
        self._choose_path = choose_path
        self.setIcon(QMessageBox.Icon.Information)
        self.setWindowTitle(self.tr("No mail program"))
        self.setText(self.tr("No mail program answered, so the note was not sent."))
        self.setInformativeText(self.tr(
            "You can copy the note and paste it into your e-mail (in a browser, for "
            "example), or keep it as a text file. It stays here as a draft either way."))
        self.copy_button: QPushButton = self.addButton(self.tr("Copy the note"),
                                                       QMessageBox.ButtonRole.ActionRole)
        self.copy_button.setObjectName("noMailCopy")
        self.save_button: QPushButton = self.addButton(self.tr("Save as a text file…"),
                                                       QMessageBox.ButtonRole.ActionRole)
        self.save_button.setObjectName("noMailSave")
        close = self.addButton(QMessageBox.StandardButton.Close)
        self.setDefaultButton(self.copy_button)
        self.setEscapeButton(close)
        self.outcome = ""  # "copied" | "saved" once the couple chose one

    def done(self, result: int) -> None:
        """The chosen button's job runs before the box closes (and `finished` is told)."""
        if self.clickedButton() is self.copy_button:
            self.copy_note()
        elif self.clickedButton() is self.save_button:
            self.save_note()
        super().done(result)

    def copy_note(self) -> None:
        QGuiApplication.clipboard().setText(self._text)
        self.outcome = "copied"

    def save_note(self) -> None:
        path = self._choose_path("lovebridge-note.txt")
        if not path:
            return
        try:
            Path(path).write_text(self._text, encoding="utf-8")
        except OSError as exc:
            show_error(self.parentWidget() or self, self.tr("Could not save the note"),
                       self.tr("The note could not be written there; it is still here. "
                               "Try another folder."), type(exc).__name__)
            return
        self.outcome = "saved"


def ask_text_path(parent: QWidget, suggested: str) -> str | None:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path, _filter = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("NoMailDialog", "Save the note as text"),
        str(Path(folder) / suggested),
        QCoreApplication.translate("NoMailDialog", "Text file (*.txt)"))
    return path or None
