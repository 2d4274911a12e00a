"""Write-room helpers: let background card renders land when a test needs to see them."""

from __future__ import annotations

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication


def flush_background_work(qtbot) -> None:
    """Let debounced previews start, finish pooled renders, and deliver their results."""
    for _ in range(3):
        qtbot.wait(200)  # past the card preview's debounce
        QThreadPool.globalInstance().waitForDone(20000)
        QApplication.processEvents()
