"""A splitter that puts its panes one above the other when they cannot fit side by side."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QScrollArea, QSplitter


class ReflowSplitter(QSplitter):
    """Side by side while every pane gets at least its minimum width; stacked otherwise (a
    narrow window or a large font), so no pane is cut at the window's edge."""

    def _side_by_side_width(self) -> int:
        panes = [self.widget(i) for i in range(self.count()) if not self.widget(i).isHidden()]
        need = sum(max(p.minimumWidth(), p.minimumSizeHint().width()) for p in panes)
        return need + self.handleWidth() * max(0, len(panes) - 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        # A pane's minimum changed; not while hidden or going away (nothing to show then).
        if event.type() == QEvent.Type.LayoutRequest and self.isVisible():
            self._reflow()
        return handled

    def _reflow(self) -> None:
        wide = self.width() >= self._side_by_side_width()
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.orientation() != orientation:
            self.setOrientation(orientation)


class ReflowPane(QScrollArea):
    """A pane of a ReflowSplitter that scrolls up and down only: its minimum width is its
    page's as the page is now (a coach hint shown, a longer count), so the splitter stacks
    the panes, or takes width from another pane, rather than cut this one."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        page = self.widget()
        if page is not None:
            hint.setWidth(page.minimumSizeHint().width()
                          + self.verticalScrollBar().sizeHint().width())
        return hint

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the page's minimum may have changed: so has this one's
        return super().eventFilter(watched, event)
