"""File › Import photos from a folder…: review, merge, split, skip, progress, cancel; export."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from lovebridge.core.scrapbook.service import MemoryService
from tests.export_samples import write_dayone
from tests.test_import_folder import _trip


def _start(qtbot, window, action: str, **answers):  # noqa: ANN001, ANN003, ANN202
    controller = window.imports
    for name, value in answers.items():
        setattr(controller, name, value)
    window.findChild(type(window.backup_action), action).trigger()
    return controller


def _wait_for_review(qtbot, controller):  # noqa: ANN001, ANN202
    qtbot.waitUntil(lambda: controller.review is not None and controller.review.isVisible(),
                    timeout=30_000)
    return controller.review


def test_folder_import_is_reviewed_before_anything_is_written(qtbot, main_window, tmp_path):
    roll = _trip(tmp_path / "roll")
    controller = _start(qtbot, main_window, "importFolderAction",
                        choose_folder=lambda: str(roll))
    review = _wait_for_review(qtbot, controller)
    titles = [review.tree.topLevelItem(i).text(0) for i in range(review.tree.topLevelItemCount())]
    assert titles == ["Sunday in Lisbon, 14 July 2024", "Monday in Sintra, 15 July 2024",
                      "Sunday in Paris, 1 September 2024"]
    assert MemoryService(main_window.ctx).count() == 0  # nothing written yet
    assert "4 files not imported" in review.report_toggle.text()

    # Merge the two Portugal days, split them again, then skip Paris and rename Lisbon.
    review.tree.topLevelItem(0).setSelected(True)
    review.tree.topLevelItem(1).setSelected(True)
    qtbot.mouseClick(review.merge_button, Qt.MouseButton.LeftButton)
    assert review.tree.topLevelItem(0).text(0) == "Lisbon and Sintra, 14 – 15 July 2024"
    review.tree.clearSelection()
    review.tree.topLevelItem(0).setSelected(True)
    qtbot.mouseClick(review.split_button, Qt.MouseButton.LeftButton)
    assert review.tree.topLevelItemCount() == 3
    review.tree.topLevelItem(2).setCheckState(0, Qt.CheckState.Unchecked)
    review.tree.topLevelItem(0).setText(0, "Our first day in Lisbon")
    assert review.add_button.text() == "Add 2 memories"
    qtbot.mouseClick(review.add_button, Qt.MouseButton.LeftButton)

    with qtbot.waitSignal(controller.finished, timeout=30_000) as done:
        pass
    assert done.args[0].memories == 2
    titles = sorted(m.title for m in MemoryService(main_window.ctx).timeline(0, 10))
    assert titles == ["Monday in Sintra, 15 July 2024", "Our first day in Lisbon"]
    assert controller.progress.close_button.isVisible()
    room = main_window.scrapbook_room
    combo = room.home.place_combo
    assert not combo.isHidden()
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "All places", "Lisbon", "Sintra"]
    combo.setCurrentIndex(2)
    qtbot.waitUntil(lambda: room.model.total == 1, timeout=10_000)


def test_cancel_stops_the_reading(qtbot, main_window, tmp_path):
    roll = _trip(tmp_path / "roll")
    controller = _start(qtbot, main_window, "importFolderAction",
                        choose_folder=lambda: str(roll))
    controller.progress.cancel()
    with qtbot.waitSignal(controller.finished, timeout=30_000) as done:
        pass
    assert done.args[0] is None
    assert controller.review is None
    assert MemoryService(main_window.ctx).count() == 0


def test_export_file_import_and_export_everything(qtbot, main_window, tmp_path):
    export = write_dayone(tmp_path / "Day One.zip")
    controller = _start(qtbot, main_window, "importExportAction",
                        choose_export_file=lambda: str(export))
    _wait_for_review(qtbot, controller)
    assert "Day One weather" in controller.review.report.toPlainText()
    controller.review.accept()
    with qtbot.waitSignal(controller.finished, timeout=30_000):
        pass
    assert MemoryService(main_window.ctx).count() == 2

    target = tmp_path / "everything"
    _start(qtbot, main_window, "exportAction", choose_export_target=lambda _s: str(target))
    with qtbot.waitSignal(controller.finished, timeout=30_000) as done:
        pass
    assert done.args[0].memories == 2
    assert (tmp_path / "everything.zip").exists()
    QApplication.processEvents()


def test_the_real_folder_dialog_picks_the_folder(qtbot, main_window, tmp_path):
    """The menu's own QFileDialog (not a stand-in): choose the folder, then Cancel the review."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox

    roll = _trip(tmp_path / "roll")
    answered: list[str] = []

    def answer() -> None:
        shown = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QFileDialog) and w.isVisible()]
        if not shown:
            QTimer.singleShot(50, answer)
            return
        dialog = shown[0]
        answered.append(dialog.windowTitle())
        # The folder typed in its parent, as a person picks it: the dialog joins the two.
        # (selectFile leaves the name box alone while it has the focus, so it is typed in.)
        dialog.setDirectory(str(roll.parent))
        dialog.findChild(QLineEdit, "fileNameEdit").setText(roll.name)
        QTimer.singleShot(0, refuse_warnings)  # a "not found" box must fail, not hang
        dialog.accept()
        if dialog.isVisible():  # refused (the warning was recorded): fail, never hang
            dialog.reject()

    def refuse_warnings() -> None:
        for box in [w for w in QApplication.topLevelWidgets()
                    if isinstance(w, QMessageBox) and w.isVisible()]:
            answered.append(box.text())
            box.reject()

    QTimer.singleShot(50, answer)
    main_window.findChild(type(main_window.backup_action), "importFolderAction").trigger()
    controller = main_window.imports
    _wait_for_review(qtbot, controller)
    assert answered == ["Import photos from a folder"]
    assert controller.review.tree.topLevelItemCount() == 3
    controller.review.reject()
    assert MemoryService(main_window.ctx).count() == 0


