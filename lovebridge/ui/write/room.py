"""The Write room's top-level widget."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from lovebridge.core.context import AppContext
from lovebridge.core.links import NoteRequest
from lovebridge.ui.common.room_intro import room_intro
from lovebridge.ui.settings import Settings


class WriteRoom(QWidget):
    """Where a partner writes a note to the other."""

    def __init__(self, ctx: AppContext, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("writeRoom")
        self.setAccessibleName(self.tr("Write"))
        self._ctx = ctx
        self._settings = settings
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            room_intro(
                self.tr("Write"),
                self.tr("Notes for each other: kind words, thank-yous and little letters, "
                        "printed in a handwritten style or sent on. The editor arrives soon."),
                "room-write",
            )
        )

    def start_note(self, request: NoteRequest) -> None:
        """Begin a new note as another room asked (a category, a memory to draw on)."""
        self._pending_request = request
