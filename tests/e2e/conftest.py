"""Real-window acceptance: an X display with a window manager, and a CUPS printer for printing.

Run by `.ci/run` after `.ci/e2e.sh` has started Xvfb, openbox and CUPS with the cups-pdf queue:
`DISPLAY=:91 QT_QPA_PLATFORM=xcb .venv/bin/python -m pytest -m e2e`. Without a display the
set skips with a reason instead of failing.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

PDF_DIR_ENV = "LOVEBRIDGE_E2E_PDF_DIR"
DEFAULT_PDF_DIR = "/var/spool/lovebridge-e2e-pdf"


def pytest_collection_modifyitems(config, items) -> None:
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(autouse=True)
def _real_display() -> None:
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if not os.environ.get("DISPLAY") or not platform.startswith("xcb"):
        pytest.skip("needs a real X display: DISPLAY set and QT_QPA_PLATFORM=xcb "
                    "(.ci/e2e.sh starts Xvfb and openbox)")


@pytest.fixture
def pdf_dir() -> Path:
    """Where the cups-pdf virtual printer writes; skips if no CUPS default printer."""
    from PySide6.QtPrintSupport import QPrinterInfo

    if QPrinterInfo.defaultPrinter().isNull():
        pytest.skip("no CUPS default printer (.ci/e2e.sh adds the cups-pdf queue)")
    folder = Path(os.environ.get(PDF_DIR_ENV, DEFAULT_PDF_DIR))
    if not folder.is_dir():
        pytest.skip(f"cups-pdf output folder {folder} is missing")
    return folder


def wait_for_new_pdf(folder: Path, before: set[Path], timeout: float = 60.0) -> Path:
    """The PDF that appeared in `folder` since `before`, once its size stops changing."""
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout
    last_size = -1
    while time.monotonic() < deadline:
        QApplication.processEvents()
        fresh = sorted(set(folder.glob("*.pdf")) - before, key=lambda p: p.stat().st_mtime)
        if fresh:
            size = fresh[-1].stat().st_size
            if size > 0 and size == last_size:
                return fresh[-1]
            last_size = size
        time.sleep(0.25)
    raise AssertionError(f"no PDF from the printer in {folder} after {timeout:.0f} s")


def click(widget, qtbot) -> None:
    """A real left click in the middle of a visible, enabled widget."""
    from PySide6.QtCore import Qt

    assert widget.isVisible(), f"{widget.objectName() or widget} is not visible"
    assert widget.isEnabled(), f"{widget.objectName() or widget} is disabled"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())


def open_room(qtbot, window, row: int) -> None:
    """Click a room in the sidebar, as a person would."""
    from PySide6.QtCore import Qt

    rect = window.room_list.visualItemRect(window.room_list.item(row))
    qtbot.mouseClick(window.room_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.room_list.currentRow() == row, timeout=5000)


def write_a_note(qtbot, window, text: str):  # noqa: ANN201
    """Click Write in the sidebar, then "Write a note", and type `text`; returns the page."""
    open_room(qtbot, window, 0)
    room = window.write_room
    click(room.new_note_button, qtbot)
    compose = room.compose
    qtbot.waitUntil(compose.editor.isVisible)
    compose.editor.setFocus()
    qtbot.keyClicks(compose.editor, text)
    return compose
