"""The Write room's acceptance path, driven like a person would through the real main window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton

from lovebridge.core.write.messages import MessageService
from lovebridge.core.write.placeholders import find_blanks
from lovebridge.ui.shell.window import MainWindow
from lovebridge.ui.write.suggestion_model import CATEGORY_ROLE, PREVIEW_ROLE


def open_write(qtbot, window: MainWindow):
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_room() is window.write_room
    return window.write_room


def test_apology_from_suggestion_to_given_and_found_in_history(qtbot, main_window) -> None:
    room = open_write(qtbot, main_window)
    qtbot.mouseClick(room.findChild(QPushButton, "category-apology"), Qt.MouseButton.LeftButton)
    compose = room.compose
    assert room.pages.currentWidget() is compose
    panel = compose.suggestions
    assert panel.category() == "apology"
    top = [panel.model.index(row, 0).data(CATEGORY_ROLE) for row in range(5)]
    assert top == ["apology"] * 5

    # Into the suggestions by keyboard; walk down to one with nothing left to fill in.
    editor = compose.editor
    qtbot.keyClick(editor, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert panel.list.hasFocus()
    for _ in range(panel.model.rowCount()):
        preview = panel.list.currentIndex().data(PREVIEW_ROLE)
        if "Jonah" in preview and not find_blanks(preview):
            break
        qtbot.keyClick(panel.list, Qt.Key.Key_Down)
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    text = editor.toPlainText()
    assert "Jonah" in text and "{partner}" not in text and text == preview
    assert editor.hasFocus()

    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " You never listen to me.")
    qtbot.waitUntil(lambda: any(h.rule == "accusation" for h in compose.coach_bar.hints),
                    timeout=3000)
    rephrase = compose.coach_bar.findChild(QPushButton, "coachRephrase")
    assert rephrase is not None and rephrase.isVisible()
    assert rephrase.toolTip().startswith("I feel unheard when")
    qtbot.mouseClick(rephrase, Qt.MouseButton.LeftButton)
    text = editor.toPlainText()
    assert "You never listen" not in text
    assert "I feel unheard when it seems you don't listen to me" in text
    assert "Could we" in text

    qtbot.mouseClick(compose.send_bar.buttons["copy"], Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == text
    qtbot.mouseClick(compose.send_bar.given_button, Qt.MouseButton.LeftButton)
    record = MessageService(main_window.ctx.store).get(compose.current_uuid())
    assert record is not None
    assert (record.status, record.category, record.channel) == ("given", "apology", "copy")
    assert record.given_at is not None and record.body_text == text

    qtbot.mouseClick(compose.back_button, Qt.MouseButton.LeftButton)
    assert room.pages.currentWidget() is room.home
    qtbot.keyClicks(room.history.search, "unheard")
    qtbot.waitUntil(lambda: room.history.model.rowCount() == 1, timeout=3000)
    found = room.history.model.record(0)
    assert found.uuid == record.uuid and found.status == "given"
    qtbot.keyClicks(room.history.search, " zebra")
    qtbot.waitUntil(lambda: room.history.model.rowCount() == 0, timeout=3000)
