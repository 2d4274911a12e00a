"""Preferences: the two of you, who is at the keyboard, and the look. Other issues add pages."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lovebridge.core.profile import CoupleProfile, ProfileService
from lovebridge.ui import settings as opts
from lovebridge.ui.common.widgets import muted_label
from lovebridge.ui.i18n import SYSTEM, available_languages
from lovebridge.ui.profile_form import ProfileForm
from lovebridge.ui.settings import Settings

THEMES = (
    ("system", QT_TRANSLATE_NOOP("PreferencesDialog", "Follow the system")),
    ("light", QT_TRANSLATE_NOOP("PreferencesDialog", "Light")),
    ("dark", QT_TRANSLATE_NOOP("PreferencesDialog", "Dark")),
)


class PreferencesDialog(QDialog):
    """Opened with `open()` (never a blocking exec); saves on OK."""

    profile_changed = Signal(object)  # CoupleProfile
    theme_changed = Signal(str)

    def __init__(
        self, profiles: ProfileService, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.setMinimumWidth(560)
        self._profiles = profiles
        self._settings = settings

        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("preferencesTabs")
        layout.addWidget(self.tabs)

        us = QWidget()
        us_layout = QVBoxLayout(us)
        us_layout.setContentsMargins(18, 18, 18, 18)
        self.profile_form = ProfileForm(with_jokes=True)
        us_layout.addWidget(self.profile_form)
        self.partner_choice = QComboBox()
        self.partner_choice.setObjectName("currentPartnerCombo")
        self.partner_choice.setAccessibleName(self.tr("Who is using LoveBridge on this laptop"))
        form = self.profile_form.form_layout
        form.insertRow(form.rowCount() - 1, self.tr("Who's writing here"), self.partner_choice)
        form.insertRow(
            form.rowCount() - 1,
            "",
            muted_label(self.tr("Sharing one laptop? Switch here so notes and memories show "
                                "who wrote them.")),
        )
        us_layout.addStretch(1)
        self.tabs.addTab(us, self.tr("The two of us"))

        look = QWidget()
        look_layout = QFormLayout(look)
        look_layout.setContentsMargins(18, 18, 18, 18)
        self.theme_choice = QComboBox()
        self.theme_choice.setObjectName("themeCombo")
        self.theme_choice.setAccessibleName(self.tr("Colour theme"))
        for key, label in THEMES:
            self.theme_choice.addItem(self.tr(label), key)
        look_layout.addRow(self.tr("Colours"), self.theme_choice)
        self.language_choice = QComboBox()
        self.language_choice.setObjectName("languageCombo")
        self.language_choice.setAccessibleName(self.tr("Language of LoveBridge"))
        self.language_choice.addItem(self.tr("The system's language"), SYSTEM)
        for language in available_languages():
            self.language_choice.addItem(language.name, language.code)
        look_layout.addRow(self.tr("Language"), self.language_choice)
        self.language_note = muted_label(self.tr("A new language shows the next time "
                                                 "LoveBridge opens."))
        self.language_note.setWordWrap(True)
        look_layout.addRow("", self.language_note)
        self.tabs.addTab(look, self.tr("Appearance"))

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._load()

    def add_page(self, page: QWidget, title: str) -> None:
        """Add a tab (e.g. Privacy) owned by another part of the app."""
        self.tabs.addTab(page, title)

    def _load(self) -> None:
        me = self._settings.get(opts.CURRENT_PARTNER)
        profile = self._profiles.load() or CoupleProfile("", "")
        self.profile_form.set_profile(profile, me="a")
        self.partner_choice.clear()
        self.partner_choice.addItem(profile.partner_a or self.tr("First partner"), "a")
        self.partner_choice.addItem(profile.partner_b or self.tr("Second partner"), "b")
        self.partner_choice.setCurrentIndex(0 if me == "a" else 1)
        index = self.theme_choice.findData(self._settings.get(opts.THEME))
        self.theme_choice.setCurrentIndex(max(index, 0))
        index = self.language_choice.findData(self._settings.get(opts.LANGUAGE))
        self.language_choice.setCurrentIndex(max(index, 0))

    def _save(self) -> None:
        profile = self.profile_form.profile(me="a")
        if profile is None:
            self.tabs.setCurrentIndex(0)
            return
        self._profiles.save(profile)
        self._settings.set(opts.CURRENT_PARTNER, self.partner_choice.currentData())
        theme = self.theme_choice.currentData()
        if theme != self._settings.get(opts.THEME):
            self._settings.set(opts.THEME, theme)
            self.theme_changed.emit(theme)
        self._settings.set(opts.LANGUAGE, self.language_choice.currentData())
        self._settings.sync()
        self.profile_changed.emit(profile)
        self.accept()
