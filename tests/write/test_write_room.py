"""The Write room through the real main window: saving, hostile text, sending on, the coach."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QDialog, QPushButton
from sqlalchemy.exc import OperationalError

from lovebridge.core.links import NoteRequest
from lovebridge.core.write.messages import MAX_MESSAGE_CHARS, Draft, MessageService
from lovebridge.store.models import Memory
from lovebridge.ui.write.suggestion_model import PREVIEW_ROLE
from tests.write.test_write_core import HOSTILE


@pytest.fixture
def room(qtbot, main_window):
    main_window.show_room(0)
    return main_window.write_room


@pytest.fixture
def compose(room):
    room.start_note(NoteRequest())
    return room.compose


def saved_text(window, uuid: str) -> str:
    return MessageService(window.ctx.store).get(uuid).body_text


def test_drafts_save_themselves_while_typing_and_on_close(qtbot, main_window, compose) -> None:
    qtbot.keyClicks(compose.editor, "Thank you for the soup")
    qtbot.waitUntil(lambda: compose.current_uuid() is not None, timeout=5000)
    uuid = compose.current_uuid()
    assert saved_text(main_window, uuid) == "Thank you for the soup"
    assert compose.save_status.text() == "Saved"
    qtbot.keyClicks(compose.editor, ", Jonah")
    main_window.close()  # the close hook saves the last words at once
    assert saved_text(main_window, uuid) == "Thank you for the soup, Jonah"


def test_a_failed_save_keeps_the_words_and_retries(qtbot, main_window, compose, monkeypatch
                                                   ) -> None:
    real_save = compose._messages.save

    def broken(_draft: Draft):
        raise OperationalError("INSERT", {}, Exception("disk I/O error"))

    monkeypatch.setattr(compose._messages, "save", broken)
    qtbot.keyClicks(compose.editor, "Words that must not be lost")
    assert compose.save_now() is False
    assert "safe here" in compose.save_status.text()
    assert compose.editor.toPlainText() == "Words that must not be lost"
    monkeypatch.setattr(compose._messages, "save", real_save)
    qtbot.waitUntil(lambda: compose.current_uuid() is not None, timeout=6000)  # the retry
    assert saved_text(main_window, compose.current_uuid()) == "Words that must not be lost"


def test_a_huge_paste_is_capped_with_a_clear_message(qtbot, compose) -> None:
    compose.editor.insertPlainText("Hi ")
    mime = QMimeData()
    mime.setText(("A long pasted letter, line after line.\n" * 260_000)[:10_000_000])
    compose.editor.insertFromMimeData(mime)
    assert len(compose.editor.toPlainText()) == MAX_MESSAGE_CHARS
    assert compose.notice.isVisible() and "100,000" in compose.notice.text()
    qtbot.keyClicks(compose.editor, "more")  # full: further typing is refused, kindly
    qtbot.keyClick(compose.editor, Qt.Key.Key_Return)
    assert len(compose.editor.toPlainText()) == MAX_MESSAGE_CHARS
    assert compose.save_now() is True


def test_emoji_right_to_left_and_control_characters_round_trip(qtbot, main_window, room,
                                                               compose) -> None:
    compose.editor.setPlainText(HOSTILE + "\nsecond line")
    compose.editor.selectAll()
    compose.format_bar.align_buttons[1].click()
    assert compose.save_now()
    uuid = compose.current_uuid()
    assert saved_text(main_window, uuid) == HOSTILE + "\nsecond line"
    room.start_note(NoteRequest())
    room.open_message(uuid)
    assert compose.editor.exact_text() == HOSTILE + "\nsecond line"
    assert compose.current_uuid() == uuid


def test_e_mail_opens_a_mailto_link_and_records_the_channel(qtbot, main_window, compose) -> None:
    opened = []
    compose.find_mail_program = lambda: True
    compose.open_url = lambda url: opened.append(url) or True
    qtbot.keyClicks(compose.editor, "Dinner & a walk? 50% chance of rain")
    qtbot.mouseClick(compose.send_bar.buttons["email"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(opened) == 1)
    assert opened[0].scheme() == "mailto"
    query = parse_qs(urlsplit(opened[0].toString(opened[0].ComponentFormattingOption.FullyEncoded
                                                 )).query)
    assert query["subject"] == ["A note from Maya"]
    assert query["body"] == ["Dinner & a walk? 50% chance of rain"]
    record = MessageService(main_window.ctx.store).get(compose.current_uuid())
    assert (record.channel, record.status) == ("email", "sent")


def no_mail_dialog(qtbot):
    from PySide6.QtWidgets import QApplication

    from lovebridge.ui.write.mail_handoff import NoMailDialog

    found = []
    qtbot.waitUntil(lambda: found.extend(
        w for w in QApplication.topLevelWidgets()
        if isinstance(w, NoMailDialog) and w.isVisible()) or bool(found), timeout=10000)
    return found[0]


def test_e_mail_without_a_mail_program_offers_copy_and_save_and_is_not_sent(
        qtbot, main_window, compose, tmp_path) -> None:
    from PySide6.QtGui import QGuiApplication

    opened = []
    compose.find_mail_program = lambda: False  # what xdg-mime answers with no mail program
    compose.open_url = lambda url: opened.append(url) or True
    compose.choose_text_path = lambda _name: str(tmp_path / "note.txt")
    qtbot.keyClicks(compose.editor, "Meet me under the purple umbrella")
    qtbot.mouseClick(compose.send_bar.buttons["email"], Qt.MouseButton.LeftButton)
    dialog = no_mail_dialog(qtbot)
    assert "not sent" in dialog.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "note.txt").read_text(encoding="utf-8") == \
        "Meet me under the purple umbrella"
    assert "not sent" in compose.save_status.text()

    qtbot.mouseClick(compose.send_bar.buttons["email"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(no_mail_dialog(qtbot).copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "Meet me under the purple umbrella"
    assert opened == []  # the link never went to a launcher that could echo it
    record = MessageService(main_window.ctx.store).get(compose.current_uuid())
    assert record.status == "draft"


def test_qr_code_shows_and_long_notes_are_explained(qtbot, compose) -> None:
    qtbot.keyClicks(compose.editor, "See you at the bakery at nine")
    qtbot.mouseClick(compose.send_bar.buttons["qr"], Qt.MouseButton.LeftButton)
    dialog = compose.findChild(QDialog, "qrDialog")
    assert dialog.isVisible() and dialog.shown and not dialog.code.pixmap().isNull()
    dialog.reject()
    compose.editor.setPlainText("word " * 300)
    qtbot.mouseClick(compose.send_bar.buttons["qr"], Qt.MouseButton.LeftButton)
    long_dialog = compose._dialogs[-1]
    assert not long_dialog.shown and "1,000" in long_dialog.message.text()
    long_dialog.reject()


def test_picture_export_records_the_image_channel(qtbot, main_window, compose, tmp_path) -> None:
    target = tmp_path / "card"
    compose.choose_image_path = lambda suggested: str(target)
    qtbot.keyClicks(compose.editor, "For the fridge door")
    with qtbot.waitSignal(compose.note_panel.exported, timeout=20000):
        qtbot.mouseClick(compose.send_bar.buttons["image"], Qt.MouseButton.LeftButton)
    assert Path(str(target) + ".png").stat().st_size > 1000
    record = MessageService(main_window.ctx.store).get(compose.current_uuid())
    assert record.channel == "image"


def test_blanks_stay_visible_and_printing_waits_until_they_are_filled(qtbot, compose) -> None:
    panel = compose.suggestions
    template = next(t for t in panel._library.templates if "{inside_joke}" not in t.text
                    and "{memory}" in t.text)
    compose.use_template(template, panel.filled(template), replace=True)
    text = compose.editor.toPlainText()
    assert "[a memory]" in text and "{memory}" not in text
    assert not compose.blank_warning.isHidden()
    assert not compose.note_panel.print_button.isEnabled()
    qtbot.mouseClick(compose.send_bar.buttons["print"], Qt.MouseButton.LeftButton)
    assert "[a memory]" in compose.notice.text()
    block = compose.editor.document().findBlock(text.index("[a memory]"))
    formats = block.layout().formats()
    assert any(f.format.background().color().name() != "#000000" for f in formats)
    cursor = compose.editor.document().find("[a memory]")
    cursor.insertText("our picnic at the lake")
    assert compose.blank_warning.isHidden()
    assert compose.note_panel.print_button.isEnabled()


def test_a_memory_and_occasion_from_another_room_fill_the_note(qtbot, main_window) -> None:
    with main_window.ctx.store.session_scope() as session:
        memory = Memory(title="our picnic at the lake", date_year=2021, place="Loch Lomond")
        session.add(memory)
        session.flush()
        uuid = memory.uuid
    main_window.request_note(NoteRequest("remembering", uuid, "5 years since the lake"))
    compose = main_window.write_room.compose
    assert compose.occasion.isVisible() and compose.occasion.text() == "5 years since the lake"
    assert compose.suggestions.category() == "remembering"
    previews = [compose.suggestions.model.index(r, 0).data(PREVIEW_ROLE)
                for r in range(compose.suggestions.model.rowCount())]
    assert any("our picnic at the lake" in p for p in previews)
    assert all("{memory}" not in p for p in previews)


def test_social_posts_remind_to_check_consent(qtbot, compose) -> None:
    assert not compose.send_bar.public_reminder.isVisible()
    compose.send_bar.set_channel("social")
    assert compose.send_bar.public_reminder.isVisible()
    assert "Jonah is comfortable" in compose.send_bar.public_reminder.text()


def test_channel_limits_are_shown_and_the_coach_speaks_past_them(qtbot, compose) -> None:
    compose.send_bar.set_channel("text")
    qtbot.keyClicks(compose.editor, "Thank you for today.")
    assert "fits one text" in compose.send_bar.count_label.text()
    assert "4 words" in compose.send_bar.count_label.text()
    compose.editor.setPlainText("Thank you for the walk by the river. " * 15)
    assert "4 texts of 160" in compose.send_bar.count_label.text()
    qtbot.waitUntil(lambda: "too_long_for_channel" in {h.rule for h in compose.coach_bar.hints},
                    timeout=3000)


@pytest.mark.parametrize(("size", "one_line"), [((1180, 780), True), ((800, 600), None)])
def test_the_count_keeps_to_one_line_when_there_is_room_and_is_never_cut(
        qtbot, main_window, compose, size, one_line) -> None:
    main_window.show()
    main_window.resize(*size)
    compose.send_bar.set_channel("text")
    qtbot.keyClicks(compose.editor, "Thank you for the walk by the river on Sunday.")
    label = compose.send_bar.count_label
    qtbot.waitUntil(lambda: "fits one text" in label.text())
    qtbot.wait(50)  # the layout settles
    line = label.fontMetrics().lineSpacing()
    assert label.height() >= label.heightForWidth(label.width())  # every line shows
    assert label.geometry().left() >= compose.private_box.geometry().right()
    if one_line:
        assert label.height() < 2 * line, "the count wrapped with room to spare"


def test_with_coach_hints_at_800x600_no_pane_of_the_note_is_cut(qtbot, main_window,
                                                                  compose) -> None:
    """Hints make the editor's pane need more width after it was built: the panes stack (or
    share the width) rather than cut the pane's right edge, which does not scroll sideways."""
    from PySide6.QtWidgets import QSplitter

    main_window.show()
    main_window.resize(800, 600)
    compose.send_bar.set_channel("text")
    compose.editor.setPlainText("thx for everything u do. but ur so lazy w the bins, typical.")
    qtbot.waitUntil(lambda: len(compose.coach_bar.hints) >= 2, timeout=3000)
    qtbot.wait(100)  # the layout settles
    splitter = compose.findChild(QSplitter, "composeSplitter")
    for pane in (splitter.widget(0), compose.side_tabs.currentWidget()):  # editor, side panel
        assert pane.viewport().width() >= pane.widget().minimumSizeHint().width()