def test_a_memory_shows_its_place_list_and_a_place_filters_the_scrapbook(
        qtbot, main_window, tmp_path):
    roll = _trip(tmp_path / "roll")
    controller = _start(qtbot, main_window, "importFolderAction",
                        choose_folder=lambda: str(roll))
    review = _wait_for_review(qtbot, controller)
    qtbot.mouseClick(review.add_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(controller.finished, timeout=30_000):
        pass
    room = main_window.scrapbook_room
    main_window.show_room(1)
    sintra = next(m for m in MemoryService(main_window.ctx).timeline(0, 10)
                  if "Sintra" in m.title)
    room.open_memory(sintra.uuid)
    reader = room.reader
    assert room.pages.currentWidget() is reader
    buttons = [b for b in reader.places_box.findChildren(type(reader.edit_button), "readerPlace")
               if not b.isHidden()]
    assert [b.text() for b in buttons] == ["Sintra, Portugal"]
    assert reader.places_box.isVisible()

    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    assert room.pages.currentWidget() is room.home
    assert room.home.place_combo.currentData() == "Sintra"
    qtbot.waitUntil(lambda: room.model.total == 1, timeout=10_000)

    # A memory written by hand has no place list: the row is not shown at all.
    room.show_home()
    room.new_memory(title="Pancakes at home")
    room.editor.title_edit.setText("Pancakes at home")
    assert room.flush_editor()
    plain = next(m for m in MemoryService(main_window.ctx).timeline(0, 10)
                 if m.title == "Pancakes at home")
    room.open_memory(plain.uuid)
    assert reader.places_box.isHidden()


def test_each_suggested_memory_shows_its_first_photo(qtbot, main_window, tmp_path):
    roll = _trip(tmp_path / "roll")
    controller = _start(qtbot, main_window, "importFolderAction",
                        choose_folder=lambda: str(roll))
    review = _wait_for_review(qtbot, controller)
    tree = review.tree
    qtbot.waitUntil(lambda: all(not tree.topLevelItem(i).icon(0).isNull()
                                for i in range(tree.topLevelItemCount())), timeout=15_000)
    cover = tree.topLevelItem(0).icon(0).pixmap(review.tree.iconSize()).toImage()
    assert cover.width() > 20 and cover.height() > 20
    # A real picture, not a blank square: the preview has more than one colour.
    colours = {cover.pixel(x, y) for x in range(0, cover.width(), 4)
               for y in range(0, cover.height(), 4)}
    assert len(colours) > 4
    # Merging keeps the covers: nothing is decoded again for photos already shown.
    tree.topLevelItem(0).setSelected(True)
    tree.topLevelItem(1).setSelected(True)
    qtbot.mouseClick(review.merge_button, Qt.MouseButton.LeftButton)
    assert not tree.topLevelItem(0).icon(0).isNull()
    review.reject()
