"""The first-run welcome: two first names and the day it all began."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QWidget

from lovebridge.core.profile import CoupleProfile, ProfileService
from lovebridge.ui.common.widgets import centred_card, muted_label, primary_button
from lovebridge.ui.profile_form import ProfileForm


class WelcomePage(QWidget):
    """Asks for the couple's names and saves the profile; emits `completed` when done."""

    completed = Signal(object)  # CoupleProfile

    def __init__(self, profiles: ProfileService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        self.setAccessibleName(self.tr("Welcome"))
        self._profiles = profiles

        inner = centred_card(self, 540, "lovebridge", 72, self.tr("Welcome to LoveBridge"))
        inner.setSpacing(14)
        intro = muted_label(
            self.tr("A quiet place for the two of you: notes to each other, the memories you "
                    "share, and time set aside together. Everything stays on this laptop.")
        )
        intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        inner.addWidget(intro)
        inner.addSpacing(8)

        self.form = ProfileForm(with_jokes=False)
        # A large font puts each label above its box rather than cutting either.
        self.form.form_layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        inner.addWidget(self.form)

        footer = QHBoxLayout()
        footer.addWidget(muted_label(self.tr("You can change all of this later in Preferences.")))
        footer.addStretch(1)
        self.begin_button = primary_button(self.tr("Let's begin"))
        self.begin_button.setObjectName("welcomeBeginButton")
        self.begin_button.setDefault(True)
        self.begin_button.clicked.connect(self._save)
        footer.addWidget(self.begin_button)
        inner.addLayout(footer)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter moves from the first name to the second, and anywhere else begins (the line
        edits, the date and the tick box all pass Enter on to the page)."""
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            super().keyPressEvent(event)
            return
        if (self.focusWidget() is self.form.my_name
                and not self.form.partner_name.text().strip()):
            self.form.partner_name.setFocus()
        else:
            self._save()

    def showEvent(self, event) -> None:  # noqa: ANN001
        super().showEvent(event)
        self.form.my_name.setFocus()

    def _save(self) -> None:
        profile = self.form.profile(me="a")
        if profile is None:
            return
        self._profiles.save(profile)
        self.completed.emit(profile)

    def current_profile(self) -> CoupleProfile | None:
        return self.form.profile()
