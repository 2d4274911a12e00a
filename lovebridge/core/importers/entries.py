"""What the journal importers share: one entry becomes one proposed memory."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

from lovebridge.core.importers.archive import ArchiveError, ExportSource
from lovebridge.core.importers.folder import PlaceNamer
from lovebridge.core.importers.photo_reading import read_candidate
from lovebridge.core.importers.plan import CandidatePhoto, ImportPlan, Place, ProposedMemory
from lovebridge.core.scrapbook.images import PhotoRefusedError, looks_like_photo
from lovebridge.core.scrapbook.records import MemoryDate

TITLE_LENGTH = 80


@dataclass
class Entry:
    """A journal entry, as read from any export."""

    key: str  # "dayone:<uuid>": the ledger key
    label: str  # how the report names it ("entry of 14 July 2024")
    when: datetime
    text: str = ""
    place: Place | None = None
    tags: list[str] = field(default_factory=list)
    favourite: bool = False
    photos: list[str] = field(default_factory=list)  # member names in the export


def split_title(text: str, fallback: str) -> tuple[str, str]:
    """(title, story): a short first line becomes the title, else the date does."""
    lines = text.strip().splitlines()
    if lines:
        first = lines[0].strip().lstrip("#").strip()
        if first and len(first) <= TITLE_LENGTH:
            return first, "\n".join(lines[1:]).strip()
    return fallback, text.strip()


class _TextOnly(HTMLParser):
    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "tr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.BLOCKS and self.parts:
            self.parts.append("\n\n" if tag != "br" else "\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(markup: str) -> str:
    parser = _TextOnly()
    parser.feed(markup)
    parser.close()
    return re.sub(r"\n{3,}", "\n\n", "".join(parser.parts)).strip()


def unmapped_fields(plan: ImportPlan, counts: Counter[str], product: str) -> None:
    """List, per field, how many entries had something LoveBridge keeps no place for."""
    for name, count in sorted(counts.items()):
        plural = "entry" if count == 1 else "entries"
        plan.unmapped.append(f"{product} {name} ({count} {plural}): not imported")


def add_entry(plan: ImportPlan, entry: Entry, source: ExportSource, staging: Path,
              known: set[str], namer: PlaceNamer, product: str) -> None:
    """Turn one entry into a proposal, copying its photos out; problems go to the report."""
    if entry.key in known:
        plan.skipped_known += 1
        return
    photos: list[CandidatePhoto] = []
    for name in entry.photos:
        if not looks_like_photo(Path(name)):
            plan.refuse(f"{entry.label}: {name}", "is not a photo (LoveBridge keeps photos)")
            continue
        try:
            candidate = read_candidate(source.extract(name, staging))
        except (ArchiveError, PhotoRefusedError, OSError) as exc:
            plan.refuse(f"{entry.label}: {name}", reason_of(str(exc)))
            continue
        candidate.place = candidate.place or entry.place
        if candidate.place is None:
            namer.name(candidate)
        photos.append(candidate)
    fallback = f"{product}, {MemoryDate.of(entry.when.date()).label()}"
    title, story = split_title(entry.text, fallback)
    places = [entry.place] if entry.place else []
    for photo in photos:
        if photo.place and photo.place not in places:
            places.append(photo.place)
    plan.proposals.append(ProposedMemory(
        title=title, when=MemoryDate.of(entry.when.date()), photos=photos, places=places,
        story_text=story, tags=entry.tags, favourite=entry.favourite,
        ledger_keys=[entry.key], source=plan.source,
    ))
    if not photos and not story and title == fallback:
        plan.proposals.pop()
        plan.refuse(entry.label, "is empty (no text and no photos)")


def reason_of(message: str) -> str:
    """A refusal without the staged copy's made-up file name in front."""
    head, sep, rest = message.partition(" is ")
    return f"is {rest}" if sep and " " not in head else message
