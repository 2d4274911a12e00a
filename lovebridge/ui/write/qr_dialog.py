"""A QR code of the note on screen, for the partner's phone camera (made by segno, in memory)."""

from __future__ import annotations

import io

import segno
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from lovebridge.core.write.channels import QR_COMFORTABLE_CHARS


def qr_png(text: str, scale: int = 6) -> bytes:
    """PNG bytes of a QR code for `text` (raises segno's DataOverflowError when too long)."""
    code = segno.make(text, error="m", micro=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=4, dark="#2f2a28", light="#ffffff")
    return buffer.getvalue()


class QrDialog(QDialog):
    """Shows the code, or explains kindly why this note is too long for one."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qrDialog")
        self.setWindowTitle(self.tr("QR code of your note"))
        layout = QVBoxLayout(self)
        self.code = QLabel()
        self.code.setObjectName("qrCode")
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel()
        self.message.setObjectName("qrMessage")
        self.message.setWordWrap(True)
        self.shown = False
        if len(text) > QR_COMFORTABLE_CHARS:
            self.message.setText(self.tr(
                "This note is {n} characters. A QR code holds about {max} comfortably — past "
                "that the code gets too dense for a phone camera, so none is shown. Copy it or "
                "send it by e-mail instead, or shorten it.").format(
                    n=f"{len(text):,}", max=f"{QR_COMFORTABLE_CHARS:,}"))
        else:
            try:
                pixmap = QPixmap()
                pixmap.loadFromData(qr_png(text), "PNG")
            except segno.DataOverflowError:
                self.message.setText(self.tr(
                    "This note has too many special characters to fit a QR code. Copy it or "
                    "send it by e-mail instead."))
            else:
                self.code.setPixmap(pixmap)
                self.shown = True
                self.message.setText(self.tr(
                    "Point a phone camera at the code: the note appears as text on the phone. "
                    "Nothing is sent anywhere."))
        layout.addWidget(self.code)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
