"""What the user sees when the store cannot be opened at all (damaged, newer, unreadable)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox

from lovebridge import APP_NAME


def show_startup_error(app: QApplication, message: str) -> int:
    """Explain the problem in a dialog; the data folder is left exactly as it was."""
    box = QMessageBox()
    box.setObjectName("startupError")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(APP_NAME)
    box.setText(message)
    box.setInformativeText("Nothing has been changed. Your files are where they were.")
    box.finished.connect(app.quit)
    box.open()
    app.exec()
    return 2
