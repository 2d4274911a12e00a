"""Preferences › My handwriting, driven like a person: save the sheet, import, review, draw."""

from __future__ import annotations

from pathlib import Path

import pypdf
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from lovebridge.core.hand import sheet as geo
from lovebridge.core.hand.service import HandwritingService


def _open_page(main_window, qtbot):
    dialog = main_window.open_preferences()
    page = dialog.hand_page
    dialog.tabs.setCurrentWidget(page)
    qtbot.waitUntil(page.isVisible)
    return dialog, page


def test_page_is_in_preferences_and_saves_the_sheet(main_window, qtbot, tmp_path: Path) -> None:
    dialog, page = _open_page(main_window, qtbot)
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert "My handwriting" in titles
    assert "No handwriting kept for Maya yet." in page.status.text()
    page.paper_choice.setCurrentIndex(page.paper_choice.findData("letter"))
    target = tmp_path / "sheet"
    page.choose_save_path = lambda: str(target)
    page.save_button.click()
    saved = target.with_suffix(".pdf")
    assert round(float(pypdf.PdfReader(saved).pages[0].mediabox.width)) == 612
    assert str(saved) in page.status.text()


def test_import_off_the_gui_thread_then_review_and_fill_the_gaps(main_window, qtbot, ctx,
                                                                  photo_dir,
                                                                  filled_sheet_image) -> None:
    half = {box.index for box in geo.BOXES if box.index % 4 == 0}
    from tests.hand.photos import filled_sheet

    gappy = photo_dir / "gappy.png"
    filled_sheet(150, skip=half).save(gappy)
    _dialog, page = _open_page(main_window, qtbot)
    page.choose_photos = lambda: [str(gappy)]
    page.import_button.click()
    assert page.busy and page.progress.isVisible()  # the GUI thread went on at once
    qtbot.waitUntil(lambda: not page.busy, timeout=30000)
    assert "Read 174 of 232 boxes." in page.status.text()
    assert "Missing: a (1st)" in page.status.text()
    assert sorted(page.grid.missing()) == sorted(half)
    kept = HandwritingService(ctx.store).load("a")
    assert kept is not None and kept.name == "Maya" and len(kept.glyphs) == 174

    full = photo_dir / "full.png"
    filled_sheet_image.save(full)
    page.choose_photos = lambda: [str(full)]
    assert page.more_button.isEnabled()
    page.more_button.click()
    qtbot.waitUntil(lambda: not page.busy, timeout=30000)
    assert page.grid.missing() == []
    assert len(HandwritingService(ctx.store).load("a").glyphs) == len(geo.BOXES)


def test_a_bad_photo_is_explained_and_nothing_is_lost(main_window, qtbot, ctx,
                                                      tmp_path: Path) -> None:
    _dialog, page = _open_page(main_window, qtbot)
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"not a picture")
    page.choose_photos = lambda: [str(bad)]
    page.import_button.click()
    qtbot.waitUntil(lambda: not page.busy, timeout=30000)
    assert "could not be opened as a picture" in page.status.text()
    assert HandwritingService(ctx.store).load("a") is None


def _draw_stroke_with_mouse(pad, points) -> None:
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, pos=points[0])
    for point in points[1:]:
        QTest.mouseMove(pad, point)
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=points[-1])


def _tablet(pad, kind, point: QPoint, pressure: float) -> None:
    device = QPointingDevice.primaryPointingDevice()
    event = QTabletEvent(kind, device, QPointF(point), QPointF(pad.mapToGlobal(point)), pressure,
                         0.0, 0.0, 0.0, 0.0, 0.0, Qt.KeyboardModifier.NoModifier,
                         Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton)
    QApplication.sendEvent(pad, event)


