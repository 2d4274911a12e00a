"""Work that waits until what the person asked for is on screen (deferred start-up work)."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# A window that is never painted (hidden, minimised to the tray) still gets its deferred work.
FALLBACK_MS = 1000


class AfterPaint(QObject):
    """Calls `callback` `settle_ms` after `widget` has painted (queued, so that paint is drawn
    first), or after FALLBACK_MS, whichever comes first; once."""

    def __init__(self, widget: QWidget, callback: Callable[[], None], settle_ms: int = 0) -> None:
        # Owned by the window, so a page replaced before it paints still gets the fallback.
        super().__init__(widget.window())
        self._widget = widget
        self._callback: Callable[[], None] | None = callback
        self._settle_ms = settle_ms
        widget.installEventFilter(self)
        QTimer.singleShot(max(FALLBACK_MS, settle_ms), self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(self._settle_ms, self, self._run)
        return False

    def _run(self) -> None:
        callback, self._callback = self._callback, None
        if callback is None:
            return
        if shiboken6.isValid(self._widget):
            self._widget.removeEventFilter(self)
        self.deleteLater()
        callback()


def after_paint(widget: QWidget, callback: Callable[[], None], settle_ms: int = 0
                ) -> AfterPaint:
    """Run `callback` once `widget` is on screen (see AfterPaint)."""
    return AfterPaint(widget, callback, settle_ms)
