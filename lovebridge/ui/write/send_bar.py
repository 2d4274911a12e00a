"""How the note goes out: the channel (with its length shown) and the send-on actions."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QVBoxLayout, QWidget

from lovebridge.core.write.channels import PUBLIC_CHANNELS, channel_limit, sms_segments
from lovebridge.ui.common.flow_layout import flow_container
from lovebridge.ui.write.partner_send import PartnerSendBox

PARTNER = "partner"  # "Send to <name>'s LoveBridge", listed while sharing is set up


class SendBar(QWidget):
    """Channel choice, word and character count, and Print / Copy / E-mail / Picture / QR."""

    channel_changed = Signal(str)
    action_requested = Signal(str)  # print | copy | email | image | qr | given
    partner_send_requested = Signal(object)  # date | None: sealed until that day

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sendBar")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        top_holder, top = flow_container(8)
        label = QLabel(self.tr("Send it as"))
        label.setProperty("muted", True)
        top.addWidget(label)
        self.channel_box = QComboBox()
        self.channel_box.setObjectName("channelChoice")
        self.channel_box.setAccessibleName(self.tr("Send it as"))
        for key, text in (
            ("print", self.tr("A handwritten note")),
            ("text", self.tr("A text message")),
            ("messaging", self.tr("A messaging-app message")),
            ("email", self.tr("An e-mail")),
            ("image", self.tr("A picture of the card")),
            ("social", self.tr("A social media post")),
            ("qr", self.tr("A QR code on screen")),
        ):
            self.channel_box.addItem(text, key)
        self.channel_box.currentIndexChanged.connect(
            lambda _i: self.channel_changed.emit(self.channel()))
        top.addWidget(self.channel_box)
        self.given_button = QPushButton(self.tr("Mark as given"))
        self.given_button.setObjectName("markGiven")
        self.given_button.setProperty("primary", True)
        self.given_button.setAccessibleName(self.tr("Mark as given"))
        self.given_button.setToolTip(self.tr("You handed it over or it reached them"))
        self.given_button.clicked.connect(lambda: self.action_requested.emit("given"))
        top.addWidget(self.given_button)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.count_label.setProperty("muted", True)
        # Wraps beside "Private to me" in a narrow window instead of being cut off.
        self.count_label.setWordWrap(True)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.public_reminder = QLabel(self.tr(
            "A public post is shared by both of you — check {name} is comfortable with it "
            "before it goes up."))
        self.public_reminder.setObjectName("publicReminder")
        self.public_reminder.setWordWrap(True)
        self.public_reminder.hide()
        layout.addWidget(self.public_reminder)
        actions_holder, actions = flow_container()
        actions_holder.setObjectName("sendActions")
        self.buttons: dict[str, QPushButton] = {}
        for key, text, tip in (
            ("print", self.tr("Print…"), self.tr("Print it in handwriting")),
            ("copy", self.tr("Copy"), self.tr("Copy the words, to paste into a text or app")),
            ("email", self.tr("E-mail…"), self.tr("Open your mail program with this note")),
            ("image", self.tr("Picture…"), self.tr("Save the card as a picture to send")),
            ("qr", self.tr("QR code"), self.tr("Show a code their phone camera can read")),
        ):
            button = QPushButton(text)
            button.setObjectName(f"send-{key}")
            button.setToolTip(tip)
            button.setAccessibleName(text.replace("…", ""))
            button.clicked.connect(lambda _c=False, k=key: self.action_requested.emit(k))
            actions.addWidget(button)
            self.buttons[key] = button
        self.partner_box = PartnerSendBox()
        self.partner_box.send_requested.connect(self.partner_send_requested)
        self.partner_box.hide()
        layout.addWidget(top_holder)
        layout.addWidget(self.partner_box)
        layout.addWidget(actions_holder)
        self._partner = ""
        self._sharing = False
        self.channel_changed.connect(lambda _c: self._show_public())

    def set_sharing(self, sharing: bool, partner_name: str) -> None:
        """List "Send to <name>'s LoveBridge" only while the two laptops share."""
        self._sharing = sharing
        index = self.channel_box.findData(PARTNER)
        text = (self.tr("Send to {name}'s LoveBridge").format(name=partner_name) if partner_name
                else self.tr("Send to your partner's LoveBridge"))
        if sharing and index < 0:
            self.channel_box.addItem(text, PARTNER)
        elif sharing:
            self.channel_box.setItemText(index, text)
        elif index >= 0:
            if self.channel() == PARTNER:
                self.channel_box.setCurrentIndex(0)
            self.channel_box.removeItem(index)
        self.partner_box.set_partner_name(partner_name)
        self._show_public()

    def channel(self) -> str:
        return self.channel_box.currentData() or "print"

    def set_channel(self, key: str) -> None:
        index = self.channel_box.findData(key)
        if index >= 0:
            self.channel_box.setCurrentIndex(index)

    def set_partner_name(self, name: str) -> None:
        self._partner = name
        self._show_public()

    def _show_public(self) -> None:
        public = self.channel() in PUBLIC_CHANNELS
        self.public_reminder.setText(self.tr(
            "A public post is shared by both of you — check {name} is comfortable with it "
            "before it goes up.").format(name=self._partner or self.tr("your partner")))
        self.public_reminder.setVisible(public)
        self.partner_box.setVisible(self.channel() == PARTNER)

    def show_counts(self, text: str) -> None:
        words = len(text.split())
        chars = len(text)
        parts = [self.tr("%Ln word(s)", "", words), self.tr("%Ln character(s)", "", chars)]
        channel = self.channel()
        limit = channel_limit(channel)
        if channel == "text":
            segments = sms_segments(text)
            parts.append(self.tr("fits one text") if segments == 1 else
                         self.tr("{n} texts of 160").format(n=segments))
        elif limit is not None:
            parts.append(self.tr("up to {limit} for {where}").format(
                limit=f"{limit.limit:,}", where=limit.label))
        self.count_label.setText(" · ".join(parts))
        over = limit is not None and chars > limit.warn_after
        self.count_label.setProperty("muted", not over)
        self.count_label.setProperty("over", over)
        self.count_label.style().unpolish(self.count_label)
        self.count_label.style().polish(self.count_label)
