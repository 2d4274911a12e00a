"""A time-of-day picker: quarter hours to choose from, any HH:MM to type."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, QTime
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QWidget

TIME_PATTERN = r"([01]?\d|2[0-3]):[0-5]\d"


class TimeCombo(QComboBox):
    """Behaves like QTimeEdit for callers (`time()`, `setTime()`), looks like the other fields."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(12)
        self.lineEdit().setValidator(
            QRegularExpressionValidator(QRegularExpression(TIME_PATTERN), self))
        for minutes in range(0, 24 * 60, 15):
            self.addItem(f"{minutes // 60:02d}:{minutes % 60:02d}")
        self.setMinimumWidth(96)

    def time(self) -> QTime:
        parsed = QTime.fromString(self.currentText().strip().zfill(5), "HH:mm")
        return parsed if parsed.isValid() else QTime(19, 0)

    def setTime(self, value: QTime) -> None:
        text = value.toString("HH:mm")
        index = self.findText(text)
        if index >= 0:
            self.setCurrentIndex(index)
        self.setEditText(text)