def test_boxes_drawn_on_screen_with_mouse_and_pen_pressure(main_window, qtbot, ctx) -> None:
    _dialog, page = _open_page(main_window, qtbot)
    draw = page.open_drawing([0, 1])  # "a", twice
    qtbot.waitUntil(draw.isVisible)
    pad = draw.pad
    w, h = pad.width(), pad.height()
    circle = [QPoint(int(w * (0.35 + 0.08 * dx)), int(h * (0.45 + 0.12 * dy)))
              for dx, dy in ((0, 0), (1, -1), (2, 0), (1, 1), (0, 0), (2, 1), (2, 2))]
    _draw_stroke_with_mouse(pad, circle)
    assert draw.keep_and_next()
    # The pen: the same shape pressed hard leaves a wider line than pressed lightly.
    _tablet(pad, QTabletEvent.Type.TabletPress, circle[0], 1.0)
    for point in circle[1:]:
        _tablet(pad, QTabletEvent.Type.TabletMove, point, 1.0)
    _tablet(pad, QTabletEvent.Type.TabletRelease, circle[-1], 0.0)
    hard = sum(pad.picture().histogram()[:128])
    pad.clear()
    _tablet(pad, QTabletEvent.Type.TabletPress, circle[0], 0.1)
    for point in circle[1:]:
        _tablet(pad, QTabletEvent.Type.TabletMove, point, 0.1)
    _tablet(pad, QTabletEvent.Type.TabletRelease, circle[-1], 0.0)
    light = sum(pad.picture().histogram()[:128])
    assert hard > 1.4 * light > 0
    buttons = draw.findChildren(type(draw.next_button))
    save = next(b for b in buttons if b.text().replace("&", "") == "Save")
    save.click()
    qtbot.waitUntil(lambda: HandwritingService(ctx.store).load("a") is not None)
    hand = HandwritingService(ctx.store).load("a")
    assert sorted(glyph.box for glyph in hand.glyphs) == [0, 1]
    assert "2 of 232 boxes written" in page.status.text()


def test_own_hand_is_first_in_the_write_rooms_list_and_prints(qtbot, ctx, settings, couple,
                                                               captured_hand, tmp_path) -> None:
    from lovebridge.render.content import NoteContent
    from lovebridge.ui.write.note_panel import NotePanel

    HandwritingService(ctx.store).save("a", captured_hand)
    panel = NotePanel(ctx, settings)
    qtbot.addWidget(panel)
    panel.resize(420, 760)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.font_box.itemText(0) == "Maya's hand"
    assert panel.font_box.itemData(0) == "hand:Maya"
    with qtbot.waitSignal(panel.preview_updated, timeout=5000):
        panel.set_content(NoteContent("Meet me by the old oak at noon", "Jonah", "Maya"))
    font_preview = panel.preview.image().copy()
    with qtbot.waitSignal(panel.preview_updated, timeout=5000):
        panel.font_box.setCurrentIndex(0)
    assert panel.style().font == "hand:Maya"
    assert panel.preview.image() != font_preview
    target = tmp_path / "note"
    panel.choose_save_path = lambda kind, suggested: str(target)
    with qtbot.waitSignal(panel.exported, timeout=10000) as signal:
        panel.pdf_button.click()
    text = " ".join(pypdf.PdfReader(signal.args[1]).pages[0].extract_text().split())
    assert "Meet me by the old oak at noon" in text


def test_printing_the_sheet_keeps_its_own_paper(main_window, qtbot, tmp_path: Path) -> None:
    from PySide6.QtGui import QPageSize
    from PySide6.QtPrintSupport import QPrinter

    _dialog, page = _open_page(main_window, qtbot)
    page.paper_choice.setCurrentIndex(page.paper_choice.findData("a4"))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))  # the printer's own default
    dialog = page.print_sheet()
    assert dialog.isVisible()
    dialog.reject()
    page._print_on(printer)  # what accepting the system dialog does
    printed = pypdf.PdfReader(tmp_path / "printed.pdf").pages[0]
    assert round(float(printed.mediabox.width)) == 595  # A4, as chosen on the page
    assert "My handwriting" in " ".join(printed.extract_text().split())


