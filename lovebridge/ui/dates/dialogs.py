"""Small dialogs of the Dates room: the couple's own idea, and the special dates they keep."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lovebridge.core.dates.anniversaries import SPECIAL_KINDS, SpecialDateService, SpecialDay
from lovebridge.core.dates.ideas import COSTS, ENERGIES, SEASONS, Idea, IdeaLibraryError
from lovebridge.core.dates.services import DatesServices
from lovebridge.ui.common.widgets import heading, muted_label, primary_button
from lovebridge.ui.dates.idea_picker import COST_LABELS, ENERGY_LABELS
from lovebridge.ui.dates.labels import kind_label
from lovebridge.ui.dates.style import soft_list_style


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("formError")
    label.setWordWrap(True)
    label.hide()
    return label


class OwnIdeaDialog(QDialog):
    """Add an idea of our own, with the same details as the built-in ones."""

    added = Signal(object)  # Idea

    def __init__(self, services: DatesServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ownIdeaDialog")
        self.setWindowTitle(self.tr("Our own idea"))
        self.setMinimumWidth(480)
        self._services = services
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.addWidget(heading(self.tr("An idea of our own")))
        form = QFormLayout()
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("ownIdeaTitle")
        self.why_edit = QLineEdit()
        self.why_edit.setObjectName("ownIdeaWhy")
        self.why_edit.setPlaceholderText(self.tr("Why it does us good"))
        self.home_check = QCheckBox(self.tr("At home"))
        self.home_check.setChecked(True)
        self.indoor_check = QCheckBox(self.tr("Indoors"))
        self.indoor_check.setChecked(True)
        where = QHBoxLayout()
        where.addWidget(self.home_check)
        where.addWidget(self.indoor_check)
        where.addStretch(1)
        self.cost_combo = QComboBox()
        for key in COSTS:
            self.cost_combo.addItem(self.tr(COST_LABELS[key]), key)
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setRange(5, 60 * 24 * 7)
        self.minutes_spin.setSingleStep(15)
        self.minutes_spin.setValue(90)
        self.minutes_spin.setSuffix(self.tr(" minutes"))
        self.energy_combo = QComboBox()
        for key in ENERGIES:
            self.energy_combo.addItem(self.tr(ENERGY_LABELS[key]), key)
        self.season_combo = QComboBox()
        for key in SEASONS:
            self.season_combo.addItem(self.tr("Any season") if key == "any" else
                                      self.tr(key.capitalize()), key)
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText(self.tr("cooking, music"))
        form.addRow(self.tr("Idea"), self.title_edit)
        form.addRow(self.tr("Why"), self.why_edit)
        form.addRow(self.tr("Where"), where)
        form.addRow(self.tr("Cost"), self.cost_combo)
        form.addRow(self.tr("Takes"), self.minutes_spin)
        form.addRow(self.tr("Energy"), self.energy_combo)
        form.addRow(self.tr("Season"), self.season_combo)
        form.addRow(self.tr("Tags"), self.tags_edit)
        layout.addLayout(form)
        self.error_label = _error_label()
        layout.addWidget(self.error_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        save = primary_button(self.tr("Add idea"))
        save.setObjectName("ownIdeaSave")
        save.clicked.connect(self.save)
        buttons.addWidget(cancel)
        buttons.addWidget(save)
        layout.addLayout(buttons)

    def save(self) -> Idea | None:
        idea = Idea(
            key="", title=self.title_edit.text(), why=self.why_edit.text(),
            at_home=self.home_check.isChecked(), indoor=self.indoor_check.isChecked(),
            cost=self.cost_combo.currentData(), duration_minutes=self.minutes_spin.value(),
            energy=self.energy_combo.currentData(), season=self.season_combo.currentData(),
            tags=tuple(t.strip() for t in self.tags_edit.text().split(",") if t.strip()),
        )
        try:
            saved = self._services.ideas.add_custom(idea)
        except IdeaLibraryError as exc:
            self.error_label.setText(str(exc))
            self.error_label.show()
            return None
        self.added.emit(saved)
        self.accept()
        return saved


class SpecialDatesDialog(QDialog):
    """The dates we keep: add, change or remove them (anniversaries, birthdays, others)."""

    changed = Signal()

    def __init__(self, specials: SpecialDateService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("specialDatesDialog")
        self.setWindowTitle(self.tr("Special dates"))
        self.setMinimumSize(520, 460)
        self._specials = specials
        self._editing: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(10)
        layout.addWidget(heading(self.tr("Dates we keep"), self.tr(
            "First date, wedding, birthdays: they show in the calendar every year.")))
        self.list = QListWidget()
        self.list.setObjectName("specialDatesList")
        self.list.setStyleSheet(soft_list_style())
        self.list.currentItemChanged.connect(lambda *_: self._load_current())
        layout.addWidget(self.list, 1)
        form = QFormLayout()
        self.label_edit = QLineEdit()
        self.label_edit.setObjectName("specialLabel")
        self.label_edit.setPlaceholderText(self.tr("Our wedding"))
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("specialDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d MMMM yyyy")
        self.date_edit.setDate(QDate.currentDate())
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("specialKind")
        for key in SPECIAL_KINDS:
            self.kind_combo.addItem(kind_label(key), key)
        self.yearly_check = QCheckBox(self.tr("Every year"))
        self.yearly_check.setObjectName("specialYearly")
        self.yearly_check.setChecked(True)
        form.addRow(self.tr("Name"), self.label_edit)
        form.addRow(self.tr("Date"), self.date_edit)
        form.addRow(self.tr("Kind"), self.kind_combo)
        form.addRow("", self.yearly_check)
        layout.addLayout(form)
        layout.addWidget(muted_label(self.tr(
            "Born on 29 February? In other years it shows on 28 February.")))
        self.error_label = _error_label()
        layout.addWidget(self.error_label)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New"))
        self.new_button.clicked.connect(self.start_new)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("specialRemove")
        self.remove_button.clicked.connect(self.remove_current)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        self.save_button = primary_button(self.tr("Save date"))
        self.save_button.setObjectName("specialSave")
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for special in self._specials.all():
            text = f"{special.label} — {special.day:%d %B %Y}"
            item = QListWidgetItem(text)
            item.setData(0x0100, special)
            self.list.addItem(item)
        self.remove_button.setEnabled(self.list.count() > 0)

    def start_new(self) -> None:
        self._editing = None
        self.list.setCurrentRow(-1)
        self.label_edit.clear()
        self.label_edit.setFocus()

    def _load_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        special: SpecialDay = item.data(0x0100)
        self._editing = special.uuid
        self.label_edit.setText(special.label)
        self.date_edit.setDate(QDate(special.day.year, special.day.month, special.day.day))
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(special.kind), 0))
        self.yearly_check.setChecked(special.yearly)

    def save(self) -> None:
        qdate = self.date_edit.date()
        try:
            self._specials.save(self.label_edit.text(), date(qdate.year(), qdate.month(),
                                                             qdate.day()),
                                self.kind_combo.currentData(), self.yearly_check.isChecked(),
                                uuid=self._editing)
        except ValueError as exc:
            self.error_label.setText(str(exc))
            self.error_label.show()
            return
        self.error_label.hide()
        self.reload()
        self.start_new()
        self.changed.emit()

    def remove_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self._specials.remove(item.data(0x0100).uuid)
        self.reload()
        self.start_new()
        self.changed.emit()
