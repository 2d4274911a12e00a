"""Suggesting memories from photos: the grouping rule, near-copies and the names.

The rule (photos sorted by the time they were taken):

* a new memory starts when more than GAP_HOURS (6) pass between two photos;
* or when the calendar day changes and more than NEW_DAY_GAP_HOURS (3) passed — so a party
  that runs past midnight stays one memory, but two days of a trip become two;
* or when two photos with GPS are more than JUMP_KM (50) apart — a new town is a new memory;
* photos without a taken time become one memory per folder, dated by the file's time.

Near-copies: a photo taken within BURST_SECONDS (10 s) of the previous kept photo of the same
memory and within dhash.BURST_BITS of its picture is a burst shot; it is set aside (listed,
not imported unless the couple asks).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from lovebridge.core.importers import dhash
from lovebridge.core.importers.exif_gps import distance_km
from lovebridge.core.importers.plan import CandidatePhoto, Place, ProposedMemory
from lovebridge.core.scrapbook.records import MONTH_NAMES, MemoryDate

GAP_HOURS = 6.0
NEW_DAY_GAP_HOURS = 3.0
JUMP_KM = 50.0
BURST_SECONDS = 10.0
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def starts_new_memory(previous: CandidatePhoto, photo: CandidatePhoto,
                      last_gps: CandidatePhoto | None) -> bool:
    """The grouping rule for two photos in time order (see the module docstring)."""
    assert previous.taken_at is not None and photo.taken_at is not None
    hours = (photo.taken_at - previous.taken_at).total_seconds() / 3600
    if hours > GAP_HOURS:
        return True
    if photo.taken_at.date() != previous.taken_at.date() and hours > NEW_DAY_GAP_HOURS:
        return True
    if last_gps is not None and photo.has_gps:
        here = (photo.latitude, photo.longitude)
        there = (last_gps.latitude, last_gps.longitude)
        return distance_km(here, there) > JUMP_KM  # type: ignore[arg-type]
    return False


def group_photos(photos: Iterable[CandidatePhoto]) -> list[ProposedMemory]:
    """Suggested memories, oldest first; undated photos last, one memory per folder."""
    photos = list(photos)
    dated = sorted((p for p in photos if p.taken_at is not None), key=_time_key)
    undated: dict[Path, list[CandidatePhoto]] = {}
    for photo in photos:
        if photo.taken_at is None:
            undated.setdefault(photo.path.parent, []).append(photo)
    runs: list[list[CandidatePhoto]] = []
    last_gps: CandidatePhoto | None = None
    for photo in dated:
        if not runs or starts_new_memory(runs[-1][-1], photo, last_gps):
            runs.append([])
            last_gps = None
        runs[-1].append(photo)
        if photo.has_gps:
            last_gps = photo
    proposals = [_proposal(run) for run in runs]
    for folder, run in undated.items():
        proposal = _proposal(run, folder_name=folder.name)
        proposals.append(proposal)
    return proposals


def _proposal(run: list[CandidatePhoto], folder_name: str | None = None) -> ProposedMemory:
    kept, bursts = split_bursts(run)
    places = places_of(kept + bursts)
    times = [p.taken_at for p in run if p.taken_at is not None]
    first = min(times) if times else _file_time(run[0])
    last = max(times) if times else first
    when = MemoryDate.of(first.date())
    title = memory_title(first, last, places) if times else (
        f"Photos from {folder_name}" if folder_name else when.label())
    tags = list(dict.fromkeys(t for p in run for t in p.tags))
    return ProposedMemory(title=title, when=when, photos=kept, bursts=bursts, places=places,
                          tags=tags)


def _file_time(photo: CandidatePhoto) -> datetime:
    try:
        return datetime.fromtimestamp(photo.path.stat().st_mtime).astimezone()
    except OSError:
        return datetime.now().astimezone()


def split_bursts(run: list[CandidatePhoto]) -> tuple[list[CandidatePhoto], list[CandidatePhoto]]:
    """(photos to keep, burst shots set aside): near-copies moments after a kept photo."""
    kept: list[CandidatePhoto] = []
    bursts: list[CandidatePhoto] = []
    for photo in run:
        previous = kept[-1] if kept else None
        if previous is not None and _moments_apart(previous, photo) and dhash.near_copies(
                previous.dhash, photo.dhash):
            photo.burst_of = previous.name
            bursts.append(photo)
        else:
            kept.append(photo)
    return kept, bursts


def may_be_near_copies(photos: Iterable[CandidatePhoto]) -> list[CandidatePhoto]:
    """The photos `split_bursts` could compare: taken within BURST_SECONDS of another one.
    Only their near-copy hash is ever read."""
    timed = sorted((p for p in photos if p.taken_at is not None),
                   key=lambda p: p.taken_at)  # type: ignore[arg-type, return-value]
    close: dict[int, CandidatePhoto] = {}
    for a, b in zip(timed, timed[1:], strict=False):
        if _moments_apart(a, b):
            close[id(a)], close[id(b)] = a, b
    return list(close.values())


def _moments_apart(a: CandidatePhoto, b: CandidatePhoto) -> bool:
    if a.taken_at is None or b.taken_at is None:
        return False
    return abs((b.taken_at - a.taken_at).total_seconds()) <= BURST_SECONDS


def places_of(photos: Iterable[CandidatePhoto]) -> list[Place]:
    """The distinct places of some photos, most photographed first (ties: first seen)."""
    counts: dict[str, int] = {}
    first: dict[str, Place] = {}
    for photo in photos:
        if photo.place is not None:
            key = photo.place.label()
            counts[key] = counts.get(key, 0) + 1
            first.setdefault(key, photo.place)
    order = sorted(first, key=lambda k: -counts[k])
    return [first[k] for k in order]


def day_label(moment: datetime) -> str:
    return f"{moment.day} {MONTH_NAMES[moment.month]} {moment.year}"


def memory_title(first: datetime, last: datetime, places: list[Place]) -> str:
    """"Sunday in Lisbon, 14 July 2024"; "Lisbon and Sintra, 12 – 14 July 2024"."""
    names = [p.name for p in places[:2]]
    where = " and ".join(names)
    if first.date() == last.date():
        weekday = WEEKDAYS[first.weekday()]
        return f"{weekday} in {where}, {day_label(first)}" if where else (
            f"{weekday}, {day_label(first)}")
    if (first.year, first.month) == (last.year, last.month):
        span = f"{first.day} – {day_label(last)}"
    elif first.year == last.year:
        span = f"{first.day} {MONTH_NAMES[first.month]} – {day_label(last)}"
    else:
        span = f"{day_label(first)} – {day_label(last)}"
    return f"{where}, {span}" if where else span


def merge(proposals: list[ProposedMemory]) -> ProposedMemory:
    """One memory from several (the review's Merge): photos in time order, renamed."""
    photos = [p for proposal in proposals for p in proposal.photos]
    bursts = [p for proposal in proposals for p in proposal.bursts]
    merged = _proposal(sorted(photos, key=_time_key))
    merged.bursts = bursts + merged.bursts
    merged.places = places_of(photos + bursts)
    first = proposals[0]
    merged.story_text = "\n\n".join(p.story_text for p in proposals if p.story_text)
    merged.tags = list(dict.fromkeys(t for p in proposals for t in p.tags))
    merged.ledger_keys = [k for p in proposals for k in p.ledger_keys]
    merged.source = first.source
    return merged


def split(proposal: ProposedMemory, at: int) -> tuple[ProposedMemory, ProposedMemory]:
    """Two memories from one (the review's Split): photos before `at`, and the rest."""
    if not 0 < at < len(proposal.photos):
        raise ValueError("a memory is split between two of its photos")
    ordered = sorted(proposal.photos, key=_time_key)
    before, after = _proposal(ordered[:at]), _proposal(ordered[at:])
    boundary = _time_key(ordered[at])
    for burst in proposal.bursts:  # each set-aside shot goes with the photos of its moment
        (before if _time_key(burst) < boundary else after).bursts.append(burst)
    before.ledger_keys = list(proposal.ledger_keys)
    for part in (before, after):
        part.source = proposal.source
    return before, after


def _time_key(photo: CandidatePhoto) -> tuple[datetime, str]:
    return (photo.taken_at or _NEVER, str(photo.path))


_NEVER = datetime.min.replace(tzinfo=UTC)


def largest_gap(proposal: ProposedMemory) -> int:
    """Where a Split cuts a memory: between the two photos furthest apart in time."""
    ordered = sorted(proposal.photos, key=_time_key)
    if len(ordered) < 2:
        raise ValueError("a memory of one photo cannot be split")
    gaps = [(_time_key(b)[0] - _time_key(a)[0], i + 1) for i, (a, b) in
            enumerate(zip(ordered, ordered[1:], strict=False))]
    return max(gaps)[1]
