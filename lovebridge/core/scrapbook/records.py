"""Plain, frozen records the scrapbook hands to the UI and the book (never live ORM objects)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime

# Read once: calendar's lookups call strftime each time, far too slow for thousands of cards.
MONTH_NAMES = tuple(calendar.month_name)
MONTH_ABBREVIATIONS = tuple(calendar.month_abbr)
MOODS = ("joyful", "tender", "cosy", "adventurous", "proud", "silly", "bittersweet", "calm")


@dataclass(frozen=True, order=True)
class MemoryDate:
    """A memory's date: exact, or only a month, or only a year (for old memories)."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise ValueError("the year must be between 1 and 9999")
        if self.month is None and self.day is not None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError("the month must be between 1 and 12")
        if self.day is not None:
            date(self.year, self.month or 1, self.day)  # raises ValueError for 31 February

    @classmethod
    def of(cls, day: date) -> MemoryDate:
        return cls(day.year, day.month, day.day)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def label(self) -> str:
        """'14 June 2025', 'June 2025' or '2025'."""
        if self.month is None:
            return str(self.year)
        month = MONTH_NAMES[self.month]
        return f"{self.day} {month} {self.year}" if self.day else f"{month} {self.year}"

    def as_date(self) -> date:
        """The first day the date could mean (for sorting and date pickers)."""
        return date(self.year, self.month or 1, self.day or 1)


@dataclass(frozen=True)
class PhotoRef:
    """A stored photo file: enough to find it, orient it and show it."""

    photo_id: int
    sha256: str
    extension: str
    width: int = 0
    height: int = 0
    orientation: int = 1
    taken_at: datetime | None = None
    original_name: str = ""


@dataclass(frozen=True)
class MemoryPhotoItem:
    """A photo placed in a memory, with its caption."""

    uuid: str
    photo: PhotoRef
    caption: str = ""


@dataclass(frozen=True)
class MemoryPlaceItem:
    """One town in a memory's place list (from its photos' GPS or an imported journal)."""

    name: str  # "Lisbon": what the scrapbook's place filter matches
    country: str = ""

    @property
    def label(self) -> str:
        return f"{self.name}, {self.country}" if self.country else self.name


@dataclass(frozen=True)
class MemorySummary:
    """One timeline card: what the browser shows without opening the memory."""

    id: int
    uuid: str
    title: str
    when: MemoryDate
    place: str
    favourite: bool
    mood: str | None
    photo_count: int
    cover: PhotoRef | None
    story_start: str = ""  # the story's first few hundred characters, for a card with no photo


@dataclass(frozen=True)
class Memory:
    """A whole memory, as the memory page and the book need it."""

    id: int
    uuid: str
    title: str
    when: MemoryDate
    place: str
    story_html: str
    story_text: str
    tags: tuple[str, ...]
    mood: str | None
    favourite: bool
    added_by: str
    photos: tuple[MemoryPhotoItem, ...]
    trashed_at: datetime | None = None
    private: bool = False  # "Private to me": stays on this laptop when sharing


@dataclass(frozen=True)
class PhotoPlacement:
    """A photo to keep in a memory: an existing placement (uuid) or a newly imported photo."""

    photo_id: int
    caption: str = ""
    uuid: str | None = None


@dataclass(frozen=True)
class MemoryDraft:
    """What the editor hands back to be saved (uuid None creates a new memory)."""

    title: str
    when: MemoryDate
    place: str = ""
    story_html: str = ""
    story_text: str = ""
    tags: tuple[str, ...] = ()
    mood: str | None = None
    favourite: bool = False
    added_by: str = "a"
    photos: tuple[PhotoPlacement, ...] = ()
    uuid: str | None = None
    private: bool | None = None  # "Private to me"; None keeps what the memory has


@dataclass(frozen=True)
class Filters:
    """What the timeline is narrowed to: words to search and the filter chips."""

    text: str = ""
    tag: str | None = None
    year: int | None = None
    favourites_only: bool = False
    added_by: str | None = None  # "a" or "b"
    place: str | None = None  # a town from the memory's place list ("Lisbon")

    @property
    def active(self) -> bool:
        return bool(self.text.strip() or self.tag or self.year or self.favourites_only
                    or self.added_by or self.place)


@dataclass(frozen=True)
class TrashEntry:
    """Something in the trash: a whole memory, or one photo of a memory."""

    kind: str  # "memory" | "photo"
    uuid: str
    title: str
    trashed_at: datetime
    days_left: int
    photo: PhotoRef | None = None


@dataclass
class ImportReport:
    """The outcome of importing files: photos kept, and files refused with the reason."""

    photos: list[PhotoRef] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    already_there: int = 0
