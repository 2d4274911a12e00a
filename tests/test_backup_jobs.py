"""Back up… and Restore… run as jobs in the status bar: progress, Cancel, nothing half-done."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from lovebridge.core.backup import create_backup
from lovebridge.ui import backup as backup_ui
from lovebridge.ui.shell.job_status import JobStatus
from lovebridge.ui.shell.jobs import Job, JobQueue
from tests.crash.library import dump, populate
from tests.test_backup_gui import restore_through_menu


def gate() -> tuple[threading.Event, threading.Event]:
    """(reached, proceed): the worker says it got there, then waits to be let on."""
    return threading.Event(), threading.Event()


def click_cancel(qtbot, window) -> None:  # noqa: ANN001
    button = window.statusBar().findChild(QPushButton, "jobCancel")
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_back_up_now_shows_its_progress_in_the_status_bar_and_can_be_cancelled(
        qtbot, ctx, main_window, tmp_path: Path, monkeypatch) -> None:
    populate(ctx, notes=3, memories=2)
    reached, proceed = gate()
    real_create = backup_ui.create_backup

    def held_create(*args, progress, **options):
        def report(done: int, total: int) -> None:
            reached.set()
            assert proceed.wait(10)
            progress(done, total)

        return real_create(*args, progress=report, **options)

    monkeypatch.setattr(backup_ui, "create_backup", held_create)
    controller = main_window.backups
    controller.choose_save_path = lambda suggested: str(tmp_path / "out" / suggested)
    main_window.backup_action.trigger()
    qtbot.waitUntil(reached.is_set, timeout=20_000)  # the archive is being written
    assert controller.dialog is None  # no dialog of its own: the status bar shows the job
    title = main_window.statusBar().findChild(QLabel, "jobTitle")
    assert title.isVisible() and title.text().startswith("Backing up to LoveBridge 2026-11-23")
    with qtbot.waitSignal(controller.failed, timeout=20_000):
        click_cancel(qtbot, main_window)
        proceed.set()
    assert not controller.busy and not main_window.jobs.busy
    assert "Stopped as you asked" in main_window.status_label.text()
    assert list((tmp_path / "out").iterdir()) == []  # no backup, no partial file
    assert not list(ctx.paths.data.glob(".backup-work-*"))


def test_a_finished_back_up_now_says_so_in_the_status_line(qtbot, ctx, main_window,
                                                           tmp_path: Path) -> None:
    populate(ctx, notes=3, memories=1)
    controller = main_window.backups
    controller.choose_save_path = lambda suggested: str(tmp_path / suggested)
    with qtbot.waitSignal(controller.backup_finished, timeout=20_000) as done:
        main_window.backup_action.trigger()
    assert done.args[0].path.exists() and controller.dialog is None
    text = main_window.status_label.text()
    assert text.startswith("Backed up to LoveBridge 2026-11-23.lovebridge: 3 notes")


def test_a_restore_cancelled_before_the_swap_leaves_the_library_as_it_was(
        qtbot, ctx, main_window, tmp_path: Path, monkeypatch) -> None:
    archive = create_backup(ctx.store, ctx.paths, tmp_path / "b.lovebridge", now=ctx.now()).path
    populate(ctx, notes=2, memories=1)
    before = dump(ctx.store)
    reached, proceed = gate()
    real_apply = backup_ui.apply_restore

    def held_apply(*args, before_swap, **options):
        def hold() -> None:
            reached.set()
            assert proceed.wait(10)
            before_swap()

        return real_apply(*args, before_swap=hold, **options)

    monkeypatch.setattr(backup_ui, "apply_restore", held_apply)
    confirm = restore_through_menu(qtbot, main_window, archive)
    qtbot.mouseClick(confirm.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(reached.is_set, timeout=30_000)  # the safety copy is made; nothing swapped
    assert not main_window.pages.isEnabled()  # the rooms are frozen, the status bar is not
    with qtbot.waitSignal(main_window.backups.failed, timeout=20_000):
        click_cancel(qtbot, main_window)
        proceed.set()
    assert dump(ctx.store) == before
    assert not list(ctx.paths.data.glob(".restore-*"))  # the unpacked copy is gone
    assert main_window.pages.isEnabled() and not main_window.backups.busy
    assert "Stopped as you asked" in main_window.status_label.text()


def test_a_job_that_cannot_stop_halfway_says_so_beside_a_disabled_cancel(qtbot) -> None:
    jobs = JobQueue()
    status = JobStatus(jobs)
    qtbot.addWidget(status)
    release = threading.Event()
    jobs.submit(Job("Turning the lock on…", lambda _job, _report: release.wait(10),
                    why_not_cancellable="Changing the lock cannot be stopped halfway."))
    try:
        assert status.cancel_button.isVisibleTo(status)
        assert not status.cancel_button.isEnabled()
        assert status.cancel_button.toolTip() == "Changing the lock cannot be stopped halfway."
    finally:
        release.set()
        qtbot.waitUntil(lambda: not jobs.busy, timeout=10_000)


def test_turning_the_lock_on_is_queued_as_a_job_that_says_it_cannot_be_stopped(
        qtbot, main_window) -> None:
    from tests.test_privacy_app import turn_on_through_page

    seen: list[Job] = []
    main_window.jobs.started.connect(seen.append)
    turn_on_through_page(qtbot, main_window)
    lock_jobs = [job for job in seen if job.title == "Turning the lock on…"]
    assert lock_jobs and not lock_jobs[0].cancellable
    assert "cannot be stopped halfway" in lock_jobs[0].why_not_cancellable
