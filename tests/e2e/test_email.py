"""E-mail on a desktop with no mail program: the real hand-off, no stand-ins."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from lovebridge.core.write.messages import MessageService
from lovebridge.ui.write.mail_handoff import NoMailDialog, mail_program_available
from tests.e2e.conftest import click, write_a_note
from tests.e2e.test_printing import window  # noqa: F401 - the shared real-window fixture

NOTE = "Meet me under the purple umbrella at eight"


def test_e_mail_with_no_mail_program_says_so_offers_copy_and_keeps_the_note_off_stderr(
        qtbot, window, capfd) -> None:  # noqa: F811
    if mail_program_available():
        pytest.skip("this desktop has a mail program")
    compose = write_a_note(qtbot, window, NOTE)
    click(compose.send_bar.buttons["email"], qtbot)

    found: list[NoMailDialog] = []
    qtbot.waitUntil(lambda: found.extend(
        w for w in QApplication.topLevelWidgets()
        if isinstance(w, NoMailDialog) and w.isVisible()) or bool(found), timeout=10000)
    dialog = found[0]
    assert "not sent" in dialog.text()
    click(dialog.copy_button, qtbot)
    assert QGuiApplication.clipboard().text() == NOTE
    record = MessageService(window.ctx.store).get(compose.current_uuid())
    assert record.status == "draft"
    out, err = capfd.readouterr()
    assert "umbrella" not in err and "umbrella" not in out
