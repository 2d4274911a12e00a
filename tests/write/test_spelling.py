"""Spell-checking by right-click: suggestions, "Add to dictionary" kept in the library, and the
couple's own names, places and inside jokes never flagged."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import QContextMenuEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu

from lovebridge.core.links import NoteRequest
from lovebridge.core.profile import CoupleProfile, ProfileService
from lovebridge.core.write.dictionary import PersonalDictionary
from lovebridge.store.models import Plan

# A menu really opens; the offscreen platform only notes that it cannot raise or grab for it.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


def word_point(editor, word: str) -> QPoint:  # noqa: ANN001
    cursor = editor.document().find(word)
    middle = QTextCursor(editor.document())
    middle.setPosition(cursor.selectionStart() + 1)
    return editor.cursorRect(middle).center()


def right_click_and_choose(qtbot, editor, word: str, choose) -> list[str]:  # noqa: ANN001
    """A real context-menu event on `word`; `choose(menu)` picks from the menu that opens."""
    seen: list[str] = []

    def act() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(50, act)
            return
        seen.extend(a.text() for a in menu.actions())
        action = choose(menu)
        menu.close()
        if action is not None:
            action.trigger()

    QTimer.singleShot(50, act)
    point = word_point(editor, word)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point,
                              editor.viewport().mapToGlobal(point))
    QApplication.sendEvent(editor.viewport(), event)
    return seen


def test_right_click_offers_suggestions_and_add_to_dictionary_kept_in_the_library(
        qtbot, ctx, make_window) -> None:  # noqa: ANN001
    ProfileService(ctx.store).save(CoupleProfile("Maya", "Jonah", None, ("snorkelwump",)))
    with ctx.store.session_scope() as session:
        session.add(Plan(title="Weekend", starts_at=datetime(2026, 12, 5, 10, tzinfo=UTC),
                         place="Glenfinnan"))
    window = make_window()
    room = window.write_room
    room.start_note(NoteRequest())
    editor = room.compose.editor
    highlighter = editor.highlighter
    qtbot.waitUntil(lambda: highlighter.dictionary() is not None, timeout=30000)
    qtbot.keyClicks(editor, "dear jonah, the snorkelwump at glenfinnan was beautifull and zorbly")
    for own in ("jonah", "snorkelwump", "glenfinnan"):  # their name, joke and place
        assert not highlighter.is_misspelt(own), own
    assert highlighter.is_misspelt("beautifull") and highlighter.is_misspelt("zorbly")

    seen = right_click_and_choose(
        qtbot, editor, "beautifull",
        lambda menu: next(a for a in menu.actions() if a.text() == "beautiful"))
    assert "beautiful" in seen and "Add “beautifull” to dictionary" in seen
    assert "was beautiful and" in editor.toPlainText()

    right_click_and_choose(qtbot, editor, "zorbly",
                           lambda menu: next(a for a in menu.actions()
                                             if a.objectName() == "spellAddWord"))
    assert not highlighter.is_misspelt("zorbly")
    assert "zorbly" in PersonalDictionary(ctx.store).words()  # kept in the library

    seen = right_click_and_choose(qtbot, editor, "dear", lambda menu: None)
    assert not any("dictionary" in text for text in seen)  # a known word: the usual menu
