"""Sending a note to the partner's LoveBridge: the button, "Keep it closed until", and the honest
word about what "closed" means."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QLabel, QPushButton, QVBoxLayout, QWidget

from lovebridge.core.write.messages import MessageRecord
from lovebridge.ui.common.flow_layout import flow_container
from lovebridge.ui.formatting import day_text, time_text


class PartnerSendBox(QWidget):
    """Shown under the channel choice when "Send to <name>'s LoveBridge" is picked."""

    send_requested = Signal(object)  # date | None: the day it opens on their laptop

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partnerSendBox")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        holder, row = flow_container(8)
        self.send_button = QPushButton()
        self.send_button.setObjectName("sendToPartner")
        self.send_button.setProperty("primary", True)
        self.send_button.clicked.connect(self._send)
        row.addWidget(self.send_button)
        self.seal_box = QCheckBox(self.tr("Keep it closed until"))
        self.seal_box.setObjectName("sealNote")
        row.addWidget(self.seal_box)
        self.seal_date = QDateEdit()
        self.seal_date.setObjectName("sealDate")
        self.seal_date.setAccessibleName(self.tr("The day it opens"))
        self.seal_date.setCalendarPopup(True)
        self.seal_date.setEnabled(False)
        self.seal_box.toggled.connect(self.seal_date.setEnabled)
        self.seal_box.toggled.connect(lambda on: self.seal_note.setVisible(on))
        row.addWidget(self.seal_date)
        layout.addWidget(holder)
        self.seal_note = QLabel(self.tr(
            "LoveBridge keeps it closed until then; it is not locked by encryption."))
        self.seal_note.setObjectName("sealHonesty")
        self.seal_note.setProperty("muted", True)
        self.seal_note.setWordWrap(True)
        self.seal_note.hide()
        layout.addWidget(self.seal_note)
        self.private_note = QLabel(self.tr(
            "This note is marked “Private to me”, so it stays on this laptop and cannot be sent."))
        self.private_note.setObjectName("privateUnsendable")
        self.private_note.setWordWrap(True)
        self.private_note.hide()
        layout.addWidget(self.private_note)
        self.set_today(date.today())
        self.set_partner_name("")

    def set_partner_name(self, name: str) -> None:
        text = (self.tr("Send to {name}").format(name=name) if name
                else self.tr("Send to your partner"))
        self.send_button.setText(text)
        self.send_button.setAccessibleName(text)
        self.send_button.setToolTip(self.tr(
            "It arrives on their laptop with the next exchange"))

    def set_private(self, private: bool) -> None:
        """A note marked "Private to me" cannot be sent: the button rests and says why."""
        self.send_button.setEnabled(not private)
        self.private_note.setVisible(private)

    def set_today(self, today: date) -> None:
        """The earliest day a note can open is tomorrow."""
        tomorrow = today + timedelta(days=1)
        self.seal_date.setMinimumDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
        if self.seal_date.date() < self.seal_date.minimumDate():
            self.seal_date.setDate(self.seal_date.minimumDate())

    def opens_on(self) -> date | None:
        if not self.seal_box.isChecked():
            return None
        chosen = self.seal_date.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def reset(self) -> None:
        self.seal_box.setChecked(False)

    def _send(self) -> None:
        self.send_requested.emit(self.opens_on())


def sent_status_text(record: MessageRecord, partner: str) -> str:
    """What became of a note sent to the partner: sent, kept closed until, read by … at …."""
    if record.sent_to_partner_at is None:
        return ""
    translate = QCoreApplication.translate
    name = partner or translate("PartnerSendBox", "your partner")
    if record.read_at is not None:
        when = record.read_at.astimezone()
        return translate("PartnerSendBox", "Read by {name} at {time}, {day}").format(
            name=name, time=time_text(when), day=day_text(when, year=False))
    text = translate("PartnerSendBox",
                     "Sent to {name}'s LoveBridge on {day} — not read yet").format(
        name=name, day=day_text(record.sent_to_partner_at.astimezone(), year=False))
    if record.opens_on is not None and record.opened_at is None:
        text += " · " + translate("PartnerSendBox", "kept closed until {day}").format(
            day=day_text(record.opens_on, year=False))
    return text
