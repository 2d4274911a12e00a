"""Reading a note from the partner: the whole conversation, oldest first, and Reply.

Opening it here marks it read (the mark travels back). A sealed note shows only the day it
opens and the honest word about what "closed" means; nothing else of it is on screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from lovebridge.core.write.messages import MessageRecord
from lovebridge.ui.common.widgets import back_text, card, primary_button, scrolling
from lovebridge.ui.formatting import day_text, time_text
from lovebridge.ui.write.inbox import sealed_text
from lovebridge.ui.write.partner_send import sent_status_text


class NoteReader(QWidget):
    """One conversation with the partner, read-only; `reply_requested` starts the answer."""

    back_requested = Signal()
    reply_requested = Signal(str)  # the uuid of the note answered

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteReader")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 18, 24, 14)
        outer.setSpacing(10)
        top = QHBoxLayout()
        self.back_button = QPushButton(back_text(self.tr("← Your notes")))
        self.back_button.setObjectName("readerBack")
        self.back_button.clicked.connect(self.back_requested)
        top.addWidget(self.back_button)
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        top.addWidget(self.title, 1)
        self.reply_button = primary_button(self.tr("Reply"))
        self.reply_button.setObjectName("replyToNote")
        self.reply_button.clicked.connect(lambda: self.reply_requested.emit(self._answer))
        top.addWidget(self.reply_button)
        outer.addLayout(top)
        self._page = QWidget()
        self._page.setObjectName("readerThread")
        self._thread = QVBoxLayout(self._page)
        self._thread.setContentsMargins(0, 0, 0, 0)
        self._thread.setSpacing(12)
        outer.addWidget(scrolling(self._page), 1)
        self._answer = ""
        self.bodies: list[QLabel] = []

    def show_thread(self, thread: list[MessageRecord], me: str | None,
                    names: dict[str, str], answering: str) -> None:
        """The conversation; `answering` is the note a reply answers (the newest from them)."""
        while self._thread.count():
            item = self._thread.takeAt(0)
            if item.widget() is not None:  # gone from the screen now, deleted later
                item.widget().hide()
                item.widget().deleteLater()
        self.bodies = []
        partner = next((names.get(k, "") for k in names if k != me), "")
        self.title.setText(self.tr("From {name}").format(name=partner or self.tr("your partner")))
        for record in thread:
            self._thread.addWidget(self._note_card(record, me, names, partner))
        self._thread.addStretch(1)
        self._answer = answering
        answered = next((r for r in thread if r.uuid == answering), None)
        self.reply_button.setVisible(answered is not None and not answered.sealed)

    def _note_card(self, record: MessageRecord, me: str | None, names: dict[str, str],
                   partner: str) -> QWidget:
        frame = card()  # styled as a card by its object name
        frame.setAccessibleName(self.tr("A note"))
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(16, 12, 16, 14)
        layout.setSpacing(6)
        when = (record.sent_to_partner_at or record.created_at).astimezone()
        header = QLabel(self.tr("{name} · {day}, {time}").format(
            name=names.get(record.author, ""), day=day_text(when, year=False),
            time=time_text(when)))
        header.setProperty("muted", True)
        header.setWordWrap(True)
        layout.addWidget(header)
        body = QLabel()
        body.setObjectName("readerBody")
        body.setWordWrap(True)
        body.setTextFormat(Qt.TextFormat.PlainText)
        if record.sealed:
            body.setText(sealed_text(partner, record) + "\n" + self.tr(
                "LoveBridge keeps it closed until then; it is not locked by encryption."))
            body.setProperty("muted", True)
        else:
            body.setText(record.body_text)
            body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(body)
        self.bodies.append(body)
        if record.author == me:
            status = QLabel(sent_status_text(record, partner))
            status.setObjectName("readerStatus")
            status.setProperty("muted", True)
            status.setWordWrap(True)
            layout.addWidget(status)
        return frame
