"""Background work over QThreadPool, with the result or error delivered on the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

logger = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; queued signals carry the outcome back to it."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class Task(QRunnable):
    """Runs `work(report_progress)` or `work()` off the GUI thread."""

    def __init__(self, work: Callable[..., Any], with_progress: bool) -> None:
        super().__init__()
        self.relay = _Relay()
        self._work = work
        self._with_progress = with_progress

    def run(self) -> None:
        try:
            args = (self.relay.progressed.emit,) if self._with_progress else ()
            result = self._work(*args)
        except Exception as exc:  # delivered to on_error; nothing may escape a worker thread
            logger.warning("background task failed: %s", type(exc).__name__, exc_info=True)
            self.relay.failed.emit(exc)
        else:
            self.relay.succeeded.emit(result)


def _while_alive(owner: QObject | None, callback: Callable[..., None]) -> Callable[..., None]:
    """`callback`, skipped once `owner`'s C++ object is gone (a closed window, a rebuilt room)."""
    if owner is None:
        return callback

    def deliver(*args: Any) -> None:
        if shiboken6.isValid(owner):
            callback(*args)
        else:
            logger.debug("a background result arrived after its owner was gone")

    return deliver


_running: set[Task] = set()  # keeps relays alive until their outcome is delivered


def run_task(
    work: Callable[..., Any],
    on_result: Callable[[Any], None] | None = None,
    on_error: Callable[[Exception], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    pool: QThreadPool | None = None,
    owner: QObject | None = None,
) -> Task:
    """Run `work` in the thread pool; callbacks run on the GUI thread.

    With `on_progress`, `work` is called with one argument, `report(done, total)`. With `owner`
    (the widget the callbacks update), outcomes that arrive after it was deleted are dropped.
    """
    task = Task(work, with_progress=on_progress is not None)
    task.setAutoDelete(False)
    _running.add(task)

    def finish() -> None:
        _running.discard(task)

    if on_result is not None:
        task.relay.succeeded.connect(_while_alive(owner, on_result))
    if on_error is not None:
        task.relay.failed.connect(_while_alive(owner, on_error))
    if on_progress is not None:
        task.relay.progressed.connect(_while_alive(owner, on_progress))
    task.relay.succeeded.connect(finish)
    task.relay.failed.connect(finish)
    (pool or QThreadPool.globalInstance()).start(task)
    return task
