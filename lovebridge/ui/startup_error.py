"""What the user sees when the store cannot be opened at all (damaged, newer, unreadable)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QMessageBox

from lovebridge import APP_NAME


def open_startup_error(message: str, on_closed: Callable[[], None]) -> QMessageBox:
    """Explain the problem in a dialog (opened, not exec'd); `on_closed` runs when it closes.

    The data folder is left exactly as it was.
    """
    box = QMessageBox()
    box.setObjectName("startupError")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(APP_NAME)
    box.setText(message)
    box.setInformativeText("Nothing has been changed. Your files are where they were.")
    box.finished.connect(lambda _result: on_closed())
    _open_boxes.append(box)  # a window without a parent: kept alive until the app ends
    box.open()
    return box


_open_boxes: list[QMessageBox] = []


def show_startup_error(app: QApplication, message: str) -> int:
    """Before the app runs: show the problem, wait for it to be closed, return the exit code 2."""
    open_startup_error(message, app.quit)
    app.exec()
    return 2
