"""Small shared widgets: page headings, cards, primary buttons, icons from resources."""

from __future__ import annotations

from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from lovebridge.resources import resource_path


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


def card() -> QFrame:
    """A rounded surface to group related content."""
    frame = QFrame()
    frame.setObjectName("card")
    return frame


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
