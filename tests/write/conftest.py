"""Write-room fixtures: let background card renders land before a window is torn down."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication


def flush_background_work(qtbot) -> None:
    """Let debounced previews start, finish pooled renders, and deliver their results while
    their widgets still exist (a result landing on a deleted widget would fail the next test)."""
    for _ in range(3):
        qtbot.wait(200)  # past the card preview's debounce
        QThreadPool.globalInstance().waitForDone(20000)
        QApplication.processEvents()


@pytest.fixture
def main_window(qtbot, couple, make_window):
    """The real main window (as in tests/conftest.py), settled before it is closed."""
    window = make_window()
    yield window
    flush_background_work(qtbot)
