"""Adds the "My handwriting" page to Preferences, and keeps drawn hands known to the renderer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from lovebridge.ui import settings as opts

# The handwriting service and page (tracing, fonts, photos) load when the page is first opened.
if TYPE_CHECKING:
    from lovebridge.core.hand.service import HandwritingService
    from lovebridge.ui.shell.hooks import ShellHooks

    from .page import HandPage


class HandController(QObject):
    """Started by the shell with its hooks; one per open library.

    A hand kept or changed is a commit like any other: the shell's change signal ("handwriting")
    brings every open handwriting list up to date (the Write room's note panel).
    """

    hand_saved = Signal(str)  # partner

    def __init__(self, hooks: ShellHooks) -> None:
        super().__init__(hooks.parent)
        self._hooks = hooks
        self._service: HandwritingService | None = None
        hooks.preference_pages.register(self.tr("My handwriting"), self.add_page, order=30)

    @property
    def service(self) -> HandwritingService:
        """The couple's drawn hands, on the open library (made on first use)."""
        if self._service is None:
            from lovebridge.core.hand.service import HandwritingService

            self._service = HandwritingService(self._hooks.ctx.store)
        return self._service

    def add_page(self, dialog) -> HandPage:  # noqa: ANN001 - PreferencesDialog
        from .page import HandPage

        profile = self._hooks.profiles.load()
        names = {"a": profile.partner_a if profile else "",
                 "b": profile.partner_b if profile else ""}
        page = HandPage(self.service, names, self._hooks.settings.get(opts.CURRENT_PARTNER))
        page.hand_saved.connect(self.hand_saved)
        dialog.hand_page = page  # type: ignore[attr-defined]  # for tests and screenshots
        return page
