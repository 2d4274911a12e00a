"""The one change signal: the library's "what changed" notices, relayed onto the GUI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QTimer, Signal

from lovebridge.core.events import Change, ChangeBus


class ChangeRelay(QObject):
    """Collects what commits changed (on any thread) and emits it once per event-loop turn."""

    changed = Signal(object)  # tuple[Change, ...], merged by kind
    _arrived = Signal()  # crosses from a worker thread to the GUI thread (queued)

    def __init__(self, bus: ChangeBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: dict[str, set[str]] = {}
        self._lock = threading.Lock()
        self._scheduled = False
        self._arrived.connect(self._schedule)
        self._unsubscribe = bus.subscribe(self._collect)
        self.destroyed.connect(lambda _obj=None, undo=self._unsubscribe: undo())

    def _collect(self, changes: tuple[Change, ...]) -> None:
        with self._lock:
            for change in changes:
                self._pending.setdefault(change.kind, set()).update(change.ids)
        self._arrived.emit()

    def _schedule(self) -> None:
        if not self._scheduled:
            self._scheduled = True
            QTimer.singleShot(0, self, self.flush)

    def flush(self) -> None:
        """Emit what has gathered (also called by tests that cannot wait a turn)."""
        self._scheduled = False
        with self._lock:
            pending, self._pending = self._pending, {}
        if pending:
            self.changed.emit(tuple(Change(kind, frozenset(ids))
                                    for kind, ids in sorted(pending.items())))

    def close(self) -> None:
        self._unsubscribe()
