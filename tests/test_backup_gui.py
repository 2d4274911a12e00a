"""File › Back up… and File › Restore… driven through the real main window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QWidget
from sqlalchemy import func, select

from lovebridge.core.backup import create_backup, list_backups
from lovebridge.core.links import NoteRequest
from lovebridge.store.models import Message
from lovebridge.ui.backup import RestoreConfirmDialog
from lovebridge.ui.shell.window import MainWindow
from tests.crash.library import dump, populate


def notes(ctx) -> int:  # noqa: ANN001
    with ctx.store.session_scope() as session:
        return session.scalar(select(func.count()).select_from(Message))


def test_back_up_from_the_file_menu(qtbot, ctx, main_window: MainWindow, tmp_path: Path) -> None:
    populate(ctx, notes=3, memories=1)
    controller = main_window.backups
    controller.choose_save_path = lambda suggested: str(tmp_path / suggested.replace(" ", "_"))
    with qtbot.waitSignal(controller.backup_finished, timeout=20_000) as done:
        main_window.backup_action.trigger()
        assert main_window.jobs.busy  # shown in the status bar, like every long job
    result = done.args[0]
    assert result.path == tmp_path / "LoveBridge_2026-11-23.lovebridge" and result.path.exists()
    assert controller.dialog is None
    text = main_window.status_label.text()
    assert "Backed up to LoveBridge_2026-11-23.lovebridge" in text and "3 notes" in text


def test_cancelling_the_file_chooser_does_nothing(main_window: MainWindow) -> None:
    main_window.backups.choose_save_path = lambda _s: None
    main_window.backup_action.trigger()
    assert main_window.backups.dialog is None and not main_window.backups.busy


def restore_through_menu(qtbot, window: MainWindow, archive: Path) -> RestoreConfirmDialog:  # noqa: ANN001
    window.backups.choose_open_path = lambda: str(archive)
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: isinstance(window.backups.dialog, RestoreConfirmDialog), timeout=20_000)
    return window.backups.dialog


def test_restore_from_the_file_menu_brings_the_backup_back(qtbot, ctx, main_window,
                                                           tmp_path: Path) -> None:
    populate(ctx, notes=4, memories=1)
    archive = create_backup(ctx.store, ctx.paths, tmp_path / "b.lovebridge", now=ctx.now()).path
    expected = dump(ctx.store)
    populate(ctx, notes=3, memories=0, seed=4)
    old_rooms = main_window.write_room
    saved_by_hook: list[int] = []
    main_window.backups.save_requested.connect(lambda: saved_by_hook.append(notes(ctx)))

    confirm = restore_through_menu(qtbot, main_window, archive)
    assert "4 notes" in confirm.findChild(QWidget, "restoreContents").text()
    assert confirm.export_button.isHidden()  # a self-contained file already
    assert notes(ctx) == 7  # nothing changes before the person says so
    with qtbot.waitSignal(main_window.backups.restore_finished, timeout=30_000) as done:
        qtbot.mouseClick(confirm.restore_button, Qt.MouseButton.LeftButton)
    assert saved_by_hook == [7]  # pending edits were flushed before the safety copy
    assert dump(ctx.store) == expected
    assert main_window.write_room is not old_rooms  # rooms rebuilt on the restored data
    assert main_window.pages.currentWidget() is main_window.shell
    assert main_window.pages.isEnabled() and main_window.menuBar().isEnabled()
    assert "restored" in main_window.status_label.text()
    safety = done.args[0].safety_backup
    assert safety in [entry.path for entry in list_backups(ctx.paths.backups)]
    assert main_window.backups.dialog.title_label.text() == "Your backup is back"


def test_cancelling_a_restore_changes_nothing(qtbot, ctx, main_window, tmp_path: Path) -> None:
    archive = create_backup(ctx.store, ctx.paths, tmp_path / "b.lovebridge", now=ctx.now()).path
    populate(ctx, notes=2, memories=0)
    before = dump(ctx.store)
    confirm = restore_through_menu(qtbot, main_window, archive)
    assert confirm.cancel_button.isDefault()
    qtbot.mouseClick(confirm.cancel_button, Qt.MouseButton.LeftButton)
    assert dump(ctx.store) == before
    assert not list(ctx.paths.data.glob(".restore-*")) and not main_window.backups.busy


def test_a_bad_file_is_refused_with_a_clear_message(qtbot, ctx, main_window, tmp_path) -> None:
    bad = tmp_path / "holiday.lovebridge"
    bad.write_bytes(b"definitely not a zip")
    main_window.backups.choose_open_path = lambda: str(bad)
    with qtbot.waitSignal(main_window.backups.failed, timeout=10_000) as failed:
        main_window.restore_action.trigger()
    assert "not a LoveBridge backup" in failed.args[0]
    assert not main_window.backups.busy


def test_automatic_backup_on_start_and_on_quit(qtbot, ctx, main_window: MainWindow) -> None:
    controller = main_window.backups
    with qtbot.waitSignal(controller.automatic_backup_finished, timeout=20_000):
        controller.start_automatic()
    assert len(list_backups(ctx.paths.backups)) == 1
    populate(ctx, notes=1, memories=0)  # something saved in this session
    main_window.change_relay.flush()
    with qtbot.waitSignal(controller.automatic_backup_finished, timeout=20_000):
        main_window.close()
    entries = list_backups(ctx.paths.backups)
    assert len(entries) == 1 and entries[0].sequence == 2  # rotation keeps the newest of today


def test_no_second_automatic_backup_on_the_same_day(qtbot, ctx, main_window) -> None:
    from lovebridge.core.backup import make_automatic_backup

    make_automatic_backup(ctx.store, ctx.paths, ctx.now())
    main_window.backups.start_automatic()
    qtbot.wait(200)
    assert len(list_backups(ctx.paths.backups)) == 1


def test_a_restore_saves_the_words_being_typed_before_the_safety_copy(
        qtbot, ctx, main_window: MainWindow, tmp_path: Path) -> None:
    """Rooms keep the shell's protocol: before a restore each saves what is pending."""
    archive = create_backup(ctx.store, ctx.paths, tmp_path / "b.lovebridge", now=ctx.now()).path
    write = main_window.write_room
    write.start_note(NoteRequest(category="love"))
    write.compose.editor.setFocus()
    qtbot.keyClicks(write.compose.editor, "typed just before the restore")
    confirm = restore_through_menu(qtbot, main_window, archive)
    with qtbot.waitSignal(main_window.backups.restore_finished, timeout=30_000) as done:
        qtbot.mouseClick(confirm.restore_button, Qt.MouseButton.LeftButton)
    safety = done.args[0].safety_backup
    assert safety is not None
    from lovebridge.core.backup import stage_restore

    staged = stage_restore(safety, ctx.paths, ctx.store, None, ctx.file_key)
    try:
        assert staged.manifest.counts.get("message") == 1  # the draft is in the safety copy
    finally:
        staged.discard()


