"""Memory edits save themselves: leaving the editor never throws away what was written."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage

from lovebridge.core.scrapbook.records import MemoryDate
from lovebridge.core.scrapbook.service import MemoryService
from tests.test_scrapbook_core import save_memory
from tests.test_scrapbook_ui import WAIT, open_scrapbook


def test_a_new_memory_with_a_pasted_photo_survives_back_to_the_scrapbook(
        qtbot, main_window) -> None:  # noqa: ANN001
    room = open_scrapbook(main_window)
    qtbot.mouseClick(room.home.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(room.editor.title_edit, "Picnic at the lake")
    picture = QImage(320, 200, QImage.Format.Format_RGB32)
    picture.fill(Qt.GlobalColor.darkCyan)
    QGuiApplication.clipboard().setImage(picture)
    room.editor.photo_strip.setFocus()
    with qtbot.waitSignal(room.import_finished, timeout=WAIT):
        qtbot.keyClick(room.editor.photo_strip, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert room.editor.photo_strip.count() == 1
    qtbot.mouseClick(room.editor.back_button, Qt.MouseButton.LeftButton)  # at once, no pause

    assert room.pages.currentWidget() is room.home
    uuid = room.editor.memory_uuid
    assert uuid is not None
    memory = MemoryService(main_window.ctx).get(uuid)
    assert memory.title == "Picnic at the lake"
    assert len(memory.photos) == 1


def test_a_renamed_memory_is_saved_while_typing_and_on_leaving(qtbot, main_window) -> None:  # noqa: ANN001
    kept = save_memory(main_window.ctx, "First walk", MemoryDate.of(date(2020, 5, 2)))
    room = open_scrapbook(main_window)
    room.open_memory(kept.uuid)  # opens to be read
    assert room.pages.currentWidget() is room.reader
    qtbot.mouseClick(room.reader.edit_button, Qt.MouseButton.LeftButton)
    assert room.editor.save_status.text() == "Saved"
    room.editor.title_edit.selectAll()
    qtbot.keyClicks(room.editor.title_edit, "Our first long walk")
    assert room.editor.save_status.text() != "Saved"  # nothing claims it is saved yet
    qtbot.waitUntil(lambda: room.editor.save_status.text() == "Saved", timeout=5000)
    assert MemoryService(main_window.ctx).get(kept.uuid).title == "Our first long walk"
    assert room.pages.currentWidget() is room.editor  # the quiet save keeps it open

    qtbot.keyClicks(room.editor.place_edit, "the river path")
    qtbot.mouseClick(room.editor.back_button, Qt.MouseButton.LeftButton)
    assert room.pages.currentWidget() is room.home
    assert MemoryService(main_window.ctx).get(kept.uuid).place == "the river path"
    assert MemoryService(main_window.ctx).count() == 1  # updated in place, never a copy


def test_an_untouched_new_memory_leaves_nothing_behind(qtbot, main_window) -> None:  # noqa: ANN001
    room = open_scrapbook(main_window)
    qtbot.mouseClick(room.home.new_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(room.editor.back_button, Qt.MouseButton.LeftButton)
    assert room.editor.memory_uuid is None
    assert MemoryService(main_window.ctx).count() == 0


def test_a_memory_opens_to_be_read_and_edit_is_one_click(qtbot, main_window) -> None:  # noqa: ANN001
    kept = save_memory(main_window.ctx, "Pancake Sunday", MemoryDate.of(date(2024, 3, 3)),
                       story="We burnt the first three and laughed about it.",
                       place="Our kitchen")
    room = open_scrapbook(main_window)
    room.reload()
    qtbot.waitUntil(lambda: room.model.row_of(kept.uuid) >= 0, timeout=5000)
    index = room.model.index(room.model.row_of(kept.uuid))
    view = room.home.view
    qtbot.waitUntil(lambda: view.visualRect(index).height() > 100, timeout=5000)
    centre = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert room.pages.currentWidget() is room.reader
    assert room.reader.title.text() == "Pancake Sunday"
    assert "Our kitchen" in room.reader.details.text()
    assert "burnt the first three" in room.reader.story.toPlainText()
    assert room.reader.story.isReadOnly()
    qtbot.mouseClick(room.reader.edit_button, Qt.MouseButton.LeftButton)
    assert room.pages.currentWidget() is room.editor
    assert room.editor.title_edit.text() == "Pancake Sunday"
