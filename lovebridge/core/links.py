"""What one room asks of another: plain requests carried by the main window's wiring."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class NoteRequest:
    """Open Write on a new note: a category (e.g. "anniversary"), a memory to draw on."""

    category: str | None = None
    memory_uuid: str | None = None
    occasion: str | None = None  # a short line shown above the editor, e.g. "6 years on Friday"


@dataclass(frozen=True)
class MemoryPrefill:
    """Open the Scrapbook on a new memory, filled from a date that was kept."""

    title: str
    day: date
    place: str = ""
    photos_from: datetime | None = None
    photos_until: datetime | None = None
    plan_uuid: str | None = None
