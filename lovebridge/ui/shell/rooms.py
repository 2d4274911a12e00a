"""The rooms the shell hosts, and the small protocol each room keeps with it.

A room never reaches into the window: the shell tells it when it is shown (`shown`), when the
library changed underneath it (`refresh`, from the one change signal) and when it is about to
close (`about_to_close`: save what is pending — on quit, and before a restore replaces the data).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from lovebridge.core.context import AppContext
    from lovebridge.core.events import Change
    from lovebridge.ui.settings import Settings

WRITE, SCRAPBOOK, DATES = range(3)
ROOM_MODULES = {
    WRITE: "lovebridge.ui.write.room",
    SCRAPBOOK: "lovebridge.ui.scrapbook.room",
    DATES: "lovebridge.ui.dates.room",
}


@runtime_checkable
class Room(Protocol):
    """What the shell asks of a room."""

    def shown(self) -> None:
        """The room came forward (it may have been hidden while things changed)."""

    def refresh(self, changes: tuple[Change, ...]) -> None:
        """Rows changed (anywhere in the app, after a commit): bring what is shown up to date."""

    def about_to_close(self) -> None:
        """Save whatever is pending: the window closes, or a restore replaces the data."""


def build_room(index: int, ctx: AppContext, settings: Settings) -> QWidget:
    """A fresh room widget (its module imported only now, see `ROOM_MODULES`)."""
    if index == WRITE:
        from lovebridge.ui.write.room import WriteRoom

        return WriteRoom(ctx, settings)
    if index == SCRAPBOOK:
        from lovebridge.ui.scrapbook.room import ScrapbookRoom

        return ScrapbookRoom(ctx, settings)
    from lovebridge.ui.dates.room import DatesRoom

    return DatesRoom(ctx, settings)
