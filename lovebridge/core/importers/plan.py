"""What an import proposes before anything is written: memories, photos and a report."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from lovebridge.core.scrapbook.images import PhotoInfo
from lovebridge.core.scrapbook.records import MemoryDate
from lovebridge.store.media import FileVersion


@dataclass(frozen=True)
class Place:
    """A place name from GPS or from an export ("Lisbon", "Portugal")."""

    name: str
    country: str = ""
    latitude: float | None = None
    longitude: float | None = None

    def label(self) -> str:
        return f"{self.name}, {self.country}" if self.country else self.name


@dataclass
class CandidatePhoto:
    """A photo file that could be imported, with what was read from it."""

    path: Path
    sha256: str
    taken_at: datetime | None = None  # aware, in the laptop's time zone
    latitude: float | None = None
    longitude: float | None = None
    dhash: int | None = None
    byte_size: int = 0
    caption: str = ""
    place: Place | None = None
    burst_of: str = ""  # the name of the photo this one is a near-copy of
    tags: list[str] = field(default_factory=list)  # an export's album names
    shown_name: str = ""  # the name in the export, when the file is a staged copy
    info: PhotoInfo | None = None  # the header facts read while planning (kind, size, turn)
    # A JPEG with junk after its end is stored cut: its first `keep_bytes`, whose SHA-256 is
    # `stored_sha256` (both read while planning; without junk, the whole file and `sha256`).
    keep_bytes: int | None = None
    stored_sha256: str = ""
    # The file's version when it was hashed, if settled (see FileVersion): while the file
    # still shows it, its bytes are the ones hashed and its copy is not hashed again.
    version: FileVersion | None = None

    @property
    def name(self) -> str:
        return self.shown_name or self.path.name

    @property
    def has_gps(self) -> bool:
        return self.latitude is not None and self.longitude is not None


@dataclass
class ProposedMemory:
    """One memory an import suggests; the review can rename, merge, split or skip it."""

    title: str
    when: MemoryDate
    photos: list[CandidatePhoto] = field(default_factory=list)
    bursts: list[CandidatePhoto] = field(default_factory=list)  # near-copies, set aside
    places: list[Place] = field(default_factory=list)
    story_text: str = ""
    tags: list[str] = field(default_factory=list)
    favourite: bool = False
    ledger_keys: list[str] = field(default_factory=list)  # besides the photos' own hashes
    source: str = "folder"
    accepted: bool = True

    @property
    def place_label(self) -> str:
        if not self.places:
            return ""
        countries = {p.country for p in self.places}
        if len(countries) == 1:
            names = " · ".join(p.name for p in self.places[:4])
            country = self.places[0].country
            return f"{names}, {country}" if country else names
        return " · ".join(p.label() for p in self.places[:3])


@dataclass(frozen=True)
class Problem:
    """An item that was not brought in, or only in part, with the reason in plain words."""

    item: str
    reason: str

    def __str__(self) -> str:
        return f"{self.item}: {self.reason}"


@dataclass(frozen=True)
class ExtraOutcome:
    """What one extra of an import brought in, for the report (worded where it is shown)."""

    kind: str  # "note", "check-in" or "plan"
    added: int = 0
    calendar: Any = None  # for plans: core.dates.ical.ImportReport
    error: str = ""  # why nothing could be read, if so


@dataclass
class ImportPlan:
    """Everything an import found: proposals, items left out (with why), unmapped fields."""

    source: str
    proposals: list[ProposedMemory] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped_known: int = 0  # already imported in an earlier run
    duplicates: int = 0  # the same bytes twice in this source
    unmapped: list[str] = field(default_factory=list)  # fields LoveBridge has no place for
    # Other things to bring in once the memories are written (an open export's notes, plans):
    # each takes the AppContext and returns what it brought in (an ExtraOutcome).
    extras: list[Callable[[Any], ExtraOutcome]] = field(default_factory=list)

    @property
    def photo_count(self) -> int:
        return sum(len(p.photos) for p in self.proposals)

    def refuse(self, item: str, reason: str) -> None:
        self.problems.append(Problem(item, reason))


@dataclass
class AcceptOutcome:
    """What accepting a plan wrote."""

    memories: int = 0
    photos: int = 0
    problems: list[Problem] = field(default_factory=list)
    extras: list[ExtraOutcome] = field(default_factory=list)