def test_quitting_writes_a_small_automatic_backup_that_restore_brings_back(
        qtbot, ctx, main_window: MainWindow) -> None:
    from lovebridge.core.backup.pool import pool_root
    from tests.crash.library import photo_tree

    populate(ctx, notes=4, memories=3, photo_size=80_000)
    controller = main_window.backups
    with qtbot.waitSignal(controller.automatic_backup_finished, timeout=20_000) as started:
        controller.start_automatic()
    assert started.args[0].photo_bytes_written == 6 * 80_000  # the first copies each photo once
    # A note written in this session: the backup on quit keeps it.
    populate(ctx, notes=1, memories=0, seed=9)
    main_window.change_relay.flush()
    expected_rows, expected_photos = dump(ctx.store), photo_tree(ctx.paths.photos)
    pool_before = {p: p.stat().st_mtime_ns for p in pool_root(ctx.paths).glob("??/*")}

    with qtbot.waitSignal(controller.automatic_backup_finished, timeout=20_000) as quitting:
        main_window.close()
    on_quit = quitting.args[0]
    assert on_quit.photo_bytes_written == 0 and on_quit.size < 80_000  # the database only
    assert {p: p.stat().st_mtime_ns for p in pool_root(ctx.paths).glob("??/*")} == pool_before
    listed = [entry.path for entry in list_backups(ctx.paths.backups)]
    assert listed == [on_quit.path]

    populate(ctx, notes=2, memories=1, seed=4)  # later work, and a photo file lost
    sorted(ctx.paths.photos.rglob("*.jpg"))[0].unlink()
    main_window.show()
    confirm = restore_through_menu(qtbot, main_window, listed[0])
    assert "5 notes" in confirm.findChild(QWidget, "restoreContents").text()
    assert "6 photos" in confirm.findChild(QWidget, "restoreContents").text()
    with qtbot.waitSignal(main_window.backups.restore_finished, timeout=30_000):
        qtbot.mouseClick(confirm.restore_button, Qt.MouseButton.LeftButton)
    assert dump(ctx.store) == expected_rows
    assert photo_tree(ctx.paths.photos) == expected_photos
    qtbot.waitUntil(lambda: not list(ctx.paths.data.glob(".backup-work-*")), timeout=20_000)


def test_an_automatic_backup_saved_as_one_file_from_the_restore_dialog(
        qtbot, ctx, main_window: MainWindow, tmp_path: Path) -> None:
    from lovebridge.core.backup import make_automatic_backup, read_manifest

    populate(ctx, notes=3, memories=2)
    automatic = make_automatic_backup(ctx.store, ctx.paths, ctx.now()).path
    populate(ctx, notes=1, memories=0, seed=6)
    before = dump(ctx.store)
    controller = main_window.backups
    controller.choose_save_path = lambda suggested: str(tmp_path / suggested.replace(" ", "_"))
    confirm = restore_through_menu(qtbot, main_window, automatic)
    assert confirm.export_button.isVisible()
    with qtbot.waitSignal(controller.backup_finished, timeout=20_000) as saved:
        qtbot.mouseClick(confirm.export_button, Qt.MouseButton.LeftButton)
    result = saved.args[0]
    assert result.path == tmp_path / "LoveBridge_2026-11-23_1830.lovebridge".replace(
        "1830", f"{ctx.now().astimezone():%H%M}")
    manifest = read_manifest(result.path)
    assert not manifest.is_pooled and manifest.photo_count == 4
    assert "Backed up to" in main_window.status_label.text()
    assert dump(ctx.store) == before  # saving a copy restores nothing
    assert not list(ctx.paths.data.glob(".restore-*")) and not controller.busy


def test_quitting_an_unchanged_library_adds_no_backup(qtbot, ctx, main_window: MainWindow) -> None:
    """An identical copy would only push an older, different backup out of the rotation."""
    populate(ctx, notes=2, memories=0)
    controller = main_window.backups
    with qtbot.waitSignal(controller.automatic_backup_finished, timeout=20_000):
        controller.start_automatic()
    main_window.close()
    QThreadPool.globalInstance().waitForDone(20_000)
    assert len(list_backups(ctx.paths.backups)) == 1
