"""An exception hook that logs and shows a calm dialog instead of the app vanishing."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

logger = logging.getLogger(__name__)

_open_dialogs: list[QMessageBox] = []


def show_error(parent: QWidget | None, title: str, text: str, details: str = "") -> QMessageBox:
    """A non-blocking error message (opened with `open()`, so tests never hang on it)."""
    box = QMessageBox(parent)
    box.setObjectName("errorMessage")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    if details:
        box.setInformativeText(details)
    box.finished.connect(lambda _result: box in _open_dialogs and _open_dialogs.remove(box))
    _open_dialogs.append(box)
    box.open()
    return box


def install_exception_hook(parent: Callable[[], QWidget | None]) -> None:
    """Route uncaught exceptions to the log and to a dialog over `parent()`."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        # Only the type and traceback are logged: an exception's text could quote what was typed.
        frames = "".join(traceback.format_list(traceback.extract_tb(tb)))
        logger.error("unexpected error: %s\n%s", kind.__name__, frames)
        if QApplication.instance() is not None:
            show_error(
                parent(),
                "LoveBridge",
                "Something went wrong, but everything you saved is safe.",
                "The details were written to LoveBridge's log file.",
            )

    sys.excepthook = hook
