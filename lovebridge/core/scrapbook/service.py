"""Memories: saving, reading, the timeline window, on-this-day, tags and years."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Select, and_, func, literal_column, select, text
from sqlalchemy.orm import Session, aliased, selectinload

from lovebridge.core.context import AppContext
from lovebridge.core.excerpt import excerpt
from lovebridge.core.scrapbook import search
from lovebridge.core.scrapbook.photo_import import photo_ref
from lovebridge.core.scrapbook.records import (
    Filters,
    Memory,
    MemoryDate,
    MemoryDraft,
    MemoryPhotoItem,
    MemoryPlaceItem,
    MemorySummary,
    PhotoRef,
)
from lovebridge.store.models import Memory as MemoryRow
from lovebridge.store.models import MemoryPhoto, MemoryPlace, Photo, Tag, memory_tags

logger = logging.getLogger(__name__)

MAX_TAGS = 30


class MemoryNotFoundError(LookupError):
    """The memory asked for does not exist (or was purged)."""


def _date_of(row: MemoryRow) -> MemoryDate:
    return MemoryDate(row.date_year, row.date_month, row.date_day)


def to_memory(row: MemoryRow) -> Memory:
    photos = tuple(
        MemoryPhotoItem(mp.uuid, photo_ref(mp.photo), mp.caption)
        for mp in row.photos
        if mp.trashed_at is None
    )
    return Memory(
        row.id, row.uuid, row.title, _date_of(row), row.place, row.story_html, row.story_text,
        tuple(tag.name for tag in row.tags), row.mood, row.favourite, row.added_by, photos,
        row.trashed_at, bool(row.private),
    )


def clean_tags(tags: tuple[str, ...] | list[str]) -> list[str]:
    """Trimmed, de-duplicated (case-insensitively) tags, at most MAX_TAGS of 60 characters."""
    seen: dict[str, str] = {}
    for tag in tags:
        name = " ".join(tag.replace("#", " ").split())[:60]
        if name and name.casefold() not in seen:
            seen[name.casefold()] = name
    return list(seen.values())[:MAX_TAGS]


class MemoryService:
    """Everything the scrapbook reads and writes about memories (photos come in by import)."""

    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    # ---- writing ------------------------------------------------------------------------
    def save(self, draft: MemoryDraft,
             also: Callable[[Session, MemoryRow], None] | None = None) -> Memory:
        """Create or update a memory from the editor's draft; returns it as saved.

        `also(session, row)` runs inside the same transaction (an import records its ledger
        and places there, so a memory and what it was made from are written together).
        """
        with self._ctx.store.session_scope() as session:
            row = self._write(session, draft, also)
            session.refresh(row)
            return to_memory(row)

    def add_quietly(self, draft: MemoryDraft,
                    also: Callable[[Session, MemoryRow], None] | None = None) -> None:
        """`save` without reading the memory back: an import writes thousands of them."""
        with self._ctx.store.session_scope() as session:
            self._write(session, draft, also)

    def add_all_quietly(self, memories: list[tuple[
            MemoryDraft, Callable[[Session, MemoryRow], None] | None]],
            then: Callable[[Session, list[MemoryRow]], None] | None = None) -> None:
        """`add_quietly` for several new memories in one transaction (an import's batch),
        with one flush for their rows, one for what `also` adds and one search update.
        `then(session, rows)` runs once, after every `also`, before the search update (an
        import writes the rows that go with the memories there, many at a time)."""
        with self._ctx.store.session_scope() as session:
            rows = [self._fill(session, draft) for draft, _also in memories]
            session.flush()
            for (_draft, also), row in zip(memories, rows, strict=True):
                if also is not None:
                    also(session, row)
            session.flush()
            if then is not None:
                then(session, rows)
            search.reindex_memories(session, [row.id for row in rows])

    def _write(self, session: Session, draft: MemoryDraft,
               also: Callable[[Session, MemoryRow], None] | None) -> MemoryRow:
        row = self._fill(session, draft)
        session.flush()
        if also is not None:
            also(session, row)
        search.reindex_memory(session, row.id)
        session.flush()
        return row

    def _fill(self, session: Session, draft: MemoryDraft) -> MemoryRow:
        """The memory's row (new, or the one `draft.uuid` names) with the draft's fields."""
        title = draft.title.strip()[:200] or draft.when.label()
        if draft.uuid is None:
            row = MemoryRow(added_by=draft.added_by if draft.added_by in ("a", "b") else "a")
            session.add(row)
        else:
            row = self._row(session, draft.uuid)
        row.title = title
        row.date_year, row.date_month, row.date_day = (
            draft.when.year, draft.when.month, draft.when.day)
        row.place = draft.place.strip()[:200]
        row.story_html = draft.story_html
        row.story_text = draft.story_text
        row.mood = draft.mood or None
        row.favourite = draft.favourite
        if draft.private is not None:
            row.private = draft.private
        row.tags = self._tags(session, clean_tags(draft.tags))
        self._place_photos(session, row, draft)
        return row

    def _place_photos(self, session: Session, row: MemoryRow, draft: MemoryDraft) -> None:
        by_uuid = {mp.uuid: mp for mp in row.photos if mp.trashed_at is None}
        kept: set[str] = set()
        for position, placement in enumerate(draft.photos):
            existing = by_uuid.get(placement.uuid or "")
            if existing is None:
                existing = MemoryPhoto(photo_id=placement.photo_id)
                row.photos.append(existing)
            existing.position = position
            existing.caption = placement.caption.strip()
            if existing.uuid:
                kept.add(existing.uuid)
        now = self._ctx.now()
        for uuid, placement in by_uuid.items():
            if uuid not in kept:  # removed in the editor: to the trash, restorable
                placement.trashed_at = now

    def _tags(self, session: Session, names: list[str]) -> list[Tag]:
        if not names:
            return []
        found = {
            tag.name.casefold(): tag
            for tag in session.scalars(
                select(Tag).where(func.lower(Tag.name).in_([n.lower() for n in names]))
            )
        }
        tags = []
        for name in names:
            tag = found.get(name.casefold())
            if tag is None:
                tag = Tag(name=name)
                session.add(tag)
                found[name.casefold()] = tag
            tags.append(tag)
        return tags

    def set_favourite(self, uuid: str, favourite: bool) -> None:
        with self._ctx.store.session_scope() as session:
            self._row(session, uuid).favourite = favourite

    # ---- reading ------------------------------------------------------------------------
    def get(self, uuid: str) -> Memory:
        with self._ctx.store.session_scope() as session:
            row = session.scalar(
                select(MemoryRow)
                .where(MemoryRow.uuid == uuid)
                .options(selectinload(MemoryRow.photos).selectinload(MemoryPhoto.photo),
                         selectinload(MemoryRow.tags))
            )
            if row is None:
                raise MemoryNotFoundError(uuid)
            return to_memory(row)

    def get_many(self, uuids: list[str]) -> list[Memory]:
        """Whole memories in date order (for the book)."""
        with self._ctx.store.session_scope() as session:
            rows = session.scalars(
                select(MemoryRow)
                .where(MemoryRow.uuid.in_(uuids), MemoryRow.trashed_at.is_(None))
                .options(selectinload(MemoryRow.photos).selectinload(MemoryPhoto.photo),
                         selectinload(MemoryRow.tags))
                .order_by(*self._chronological())
            ).all()
            return [to_memory(row) for row in rows]

    def uuids_of_year(self, year: int) -> list[str]:
        with self._ctx.store.session_scope() as session:
            return list(session.scalars(
                select(MemoryRow.uuid)
                .where(MemoryRow.date_year == year, MemoryRow.trashed_at.is_(None))
                .order_by(*self._chronological())
            ))

    @staticmethod
    def _chronological() -> tuple:
        return (MemoryRow.date_year, func.coalesce(MemoryRow.date_month, 0),
                func.coalesce(MemoryRow.date_day, 0), MemoryRow.id)

    def _filtered(self, query: Select, filters: Filters) -> Select:
        # "+column" keeps SQLite from picking the trashed_at index (nearly every row is not
        # trashed), so it walks ix_memory_when in date order and stops at the page's end.
        query = query.where(literal_column("+memory.trashed_at").is_(None))
        match = search.match_expression(filters.text)
        if match:
            # "+memory.id" for the same reason: as a plain rowid IN, SQLite looks up every
            # matching row (long story and all) before it can sort or count them; this way it
            # scans a covering index (ix_memory_when in date order, stopping at the page's end;
            # ix_memory_trashed_at for a count) and tests each id against the matches.
            query = query.where(literal_column("+memory.id").in_(
                text(search.matching_ids_sql()).bindparams(match=match)))
        if filters.tag:
            query = query.where(
                MemoryRow.id.in_(
                    select(memory_tags.c.memory_id)
                    .join(Tag, Tag.id == memory_tags.c.tag_id)
                    .where(Tag.name == filters.tag)
                )
            )
        if filters.place:
            query = query.where(MemoryRow.id.in_(
                select(MemoryPlace.memory_id).where(MemoryPlace.name == filters.place)))
        if filters.year:
            query = query.where(MemoryRow.date_year == filters.year)
        if filters.favourites_only:
            query = query.where(MemoryRow.favourite.is_(True))
        if filters.added_by in ("a", "b"):
            query = query.where(MemoryRow.added_by == filters.added_by)
        return query

    def count(self, filters: Filters = Filters()) -> int:  # noqa: B008 - frozen, immutable
        with self._ctx.store.session_scope() as session:
            query = self._filtered(select(func.count()).select_from(MemoryRow), filters)
            return int(session.scalar(query) or 0)

    def timeline(
        self, offset: int, limit: int, filters: Filters = Filters()  # noqa: B008
    ) -> list[MemorySummary]:
        """One window of the timeline, newest first, with cover photo and photo count.

        One query for the whole window: the cover and count are correlated sub-queries,
        so a page of 200 cards is never 200 extra queries.
        """
        # First the page's ids (cheap columns only), then the card columns for just those:
        # otherwise SQLite works out cover and count for every match before it sorts.
        # Plain columns (no COALESCE) so SQLite can walk ix_memory_when backwards and stop at
        # `limit`; NULL sorts last in DESC, so a month-only memory follows that month's days.
        page = self._filtered(
            select(MemoryRow.id, MemoryRow.date_year, MemoryRow.date_month, MemoryRow.date_day),
            filters,
        ).order_by(
            MemoryRow.date_year.desc(), MemoryRow.date_month.desc(),
            MemoryRow.date_day.desc(), MemoryRow.id.desc(),
        ).offset(offset).limit(limit).subquery("page")
        query = _summary_query().join(page, page.c.id == MemoryRow.id).order_by(
            page.c.date_year.desc(), page.c.date_month.desc(), page.c.date_day.desc(),
            page.c.id.desc(),
        )
        return self._summaries(query)

    def _summaries(self, query: Select) -> list[MemorySummary]:
        with self._ctx.store.session_scope() as session:
            rows = session.execute(query).all()
        return [
            MemorySummary(
                r[0], r[1], r[2], MemoryDate(r[3], r[4], r[5]), r[6], bool(r[7]), r[8], r[9],
                PhotoRef(r[10], r[11], r[12], r[13], r[14], r[15]) if r[10] else None,
                excerpt(r[16] or "", STORY_START_CHARS - 20),
            )
            for r in rows
        ]

    def on_this_day(self, today: datetime | None = None) -> list[MemorySummary]:
        """Memories from this calendar day in earlier years, most recent year first."""
        day = (today or self._ctx.local_now()).date()
        query = _summary_query().where(
            MemoryRow.trashed_at.is_(None), MemoryRow.date_month == day.month,
            MemoryRow.date_day == day.day, MemoryRow.date_year < day.year,
        ).order_by(MemoryRow.date_year.desc(), MemoryRow.id.desc()).limit(20)
        return self._summaries(query)

    def years(self) -> list[int]:
        with self._ctx.store.session_scope() as session:
            return list(session.scalars(  # answered from ix_memory_when alone
                select(MemoryRow.date_year).where(literal_column("+memory.trashed_at").is_(None))
                .distinct().order_by(MemoryRow.date_year.desc())
            ))

    def tags(self) -> list[str]:
        """Tags in use on memories not in the trash, alphabetically."""
        with self._ctx.store.session_scope() as session:
            # Per tag, stop at its first memory not in the trash (few tags, many memories).
            in_use = (
                select(memory_tags.c.memory_id)
                .join(MemoryRow, and_(MemoryRow.id == memory_tags.c.memory_id,
                                      MemoryRow.trashed_at.is_(None)))
                .where(memory_tags.c.tag_id == Tag.id)
                .exists()
            )
            return list(session.scalars(select(Tag.name).where(in_use).order_by(Tag.name)))

    def places(self) -> list[str]:
        """Towns in the place lists of memories not in the trash, alphabetically."""
        with self._ctx.store.session_scope() as session:
            return list(session.scalars(
                select(MemoryPlace.name)
                .join(MemoryRow, and_(MemoryRow.id == MemoryPlace.memory_id,
                                      MemoryRow.trashed_at.is_(None)))
                .distinct().order_by(MemoryPlace.name)))

    def place_list(self, uuid: str) -> list[str]:
        """A memory's places as "Lisbon, Portugal", in the order they were recorded."""
        return [place.label for place in self.places_of(uuid)]

    def places_of(self, uuid: str) -> list[MemoryPlaceItem]:
        """A memory's places (town and country), in the order they were recorded."""
        with self._ctx.store.session_scope() as session:
            rows = session.execute(
                select(MemoryPlace.name, MemoryPlace.country)
                .join(MemoryRow, MemoryRow.id == MemoryPlace.memory_id)
                .where(MemoryRow.uuid == uuid).order_by(MemoryPlace.position)).all()
        return [MemoryPlaceItem(name, country or "") for name, country in rows]

    def photo_refs(self, photo_ids: list[int]) -> list[PhotoRef]:
        with self._ctx.store.session_scope() as session:
            rows = session.scalars(select(Photo).where(Photo.id.in_(photo_ids))).all()
        order = {pid: i for i, pid in enumerate(photo_ids)}
        return sorted((photo_ref(r) for r in rows), key=lambda p: order[p.photo_id])

    @staticmethod
    def _row(session: Session, uuid: str) -> MemoryRow:
        row = session.scalar(select(MemoryRow).where(MemoryRow.uuid == uuid))
        if row is None:
            raise MemoryNotFoundError(uuid)
        return row


STORY_START_CHARS = 320  # enough for a card's few lines of story


@functools.cache
def _summary_query() -> Select:
    """The card columns of a memory, built once (statements are immutable, so shareable)."""
    placed = aliased(MemoryPhoto)
    cover_id = (
        select(placed.photo_id)
        .where(placed.memory_id == MemoryRow.id, placed.trashed_at.is_(None))
        .order_by(placed.position, placed.id)
        .limit(1)
        .scalar_subquery()
    )
    counted = aliased(MemoryPhoto)
    photo_count = (
        select(func.count(counted.id))
        .where(counted.memory_id == MemoryRow.id, counted.trashed_at.is_(None))
        .scalar_subquery()
    )
    return (
        select(
            MemoryRow.id, MemoryRow.uuid, MemoryRow.title, MemoryRow.date_year,
            MemoryRow.date_month, MemoryRow.date_day, MemoryRow.place, MemoryRow.favourite,
            MemoryRow.mood, photo_count, Photo.id, Photo.sha256, Photo.extension,
            Photo.width, Photo.height, Photo.orientation,
            func.substr(MemoryRow.story_text, 1, STORY_START_CHARS),
        )
        .select_from(MemoryRow)
        .outerjoin(Photo, Photo.id == cover_id)
    )
