"""A passphrase typed twice, with the rules said plainly; used wherever one is set."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

MIN_LENGTH = 8


class PassphraseFields(QWidget):
    """Two password fields (passphrase, again) and a check that they are usable."""

    def __init__(self, label: str, optional: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.optional = optional
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setAccessibleName(label)
        self.first.setPlaceholderText(
            self.tr("Optional — can be added later") if optional
            else self.tr("At least {n} characters").format(n=MIN_LENGTH)
        )
        self.second = QLineEdit()
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.second.setAccessibleName(self.tr("{label}, again").format(label=label))
        self.second.setPlaceholderText(self.tr("Type it again"))
        for field in (self.first, self.second):  # room for a sentence, never squashed
            field.setMinimumWidth(field.fontMetrics().horizontalAdvance("x" * 28))
            field.setMinimumHeight(field.sizeHint().height())
        form.addRow(label, self.first)
        form.addRow(self.tr("Again"), self.second)

    def value(self) -> str:
        return self.first.text()

    def problem(self) -> str | None:
        """Why the passphrase cannot be used, in plain words; None when it is fine."""
        first, second = self.first.text(), self.second.text()
        if not first and not second and self.optional:
            return None
        if len(first) < MIN_LENGTH:
            return self.tr("A passphrase needs at least {n} characters. A short sentence "
                           "only the two of you would think of works well.").format(n=MIN_LENGTH)
        if first != second:
            return self.tr("The two passphrases you typed are not the same.")
        return None

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()