def test_dismissing_a_hint_is_remembered_for_that_draft_only(qtbot, room, compose) -> None:
    qtbot.keyClicks(compose.editor, "I love you.")
    qtbot.waitUntil(lambda: bool(compose.coach_bar.hints), timeout=3000)
    dismiss = compose.coach_bar.findChild(QPushButton, "coachDismiss")
    qtbot.mouseClick(dismiss, Qt.MouseButton.LeftButton)
    assert compose.coach_bar.hints == []
    first = compose.current_uuid()
    room.start_note(NoteRequest())
    qtbot.keyClicks(compose.editor, "I love you.")
    qtbot.waitUntil(lambda: bool(compose.coach_bar.hints), timeout=3000)
    room.open_message(first)
    compose.run_coach()
    assert compose.coach_bar.hints == []


def test_suggestions_by_keyboard_escape_returns_and_shift_enter_replaces(qtbot, compose) -> None:
    qtbot.keyClicks(compose.editor, "Old words")
    qtbot.keyClick(compose.editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert compose.suggestions.list.hasFocus()
    qtbot.keyClick(compose.suggestions.list, Qt.Key.Key_Escape)
    assert compose.editor.hasFocus()
    qtbot.keyClick(compose.editor, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(compose.suggestions.list, Qt.Key.Key_Down)
    chosen = compose.suggestions.list.currentIndex().data(PREVIEW_ROLE)
    qtbot.keyClick(compose.suggestions.list, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert compose.editor.toPlainText() == chosen
    compose.editor.undo()
    assert compose.editor.toPlainText() == "Old words"


def test_suggestions_follow_the_words_being_typed(qtbot, compose) -> None:
    panel = compose.suggestions
    qtbot.keyClicks(compose.editor, "thank you for the coff")
    preview = panel.model.index(0, 0).data(PREVIEW_ROLE).lower()
    assert "coffee" in preview


def test_own_templates_can_be_saved_edited_and_deleted(qtbot, room, compose) -> None:
    qtbot.keyClicks(compose.editor, "Jonah, the kettle is on and the biscuits are hidden.")
    qtbot.mouseClick(compose.suggestions.save_template_button, Qt.MouseButton.LeftButton)
    dialog = room.template_dialog
    assert dialog.isVisible()
    assert dialog.text_edit.toPlainText().startswith("{partner}, the kettle")
    dialog.category_box.setCurrentIndex(dialog.category_box.findData("daily_thanks"))
    dialog._save()
    assert not dialog.isVisible()
    mine = room.custom_templates.list()
    assert [t.category for t in mine] == ["daily_thanks"]
    panel = compose.suggestions
    compose.editor.clear()
    qtbot.keyClicks(compose.editor, "biscuits hidden")
    assert panel.list.currentIndex().data(PREVIEW_ROLE).startswith("Jonah, the kettle")
    assert panel.edit_template_button.isEnabled()
    qtbot.mouseClick(panel.edit_template_button, Qt.MouseButton.LeftButton)
    room.template_dialog.text_edit.setPlainText("{partner}, the biscuits moved again.")
    room.template_dialog._save()
    assert [t.text for t in room.custom_templates.list()] == [
        "{partner}, the biscuits moved again."]
    panel.set_query("biscuits moved")
    qtbot.mouseClick(panel.delete_template_button, Qt.MouseButton.LeftButton)
    assert room.custom_templates.list() == []
    assert "trash" in compose.notice.text()


def test_history_duplicates_trashes_and_restores(qtbot, room, compose) -> None:
    qtbot.keyClicks(compose.editor, "Pancakes on Saturday?")
    compose.save_now()
    qtbot.mouseClick(compose.back_button, Qt.MouseButton.LeftButton)
    history = room.history
    assert history.model.rowCount() == 1
    history.list.setCurrentIndex(history.model.index(0, 0))
    qtbot.mouseClick(history.duplicate_button, Qt.MouseButton.LeftButton)
    assert room.pages.currentWidget() is compose
    assert compose.editor.toPlainText() == "Pancakes on Saturday?"
    qtbot.mouseClick(compose.back_button, Qt.MouseButton.LeftButton)
    assert history.model.rowCount() == 2
    history.list.setCurrentIndex(history.model.index(0, 0))
    qtbot.mouseClick(history.trash_button, Qt.MouseButton.LeftButton)
    assert history.model.rowCount() == 1
    qtbot.mouseClick(history.trash_toggle, Qt.MouseButton.LeftButton)
    assert history.model.rowCount() == 1
    history.list.setCurrentIndex(history.model.index(0, 0))
    qtbot.mouseClick(history.trash_button, Qt.MouseButton.LeftButton)  # now "Restore"
    qtbot.mouseClick(history.trash_toggle, Qt.MouseButton.LeftButton)
    assert history.model.rowCount() == 2


def test_printing_goes_through_the_card_and_records_the_print_channel(qtbot, main_window,
                                                                       compose, tmp_path) -> None:
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    target = tmp_path / "printed.pdf"

    def accept_at_once(printer, on_accepted) -> None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        on_accepted()

    compose.note_panel.open_print_dialog = accept_at_once
    qtbot.keyClicks(compose.editor, "Thank you for the walk by the river")
    with qtbot.waitSignal(compose.note_panel.exported, timeout=20000):
        qtbot.mouseClick(compose.send_bar.buttons["print"], Qt.MouseButton.LeftButton)
    words = " ".join(PdfReader(str(target)).pages[0].extract_text().split())
    assert "walk by the river" in words
    # "Print to file" keeps a PDF: the note was not printed (the real printer: tests/e2e).
    record = MessageService(main_window.ctx.store).get(compose.current_uuid())
    assert record.status == "draft"


def test_save_as_pdf_does_not_mark_the_note_printed(qtbot, main_window, compose,
                                                   tmp_path) -> None:
    target = tmp_path / "kept.pdf"
    compose.note_panel.choose_save_path = lambda _kind, _suggested: str(target)
    qtbot.keyClicks(compose.editor, "Thank you for the walk by the river")
    compose.side_tabs.setCurrentIndex(1)
    with qtbot.waitSignal(compose.note_panel.exported, timeout=20000):
        qtbot.mouseClick(compose.note_panel.pdf_button, Qt.MouseButton.LeftButton)
    assert target.stat().st_size > 0
    record = MessageService(main_window.ctx.store).get(compose.current_uuid())
    assert record.status == "draft"
    assert "not marked as printed" in compose.save_status.text()


def test_switching_to_dark_restyles_the_room(qtbot, main_window, compose) -> None:
    from PySide6.QtWidgets import QApplication

    from lovebridge.ui.theme import DARK, apply_theme

    apply_theme(QApplication.instance(), "dark")
    qtbot.waitUntil(lambda: DARK.highlight_soft in main_window.write_room.styleSheet(),
                    timeout=3000)
    apply_theme(QApplication.instance(), "light")


def _ink_pixels(pdf: Path, tmp_path: Path) -> int:
    """Dark pixels on the PDF's first page, as poppler draws it."""
    import subprocess

    from PySide6.QtGui import QImage

    stem = tmp_path / pdf.stem
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", str(pdf), str(stem)],
                   check=True)
    image = QImage(str(stem) + ".png").convertToFormat(QImage.Format.Format_Grayscale8)
    row_bytes = image.bytesPerLine()
    data = bytes(image.constBits())
    return sum(1 for y in range(image.height())
               for value in data[y * row_bytes: y * row_bytes + image.width()] if value < 110)


def test_bold_and_italic_from_the_editor_reach_the_saved_card(qtbot, main_window, compose,
                                                              tmp_path) -> None:
    """Ctrl+B and Ctrl+I (or the B and I buttons) in the editor make the card's word bold or
    italic; the PDF's text still copies out once, in order."""
    from pypdf import PdfReader
    from PySide6.QtWidgets import QToolButton

    bar = compose.format_bar
    bold_button = bar.findChild(QToolButton, "boldButton")
    italic_button = bar.findChild(QToolButton, "italicButton")
    for button in (bold_button, italic_button):
        assert button.isVisible() and button.focusPolicy() & Qt.FocusPolicy.TabFocus
    editor = compose.editor
    qtbot.keyClicks(editor, "Thank you for the ")
    qtbot.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert bold_button.isChecked()
    qtbot.keyClicks(editor, "wonderful")
    qtbot.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, " walk and the ")
    qtbot.mouseClick(italic_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor, "quiet")
    qtbot.keyClick(editor, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, " evening.")
    assert not italic_button.isChecked()
    compose.side_tabs.setCurrentIndex(1)

    def save(name: str) -> Path:
        target = tmp_path / name
        compose.note_panel.choose_save_path = lambda _kind, _suggested: str(target)
        with qtbot.waitSignal(compose.note_panel.exported, timeout=20000):
            qtbot.mouseClick(compose.note_panel.pdf_button, Qt.MouseButton.LeftButton)
        return target

    styled = save("styled.pdf")
    words = " ".join(PdfReader(str(styled)).pages[0].extract_text().split())
    assert "Thank you for the wonderful walk and the quiet evening." in words
    assert words.count("wonderful") == 1  # drawn bold, but written into the text once
    page = PdfReader(str(styled)).pages[0].get_contents().get_data()
    assert b" .3 -1 0 0 Tm" in page  # the italic word leans

    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton)  # back into the note
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)  # all bold
    qtbot.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)  # none bold
    plain = save("plain.pdf")
    assert " ".join(PdfReader(str(plain)).pages[0].extract_text().split()) == words
    assert _ink_pixels(styled, tmp_path) > _ink_pixels(plain, tmp_path) * 1.03


