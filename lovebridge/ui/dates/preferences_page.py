"""The "Dates & reminders" page of Preferences: reminders, their default, start at login."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QSystemTrayIcon,
    QWidget,
)

from lovebridge.core.dates.autostart import Autostart, AutostartError
from lovebridge.core.dates.reminders import split_minutes, to_minutes
from lovebridge.ui.common.widgets import muted_label
from lovebridge.ui.dates.plan_editor import UNITS
from lovebridge.ui.dates.reminders import DEFAULT_REMINDER, KEEP_IN_TRAY, REMINDERS_ON
from lovebridge.ui.dates.time_combo import AmountCombo
from lovebridge.ui.errors import show_error
from lovebridge.ui.settings import Settings

logger = logging.getLogger(__name__)


class DatesPreferencesPage(QWidget):
    """Changes apply at once (and are kept), so nothing waits on the dialog's OK."""

    def __init__(self, settings: Settings, autostart: Autostart,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("datesPreferences")
        self._settings = settings
        self._autostart = autostart
        form = QFormLayout(self)
        form.setContentsMargins(18, 18, 18, 18)
        form.setSpacing(10)
        self.reminders_check = QCheckBox(self.tr("Show reminders for our plans"))
        self.reminders_check.setObjectName("remindersEnabled")
        self.reminders_check.setChecked(settings.get(REMINDERS_ON))
        self.reminders_check.toggled.connect(self._on_reminders)
        form.addRow(self.tr("Reminders"), self.reminders_check)
        default = QHBoxLayout()
        self.amount_spin = AmountCombo()
        self.amount_spin.setObjectName("defaultReminderAmount")
        self.unit_combo = QComboBox()
        self.unit_combo.setObjectName("defaultReminderUnit")
        for key, label in UNITS:
            self.unit_combo.addItem(QCoreApplication.translate("PlanEditor", label), key)
        amount, unit = split_minutes(settings.get(DEFAULT_REMINDER))
        self.amount_spin.setValue(max(amount, 1))
        self.unit_combo.setCurrentIndex(max(self.unit_combo.findData(unit), 0))
        self.amount_spin.currentTextChanged.connect(lambda _t: self._on_default())
        self.unit_combo.currentIndexChanged.connect(lambda _i: self._on_default())
        default.addWidget(self.amount_spin)
        default.addWidget(self.unit_combo, 1)
        form.addRow(self.tr("New plans remind us"), default)
        self.login_check = QCheckBox(self.tr("Start LoveBridge when I log in"))
        self.login_check.setObjectName("startAtLogin")
        self.login_check.setChecked(autostart.is_enabled())
        self.login_check.toggled.connect(self._on_login)
        form.addRow(self.tr("At login"), self.login_check)
        self.tray_check = QCheckBox(self.tr("Keep LoveBridge in the tray when the window closes"))
        self.tray_check.setObjectName("keepInTray")
        self.tray_check.setChecked(settings.get(KEEP_IN_TRAY))
        self.tray_check.setEnabled(QSystemTrayIcon.isSystemTrayAvailable())
        self.tray_check.toggled.connect(self._on_tray)
        form.addRow(self.tr("Tray"), self.tray_check)
        form.addRow("", muted_label(self.tr(
            "Reminders appear while LoveBridge is open. Starting it at login means you will "
            "not miss one; anything missed while it was closed is shown when it opens.")))

    def _on_reminders(self, checked: bool) -> None:
        self._settings.set(REMINDERS_ON, checked)
        self._settings.sync()

    def _on_tray(self, checked: bool) -> None:
        self._settings.set(KEEP_IN_TRAY, checked)
        self._settings.sync()

    def _on_default(self) -> None:
        self._settings.set(DEFAULT_REMINDER, to_minutes(self.amount_spin.value(),
                                                        self.unit_combo.currentData()))
        self._settings.sync()

    def _on_login(self, checked: bool) -> None:
        try:
            self._autostart.set_enabled(checked)
        except AutostartError as exc:
            logger.warning("autostart change failed")
            self.login_check.blockSignals(True)
            self.login_check.setChecked(not checked)
            self.login_check.blockSignals(False)
            show_error(self, self.tr("Start at login"), str(exc))
