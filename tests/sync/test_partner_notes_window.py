"""Notes between the laptops in the real window: "Send to Jonah's LoveBridge", the notice on
the other side, the read mark back, replies as a thread, sealed notes, private notes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from lovebridge.core.links import NoteRequest
from lovebridge.core.write.messages import Draft, MessageService
from lovebridge.core.write.partner_notes import PartnerNotes
from lovebridge.ui.shell.window import WRITE
from lovebridge.ui.write.send_bar import PARTNER
from tests.sync.helpers import make_laptop

WAIT = 30_000
FEB_10 = datetime(2027, 2, 10, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime = FEB_10) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def pair_window_as_maya(window, root: Path):  # noqa: ANN001, ANN201 - MainWindow, Laptop
    """The window is Maya's laptop ("a"); Jonah's laptop ("b") joins its folder."""
    shared = root / "shared"
    shared.mkdir()
    jonah = make_laptop(root, "jonah")
    code = window.sharing.engine.setup_new(shared, person="a")
    jonah.engine.setup_join(shared, code)
    return jonah


def exchange(qtbot, window, jonah) -> None:  # noqa: ANN001
    """Both laptops write and read once; the window hears of what arrived."""
    window.sharing.engine.sync_now()
    jonah.engine.sync_now()
    window.sharing.engine.sync_now()
    window.change_relay.flush()


def words_on_screen(window) -> str:  # noqa: ANN001
    """Every label's text and every list row the window holds (shown or not)."""
    texts = [label.text() for label in window.findChildren(QLabel)]
    room = window.write_room
    for model in (room.inbox.model, room.history.model):
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                texts.append(str(model.data(index, role)))
    return "\n".join(texts)


class TrayMessages:
    """Stands in for the system tray (the offscreen platform has none): what it was told."""

    def __init__(self) -> None:
        self.told: list[str] = []

    def showMessage(self, _title: str, text: str) -> None:  # noqa: N802 - Qt's name
        self.told.append(text)


def test_a_note_travels_is_announced_read_and_answered_in_a_thread(
        qtbot, main_window, tmp_path: Path) -> None:
    clock = Clock()
    main_window.ctx.clock = clock
    jonah = pair_window_as_maya(main_window, tmp_path)
    tray, real_tray = TrayMessages(), main_window.reminders.center.tray
    main_window.reminders.center.tray = tray
    try:
        main_window.show_room(WRITE)
        room = main_window.write_room
        room.refresh_home()
        room.start_note(NoteRequest())
        compose = room.compose
        assert compose.send_bar.channel_box.findText("Send to Jonah's LoveBridge") >= 0
        compose.send_bar.set_channel(PARTNER)
        assert compose.send_bar.partner_box.isVisible()
        qtbot.keyClicks(compose.editor, "Thank you for the soup")
        qtbot.mouseClick(compose.send_bar.partner_box.send_button, Qt.MouseButton.LeftButton)
        uuid = compose.current_uuid()
        assert MessageService(main_window.ctx.store).get(uuid).sent_to_partner_at == FEB_10
        assert "not read yet" in compose.partner_status.text()

        exchange(qtbot, main_window, jonah)
        jonah_notes = PartnerNotes(jonah.ctx.store, Clock(FEB_10 + timedelta(hours=2)))
        assert [r.body_text for r in jonah_notes.inbox()] == ["Thank you for the soup"]
        jonah_notes.mark_read(uuid)
        # Jonah answers with a note of his own.
        answer = MessageService(jonah.ctx.store, clock=Clock(FEB_10 + timedelta(hours=3))).save(
            Draft(None, "b", "<p>Any time. Same again Sunday?</p>",
                  "Any time. Same again Sunday?", reply_to=uuid)).uuid
        jonah_notes.send(answer)
        jonah.engine.sync_now()
        exchange(qtbot, main_window, jonah)

        # The sender sees the read mark on her note.
        room.open_message(uuid)
        assert "Read by Jonah at" in compose.partner_status.text()
        # The notice: who, not what.
        banner = main_window.partner_notices.banner
        qtbot.waitUntil(lambda: banner.isVisible(), timeout=WAIT)
        assert banner.text.text() == "Jonah sent you a note"
        assert tray.told == ["Jonah sent you a note"]  # who, never what
        # Home lists it under "From Jonah"; reading it shows the thread and marks it read.
        room.show_home()
        assert room.inbox_frame.isVisible()
        assert room.inbox.title.text() == "From Jonah · 1 new"
        qtbot.mouseClick(banner.open_button, Qt.MouseButton.LeftButton)
        assert room.pages.currentWidget() is room.reader
        assert [b.text() for b in room.reader.bodies] == [
            "Thank you for the soup", "Any time. Same again Sunday?"]
        assert MessageService(main_window.ctx.store).get(answer).read_at == FEB_10
        # Maya replies from the conversation: the reply travels and threads on his side.
        clock.now = FEB_10 + timedelta(hours=4)
        qtbot.mouseClick(room.reader.reply_button, Qt.MouseButton.LeftButton)
        assert room.pages.currentWidget() is compose
        assert compose.send_bar.channel() == PARTNER
        assert "A reply to Jonah's note" in compose.partner_status.text()
        qtbot.keyClicks(compose.editor, "Sunday it is")
        qtbot.mouseClick(compose.send_bar.partner_box.send_button, Qt.MouseButton.LeftButton)
        exchange(qtbot, main_window, jonah)
        assert [r.body_text for r in jonah_notes.thread(uuid)] == [
            "Thank you for the soup", "Any time. Same again Sunday?", "Sunday it is"]
        assert MessageService(jonah.ctx.store).get(answer).read_at == FEB_10
    finally:
        main_window.reminders.center.tray = real_tray
        jonah.close()


