"""A damaged database: kept aside untouched, rescued into a new file, or replaced by a backup."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from lovebridge.core.backup import make_automatic_backup
from lovebridge.core.context import AppContext
from lovebridge.store import DatabaseDamagedError, open_store
from lovebridge.store import recovery as recovery_module
from lovebridge.store.models import Message
from lovebridge.store.recovery import salvage, set_aside_damaged
from tests.crash.library import dump, photo_tree, populate

PAGE = 4096


def fill(ctx: AppContext, notes: int = 600) -> None:
    with ctx.store.session_scope() as session:
        session.add_all(Message(body_text=f"note {i} " + "warm words " * 25) for i in range(notes))


def damage(database: Path) -> bytes:
    """Flip bytes across two pages that hold notes, in the middle of the file (as a failing disk
    might). Pages are chosen by their content: other tables (the sharing change log) and free
    pages sit between the notes, and damage to a free page is no damage at all."""
    data = bytearray(database.read_bytes())
    notes = [page for page in range(len(data) // PAGE)
             if b"warm words" in data[page * PAGE:(page + 1) * PAGE]]
    if not notes:  # a sealed file hides which pages hold notes: the middle two, as a disk might
        notes = list(range(len(data) // PAGE))
    middle = notes[len(notes) // 2]
    for page in (middle, middle + 1 if middle + 1 in notes else notes[len(notes) // 2 - 1]):
        for offset in range(page * PAGE + 8, page * PAGE + PAGE, 61):
            data[offset] ^= 0xA5
    database.write_bytes(bytes(data))
    return bytes(data)


@pytest.fixture
def damaged(ctx, couple):
    populate(ctx, notes=5, memories=2)
    fill(ctx)
    ctx.store.close()
    return damage(ctx.paths.database)


def test_damaged_database_is_refused_and_kept_aside_byte_for_byte(ctx, damaged) -> None:
    with pytest.raises(DatabaseDamagedError):
        open_store(ctx.paths.database)
    copy = set_aside_damaged(ctx.paths.database, ctx.paths.backups, ctx.now())
    assert copy.parent == ctx.paths.backups and copy.name.startswith("damaged-")
    assert copy.read_bytes() == damaged == ctx.paths.database.read_bytes()


@pytest.mark.parametrize("method", ["sqlite3 .recover", "row by row"])
def test_rescue_copies_what_is_readable_into_a_sound_new_file(ctx, damaged, monkeypatch,
                                                              method: str) -> None:
    if method == "row by row":
        monkeypatch.setattr(recovery_module, "cli_recover_available", lambda: False)
    elif not recovery_module.cli_recover_available():
        pytest.skip("no sqlite3 tool with a working .recover here (the Python rescue is used)")
    target = ctx.paths.backups / "rescued.db"
    report = salvage(ctx.paths.database, target)
    assert report.method == method
    assert ctx.paths.database.read_bytes() == damaged  # only ever read
    rescued = open_store(target)
    assert rescued.integrity_problems(quick=False) == []
    with rescued.session_scope() as session:
        notes = session.scalar(select(func.count()).select_from(Message))
    rescued.close()
    assert 300 < notes < 605  # most notes survive two bad pages
    assert report.rows["message"] == notes and report.rows["profile"] == 1


def test_rescue_of_garbage_fails_clearly(tmp_path: Path) -> None:
    garbage = tmp_path / "lovebridge.db"
    garbage.write_bytes(b"\x00garbage" * 5000)
    with pytest.raises(recovery_module.RecoveryFailedError):
        salvage(garbage, tmp_path / "out.db")


@pytest.fixture
def recovery_window(qtbot, ctx, couple):
    """A library with an automatic backup, then newer work, then damage; the recovery screen."""
    from lovebridge.ui.recovery import RecoveryWindow

    populate(ctx, notes=5, memories=1)
    make_automatic_backup(ctx.store, ctx.paths, ctx.now())
    backed_up = dump(ctx.store)
    populate(ctx, notes=2, memories=1, seed=9)  # work after the backup, with a new photo
    fill(ctx)
    photos_now = photo_tree(ctx.paths.photos)
    ctx.store.close()
    damage(ctx.paths.database)
    copy = set_aside_damaged(ctx.paths.database, ctx.paths.backups, ctx.now())
    window = RecoveryWindow(ctx.paths, copy, ctx.clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.restore_button.isEnabled, timeout=10_000)
    return window, backed_up, photos_now, copy


def test_recovery_screen_restores_the_newest_backup_in_one_click(qtbot, ctx,
                                                                 recovery_window) -> None:
    window, backed_up, photos_now, copy = recovery_window
    assert "5 notes" in window.backup_label.text()
    assert str(copy) in window.explanation.text()
    with qtbot.waitSignal(window.resolved, timeout=20_000) as signal:
        qtbot.mouseClick(window.restore_button, Qt.MouseButton.LeftButton)
    assert signal.args == ["restored"]
    store = open_store(ctx.paths.database)
    assert dump(store) == backed_up
    store.close()
    assert photo_tree(ctx.paths.photos) == photos_now  # photos added since are kept
    assert copy.exists()


def test_recovery_screen_rescues_and_uses_the_rescued_copy(qtbot, ctx, recovery_window) -> None:
    window, _backed_up, _photos, copy = recovery_window
    qtbot.mouseClick(window.rescue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.use_rescued_button.isVisible, timeout=30_000)
    assert "Rescued" in window.rescue_label.text()
    with qtbot.waitSignal(window.resolved, timeout=10_000) as signal:
        qtbot.mouseClick(window.use_rescued_button, Qt.MouseButton.LeftButton)
    assert signal.args == ["rescued"]
    store = open_store(ctx.paths.database)
    assert store.integrity_problems(quick=False) == []
    with store.session_scope() as session:
        assert session.scalar(select(func.count()).select_from(Message)) > 300
    store.close()
    assert copy.exists() and list(ctx.paths.backups.glob("rescued-*.db"))


def test_recovery_screen_without_backups_offers_a_file_and_rescue(qtbot, ctx, damaged) -> None:
    from lovebridge.ui.recovery import RecoveryWindow

    copy = set_aside_damaged(ctx.paths.database, ctx.paths.backups, ctx.now())
    window = RecoveryWindow(ctx.paths, copy, ctx.clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: "no automatic backup" in window.backup_label.text(), timeout=10_000)
    assert not window.restore_button.isEnabled()
    assert window.choose_button.isEnabled() and window.rescue_button.isEnabled()
    bad = ctx.paths.data.parent / "not-a-backup.lovebridge"
    bad.write_bytes(b"nope")
    window.choose_open_path = lambda: str(bad)
    qtbot.mouseClick(window.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "not a LoveBridge backup" in window.status.text(), timeout=10_000)


def test_start_up_on_a_damaged_database_goes_through_the_recovery_screen(qtbot, ctx,
                                                                          couple) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from lovebridge.app import run_recovery
    from lovebridge.ui.recovery import RecoveryWindow

    populate(ctx, notes=3, memories=1)
    make_automatic_backup(ctx.store, ctx.paths, ctx.now())
    expected = dump(ctx.store)
    fill(ctx)
    ctx.store.close()
    damaged_bytes = damage(ctx.paths.database)
    app = QApplication.instance()
    seen: list[RecoveryWindow] = []

    def click_restore_when_ready() -> None:
        windows = [w for w in app.topLevelWidgets()
                   if isinstance(w, RecoveryWindow) and w.isVisible()]
        if windows and windows[0].restore_button.isEnabled():
            seen.append(windows[0])
            windows[0].restore_button.click()
        else:
            QTimer.singleShot(50, click_restore_when_ready)

    QTimer.singleShot(50, click_restore_when_ready)
    assert run_recovery(app, ctx.paths) is True
    assert seen and not seen[0].isVisible()
    kept = list(ctx.paths.backups.glob("damaged-*.db"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged_bytes
    store = open_store(ctx.paths.database)
    assert dump(store) == expected
    store.close()
