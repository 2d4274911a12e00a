"""A splitter that puts its panes one above the other when they cannot fit side by side."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter


class ReflowSplitter(QSplitter):
    """Side by side while every pane gets at least its minimum width; stacked otherwise (a
    narrow window or a large font), so no pane is cut at the window's edge."""

    def _side_by_side_width(self) -> int:
        panes = [self.widget(i) for i in range(self.count()) if not self.widget(i).isHidden()]
        need = sum(max(p.minimumWidth(), p.minimumSizeHint().width()) for p in panes)
        return need + self.handleWidth() * max(0, len(panes) - 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wide = self.width() >= self._side_by_side_width()
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.orientation() != orientation:
            self.setOrientation(orientation)
