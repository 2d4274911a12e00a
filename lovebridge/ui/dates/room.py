"""The Dates room's top-level widget."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from lovebridge.core.context import AppContext
from lovebridge.ui.common.room_intro import room_intro
from lovebridge.ui.settings import Settings


class DatesRoom(QWidget):
    """Date nights, check-ins and anniversaries."""

    write_note_requested = Signal(object)  # NoteRequest
    capture_memory_requested = Signal(object)  # MemoryPrefill

    def __init__(self, ctx: AppContext, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("datesRoom")
        self.setAccessibleName(self.tr("Dates"))
        self._ctx = ctx
        self._settings = settings
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            room_intro(
                self.tr("Dates"),
                self.tr("Time together, planned and kept: date nights, check-ins and the "
                        "anniversaries that matter. The calendar opens soon."),
                "room-dates",
            )
        )
