"""Adds the "My handwriting" page to Preferences, and keeps drawn hands known to the renderer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from lovebridge.ui import settings as opts

# The handwriting service and page (tracing, fonts, photos) load when the page is first opened.
if TYPE_CHECKING:
    from lovebridge.core.hand.service import HandwritingService

    from .page import HandPage


class HandController(QObject):
    """Owned by the main window; one per open library."""

    hand_saved = Signal(str)  # partner

    def __init__(self, window) -> None:  # noqa: ANN001 - MainWindow
        super().__init__(window)
        self.window = window
        self._service: HandwritingService | None = None
        window.preference_pages.register(self.tr("My handwriting"), self.add_page, order=30)
        self.hand_saved.connect(self._relist)

    @property
    def service(self) -> HandwritingService:
        """The couple's drawn hands, on the open library (made on first use)."""
        if self._service is None:
            from lovebridge.core.hand.service import HandwritingService

            self._service = HandwritingService(self.window.ctx.store)
        return self._service

    def add_page(self, dialog) -> HandPage:  # noqa: ANN001 - PreferencesDialog
        from .page import HandPage

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

        from .choices import add_hands

        for panel in self.window.findChildren(NotePanel):
            add_hands(panel.font_box, self.window.ctx.store, partner)
            panel.font_box.currentIndexChanged.emit(panel.font_box.currentIndex())
