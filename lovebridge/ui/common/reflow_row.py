"""A row of panels that stacks them one above the other when they cannot fit side by side."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QLayout, QWidget


class ReflowRow(QWidget):
    """Side by side while every panel gets its minimum width; stacked otherwise (a narrow
    window or a large font), so a page in a scroll area never has to scroll sideways."""

    def __init__(self, spacing: int = 12, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._box.setSpacing(spacing)

    def add_widget(self, widget: QWidget, stretch: int = 0) -> None:
        self._box.addWidget(widget, stretch)

    def add_layout(self, layout: QLayout, stretch: int = 0) -> None:
        self._box.addLayout(layout, stretch)

    def is_stacked(self) -> bool:
        return self._box.direction() == QBoxLayout.Direction.TopToBottom

    def _widths(self) -> list[int]:
        return [self._box.itemAt(i).minimumSize().width() for i in range(self._box.count())
                if not self._box.itemAt(i).isEmpty()]

    def minimumSizeHint(self) -> QSize:
        """As narrow as the widest panel (stacked), as tall as the panels need now."""
        widths = self._widths()
        height = self._box.minimumSize().height()
        return QSize(max(widths, default=0), height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        widths = self._widths()
        need = sum(widths) + self._box.spacing() * max(0, len(widths) - 1)
        direction = (QBoxLayout.Direction.LeftToRight if self.width() >= need
                     else QBoxLayout.Direction.TopToBottom)
        if self._box.direction() != direction:
            self._box.setDirection(direction)
            self.updateGeometry()
