"""Keep each partner's handwriting in the database, and build it from photos of the sheet."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from lovebridge.store.db import Store
from lovebridge.store.models import Handwriting

from . import sheet as geo
from .model import Hand, from_json, to_json
from .normalise import build_hand, replace_glyphs
from .reader import RawGlyph, read_photo

HAND_PREFIX = "hand:"
ENOUGH_SHARE = 0.5  # at or below this share of boxes the sheet is called mostly empty


@dataclass(frozen=True)
class StoredHand:
    """A saved hand, as the handwriting list shows it."""

    partner: str
    name: str
    glyph_count: int
    characters: int

    @property
    def label(self) -> str:
        return f"{self.name}'s hand"

    @property
    def font_key(self) -> str:
        return f"{HAND_PREFIX}{self.name}"


@dataclass
class Capture:
    """What reading one or more photos gave: the hand, and the boxes still missing and why."""

    hand: Hand
    failed: dict[int, str] = field(default_factory=dict)
    sheet_code: str = ""
    problems: list[str] = field(default_factory=list)  # photos that could not be read, why

    @property
    def recovered(self) -> int:
        return len({glyph.box for glyph in self.hand.glyphs if glyph.box >= 0})

    @property
    def looks_empty(self) -> bool:
        """Most of the sheet was not read: the person is asked to fill in the rest (the
        command line words it, in its own language)."""
        return self.recovered <= len(geo.BOXES) * ENOUGH_SHARE

    def failed_names(self) -> list[str]:
        return [f"{geo.BOXES[index].describe()}: {why}" for index, why in sorted(
            self.failed.items())]


Progress = Callable[[int, int], None]


def capture_from_photos(paths: Sequence[str | Path], name: str, base: Hand | None = None,
                        progress: Progress | None = None,
                        boxes: set[int] | None = None) -> Capture:
    """Read photos in turn; each later photo fills only the boxes still missing.

    `base` is a hand being completed (its scale is kept); only its missing boxes are read,
    or, given `boxes`, only those (read again, replacing what the hand had there). A photo
    that cannot be read is reported in `problems` and the others still count; with none
    readable, the first problem is raised as SheetPhotoError.
    """
    from .photo import SheetPhotoError

    raws: dict[int, RawGlyph] = {}
    failed: dict[int, str] = {}
    missing: set[int] | None = None if boxes is None else set(boxes)
    if base is not None and boxes is None:
        have = {glyph.box for glyph in base.glyphs}
        missing = {box.index for box in geo.BOXES if box.index not in have}
    problems: list[str] = []
    first_error: SheetPhotoError | None = None
    code = ""
    for number, path in enumerate(paths):
        def step(done: int, total: int, number: int = number) -> None:
            if progress is not None:
                progress(number * total + done, len(paths) * total)

        try:
            reading = read_photo(path, step, only=missing)
        except SheetPhotoError as exc:
            problems.append(f"{Path(path).name}: {exc}")
            first_error = first_error or exc
            continue
        code = code or reading.sheet_code
        raws.update(reading.glyphs)
        failed = {i: why for i, why in {**failed, **reading.failed}.items() if i not in raws}
        missing = set(failed)
        if not missing:
            break
    if not raws and first_error is not None and (base is None or boxes is not None):
        raise first_error
    return Capture(merge_glyphs(name, raws.values(), base), failed, code, problems)


def merge_glyphs(name: str, raws: Iterable[RawGlyph], base: Hand | None = None) -> Hand:
    """A hand from raw glyphs; with `base`, they replace its boxes, scaled as it was."""
    if base is None:
        return build_hand(name, raws)
    return replace_glyphs(base, build_hand(name, raws, base.measures))


class HandwritingService:
    """Reads and writes the partners' handwriting (one each) in the database."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def save(self, partner: str, hand: Hand, sheet_code: str = "") -> None:
        with self._store.session_scope() as session:
            row = session.scalars(select(Handwriting).where(Handwriting.partner == partner)
                                  ).first()
            if row is None:
                row = Handwriting(partner=partner, name=hand.name, glyphs_json="")
                session.add(row)
            row.name = hand.name
            row.glyphs_json = to_json(hand)
            row.sheet_code = sheet_code or row.sheet_code or ""

    def load(self, partner: str) -> Hand | None:
        with self._store.session_scope() as session:
            row = session.scalars(select(Handwriting).where(Handwriting.partner == partner)
                                  ).first()
            return None if row is None else from_json(row.name, row.glyphs_json)

    def find(self, name: str) -> tuple[str, Hand] | None:
        """(partner, hand) of the hand with this name (or "hand:NAME"), case-insensitively."""
        wanted = name.removeprefix(HAND_PREFIX).strip().casefold()
        with self._store.session_scope() as session:
            for row in session.scalars(select(Handwriting).order_by(Handwriting.partner)):
                if row.name.casefold() == wanted or row.partner == wanted:
                    return row.partner, from_json(row.name, row.glyphs_json)
        return None

    def delete(self, partner: str) -> None:
        with self._store.session_scope() as session:
            row = session.scalars(select(Handwriting).where(Handwriting.partner == partner)
                                  ).first()
            if row is not None:
                session.delete(row)

    def list(self, current_partner: str | None = None) -> list[StoredHand]:
        """Saved hands, the current writer's first."""
        with self._store.session_scope() as session:
            rows = list(session.scalars(select(Handwriting).order_by(Handwriting.partner)))
            hands = [StoredHand(row.partner, row.name, len(hand.glyphs),
                                len(hand.characters()))
                     for row in rows for hand in (from_json(row.name, row.glyphs_json),)]
        return sorted(hands, key=lambda h: (h.partner != current_partner, h.partner))
