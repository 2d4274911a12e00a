"""Editing one of the couple's own templates (opened with open(), never blocking)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from lovebridge.core.write.templates import Category, Template


class TemplateDialog(QDialog):
    """Words and kind of an own template; emits `saved(text, category)` on Save."""

    saved = Signal(str, str)

    def __init__(self, template: Template | None, text: str, categories: list[Category],
                 category: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templateDialog")
        self.setWindowTitle(self.tr("Edit my template") if template else
                            self.tr("Save as my template"))
        self.resize(460, 320)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Names become {partner} and {me}, so the template works for "
                              "every note. Other blanks: {memory}, {place}, {next_date}."))
        hint.setProperty("muted", True)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.category_box = QComboBox()
        self.category_box.setObjectName("templateCategory")
        for item in categories:
            self.category_box.addItem(item.label, item.key)
        index = self.category_box.findData(category or (template.category if template else None))
        self.category_box.setCurrentIndex(max(index, 0))
        layout.addWidget(self.category_box)
        self.text_edit = QPlainTextEdit(text)
        self.text_edit.setObjectName("templateText")
        layout.addWidget(self.text_edit, 1)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _save(self) -> None:
        self.saved.emit(self.text_edit.toPlainText(), self.category_box.currentData() or "")
