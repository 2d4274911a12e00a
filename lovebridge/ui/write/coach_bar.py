"""The coach's gentle hints under the draft: why, a rephrasing where it helps, and dismiss."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from lovebridge.core.write.coach import Hint

MAX_SHOWN = 2


class CoachBar(QWidget):
    """Shows up to two hints at a time; hidden when the draft needs none."""

    dismissed = Signal(str)  # the hint's rule
    rephrase_requested = Signal(object)  # Hint

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coachBar")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self.hints: list[Hint] = []
        self.setVisible(False)

    def show_hints(self, hints: list[Hint]) -> None:
        if [(h.rule, h.start, h.end, h.rephrasing) for h in hints] == [
            (h.rule, h.start, h.end, h.rephrasing) for h in self.hints
        ]:
            return
        self.hints = list(hints)
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for hint in hints[:MAX_SHOWN]:
            self._layout.addWidget(self._card(hint))
        if len(hints) > MAX_SHOWN:
            extra = len(hints) - MAX_SHOWN
            more = QLabel(self.tr("…and %n more thought(s) once these are settled.", "", extra))
            more.setProperty("muted", True)
            self._layout.addWidget(more)
        self.setVisible(bool(hints))

    def _card(self, hint: Hint) -> QWidget:
        frame = QFrame()
        frame.setObjectName("coachHint")
        frame.setProperty("rule", hint.rule)
        row = QHBoxLayout(frame)
        row.setContentsMargins(12, 8, 8, 8)
        text = QLabel(f"<b>{_escape(hint.title)}</b> — {_escape(hint.why)}")
        text.setObjectName("coachText")
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        row.addWidget(text, 1)
        if hint.rephrasing:
            rephrase = QPushButton(self.tr("Try “I feel…”"))
            rephrase.setObjectName("coachRephrase")
            rephrase.setToolTip(hint.rephrasing)
            rephrase.setAccessibleDescription(hint.rephrasing)
            rephrase.clicked.connect(lambda _c=False, h=hint: self.rephrase_requested.emit(h))
            row.addWidget(rephrase)
        dismiss = QPushButton(self.tr("Dismiss"))
        dismiss.setObjectName("coachDismiss")
        dismiss.setProperty("flat", True)
        dismiss.clicked.connect(lambda _c=False, h=hint: self.dismissed.emit(h.rule))
        row.addWidget(dismiss)
        return frame


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