def test_a_sealed_note_shows_no_words_before_its_day_then_opens_with_a_notice(
        qtbot, main_window, tmp_path: Path) -> None:
    clock = Clock()
    main_window.ctx.clock = clock
    jonah = pair_window_as_maya(main_window, tmp_path)
    try:
        main_window.show_room(WRITE)
        room = main_window.write_room
        sealed = MessageService(jonah.ctx.store, clock=clock).save(
            Draft(None, "b", "<p>Pack a bag: we leave for Lisbon at six</p>",
                  "Pack a bag: we leave for Lisbon at six")).uuid
        PartnerNotes(jonah.ctx.store, clock).send(sealed, opens_on=date(2027, 2, 14))
        jonah.engine.sync_now()
        exchange(qtbot, main_window, jonah)

        banner = main_window.partner_notices.banner
        qtbot.waitUntil(lambda: banner.isVisible(), timeout=WAIT)
        assert banner.text.text() == "Jonah sent you a sealed note; it opens on 14 February"
        room.history.search.setText("Lisbon")
        room.history.reload()
        assert room.history.model.rowCount() == 0
        room.history.search.setText("")
        room.history.reload()
        room.refresh_home()
        assert room.inbox.model.data(room.inbox.model.index(0, 0)) == (
            "A note from Jonah opens on 14 February")
        room.open_message(sealed)  # from the list of notes: the reader, closed
        assert room.pages.currentWidget() is room.reader
        assert room.reader.reply_button.isHidden()
        assert "it is not locked by encryption" in room.reader.bodies[0].text()
        assert "Lisbon" not in words_on_screen(main_window)
        assert MessageService(main_window.ctx.store).get(sealed).read_at is None

        clock.now = datetime(2027, 2, 14, 8, 0, tzinfo=UTC)
        assert main_window.partner_notices.check() == "A note from Jonah has opened"
        qtbot.mouseClick(banner.open_button, Qt.MouseButton.LeftButton)
        assert [b.text() for b in room.reader.bodies] == ["Pack a bag: we leave for Lisbon at six"]
        exchange(qtbot, main_window, jonah)
        theirs = MessageService(jonah.ctx.store).get(sealed)
        assert theirs.opened_at is not None and theirs.read_at is not None
    finally:
        jonah.close()


def new_note_for_the_partner(qtbot, window, words: str):  # noqa: ANN001, ANN201
    """Write opened on a new note with "Send to <partner>'s LoveBridge" chosen, `words` typed;
    its compose page."""
    window.show_room(WRITE)
    room = window.write_room
    room.start_note(NoteRequest())
    compose = room.compose
    compose.send_bar.set_channel(PARTNER)
    qtbot.keyClicks(compose.editor, words)
    return compose


def test_a_note_marked_private_cannot_be_sent_to_the_partner(
        qtbot, main_window, tmp_path: Path) -> None:
    jonah = pair_window_as_maya(main_window, tmp_path)
    try:
        compose = new_note_for_the_partner(qtbot, main_window, "Only for my diary")
        qtbot.mouseClick(compose.private_box, Qt.MouseButton.LeftButton)
        assert not compose.send_bar.partner_box.send_button.isEnabled()
        assert compose.send_bar.partner_box.private_note.isVisible()
        assert not compose.send_to_partner()
        assert "cannot be sent" in compose.notice.text()
        assert compose.save_now()
        uuid = compose.current_uuid()
        assert MessageService(main_window.ctx.store).get(uuid).sent_to_partner_at is None
        exchange(qtbot, main_window, jonah)
        assert MessageService(jonah.ctx.store).get(uuid) is None
    finally:
        jonah.close()


def test_a_sealed_note_for_a_day_already_come_says_which_day_to_pick(
        qtbot, main_window, tmp_path: Path) -> None:
    """The send box was opened before midnight and its day is now today: the notice says
    what to do about that day, and the note stays unsent."""
    from datetime import date

    jonah = pair_window_as_maya(main_window, tmp_path)
    try:
        compose = new_note_for_the_partner(qtbot, main_window, "Open this on our day")
        assert not compose.send_to_partner(opens_on=date(2020, 2, 14))  # long come
        assert "Pick a day after today" in compose.notice.text()
        uuid = compose.current_uuid()
        assert MessageService(main_window.ctx.store).get(uuid).sent_to_partner_at is None
    finally:
        jonah.close()


def test_without_sharing_there_is_no_partner_channel(qtbot, main_window) -> None:
    main_window.show_room(WRITE)
    room = main_window.write_room
    room.start_note(NoteRequest())
    assert room.compose.send_bar.channel_box.findData(PARTNER) < 0
    assert not room.inbox_frame.isVisible()
