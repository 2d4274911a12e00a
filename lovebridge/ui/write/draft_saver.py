"""Saving a note's drafts one at a time and in order: in the background, or at once.

An autosave commits with `synchronous=FULL` (an fsync), which must not hold the GUI thread
while someone types; saves made at once (closing, sending, switching notes) first let a
background save finish, so a later save never lands before an earlier one.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, Signal

from lovebridge.ui.tasks import run_task

if TYPE_CHECKING:
    from lovebridge.core.write.messages import Draft, MessageRecord


@dataclass
class _Attempt:
    number: int
    draft: Draft
    record: MessageRecord | None = None
    error: Exception | None = None


class DraftSaver(QObject):
    """Saves drafts through `save` (MessageService.save); one at a time, in order."""

    saved = Signal(object)  # MessageRecord: a background save committed
    failed = Signal(object)  # Exception: a background save did not

    def __init__(self, save: Callable[[Draft], MessageRecord], parent: QObject | None = None
                 ) -> None:
        super().__init__(parent)
        self._save = save
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one save at a time, in the order asked
        self._numbers = itertools.count(1)
        self._settled = 0  # the newest attempt whose outcome was handed on
        self._running: _Attempt | None = None

    @property
    def busy(self) -> bool:
        """A background save is under way."""
        return self._running is not None

    def save_later(self, draft: Draft) -> bool:
        """Start saving `draft` off the GUI thread; False (nothing started) while one runs."""
        if self._running is not None:
            return False
        attempt = _Attempt(next(self._numbers), draft)
        self._running = attempt
        save = self._save

        def work() -> _Attempt:
            try:
                attempt.record = save(draft)
            except Exception as exc:  # handed to `failed` on the GUI thread
                attempt.error = exc
            return attempt

        run_task(work, on_result=self._settle, pool=self._pool, owner=self)
        return True

    def save_now(self, draft: Draft) -> MessageRecord:
        """Save `draft` on this thread, after any background save; raises what saving raises."""
        self.wait()
        number = next(self._numbers)
        try:
            return self._save(draft)
        finally:
            self._settled = number  # nothing older may report after this

    def wait(self) -> None:
        """Let a background save finish and hand on its outcome now."""
        if self._running is not None:
            self._pool.waitForDone()
            self._settle(self._running)

    def _settle(self, attempt: _Attempt) -> None:
        if attempt is self._running:
            self._running = None
        if attempt.number <= self._settled:
            return  # already handed on (by `wait`), or overtaken by a save made at once
        self._settled = attempt.number
        if attempt.error is not None:
            self.failed.emit(attempt.error)
        else:
            self.saved.emit(attempt.record)
