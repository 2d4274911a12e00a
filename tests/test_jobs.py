"""The job queue: one long job at a time, progress and Cancel in the status bar, owners kept."""

from __future__ import annotations

import threading
import time

import shiboken6
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from lovebridge.core.privacy.lock import LockState, lock_state
from lovebridge.ui.shell.jobs import Job, JobCancelledError
from lovebridge.ui.tasks import run_task
from tests.crash.library import populate
from tests.test_privacy_app import turn_on_through_page


def test_the_lock_waits_for_a_running_automatic_backup(qtbot, ctx, main_window) -> None:
    populate(ctx, notes=6, memories=3)
    jobs = main_window.jobs
    events: list[str] = []
    jobs.started.connect(lambda job: events.append(f"start {job.title}"))
    jobs.finished.connect(lambda job: events.append(f"end {job.title}"))
    backups: list[object] = []
    main_window.backups.automatic_backup_finished.connect(backups.append)
    main_window.backups.run_automatic_backup()
    status = main_window.statusBar().findChild(QLabel, "jobTitle")
    assert status.isVisible() and status.text() == "Backing up automatically…"
    turn_on_through_page(qtbot, main_window)
    assert events == ["start Backing up automatically…", "end Backing up automatically…",
                      "start Turning the lock on…", "end Turning the lock on…"]
    assert len(backups) == 1 and backups[0].path.exists()
    assert lock_state(ctx.paths) is LockState.ON
    qtbot.waitUntil(lambda: not jobs.busy and not status.isVisible(), timeout=5000)


def test_a_long_job_can_be_cancelled_from_the_status_bar(qtbot, main_window) -> None:
    jobs = main_window.jobs
    outcome: list[object] = []
    begun = threading.Event()

    def work(job: Job, report) -> str:  # noqa: ANN001
        begun.set()
        for step in range(500):
            report(step, 500)
            job.check_cancelled()
            time.sleep(0.01)
        return "finished"

    jobs.submit(Job("Copying photos…", work, on_result=outcome.append,
                    on_error=outcome.append, cancellable=True))
    assert begun.wait(10)
    cancel_button = main_window.statusBar().findChild(QPushButton, "jobCancel")
    assert cancel_button.isVisible()
    qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(outcome), timeout=10_000)
    assert isinstance(outcome[0], JobCancelledError) and not jobs.busy


def test_a_result_for_a_deleted_owner_is_dropped(qtbot) -> None:
    label = QLabel()
    release = threading.Event()
    run_task(lambda: release.wait(10) and "late words",
             on_result=lambda text: label.setText(text), owner=label)
    shiboken6.delete(label)  # the window closed, or the room was rebuilt
    release.set()
    QThreadPool.globalInstance().waitForDone(10_000)
    QApplication.processEvents()  # delivering to the deleted label would raise here


def test_the_store_waits_for_raw_connections_before_it_closes(ctx) -> None:
    store = ctx.store
    connection = store.raw_connection()
    assert store.active == 1
    suspended = threading.Event()
    waiter = threading.Thread(target=lambda: (store.suspend(), suspended.set()))
    waiter.start()
    assert not suspended.wait(0.5)  # still held by the backup-style connection
    connection.close()
    assert suspended.wait(10) and store.active == 0
    waiter.join()
    store.resume()
