"""Autosave commits off the GUI thread, in order: no duplicate notes, the last words win."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import func, select

from lovebridge.core.links import NoteRequest
from lovebridge.core.write.messages import MessageService
from lovebridge.store.models import Message


@pytest.fixture
def compose(qtbot, main_window):
    main_window.show_room(0)
    room = main_window.write_room
    room.start_note(NoteRequest())
    return room.compose


def count_notes(window) -> int:
    with window.ctx.store.session_scope() as session:
        return session.scalar(select(func.count()).select_from(Message))


def test_the_autosave_commits_off_the_gui_thread(qtbot, main_window, compose) -> None:
    real_save = compose._messages.save
    threads: list[bool] = []

    def watched(draft):
        threads.append(threading.current_thread() is threading.main_thread())
        return real_save(draft)

    compose._messages.save = watched
    qtbot.keyClicks(compose.editor, "Thank you for the soup")
    qtbot.waitUntil(lambda: compose.current_uuid() is not None, timeout=5000)  # no save_now
    assert threads and not any(threads)  # every autosave ran on a worker thread
    assert compose.save_status.text() == "Saved"
    saved = MessageService(main_window.ctx.store).get(compose.current_uuid())
    assert saved.body_text == "Thank you for the soup"


def test_a_save_at_once_waits_for_a_slow_autosave_and_the_last_words_win(
        qtbot, main_window, compose) -> None:
    real_save = compose._messages.save
    started = threading.Event()

    def slow(draft):
        started.set()
        time.sleep(0.4)  # a slow disk: the commit is still running when the window closes
        return real_save(draft)

    compose._messages.save = slow
    qtbot.keyClicks(compose.editor, "First words")
    compose.save_in_background()
    assert started.wait(5)
    qtbot.keyClicks(compose.editor, ", then more")  # typed while the first save runs
    compose._messages.save = real_save
    assert compose.save_now()  # what closing, sending or switching notes does
    qtbot.wait(50)  # the background save's own outcome arrives late: it must change nothing
    assert count_notes(main_window) == 1  # one note, not one per save
    saved = MessageService(main_window.ctx.store).get(compose.current_uuid())
    assert saved.body_text == "First words, then more"
    assert compose.save_status.text() == "Saved"


def test_a_failed_autosave_keeps_the_words_and_the_next_one_saves_them(
        qtbot, main_window, compose) -> None:
    real_save = compose._messages.save

    def broken(_draft):
        raise OSError("disk I/O error")

    compose._messages.save = broken
    qtbot.keyClicks(compose.editor, "Words that must not be lost")
    compose.save_in_background()
    qtbot.waitUntil(lambda: "safe here" in compose.save_status.text(), timeout=5000)
    assert compose.current_uuid() is None
    compose._messages.save = real_save
    qtbot.waitUntil(lambda: compose.current_uuid() is not None, timeout=6000)  # the retry
    saved = MessageService(main_window.ctx.store).get(compose.current_uuid())
    assert saved.body_text == "Words that must not be lost"
    assert count_notes(main_window) == 1