def test_format_buttons_show_where_the_focus_is(qtbot, main_window, compose) -> None:
    """Tabbing onto B or I draws a clear accent ring, so a keyboard user sees where they are."""
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QToolButton

    from lovebridge.ui.theme import current_colours

    bold = compose.format_bar.findChild(QToolButton, "boldButton")
    compose.editor.setFocus()
    qtbot.wait(20)
    before = bold.grab().toImage()
    bold.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(bold.hasFocus)
    qtbot.wait(20)
    after = bold.grab().toImage()
    accent = QColor(current_colours().accent)

    def accent_pixels(image) -> int:  # noqa: ANN001
        return sum(1 for x in range(image.width()) for y in range(image.height())
                   if abs(image.pixelColor(x, y).red() - accent.red()) < 30
                   and abs(image.pixelColor(x, y).green() - accent.green()) < 30
                   and abs(image.pixelColor(x, y).blue() - accent.blue()) < 30)

    assert accent_pixels(after) > accent_pixels(before) + 2 * (after.width() + after.height())


def test_the_history_reaches_the_oldest_note_by_scrolling(qtbot, main_window, room) -> None:
    from datetime import UTC, datetime, timedelta

    from lovebridge.ui.write.history import PAGE

    start = datetime(2024, 1, 1, 9, 0, tzinfo=UTC)
    for day in range(2 * PAGE + 10):  # more than two pages, the oldest first
        service = MessageService(main_window.ctx.store,
                                 clock=lambda d=day: start + timedelta(days=d))
        service.save(Draft(None, "a", "", f"Note number {day} for Jonah", channel="print"))
    history = room.history
    history.reload()
    assert history.model.rowCount() == PAGE  # one page read at first, newest first
    assert "Note number 129" in history.model.record(0).body_text

    def scroll_to_the_end() -> None:
        bar = history.list.verticalScrollBar()
        bar.setValue(bar.maximum())

    qtbot.waitUntil(lambda: (scroll_to_the_end(), history.model.rowCount() == 2 * PAGE + 10)[1],
                    timeout=5000)
    assert history.model.record(history.model.rowCount() - 1).body_text.startswith(
        "Note number 0 ")
    assert not history.model.canFetchMore()
    far_down = history.model.index(2 * PAGE + 5, 0)  # "Note number 4"
    history.list.setCurrentIndex(far_down)
    history.reload()  # as when a note comes in from the partner: the choice stays
    assert history.current().body_text.startswith("Note number 4 ")
    history.search.setText("number 12")  # each word must be there: 12, 112 and 120-129
    history.reload()
    found = {history.model.record(r).body_text for r in range(history.model.rowCount())}
    assert found == {f"Note number {n} for Jonah" for n in (12, 112, *range(120, 130))}
