"""Small shared widgets: page headings, cards, primary buttons, icons from resources."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lovebridge.resources import resource_path

if TYPE_CHECKING:
    from PySide6.QtWidgets import QScrollArea


def icon(name: str) -> QIcon:
    """An icon from resources/icons by file stem, e.g. `icon("room-write")`."""
    return QIcon(str(resource_path("icons", f"{name}.svg")))


ICON_INK = "#c4574a"  # the stroke colour the line icons are drawn in


def icon_on_accent(name: str, ink: str, size: int = 64) -> QIcon:
    """A line icon that also reads on an accent-coloured selection (its ink swapped for `ink`)."""
    svg = resource_path("icons", f"{name}.svg").read_text(encoding="utf-8")
    result = QIcon()
    for mode, text in ((QIcon.Mode.Normal, svg), (QIcon.Mode.Selected, svg.replace(ICON_INK, ink))):
        image = QImage.fromData(text.encode("utf-8"), "SVG")
        # Rendered large once; the icon engine scales it down crisply for every size asked.
        result.addPixmap(QPixmap.fromImage(image.scaled(size, size)), mode)
    return result


def heading(text: str, subtitle: str = "") -> QWidget:
    """A page title with an optional muted line under it."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    title = QLabel(text)
    title.setObjectName("pageTitle")
    layout.addWidget(title)
    if subtitle:
        sub = QLabel(subtitle)
        sub.setObjectName("pageSubtitle")
        sub.setWordWrap(True)
        layout.addWidget(sub)
    return box


def centred_card(page: QWidget, width: int, icon_name: str, icon_px: int,
                 title: str) -> QVBoxLayout:
    """Lay `page` out as one card centred on it, headed by an icon and a title.

    The card is at most `width` wide, narrower in a small window, and as tall as its content;
    when the window is smaller than the card (a large font), the page scrolls.
    Returns the card's layout, for the page to add the rest (welcome, lock screen).
    """
    from PySide6.QtCore import Qt  # not at import: the window's first paint needs no `Qt`

    holder = QVBoxLayout(page)
    holder.setContentsMargins(0, 0, 0, 0)
    content = QWidget()
    content.setObjectName(f"{page.objectName() or 'card'}Content")
    holder.addWidget(scrolling(content))
    outer = QVBoxLayout(content)
    outer.setContentsMargins(24, 24, 24, 24)
    outer.addStretch(1)
    box = card()
    box.setMaximumWidth(width)
    inner = QVBoxLayout(box)
    inner.setContentsMargins(32, 28, 32, 24)
    inner.setSpacing(12)
    logo = QLabel()
    logo.setPixmap(icon(icon_name).pixmap(icon_px, icon_px))
    logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
    inner.addWidget(logo)
    heading_label = QLabel(title)
    heading_label.setObjectName("pageTitle")
    heading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    heading_label.setWordWrap(True)  # a large font or a longer language takes two lines
    inner.addWidget(heading_label)
    row = QHBoxLayout()
    row.addStretch(0)
    row.addWidget(box, 1)
    row.addStretch(0)
    outer.addLayout(row)
    outer.addStretch(1)
    return inner


def card() -> QFrame:
    """A rounded surface to group related content."""
    frame = QFrame()
    frame.setObjectName("card")
    return frame


def back_text(text: str) -> str:
    """'← Your notes', its arrow pointing back the way the language reads (→ in right to left,
    where back lies to the right); the arrow is not a character Unicode mirrors by itself."""
    if QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft:
        return text.replace("←", "→")
    return text


def primary_button(text: str) -> QPushButton:
    """The one button on a screen that moves things forward."""
    button = QPushButton(text)
    button.setProperty("primary", True)
    button.setAccessibleName(text.replace("&", ""))
    return button


def muted_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("muted", True)
    label.setWordWrap(True)
    return label


def scrolling(page: QWidget, area: QScrollArea | None = None) -> QWidget:
    """`page` in a frameless scroll area that scrolls only when the window is smaller than the
    page's minimum size (so a small window or a large font never squashes it); `area` is the
    scroll area to use (a plain one by default)."""
    from PySide6.QtWidgets import QFrame, QScrollArea

    area = area if area is not None else QScrollArea()
    area.setObjectName(f"{page.objectName() or 'page'}Scroll")
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(page)
    # See-through, so the page looks as it did and the room behind still paints.
    area.viewport().setAutoFillBackground(False)
    page.setAutoFillBackground(False)
    area.setStyleSheet("QScrollArea { background: transparent; }")
    return area
