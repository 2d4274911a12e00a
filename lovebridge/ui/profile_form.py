"""The form for the couple's names, "together since" date and inside jokes."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from lovebridge.core.profile import CoupleProfile

NAME_MAX = 80
NOT_CHOSEN = QDate(1900, 1, 1)  # the date box's lowest day, shown as "Choose the day"


class ProfileForm(QWidget):
    """Edits a CoupleProfile; `profile()` returns it, or None with `error()` explaining why."""

    def __init__(self, with_jokes: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QFormLayout(self)
        self.form_layout = layout
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        layout.setVerticalSpacing(12)
        layout.setHorizontalSpacing(16)

        self.my_name = QLineEdit()
        self.my_name.setObjectName("myNameEdit")
        self.my_name.setAccessibleName(self.tr("Your first name"))
        self.my_name.setPlaceholderText(self.tr("e.g. Sam"))
        self.my_name.setMaxLength(NAME_MAX)
        layout.addRow(self.tr("Your first name"), self.my_name)

        self.partner_name = QLineEdit()
        self.partner_name.setObjectName("partnerNameEdit")
        self.partner_name.setAccessibleName(self.tr("Your partner's first name"))
        self.partner_name.setPlaceholderText(self.tr("e.g. Alex"))
        self.partner_name.setMaxLength(NAME_MAX)
        layout.addRow(self.tr("Your partner's first name"), self.partner_name)

        self.together_since = QDateEdit()
        self.together_since.setObjectName("togetherSinceEdit")
        self.together_since.setAccessibleName(self.tr("Together since"))
        self.together_since.setCalendarPopup(True)
        self.together_since.setDisplayFormat("d MMMM yyyy")
        # No made-up day: the box says "Choose the day" until one is picked (its lowest
        # date stands for "not chosen"), and the calendar opens on this month.
        self.together_since.setMinimumDate(NOT_CHOSEN)
        self.together_since.setMaximumDate(QDate.currentDate())
        self.together_since.setSpecialValueText(self.tr("Choose the day"))
        self.together_since.setDate(NOT_CHOSEN)
        self.together_since.calendarWidget().installEventFilter(self)
        layout.addRow(self.tr("Together since"), self.together_since)

        self.date_unknown = QCheckBox(self.tr("We'd rather not set a date"))
        self.date_unknown.setObjectName("dateUnknownCheck")
        self.date_unknown.toggled.connect(lambda on: self.together_since.setEnabled(not on))
        layout.addRow("", self.date_unknown)

        self.jokes: QPlainTextEdit | None = None
        if with_jokes:
            self.jokes = QPlainTextEdit()
            self.jokes.setObjectName("insideJokesEdit")
            self.jokes.setAccessibleName(self.tr("Inside jokes, one per line"))
            self.jokes.setPlaceholderText(
                self.tr("One per line — the little phrases only you two get")
            )
            self.jokes.setFixedHeight(90)
            layout.addRow(self.tr("Inside jokes"), self.jokes)

        self.error_label = QLabel("")
        self.error_label.setObjectName("formError")
        self.error_label.setWordWrap(True)
        layout.addRow("", self.error_label)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.Show and watched is self.together_since.calendarWidget()
                and self.together_since.date() == NOT_CHOSEN):
            today = QDate.currentDate()
            self.together_since.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)

    def set_profile(self, profile: CoupleProfile, me: str = "a") -> None:
        """Show `profile` from the point of view of partner `me`."""
        self.my_name.setText(profile.name_of(me))
        self.partner_name.setText(profile.name_of(profile.other(me)))
        if profile.together_since is None:
            self.date_unknown.setChecked(True)
        else:
            self.date_unknown.setChecked(False)
            since = profile.together_since
            self.together_since.setDate(QDate(since.year, since.month, since.day))
        if self.jokes is not None:
            self.jokes.setPlainText("\n".join(profile.inside_jokes))

    def profile(self, me: str = "a") -> CoupleProfile | None:
        """The profile as entered, with partner `me` as the one typing; None if incomplete."""
        mine, theirs = self.my_name.text().strip(), self.partner_name.text().strip()
        if not mine or not theirs:
            self.error_label.setText(self.tr("Please write both first names."))
            return None
        self.error_label.setText("")
        since: date | None = None
        if not self.date_unknown.isChecked():
            picked = self.together_since.date()
            if picked != NOT_CHOSEN:  # left as "Choose the day": no date, as with the tick
                since = date(picked.year(), picked.month(), picked.day())
        jokes = ()
        if self.jokes is not None:
            lines = self.jokes.toPlainText().splitlines()
            jokes = tuple(line.strip() for line in lines if line.strip())
        a, b = (mine, theirs) if me == "a" else (theirs, mine)
        return CoupleProfile(a, b, since, jokes)
