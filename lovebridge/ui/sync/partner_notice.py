"""The gentle word that a note came from the partner's laptop (or that a sealed one opened):
a strip above every room, and the tray's message where there is a tray. Never a word of the
note itself, only who it is from (and for a sealed note, the day it opens)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from lovebridge.core.write.messages import MessageRecord
from lovebridge.core.write.partner_notes import PartnerNotes
from lovebridge.store.errors import StoreError
from lovebridge.ui.formatting import day_text

logger = logging.getLogger(__name__)

CHECK_EVERY_MS = 60_000  # a sealed note's day can come while LoveBridge is open


class PartnerNoteBanner(QFrame):
    """"Maya sent you a note" with Read it and Dismiss."""

    open_requested = Signal(str)  # the note's uuid

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setProperty("banner", True)
        self.setAccessibleName(self.tr("A note from your partner"))
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 10, 12, 10)
        row.addWidget(QLabel("✉"))
        self.text = QLabel()
        self.text.setObjectName("partnerNoteText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        row.addWidget(self.text, 1)
        self.open_button = QPushButton(self.tr("Read it"))
        self.open_button.setObjectName("partnerNoteOpen")
        self.open_button.clicked.connect(self._open)
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.dismiss_button.setObjectName("partnerNoteDismiss")
        self.dismiss_button.clicked.connect(self.hide)
        row.addWidget(self.open_button)
        row.addWidget(self.dismiss_button)
        self.uuid = ""
        self.hide()

    def show_text(self, text: str, uuid: str, can_open: bool) -> None:
        self.text.setText(text)
        self.uuid = uuid
        self.open_button.setVisible(can_open)
        self.show()

    def _open(self) -> None:
        self.hide()
        if self.uuid:
            self.open_requested.emit(self.uuid)


class PartnerNoteNotices(QObject):
    """Looks for notes that arrived or opened (after each change and each minute) and says so."""

    open_requested = Signal(str)  # the note's uuid: show it in Write

    def __init__(self, notes: PartnerNotes, partner_name: Callable[[], str],
                 tray_message: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._notes = notes
        self._partner_name = partner_name
        self._tray_message = tray_message
        self.banner = PartnerNoteBanner()
        self.banner.open_requested.connect(self.open_requested)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()
        self.check()

    def check(self) -> str:
        """Announce what is new (once each); returns what was said ("" for nothing)."""
        try:
            opened = self._notes.open_due()
            arrived = self._notes.to_announce()
        except StoreError as exc:  # locked, or the lock being changed: the next check tells
            logger.info("partner notes not checked: %s", type(exc).__name__)
            return ""
        if not opened and not arrived:
            return ""
        name = self._partner_name() or self.tr("Your partner")
        text = self._sentence(name, opened, arrived)
        newest = (opened or arrived)[-1]
        self.banner.show_text(text, newest.uuid, True)
        self._tray_message(text)
        return text

    def _sentence(self, name: str, opened: list[MessageRecord],
                  arrived: list[MessageRecord]) -> str:
        parts = []
        if opened:
            parts.append(self.tr("A note from {name} has opened").format(name=name)
                         if len(opened) == 1 else
                         self.tr("{n} notes from {name} have opened").format(
                             n=len(opened), name=name))
        sealed = [r for r in arrived if r.sealed]
        plain = [r for r in arrived if not r.sealed]
        if plain:
            parts.append(self.tr("{name} sent you a note").format(name=name) if len(plain) == 1
                         else self.tr("{name} sent you {n} notes").format(name=name,
                                                                          n=len(plain)))
        for record in sealed:
            day = day_text(record.opens_on, year=False)
            parts.append(self.tr("a sealed one opens on {day}").format(day=day) if parts
                         else self.tr("{name} sent you a sealed note; it opens on {day}")
                         .format(name=name, day=day))
        return " · ".join(parts)
