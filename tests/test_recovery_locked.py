"""A damaged database with the privacy lock on: unlocking leads to the recovery window, which
reads the sealed backups and the encrypted file with the keys unlocking gave."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from lovebridge.core.backup import make_automatic_backup
from lovebridge.core.opening import open_library
from lovebridge.core.privacy.lock import turn_lock_on
from lovebridge.store import DatabaseDamagedError, open_store
from lovebridge.store.recovery import set_aside_damaged
from lovebridge.ui.privacy.startup import Launcher, StartupLockWindow
from lovebridge.ui.recovery import RecoveryWindow
from tests.crash.library import dump, populate
from tests.privacy.lock_worker import FAST
from tests.test_crash_damaged import damage, fill
from tests.test_privacy_app import unlock_through

PASSPHRASES = {"a": "kitchen radio at dawn", "b": "blue kettle in the rain"}


@pytest.fixture
def locked_and_damaged(ctx, couple, fixed_clock):
    """A locked library with a sealed automatic backup, then damage in its database file.

    Returns (data key, the library as the backup holds it, the damaged bytes, the notes
    written in all).
    """
    populate(ctx, notes=4, memories=2)
    ctx.store.close()
    data_key, _code = turn_lock_on(ctx.paths, PASSPHRASES, FAST)
    locked = open_library(ctx.paths, data_key, fixed_clock)
    assert locked.store.encrypted and locked.file_key is not None
    make_automatic_backup(locked.store, ctx.paths, locked.now(), file_key=locked.file_key)
    expected = dump(locked.store)
    fill(locked)  # written after the backup: pages enough to damage in the middle
    notes = len(dump(locked.store)["message"])
    locked.store.close()
    return data_key, expected, damage(ctx.paths.database), notes


def recovery_window(qtbot, ctx, data_key: bytes) -> RecoveryWindow:
    copy = set_aside_damaged(ctx.paths.database, ctx.paths.backups, ctx.now())
    window = RecoveryWindow(ctx.paths, copy, ctx.clock, data_key)
    qtbot.addWidget(window)
    window.show()
    return window


def test_unlocking_a_damaged_locked_library_asks_for_recovery_with_its_key(
    qtbot, ctx, settings, fixed_clock, locked_and_damaged
) -> None:
    data_key, _expected, damaged, _notes = locked_and_damaged
    launcher = Launcher(ctx.paths, settings, fixed_clock)
    first = launcher.start()
    qtbot.addWidget(first)
    assert isinstance(first, StartupLockWindow)
    with qtbot.waitSignal(launcher.damaged, timeout=20_000) as found:
        unlock_through(qtbot, first.panel, PASSPHRASES["b"])
    assert found.args == [data_key]
    assert launcher.window is None
    assert ctx.paths.database.read_bytes() == damaged  # nothing changed before recovery
    launcher.opening_window.close()
    launcher.close()


def test_the_sealed_backup_restores_a_damaged_locked_library(
    qtbot, ctx, locked_and_damaged
) -> None:
    data_key, expected, _damaged, _notes = locked_and_damaged
    window = recovery_window(qtbot, ctx, data_key)
    qtbot.waitUntil(window.restore_button.isEnabled, timeout=20_000)
    assert "automatic backup from" in window.backup_label.text()
    with qtbot.waitSignal(window.resolved, timeout=30_000) as resolved:
        qtbot.mouseClick(window.restore_button, Qt.MouseButton.LeftButton)
    assert resolved.args == ["restored"]
    with pytest.raises(DatabaseDamagedError):  # still encrypted: no key, no way in
        open_store(ctx.paths.database)
    reopened = open_library(ctx.paths, data_key, ctx.clock)
    try:
        assert reopened.store.encrypted
        assert dump(reopened.store) == expected
    finally:
        reopened.store.close()


def test_a_rescue_reads_the_encrypted_file_and_stays_encrypted(
    qtbot, ctx, locked_and_damaged
) -> None:
    data_key, expected, _damaged, notes = locked_and_damaged
    window = recovery_window(qtbot, ctx, data_key)
    qtbot.mouseClick(window.rescue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.use_rescued_button.isVisible, timeout=30_000)
    assert "Rescued" in window.rescue_label.text()
    with qtbot.waitSignal(window.resolved, timeout=10_000) as resolved:
        qtbot.mouseClick(window.use_rescued_button, Qt.MouseButton.LeftButton)
    assert resolved.args == ["rescued"]
    reopened = open_library(ctx.paths, data_key, ctx.clock)
    try:
        assert reopened.store.encrypted
        rescued = dump(reopened.store)
        assert rescued["profile"] == expected["profile"]  # the couple is still there
        # Past the pages that fail their check, the rest is read: nearly every note is back.
        # (A sealed file cannot show which pages hold notes; the damaged ones may hold the
        # sharing change log instead, and then every note comes back.)
        assert notes * 0.9 < len(rescued["message"]) <= notes
    finally:
        reopened.store.close()
