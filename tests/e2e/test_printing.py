"""Printing a note through the system print dialog to the cups-pdf virtual printer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QPushButton

from lovebridge.core.write.messages import MessageService
from lovebridge.render.layouts import LAYOUTS_BY_KEY
from lovebridge.ui.shell.window import MainWindow
from tests.e2e.conftest import click, wait_for_new_pdf, write_a_note
from tests.write.conftest import flush_background_work

MM_TO_PT = 72 / 25.4


@pytest.fixture
def window(qtbot, couple, make_window) -> MainWindow:
    window = make_window()
    window.resize(1280, 860)
    window.activateWindow()
    yield window
    flush_background_work(qtbot)


def open_print_dialog(qtbot) -> QPrintDialog:
    found: list[QPrintDialog] = []

    def shown() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets()
                    if isinstance(w, QPrintDialog) and w.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=10000)
    return found[0]


def print_button(dialog: QPrintDialog) -> QPushButton:
    buttons = [b for b in dialog.findChildren(QPushButton)
               if b.text().replace("&", "") == "Print" and b.isVisible()]
    assert len(buttons) == 1, [b.text() for b in dialog.findChildren(QPushButton)]
    return buttons[0]


def test_ctrl_p_prints_the_note_on_the_cards_paper_through_the_real_dialog(
        qtbot, window, pdf_dir) -> None:
    from pypdf import PdfReader

    compose = write_a_note(qtbot, window, "Thank you for the walk by the river")
    before = set(pdf_dir.glob("*.pdf"))
    qtbot.keyClick(compose.editor, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = open_print_dialog(qtbot)
    assert dialog.printer().printerName() == "LoveBridgePDF"
    click(print_button(dialog), qtbot)

    pdf = wait_for_new_pdf(pdf_dir, before)
    reader = PdfReader(str(pdf))
    words = " ".join(reader.pages[0].extract_text().split())
    assert "walk by the river" in words
    layout = LAYOUTS_BY_KEY[compose.note_panel.style().layout]
    box = reader.pages[0].mediabox
    assert float(box.width) == pytest.approx(layout.width * MM_TO_PT, abs=2)
    assert float(box.height) == pytest.approx(layout.height * MM_TO_PT, abs=2)
    qtbot.waitUntil(lambda: compose.current_uuid() is not None
                    and MessageService(window.ctx.store).get(compose.current_uuid()).status
                    == "printed", timeout=5000)
