"""Notices when nobody has touched LoveBridge for a while, so it can lock itself."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication

from lovebridge.ui.settings import Option

IDLE_LOCK_MINUTES = Option("privacy/idle_lock_minutes", 15, int)  # 0 = never
IDLE_CHOICES = (0, 5, 15, 30, 60)

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TabletPress,
})


class IdleWatcher(QObject):
    """An application-wide event filter that emits `idle` after `timeout_s` without input.

    It also spots the lock shortcut in any LoveBridge window: a modal dialog blocks the main
    window's shortcuts, but locking must work from anywhere.

    It listens only between `watch(True)` and `watch(False)` (while the lock is on): a Python
    filter on the whole application is called for every event of every widget.
    """

    idle = Signal()
    lock_key_pressed = Signal()

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        check_interval_ms: int = 5000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.clock = clock  # replaceable, so tests can move time on
        self._last_input = clock()
        self.timeout_s = 0.0
        self.lock_key: QKeySequence | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(check_interval_ms)
        self._timer.timeout.connect(self.check)
        self._watching = False

    def watch(self, on: bool) -> None:
        """Listen to the application's input (True), or stop listening and timing (False)."""
        app = QApplication.instance()
        if on == self._watching or app is None:
            return
        self._watching = on
        if on:
            self.touch()
            app.installEventFilter(self)
        else:
            self._timer.stop()
            app.removeEventFilter(self)

    def is_watching(self) -> bool:
        return self._watching

    def set_minutes(self, minutes: int) -> None:
        """Lock after `minutes` without input; 0 turns the idle lock off."""
        self.set_timeout_seconds(minutes * 60)

    def set_timeout_seconds(self, seconds: float) -> None:
        self.timeout_s = seconds
        self.touch()
        if seconds > 0:
            self._timer.start()
        else:
            self._timer.stop()

    def set_check_interval(self, milliseconds: int) -> None:
        """How often the quiet time is compared with the timeout."""
        self._timer.setInterval(milliseconds)

    def touch(self) -> None:
        """Count now as activity."""
        self._last_input = self.clock()

    def idle_seconds(self) -> float:
        return self.clock() - self._last_input

    def check(self) -> None:
        """Emit `idle` once the quiet time reaches the timeout (then start counting again)."""
        if self.timeout_s > 0 and self.idle_seconds() >= self.timeout_s:
            self.touch()
            self.idle.emit()

    def stop(self) -> None:
        self.watch(False)
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in _INPUT_EVENTS:
            self._last_input = self.clock()
            if (event.type() == QEvent.Type.KeyPress and self.lock_key is not None
                    and isinstance(event, QKeyEvent)
                    and event.keyCombination() == self.lock_key[0]):
                self.lock_key_pressed.emit()
        return False
