"""The Scrapbook room's top-level widget."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from lovebridge.core.context import AppContext
from lovebridge.core.links import MemoryPrefill
from lovebridge.ui.common.room_intro import room_intro
from lovebridge.ui.settings import Settings


class ScrapbookRoom(QWidget):
    """The couple's shared memories."""

    write_note_requested = Signal(object)  # NoteRequest

    def __init__(self, ctx: AppContext, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scrapbookRoom")
        self.setAccessibleName(self.tr("Scrapbook"))
        self._ctx = ctx
        self._settings = settings
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            room_intro(
                self.tr("Scrapbook"),
                self.tr("Your memories together: photos, places and the story of the day, "
                        "kept privately on this laptop. The scrapbook opens soon."),
                "room-scrapbook",
            )
        )

    def capture_memory(self, prefill: MemoryPrefill) -> None:
        """Start a new memory filled from a date that was kept."""
        self._pending_prefill = prefill
