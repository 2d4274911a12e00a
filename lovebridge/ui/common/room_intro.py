"""The calm introduction page a room shows while its own screens are being built."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from lovebridge.ui.common.widgets import card, heading, icon, muted_label


def room_intro(title: str, promise: str, icon_name: str) -> QWidget:
    """A centred card naming the room and what it will hold."""
    page = QWidget()
    outer = QVBoxLayout(page)
    outer.setContentsMargins(48, 40, 48, 40)
    outer.addWidget(heading(title))
    outer.addStretch(1)
    box = card()
    inner = QVBoxLayout(box)
    inner.setContentsMargins(36, 32, 36, 32)
    inner.setSpacing(12)
    picture = QLabel()
    picture.setPixmap(icon(icon_name).pixmap(56, 56))
    picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
    inner.addWidget(picture)
    text = muted_label(promise)
    text.setAlignment(Qt.AlignmentFlag.AlignCenter)
    inner.addWidget(text)
    box.setFixedWidth(560)
    outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
    outer.addStretch(2)
    return page
