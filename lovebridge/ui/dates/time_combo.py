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


class AmountCombo(QComboBox):
    """A small whole number (1–999) to pick or type, styled like the other fields."""

    CHOICES = (1, 2, 3, 4, 5, 6, 7, 10, 12, 14, 15, 20, 30, 45, 60, 90)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.lineEdit().setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[1-9]\d{0,2}"), self))
        for number in self.CHOICES:
            self.addItem(str(number))
        self.setMinimumWidth(84)

    def value(self) -> int:
        text = self.currentText().strip()
        return int(text) if text.isdigit() and int(text) > 0 else 1

    def setValue(self, number: int) -> None:
        self.setEditText(str(number))
