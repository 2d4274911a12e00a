"""LoveBridge never touches the network: a whole session through the GUI opens no socket."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QListWidget

from lovebridge.core.backup import create_backup
from lovebridge.ui.backup import RestoreConfirmDialog
from tests.crash.library import populate


@pytest.fixture
def socket_log(monkeypatch):
    """Every attempt to open or connect a socket is recorded and refused."""
    attempts: list[str] = []

    def refuse(what: str):  # noqa: ANN202
        def blocked(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            attempts.append(f"{what}{args[1:] if what != 'create_connection' else args}")
            raise OSError("network use is not allowed in LoveBridge")
        return blocked

    real_init = socket.socket.__init__

    def recording_init(self, family=-1, type=-1, proto=-1, fileno=None):  # noqa: ANN001, A002
        # socketpair() (used by asyncio/Qt internals for wake-ups) is local, but LoveBridge
        # never needs even that: record every socket made.
        attempts.append(f"socket({family}, {type})")
        return real_init(self, family, type, proto, fileno)

    monkeypatch.setattr(socket.socket, "__init__", recording_init)
    monkeypatch.setattr(socket.socket, "connect", refuse("connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    return attempts


def test_a_whole_session_opens_no_socket(qtbot, ctx, make_window, socket_log,
                                         tmp_path: Path) -> None:
    window = make_window()
    # welcome
    form = window.welcome.form
    qtbot.keyClicks(form.my_name, "Maya")
    qtbot.keyClicks(form.partner_name, "Jonah")
    form.together_since.setDate(QDate(2019, 4, 12))
    qtbot.mouseClick(window.welcome.begin_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.shell
    # every room
    room_list: QListWidget = window.room_list
    for row in range(room_list.count()):
        rect = room_list.visualItemRect(room_list.item(row))
        qtbot.mouseClick(room_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.rooms.currentIndex() == row
    # preferences
    dialog = window.open_preferences()
    qtbot.waitExposed(dialog)
    dialog.reject()
    # some content, a backup through the menu, then a restore through the menu
    populate(ctx, notes=3, memories=1)
    controller = window.backups
    controller.choose_save_path = lambda _s: str(tmp_path / "ours.lovebridge")
    with qtbot.waitSignal(controller.backup_finished, timeout=20_000):
        window.backup_action.trigger()
    assert (tmp_path / "ours.lovebridge").stat().st_size > 0  # shown in the status bar, no dialog
    create_backup(ctx.store, ctx.paths, tmp_path / "other.lovebridge", now=ctx.now())
    controller.choose_open_path = lambda: str(tmp_path / "ours.lovebridge")
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: isinstance(controller.dialog, RestoreConfirmDialog), timeout=20_000)
    with qtbot.waitSignal(controller.restore_finished, timeout=30_000):
        controller.dialog.restore_button.click()
    # an automatic backup too
    with qtbot.waitSignal(controller.automatic_backup_finished, timeout=20_000):
        controller.run_automatic_backup()

    assert socket_log == []


def test_the_guard_itself_notices_a_connection(socket_log) -> None:
    with pytest.raises(OSError, match="not allowed"):
        socket.create_connection(("example.invalid", 80))
    assert socket_log and "create_connection" in socket_log[0]
