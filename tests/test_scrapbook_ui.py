"""The Scrapbook room end to end, driving the real main window like a couple would."""

from __future__ import annotations

import io
import threading
import warnings
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import QMimeData, QPointF, QRectF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication

from lovebridge.core.links import MemoryPrefill, NoteRequest
from lovebridge.core.scrapbook.photo_import import PhotoImporter, thumbnail_bytes
from lovebridge.core.scrapbook.records import MemoryDate
from lovebridge.core.scrapbook.service import MemoryService
from lovebridge.ui.scrapbook.timeline_model import (
    KIND_ROLE,
    MONTH_START_ROLE,
    SUMMARY_ROLE,
    THUMBNAIL_ROLE,
    UUID_ROLE,
    TimelineModel,
)
from lovebridge.ui.shell.window import SCRAPBOOK
from tests.test_scrapbook_core import make_corrupt_jpeg, make_photo, pdf_text, save_memory

WAIT = 20_000


def open_scrapbook(window):  # noqa: ANN001, ANN201
    window.show_room(SCRAPBOOK)
    return window.scrapbook_room


def answer_yes(room) -> list[str]:  # noqa: ANN001
    """Replace the room's question dialogs with an instant "yes"; returns the questions asked."""
    asked: list[str] = []

    def ask(title, text, on_yes, on_no=None) -> None:  # noqa: ANN001
        asked.append(text)
        on_yes()

    room.ask = ask
    return asked


