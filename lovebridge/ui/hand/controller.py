"""Adds the "My handwriting" page to Preferences, and keeps drawn hands known to the renderer."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from lovebridge.core.hand.service import HandwritingService
from lovebridge.ui import settings as opts

from .page import HandPage


class HandController(QObject):
    """Owned by the main window; one per open library."""

    hand_saved = Signal(str)  # partner

    def __init__(self, window) -> None:  # noqa: ANN001 - MainWindow
        super().__init__(window)
        self.window = window
        self.service = HandwritingService(window.ctx.store)
        window.preference_pages.register(self.tr("My handwriting"), self.add_page, order=30)
        self.hand_saved.connect(self._relist)

    def add_page(self, dialog) -> HandPage:  # noqa: ANN001 - PreferencesDialog
        profile = self.window.profiles.load()
        names = {"a": profile.partner_a if profile else "",
                 "b": profile.partner_b if profile else ""}
        page = HandPage(self.service, names, self.window.settings.get(opts.CURRENT_PARTNER))
        page.hand_saved.connect(self.hand_saved)
        dialog.hand_page = page  # type: ignore[attr-defined]  # for tests and screenshots
        return page

    def _relist(self, partner: str) -> None:
        """A hand kept or changed: every open handwriting list shows it, with its new glyphs."""
        from lovebridge.ui.write.note_panel import NotePanel

        for panel in self.window.findChildren(NotePanel):
            panel.relist_hands()
