"""Sharing inside the real window: exchanges run as jobs of the window's queue, and what they
bring shows in the room on screen without being switched away and back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from lovebridge.core.links import NoteRequest
from lovebridge.core.scrapbook.records import MemoryDate, MemoryDraft
from lovebridge.core.scrapbook.service import MemoryService
from lovebridge.core.write.messages import MessageService
from lovebridge.ui.shell.window import SCRAPBOOK, WRITE
from tests.sync.helpers import jonah_paired_with

WAIT = 30_000


def test_an_exchange_is_a_job_and_the_open_scrapbook_shows_what_arrived(
        qtbot, main_window, tmp_path: Path) -> None:
    with jonah_paired_with(main_window, tmp_path) as jonah:
        sharing = main_window.sharing
        sharing.read_status()
        qtbot.waitUntil(lambda: "Shared with" in sharing.status_label.text(), timeout=WAIT)

        main_window.show_room(SCRAPBOOK)
        room = main_window.scrapbook_room
        qtbot.waitUntil(lambda: room.isVisible(), timeout=WAIT)
        assert room.model.total == 0
        MemoryService(jonah.ctx).save(MemoryDraft("Lantern walk", MemoryDate(2025, 10, 3)))
        jonah.engine.sync_now()

        started = []
        main_window.jobs.started.connect(lambda job: started.append(job.title))
        with qtbot.waitSignal(main_window.jobs.finished, timeout=WAIT):
            sharing.exchange()
        assert started == ["Exchanging with your partner's laptop…"]
        qtbot.waitUntil(lambda: room.model.total == 1, timeout=WAIT)
        assert MemoryService(main_window.ctx).count() == 1


def test_a_memory_marked_private_to_me_in_the_editor_stays_on_this_laptop(
        qtbot, main_window, tmp_path: Path) -> None:
    with jonah_paired_with(main_window, tmp_path) as jonah:
        main_window.show_room(SCRAPBOOK)
        room = main_window.scrapbook_room
        editor = room.editor
        for title, private in (("Our picnic", False), ("A poem I keep to myself", True)):
            qtbot.mouseClick(room.home.new_button, Qt.MouseButton.LeftButton)
            qtbot.keyClicks(editor.title_edit, title)
            if private:
                qtbot.mouseClick(editor.private_box, Qt.MouseButton.LeftButton)
            with qtbot.waitSignal(room.memory_saved, timeout=WAIT):
                qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
        kept = {m.title: MemoryService(main_window.ctx).get(m.uuid).private
                for m in MemoryService(main_window.ctx).timeline(0, 10)}
        assert kept == {"Our picnic": False, "A poem I keep to myself": True}

        with qtbot.waitSignal(main_window.jobs.finished, timeout=WAIT):
            main_window.sharing.run_exchange(main_window.sharing.engine.sync_now,
                                             lambda _r: None, lambda _e: None)
        jonah.engine.sync_now()
        assert [m.title for m in MemoryService(jonah.ctx).timeline(0, 10)] == ["Our picnic"]

        # Opened again, the switch shows what was chosen.
        secret = next(m for m in MemoryService(main_window.ctx).timeline(0, 10)
                      if m.title.startswith("A poem"))
        room.edit_memory(secret.uuid)
        assert editor.private_box.isChecked()


def test_a_note_marked_private_to_me_stays_on_this_laptop(
        qtbot, main_window, tmp_path: Path) -> None:
    with jonah_paired_with(main_window, tmp_path) as jonah:
        main_window.show_room(WRITE)
        room = main_window.write_room
        compose = room.compose
        uuids = []
        for words, private in (("Thank you for the soup", False),
                               ("Things I am not ready to say", True)):
            room.start_note(NoteRequest())
            qtbot.keyClicks(compose.editor, words)
            if private:
                qtbot.mouseClick(compose.private_box, Qt.MouseButton.LeftButton)
            assert compose.save_now()
            uuids.append(compose.current_uuid())
        messages = MessageService(main_window.ctx.store)
        assert [messages.get(u).private for u in uuids] == [False, True]

        with qtbot.waitSignal(main_window.jobs.finished, timeout=WAIT):
            main_window.sharing.run_exchange(main_window.sharing.engine.sync_now,
                                             lambda _r: None, lambda _e: None)
        jonah.engine.sync_now()
        theirs = MessageService(jonah.ctx.store)
        assert theirs.get(uuids[0]) is not None and theirs.get(uuids[1]) is None

        compose.open_message(messages.get(uuids[1]))
        assert compose.private_box.isChecked()
        compose.open_message(messages.get(uuids[0]))
        assert not compose.private_box.isChecked()
