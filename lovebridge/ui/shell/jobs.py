"""One queue for long, exclusive work: backups, restores, turning the lock on or off (later sync
and imports). One job runs at a time, in the thread pool; the rest wait their turn. Each reports
progress through one interface and may be cancelled where that makes sense; the GUI thread
never waits on one. (In the spirit of Vorta's JobsManager, with a single site: this laptop.)
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

from lovebridge.ui.tasks import run_task

logger = logging.getLogger(__name__)

Report = Callable[[int, int], None]


class JobCancelledError(Exception):
    """Raised inside a job's work when it noticed it was cancelled (nothing half-done is kept)."""


@dataclass(eq=False)
class Job:
    """One piece of long work. `work(job, report)` runs in a worker thread."""

    title: str  # for the status bar: "Backing up…"
    work: Callable[[Job, Report], Any]
    on_result: Callable[[Any], None] | None = None
    on_error: Callable[[Exception], None] | None = None
    on_progress: Report | None = None
    cancellable: bool = False
    # For a job that cannot be stopped safely once started: why, for the disabled Cancel.
    why_not_cancellable: str = ""
    _cancel: threading.Event = field(default_factory=threading.Event, repr=False)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check_cancelled(self) -> None:
        """For the work to call between steps: stops it with JobCancelledError once cancelled."""
        if self._cancel.is_set():
            raise JobCancelledError

    def checked(self, report: Report) -> Report:
        """`report`, stopping the work (JobCancelledError) at its next step once cancelled:
        for work whose own clean-up runs when its progress callback raises."""

        def report_unless_cancelled(done: int, total: int) -> None:
            self.check_cancelled()
            report(done, total)

        return report_unless_cancelled


class JobQueue(QObject):
    """Runs submitted jobs one at a time, in order; signals say what runs and how far it got."""

    started = Signal(object)  # Job
    progressed = Signal(object, int, int)  # Job, done, total
    finished = Signal(object)  # Job (succeeded, failed or cancelled)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._waiting: deque[Job] = deque()
        self.current: Job | None = None

    @property
    def busy(self) -> bool:
        return self.current is not None or bool(self._waiting)

    def pending(self) -> list[Job]:
        return list(self._waiting)

    def submit(self, job: Job) -> Job:
        """Queue `job`; it starts at once when nothing else runs."""
        was_busy = self.busy
        self._waiting.append(job)
        if not was_busy:
            self.busy_changed.emit(True)
        self._next()
        return job

    def cancel(self, job: Job | None = None) -> None:
        """Cancel `job` (the running one by default): a waiting job is simply dropped."""
        job = job or self.current
        if job is None:
            return
        if job in self._waiting:
            self._waiting.remove(job)
            if not self.busy:
                self.busy_changed.emit(False)
        elif job is self.current and job.cancellable:
            job.cancel()

    def _next(self) -> None:
        if self.current is not None or not self._waiting:
            return
        job = self.current = self._waiting.popleft()
        self.started.emit(job)

        def progress(done: int, total: int) -> None:
            self.progressed.emit(job, done, total)
            if job.on_progress is not None:
                job.on_progress(done, total)

        run_task(lambda report: job.work(job, report),
                 on_result=lambda result: self._done(job, result, None),
                 on_error=lambda error: self._done(job, None, error),
                 on_progress=progress, owner=self)

    def _done(self, job: Job, result: Any, error: Exception | None) -> None:
        self.current = None
        try:
            if error is None:
                if job.on_result is not None:
                    job.on_result(result)
            elif job.on_error is not None:  # JobCancelledError included: the owner tidies up
                job.on_error(error)
        finally:
            self.finished.emit(job)
            if self._waiting:
                self._next()
            else:
                self.busy_changed.emit(False)
