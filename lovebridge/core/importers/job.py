"""The small progress-and-cancel handle a long import runs behind (any thread, any queue)."""

from __future__ import annotations

import threading
from collections.abc import Callable


class ImportCancelledError(Exception):
    """The couple pressed Cancel; whatever was fully written stays, nothing is half-written."""


class JobControl:
    """Reports progress and answers "should I stop?"; safe to share between two threads."""

    def __init__(self, report: Callable[[int, int], None] | None = None) -> None:
        self._report = report
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def step(self, done: int, total: int) -> None:
        """Report progress, then stop with ImportCancelledError if Cancel was pressed."""
        if self._report is not None:
            self._report(done, total)
        if self._cancelled.is_set():
            raise ImportCancelledError


NO_CONTROL = JobControl()
