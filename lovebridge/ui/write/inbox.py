"""The "From <name>" card on the Write home: the notes the partner sent to this laptop.

A sealed note is listed by its opening day only ("A note from Maya opens on 14 February");
its words are not in the record it is drawn from.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from lovebridge.core.write.messages import MessageRecord
from lovebridge.ui.formatting import day_text, short_day_text
from lovebridge.ui.write.message_cards import MessageCardModel
from lovebridge.ui.write.suggestion_model import (
    HEADER_ROLE,
    PREVIEW_ROLE,
    note_card_list,
)

SHOWN_ROWS = 3  # the list's height: a few notes, then it scrolls


class InboxModel(MessageCardModel):
    """Notes from the partner as cards: when and whether read above, the first words below."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.partner = ""

    def unread(self) -> int:
        return sum(1 for r in self._rows if r.read_at is None and not r.sealed)

    def card_data(self, record: MessageRecord, role: int) -> object:
        if role in (Qt.ItemDataRole.DisplayRole, PREVIEW_ROLE, Qt.ItemDataRole.ToolTipRole):
            if record.sealed:
                return sealed_text(self.partner, record)
            return record.preview or self.tr("(an empty note)")
        if role == HEADER_ROLE:
            when = short_day_text(record.sent_to_partner_at.astimezone())
            if record.sealed:
                state = self.tr("Sealed")
            elif record.read_at is None:
                state = self.tr("New")
            else:
                state = self.tr("Read")
            reply = " · " + self.tr("a reply") if record.reply_to else ""
            return f"{state} · {when}{reply}"
        return None


def sealed_text(partner: str, record: MessageRecord) -> str:
    """"A note from Maya opens on 14 February" (no word of the note itself)."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("InboxModel", "A note from {name} opens on {day}").format(
        name=partner or QCoreApplication.translate("InboxModel", "your partner"),
        day=day_text(record.opens_on, year=False) if record.opens_on else "")


class InboxCard(QWidget):
    """"From <name>": hidden until sharing is set up and something has arrived."""

    open_requested = Signal(str)  # the note's uuid

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partnerInbox")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.model = InboxModel(self)
        self.list = note_card_list("inboxList", self.model)
        self.list.activated.connect(self._open)
        self.list.clicked.connect(self._open)
        layout.addWidget(self.list)
        self.hide()

    def show_notes(self, records: list[MessageRecord], partner: str) -> None:
        self.model.partner = partner
        self.model.set_messages(records)
        self.list.setAccessibleName(self.tr("Notes from {name}").format(name=partner))
        unread = self.model.unread()
        title = self.tr("From {name}").format(name=partner or self.tr("your partner"))
        if unread:
            title += " · " + self.tr("%n new", "", unread)
        self.title.setText(title)
        rows = min(max(len(records), 1), SHOWN_ROWS)
        row_height = self.list.sizeHintForRow(0) if records else 0
        self.list.setFixedHeight(max(row_height, 1) * rows + 4)
        self.setVisible(bool(records))

    def _open(self, index: QModelIndex) -> None:
        record = self.model.record(index.row())
        if record is not None:
            self.open_requested.emit(record.uuid)
