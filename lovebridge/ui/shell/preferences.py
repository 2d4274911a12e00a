"""The preferences registry: parts of the app register their page once; each dialog gets them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from lovebridge.ui.preferences import PreferencesDialog

PageFactory = Callable[["PreferencesDialog"], "QWidget"]


@dataclass(frozen=True)
class PageEntry:
    """One page: its tab title (already translated), where it goes, and how to build it."""

    title: str
    order: int
    build: PageFactory


class PreferencePages:
    """Pages that other parts of the app add to Preferences (Privacy, Dates & reminders…)."""

    def __init__(self) -> None:
        self._entries: list[PageEntry] = []

    def register(self, title: str, build: PageFactory, order: int = 100) -> None:
        """Add a page to every Preferences dialog opened from now on (`title` may hold "&&")."""
        self._entries.append(PageEntry(title, order, build))

    def titles(self) -> list[str]:
        return [entry.title for entry in self._sorted()]

    def add_to(self, dialog: PreferencesDialog) -> None:
        """Build each registered page for `dialog`, in order."""
        for entry in self._sorted():
            dialog.add_page(entry.build(dialog), entry.title)

    def _sorted(self) -> list[PageEntry]:
        return sorted(self._entries, key=lambda entry: entry.order)