def drop(qtbot, widget, mime: QMimeData) -> None:  # noqa: ANN001
    """A real drag-enter then drop of `mime` onto `widget`."""
    point = QPointF(widget.width() / 2, widget.height() / 2)
    with warnings.catch_warnings():  # PySide flags this constructor; Qt has no other
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(point.toPoint(), Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    event = QDropEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def url_mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def test_a_memory_from_photos_to_search_on_this_day_trash_and_book(
        qtbot, main_window, tmp_path: Path) -> None:  # noqa: ANN001
    room = open_scrapbook(main_window)
    home, editor = room.home, room.editor
    assert home.body.currentWidget() is home.empty_state  # a kind empty state to start

    qtbot.mouseClick(home.new_button, Qt.MouseButton.LeftButton)
    assert room.pages.currentWidget() is editor
    qtbot.keyClicks(editor.title_edit, "Lighthouse picnic")
    qtbot.keyClicks(editor.place_edit, "Farne Islands")
    qtbot.keyClicks(editor.story_edit, "We watched the puffins from the boat")
    qtbot.keyClicks(editor.tags_edit, "seabirds, trips")
    taken = datetime(2024, 11, 23, 11, 0)
    turned = make_photo(tmp_path / "in" / "turned.jpg", (800, 400), taken, orientation=6)
    files = [turned,
             make_photo(tmp_path / "in" / "boat.png", fmt="PNG", colour=(20, 60, 200)),
             make_corrupt_jpeg(tmp_path / "in" / "corrupt.jpg"),
             make_photo(tmp_path / "in" / "puffin.jpg", taken=taken, colour=(10, 10, 10))]
    room.choose_photos = lambda: files
    with qtbot.waitSignal(room.import_finished, timeout=WAIT):
        qtbot.mouseClick(editor.add_photos_button, Qt.MouseButton.LeftButton)
    assert editor.photo_strip.count() == 3
    assert editor.notice.isVisibleTo(room)
    assert "corrupt.jpg is damaged or incomplete" in editor.notice.text()
    assert editor.current_date() == MemoryDate(2024, 11, 23)  # proposed by the EXIF date

    # The viewer: the EXIF-rotated photo stands upright; arrows move, Escape closes.
    with qtbot.waitSignal(room.viewer.photo_shown, timeout=WAIT):
        room.open_viewer(0)
    shown = room.viewer.shown_image()
    assert shown.height() > shown.width()
    with qtbot.waitSignal(room.viewer.photo_shown, timeout=WAIT):
        qtbot.keyClick(room.viewer, Qt.Key.Key_Right)
    assert room.viewer.index == 1
    with qtbot.waitSignal(room.viewer.photo_shown, timeout=WAIT):
        qtbot.keyClick(room.viewer, Qt.Key.Key_Left)
    assert room.viewer.index == 0
    qtbot.keyClick(room.viewer, Qt.Key.Key_Space)
    assert room.viewer.timer.isActive()  # slideshow
    qtbot.keyClick(room.viewer, Qt.Key.Key_Escape)
    assert room.pages.currentWidget() is editor and not room.viewer.timer.isActive()

    editor.photo_strip.item(0).setText("Jonah on the ferry")
    with qtbot.waitSignal(room.memory_saved, timeout=WAIT):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert room.pages.currentWidget() is home
    assert room.model.total == 1
    memory = MemoryService(main_window.ctx).get(room.model.data(room.model.index(1), UUID_ROLE))
    assert memory.title == "Lighthouse picnic" and memory.tags == ("seabirds", "trips")
    assert [p.caption for p in memory.photos][0] == "Jonah on the ferry"

    # Search as you type, by a word from the story; and a word that is nowhere.
    qtbot.keyClicks(home.search_edit, "puffin")
    qtbot.waitUntil(lambda: home.result_label.text() == "1 memory found", timeout=WAIT)
    assert room.model.data(room.model.index(1)) == "Lighthouse picnic"
    home.search_edit.clear()
    qtbot.keyClicks(home.search_edit, "zebra")
    qtbot.waitUntil(lambda: home.body.currentWidget() is home.empty_state, timeout=WAIT)
    home.search_edit.clear()
    qtbot.waitUntil(lambda: room.model.total == 1, timeout=WAIT)

    # On this day (the fixed clock says 23 November 2026): a note about it, one click.
    card = home.on_this_day
    assert card.isVisibleTo(home)
    assert card.title.text() == "On this day, 2 years ago today: Lighthouse picnic"
    with qtbot.waitSignal(room.write_note_requested, timeout=WAIT) as note:
        qtbot.mouseClick(card.note_button, Qt.MouseButton.LeftButton)
    assert note.args == [NoteRequest(category="remembering", memory_uuid=memory.uuid)]
    assert main_window.current_room() is main_window.write_room
    main_window.show_room(SCRAPBOOK)

    # Open it from the timeline by double-clicking its card, then delete and restore it.
    index = room.model.index(1)
    qtbot.waitUntil(lambda: home.view.visualRect(index).height() > 100, timeout=WAIT)
    centre = home.view.visualRect(index).center()
    qtbot.mouseClick(home.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(home.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert room.pages.currentWidget() is room.reader  # it opens to be read
    qtbot.mouseClick(room.reader.edit_button, Qt.MouseButton.LeftButton)
    assert room.pages.currentWidget() is editor and editor.memory_uuid == memory.uuid
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    assert room.model.total == 0 and not card.isVisibleTo(home)
    qtbot.mouseClick(home.trash_button, Qt.MouseButton.LeftButton)
    assert room.trash_page.entries.count() == 1
    assert "Lighthouse picnic" in room.trash_page.entries.item(0).text()
    qtbot.mouseClick(room.trash_page.restore_button, Qt.MouseButton.LeftButton)
    assert room.trash_page.entries.count() == 0
    assert room.model.total == 1 and card.isVisibleTo(home)

    # Our year in a book: a cover and the memory's page, with its story.
    room.show_home()
    qtbot.mouseClick(home.book_button, Qt.MouseButton.LeftButton)
    dialog = room._dialogs[-1]
    out = tmp_path / "our-2024.pdf"
    dialog.choose_file = lambda _suggested: out
    dialog.year_combo.setCurrentIndex(dialog.year_combo.findData(2024))
    with qtbot.waitSignal(dialog.exported, timeout=60_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    pages = PdfReader(out).pages
    assert len(pages) == 2
    assert "Our 2024" in pdf_text(pages[0]) and "Maya & Jonah" in pdf_text(pages[0])
    assert "Lighthouse picnic" in pdf_text(pages[1])
    assert "puffins from the boat" in pdf_text(pages[1])
    assert "Jonah on the ferry" in pdf_text(pages[1])
    dialog.reject()


def test_dropping_a_folder_offers_one_memory_per_day(qtbot, main_window, tmp_path: Path) -> None:  # noqa: ANN001
    room = open_scrapbook(main_window)
    asked = answer_yes(room)
    folder = tmp_path / "weekend"
    make_photo(folder / "sat-1.jpg", taken=datetime(2025, 6, 14, 9, 0), colour=(1, 1, 1))
    make_photo(folder / "sat-2.jpg", taken=datetime(2025, 6, 14, 19, 0), colour=(2, 2, 2))
    make_photo(folder / "sun.jpg", taken=datetime(2025, 6, 15, 10, 0), colour=(3, 3, 3))
    (folder / "empty.jpg").write_bytes(b"")
    with qtbot.waitSignal(room.import_finished, timeout=WAIT):
        drop(qtbot, room.home.view.viewport(), url_mime(folder))
        assert room.progress_row.isVisibleTo(room)  # the import runs in the background
    assert not room.progress_row.isVisibleTo(room)
    assert asked and "2 different days" in asked[0]
    assert room.model.total == 2
    assert "2 memories made" in room.notice.text()
    assert "empty.jpg is empty (0 bytes)" in room.notice.text()
    days = [room.model.data(room.model.index(r), UUID_ROLE) for r in room.model.memory_rows()]
    counts = sorted(len(MemoryService(main_window.ctx).get(u).photos) for u in days)
    assert counts == [1, 2]


def test_dropping_and_pasting_photos_into_the_memory_editor(
        qtbot, main_window, tmp_path: Path) -> None:  # noqa: ANN001
    room = open_scrapbook(main_window)
    qtbot.mouseClick(room.home.new_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(room.import_finished, timeout=WAIT):
        drop(qtbot, room.editor.story_edit.viewport(),
             url_mime(make_photo(tmp_path / "dropped.jpg")))
    assert room.editor.photo_strip.count() == 1
    assert room.editor.story_edit.toPlainText() == ""  # the URL was not pasted as text

    picture = QImage(320, 200, QImage.Format.Format_RGB32)
    picture.fill(Qt.GlobalColor.darkCyan)
    QGuiApplication.clipboard().setImage(picture)
    room.editor.photo_strip.setFocus()
    with qtbot.waitSignal(room.import_finished, timeout=WAIT):
        qtbot.keyClick(room.editor.photo_strip, Qt.Key.Key_V,
                       Qt.KeyboardModifier.ControlModifier)
    assert room.editor.photo_strip.count() == 2
    assert not list((main_window.ctx.paths.cache / "pasted").glob("*"))  # temp file cleaned


def test_capture_from_a_kept_date_finds_photos_of_that_evening(
        qtbot, main_window, tmp_path: Path) -> None:  # noqa: ANN001
    room = open_scrapbook(main_window)
    asked = answer_yes(room)
    camera = tmp_path / "camera"
    make_photo(camera / "dinner.jpg", taken=datetime(2026, 11, 21, 20, 15), colour=(5, 5, 5))
    make_photo(camera / "before.jpg", taken=datetime(2026, 11, 20, 20, 15), colour=(6, 6, 6))
    room.choose_folder = lambda: camera
    start = datetime(2026, 11, 21, 19, 0).astimezone()
    main_window.request_memory(MemoryPrefill(
        "Dinner at Luca's", datetime(2026, 11, 21).date(), "Luca's", start,
        start.replace(hour=23)))
    editor = room.editor
    assert room.pages.currentWidget() is editor
    assert editor.title_edit.text() == "Dinner at Luca's"
    assert editor.place_edit.text() == "Luca's"
    assert editor.current_date() == MemoryDate(2026, 11, 21)
    assert editor.from_day_button.isVisibleTo(room)
    with qtbot.waitSignal(room.import_finished, timeout=WAIT):
        qtbot.mouseClick(editor.from_day_button, Qt.MouseButton.LeftButton)
    assert "1 photos" in asked[0]
    assert [p.original_name for p, _ in editor.photos()] == ["dinner.jpg"]


def test_emptying_the_trash_asks_first(qtbot, main_window, tmp_path: Path) -> None:  # noqa: ANN001
    ctx = main_window.ctx
    memory = save_memory(ctx, "Old", MemoryDate(2020, 5, 1))
    room = open_scrapbook(main_window)
    room.edit_memory(memory.uuid)
    qtbot.mouseClick(room.editor.delete_button, Qt.MouseButton.LeftButton)
    room.show_trash()
    declined: list[str] = []
    room.ask = lambda title, text, on_yes, on_no=None: declined.append(text)
    qtbot.mouseClick(room.trash_page.empty_button, Qt.MouseButton.LeftButton)
    assert declined and room.trash_page.entries.count() == 1
    answer_yes(room)
    gui_thread = threading.get_ident()
    deleting_threads: list[int] = []
    real_empty = room.trash.empty
    room.trash.empty = lambda: (deleting_threads.append(threading.get_ident()), real_empty())[1]
    with qtbot.waitSignal(room.trash_emptied, timeout=10_000) as emptied:
        qtbot.mouseClick(room.trash_page.empty_button, Qt.MouseButton.LeftButton)
    assert emptied.args == [1] and deleting_threads and gui_thread not in deleting_threads
    assert room.trash_page.entries.count() == 0
    assert room.trash_page.empty_label.isVisibleTo(room)


def test_the_real_question_dialog_opens_without_blocking(qtbot, main_window) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QMessageBox

    room = open_scrapbook(main_window)
    answered: list[str] = []
    room.ask("Empty the trash?", "Sure?", lambda: answered.append("yes"),
             lambda: answered.append("no"))
    box = room._dialogs[-1]
    assert box.isVisible() and answered == []  # open(), not exec(): the test goes on
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    room.ask("Empty the trash?", "Sure?", lambda: answered.append("yes"), None)
    box = room._dialogs[-1]
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert answered == ["no", "yes"] and room._dialogs == []


@pytest.fixture
def many_memories(ctx, tmp_path: Path):  # noqa: ANN001, ANN201
    photos = PhotoImporter(ctx).import_files(
        [make_photo(tmp_path / f"p{n}.jpg", colour=(n * 20, 90, 90)) for n in range(4)]).photos
    for number in range(400):
        save_memory(ctx, f"Memory {number}", MemoryDate(2010 + number % 12, 1 + number % 12,
                                                        1 + number % 28),
                    photos=[(photos[number % 4], "")] if number % 3 else [])
    return photos


def test_timeline_model_passes_the_model_tester_and_loads_in_pages(
        qtmodeltester, qtbot, ctx, many_memories) -> None:  # noqa: ANN001
    from lovebridge.core.scrapbook.records import Filters
    from lovebridge.ui.scrapbook.thumbnails import ThumbnailLoader

    loader = ThumbnailLoader(ctx)
    model = TimelineModel(MemoryService(ctx), loader)
    model.reload()
    assert model.total == 400
    first_page = model.rowCount()
    assert first_page < 400 and model.canFetchMore()
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    memory_rows = model.memory_rows()
    assert len(memory_rows) == 400
    assert model.data(model.index(0), KIND_ROLE) == "header"
    assert model.data(model.index(1), MONTH_START_ROLE) == "Dec"
    qtmodeltester.check(model)
    # Thumbnails arrive asynchronously and are announced with dataChanged.
    covered = next(r for r in memory_rows if model.data(model.index(r), THUMBNAIL_ROLE) is None
                   and "Memory" in model.data(model.index(r)))
    qtbot.waitUntil(lambda: model.data(model.index(covered), THUMBNAIL_ROLE) is not None
                    or not MemoryService(ctx).get(model.data(model.index(covered), UUID_ROLE))
                    .photos, timeout=WAIT)
    model.reload(Filters(year=2011))
    assert model.total == len([n for n in range(400) if n % 12 == 1])
    qtmodeltester.check(model)
    loader.wait_idle()


def test_thumbnail_cache_file_is_upright(ctx, tmp_path: Path) -> None:  # noqa: ANN001
    photo = PhotoImporter(ctx).import_files(
        [make_photo(tmp_path / "t.jpg", (900, 300), orientation=8)]).photos[0]
    with Image.open(io.BytesIO(thumbnail_bytes(ctx, photo))) as thumb:
        assert thumb.size[1] > thumb.size[0]


def test_scrolling_the_timeline_fetches_more(qtbot, many_memories, make_window, couple) -> None:  # noqa: ANN001
    window = make_window()
    room = open_scrapbook(window)
    view = room.home.view
    before = room.model.rowCount()
    for _ in range(40):
        view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
        qtbot.wait(5)
        if room.model.rowCount() > before:
            break
    assert room.model.rowCount() > before
    room.thumbnails.wait_idle()


def test_the_story_keeps_its_formatting(qtbot, main_window) -> None:  # noqa: ANN001
    room = open_scrapbook(main_window)
    qtbot.mouseClick(room.home.new_button, Qt.MouseButton.LeftButton)
    editor = room.editor
    qtbot.keyClicks(editor.title_edit, "Rich")
    qtbot.mouseClick(editor.bold_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.story_edit, "always")
    with qtbot.waitSignal(room.memory_saved, timeout=WAIT) as saved:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    memory = MemoryService(main_window.ctx).get(saved.args[0])
    assert memory.story_text == "always"
    assert "font-weight:700" in memory.story_html.replace(" ", "")


def test_a_book_of_the_memories_chosen_in_the_timeline(qtbot, main_window, tmp_path: Path) -> None:  # noqa: ANN001
    ctx = main_window.ctx
    for title, when in (("Picnic", MemoryDate(2021, 6, 5)), ("Museum", MemoryDate(2023, 2)),
                        ("Lake swim", MemoryDate(2024, 7, 20))):
        save_memory(ctx, title, when, story=f"The day of the {title.lower()}")
    room = open_scrapbook(main_window)
    room.reload()
    view = room.home.view
    rows = room.model.memory_rows()
    qtbot.waitUntil(lambda: view.visualRect(room.model.index(rows[-1])).height() > 100,
                    timeout=WAIT)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(room.model.index(rows[0])).center())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.ControlModifier,
                     view.visualRect(room.model.index(rows[2])).center())
    qtbot.mouseClick(room.home.book_button, Qt.MouseButton.LeftButton)
    dialog = room._dialogs[-1]
    assert dialog.year_combo.currentText() == "The 2 memories chosen"
    out = tmp_path / "chosen.pdf"
    dialog.choose_file = lambda _suggested: out
    with qtbot.waitSignal(dialog.exported, timeout=60_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    pages = [pdf_text(page) for page in PdfReader(out).pages]
    assert len(pages) == 3
    assert "Picnic" in pages[1] and "Lake swim" in pages[2]  # oldest first, Museum left out
    assert not any("Museum" in text for text in pages)
    dialog.reject()


def test_search_results_past_the_first_page_arrive_when_scrolling(
        qtbot, many_memories, make_window, couple) -> None:  # noqa: ANN001
    window = make_window()
    room = open_scrapbook(window)
    home, model, view = room.home, room.model, room.home.view
    with qtbot.waitSignal(room.timeline_reloaded, timeout=WAIT):
        qtbot.keyClicks(home.search_edit, "memor")
        home.flush_search()
    assert model.total == 400  # every title says "Memory"
    assert len(model.memory_rows()) < 400 and model.canFetchMore()
    assert home.result_label.text() == "400 memories found"
    for _ in range(200):
        if not model.canFetchMore():
            break
        view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
        qtbot.wait(5)
    rows = model.memory_rows()
    summaries = [model.data(model.index(row), SUMMARY_ROLE) for row in rows]
    assert len(summaries) == 400 and len({s.uuid for s in summaries}) == 400
    assert [s.when for s in summaries] == sorted((s.when for s in summaries), reverse=True)
    numbers = {int(s.title.split()[1]): s for s in summaries}
    for number, summary in numbers.items():  # every third memory has no photo
        assert (summary.cover is None) == (number % 3 == 0)
        assert summary.photo_count == (0 if number % 3 == 0 else 1)

    with qtbot.waitSignal(room.timeline_reloaded, timeout=WAIT):
        qtbot.keyClicks(home.search_edit, "y 39")  # "memory 39": 39 and 390-399
        home.flush_search()
    titles = sorted(model.data(model.index(row)) for row in model.memory_rows())
    assert titles == sorted(["Memory 39", *(f"Memory {n}" for n in range(390, 400))])
    room.thumbnails.wait_idle()


def test_a_memory_without_a_photo_is_a_card_of_words(qtbot, ctx, couple, make_window) -> None:  # noqa: ANN001
    """A memory with no photo is not an empty picture frame: its title, date, place and the
    start of its story fill the card, the story ending in "…" when there is more."""
    story = "We laughed so much at the lake that the ducks left. " * 12
    save_memory(ctx, "Picnic at the lake", MemoryDate(2025, 6, 3), story=story,
                place="Loch Lomond")
    window = make_window()
    window.resize(1280, 800)
    room = open_scrapbook(window)
    view = room.home.view
    qtbot.waitUntil(lambda: view.model().rowCount() >= 2)
    index = next(view.model().index(row, 0) for row in range(view.model().rowCount())
                 if view.model().index(row, 0).data(KIND_ROLE) == "memory")
    rect = view.visualRect(index)
    qtbot.wait(50)
    picture = view.viewport().grab().toImage()
    upper = rect.adjusted(rect.width() // 4, 0, 0, -rect.height() // 3)  # past the month tab
    dark = sum(1 for x in range(upper.left(), upper.right(), 2)
               for y in range(upper.top(), upper.bottom(), 2)
               if picture.pixelColor(x, y).lightness() < 120)
    assert dark > 150, dark  # words, not a blank frame with a small ornament
    lines = view.itemDelegate().text_card_lines(view.font(), index, QRectF(rect))
    texts = [text for text, *_rest in lines]
    assert texts[0] == "Picnic at the lake"
    assert any("Loch Lomond" in text for text in texts)
    assert any("ducks" in text for text in texts)
    assert texts[-1].endswith("…")
