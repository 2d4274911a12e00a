"""Dismissed coach hints live with the note in the database, not in the settings file."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from lovebridge.core.backup import create_backup, stage_restore
from lovebridge.core.links import NoteRequest
from lovebridge.core.write.messages import MessageService
from lovebridge.store.models import DismissedHint, Message

ACCUSING = "You always forget the bins."


def test_a_dismissed_hint_is_kept_with_the_note_and_goes_with_it(
    qtbot, ctx, main_window, tmp_path
) -> None:
    write = main_window.write_room
    write.start_note(NoteRequest(category="love"))
    compose = write.compose
    compose.editor.setFocus()
    qtbot.keyClicks(compose.editor, ACCUSING)
    compose.run_coach()
    assert "accusation" in [h.rule for h in compose.coach_bar.hints]
    dismiss = compose.coach_bar.findChild(QPushButton, "coachDismiss")
    qtbot.mouseClick(dismiss, Qt.MouseButton.LeftButton)
    uuid = compose.current_uuid()
    assert uuid is not None and compose.dismissed_rules()
    settings_text = ctx.paths.settings_file.read_text(encoding="utf-8") \
        if ctx.paths.settings_file.exists() else ""
    assert "dismissed" not in settings_text
    with ctx.store.session_scope() as session:
        assert session.scalars(select(DismissedHint.rule)).all() == sorted(
            compose.dismissed_rules())
    # In backups, with the rest.
    archive = create_backup(ctx.store, ctx.paths, tmp_path / "b.lovebridge", now=ctx.now())
    staged = stage_restore(archive.path, ctx.paths, ctx.store, None, None)
    try:
        assert staged.manifest.counts.get("dismissed_hint") == 1
    finally:
        staged.discard()
    # Reopened (after another note), the hint stays dismissed.
    dismissed = compose.dismissed_rules()
    write.start_note(NoteRequest(category="love"))
    assert compose.dismissed_rules() == set()
    write.open_message(uuid)
    assert compose.dismissed_rules() == dismissed
    assert [h.rule for h in compose.coach_bar.hints if h.rule in dismissed] == []
    # Deleted with the note.
    with ctx.store.session_scope() as session:
        session.delete(session.scalar(select(Message).where(Message.uuid == uuid)))
    with ctx.store.session_scope() as session:
        assert session.scalars(select(DismissedHint)).all() == []


def test_old_settings_keys_move_into_the_database(qtbot, ctx, couple, settings, make_window
                                                  ) -> None:
    record = MessageService(ctx.store, clock=ctx.now)
    from lovebridge.core.write.messages import Draft

    saved = record.save(Draft(None, "a", "", ACCUSING, "love", "print", None, None, None))
    raw = QSettings(str(ctx.paths.settings_file), QSettings.Format.IniFormat)
    raw.setValue(f"write/dismissed/{saved.uuid}", "accusation,exaggeration")
    raw.setValue("write/dismissed/new", "accusation")
    raw.sync()
    window = make_window()
    write = window.write_room
    write.open_message(saved.uuid)
    assert write.compose.dismissed_rules() == {"accusation", "exaggeration"}
    again = QSettings(str(ctx.paths.settings_file), QSettings.Format.IniFormat)
    assert [k for k in again.allKeys() if "dismissed" in k] == []
    assert "accusation" not in ctx.paths.settings_file.read_text(encoding="utf-8")