def test_the_writers_own_hand_heads_both_lists_and_follows_the_switch(qtbot, ctx, couple,
                                                                      make_window,
                                                                      captured_hand) -> None:
    """Maya's hand first while Maya writes; one click on "Jonah" puts Jonah's hand first."""
    from dataclasses import replace

    from lovebridge.ui.write.room import NoteRequest

    service = HandwritingService(ctx.store)
    service.save("a", captured_hand)
    service.save("b", replace(captured_hand, name="Jonah"))
    window = make_window()
    window.show_room(0)
    room = window.write_room
    room.start_note(NoteRequest())
    compose = room.compose
    lists = (compose.note_panel.font_box, compose.format_bar.font_box)

    def heads(box) -> list[str]:
        return [box.itemText(0), box.itemText(1)]

    for box in lists:
        assert heads(box) == ["Maya's hand", "Jonah's hand"]
    qtbot.mouseClick(compose.writer_buttons["b"], Qt.MouseButton.LeftButton)
    for box in lists:
        assert heads(box) == ["Jonah's hand", "Maya's hand"]
    # Choosing it above the editor writes the card in it (and the editor keeps working).
    bar_box = compose.format_bar.font_box
    bar_box.setFocus()
    bar_box.setCurrentIndex(bar_box.count() - 1)
    qtbot.keyClick(bar_box, Qt.Key.Key_Home)
    assert compose.note_panel.style().font == "hand:Jonah"
    assert compose.note_panel.font_box.currentData() == "hand:Jonah"
    qtbot.mouseClick(compose.writer_buttons["a"], Qt.MouseButton.LeftButton)
    for box in lists:
        assert heads(box) == ["Maya's hand", "Jonah's hand"]


def test_one_box_is_read_again_from_a_new_photo_and_nothing_else_changes(
        main_window, qtbot, ctx, captured_hand, tmp_path: Path) -> None:
    from tests.hand.photos import filled_sheet, font_filler

    service = HandwritingService(ctx.store)
    service.save("a", captured_hand)
    kept = service.load("a")
    _dialog, page = _open_page(main_window, qtbot)
    assert not page.redo_photo_button.isEnabled()  # nothing chosen yet
    chosen = next(box.index for box in geo.BOXES if box.text == "g" and box.variant == 1)
    page.grid.parentWidget().parentWidget().ensureVisible(
        0, int(page.grid.box_rect(chosen).center().y()))
    qtbot.mouseClick(page.grid, Qt.MouseButton.LeftButton,
                     pos=page.grid.box_rect(chosen).center().toPoint())
    assert page.grid.selected == chosen and page.redo_photo_button.isEnabled()

    # A photo where that box is empty: it is said so, and the kept hand stays as it was.
    empty = tmp_path / "empty-g.png"
    filled_sheet(150, skip={chosen}).save(empty)
    page.choose_photos = lambda: [str(empty)]
    page.redo_photo_button.click()
    qtbot.waitUntil(lambda: not page.busy, timeout=30000)
    assert "could not be read from that photo" in page.status.text()
    assert service.load("a") == kept

    # A new photo written in another hand: only the chosen box takes its "g".
    other = tmp_path / "other.png"
    filled_sheet(150, filler=font_filler("comic_neue")).save(other)
    page.choose_photos = lambda: [str(other)]
    page.redo_photo_button.click()
    assert page.busy
    qtbot.waitUntil(lambda: not page.busy, timeout=30000)
    assert "was read again from the photo" in page.status.text()
    after = {glyph.box: glyph for glyph in service.load("a").glyphs}
    before = {glyph.box: glyph for glyph in kept.glyphs}
    assert after.keys() == before.keys()
    assert after[chosen].text == "g" and after[chosen].contours != before[chosen].contours
    assert all(after[i] == before[i] for i in before if i != chosen)
