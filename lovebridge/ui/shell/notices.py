"""The strip above every room for app-wide notices (a reminder, "While you were away")."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QVBoxLayout, QWidget


class NoticeArea(QWidget):
    """Holds notices that show and hide themselves; takes no room while none shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shellNotices")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(24, 12, 24, 0)
        self._layout.setSpacing(8)
        self._notices: list[QWidget] = []
        self.hide()

    def add_notice(self, notice: QWidget) -> None:
        self._layout.addWidget(notice)
        self._notices.append(notice)
        notice.installEventFilter(self)
        self._update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ShowToParent, QEvent.Type.HideToParent):
            self._update()
        return super().eventFilter(watched, event)

    def _update(self) -> None:
        self.setVisible(any(not notice.isHidden() for notice in self._notices))
