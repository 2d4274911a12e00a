"""No note text in the log folder or on stderr, whatever fails: by construction, not by care."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import Qt, qInstallMessageHandler

from lovebridge.core.links import NoteRequest
from lovebridge.log_privacy import describe_exception, redact
from lovebridge.logging_setup import configure_logging
from lovebridge.store.models import Message
from lovebridge.ui.qt_messages import install_qt_message_handler
from lovebridge.ui.tasks import run_task

SECRET = "Quillonberry whispers at the tram stop"  # words no log line could hold by chance


def test_redaction_removes_urls_and_quoted_text() -> None:
    line = f"This plugin does not support openUrl() for 'mailto:?body={SECRET} don't'."
    assert redact(line) == "This plugin does not support openUrl() for '[redacted]"
    assert "Quillonberry" not in redact(f'QLabel "{SECRET}" too wide')
    assert redact("QObject::connect: no such signal") == "QObject::connect: no such signal"


def test_an_exception_is_described_by_type_and_frames_only() -> None:
    try:
        try:
            raise KeyError(SECRET)
        except KeyError as inner:
            raise RuntimeError(SECRET) from inner
    except RuntimeError as exc:
        text = describe_exception((type(exc), exc, exc.__traceback__))
    assert "builtins.RuntimeError" in text and "builtins.KeyError" in text
    assert "test_log_privacy.py" in text and "Quillonberry" not in text


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_failures_leave_no_note_text_in_logs_or_stderr(qtbot, ctx, main_window, capfd) -> None:
    log_file = configure_logging(ctx.paths.logs)
    previous = install_qt_message_handler()
    errors: list[Exception] = []
    try:
        # A database error whose statement holds the note's text, in a background task.
        with ctx.store.session_scope() as session:
            first = Message(body_text="first", title="first")
            session.add(first)
        taken = first.uuid

        def clashing_insert() -> None:
            with ctx.store.session_scope() as session:
                session.add(Message(uuid=taken, body_text=SECRET, title=SECRET))

        run_task(clashing_insert, on_error=errors.append)
        qtbot.waitUntil(lambda: len(errors) == 1, timeout=10_000)

        # A task that fails with the text in its message.
        def failing_work() -> None:
            raise ValueError(f"could not handle {SECRET}")

        run_task(failing_work, on_error=errors.append)
        qtbot.waitUntil(lambda: len(errors) == 2, timeout=10_000)

        # E-mail with no mail program: Qt reports the whole mailto: link it could not open.
        write = main_window.write_room
        write.start_note(NoteRequest(category="love"))
        write.compose.editor.setFocus()
        qtbot.keyClicks(write.compose.editor, SECRET)
        qtbot.mouseClick(write.compose.send_bar.buttons["email"], Qt.MouseButton.LeftButton)
        # LoveBridge itself now asks first whether anything handles mailto: links and, with
        # nothing there, never hands the note over; Qt's own report of a link it could not
        # open is provoked directly, as any other caller could.
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl(f"mailto:?body={SECRET}"))
        # An unexpected error, as the exception hook would log it.
        try:
            raise LookupError(SECRET)
        except LookupError:
            logging.getLogger("lovebridge.test").exception("unexpected error")
    finally:
        qInstallMessageHandler(previous)
    for handler in logging.getLogger("lovebridge").handlers:
        handler.flush()
    out, err = capfd.readouterr()

    assert "IntegrityError" in type(errors[0]).__name__ and SECRET not in str(errors[0])
    assert "could not open" in err or "does not support" in err  # Qt did speak, redacted
    assert "Quillonberry" not in err and "Quillonberry" not in out
    logged = "".join(p.read_text(encoding="utf-8", errors="replace")
                     for p in ctx.paths.logs.rglob("*") if p.is_file())
    assert "IntegrityError" in logged and "ValueError" in logged and "LookupError" in logged
    assert "Quillonberry" not in logged
    assert log_file.exists()
