"""The scrapbook's trash: deleted memories and photos wait 30 days, then are purged."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from lovebridge.core.context import AppContext
from lovebridge.core.scrapbook import search
from lovebridge.core.scrapbook.photo_import import photo_ref, thumbnail_path
from lovebridge.core.scrapbook.records import TrashEntry
from lovebridge.store.models import Memory, MemoryPhoto, Photo

logger = logging.getLogger(__name__)

KEEP_DAYS = 30


class TrashService:
    """Moves memories and photos to the trash and back; empties and purges it."""

    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    def trash_memory(self, uuid: str) -> None:
        with self._ctx.store.session_scope() as session:
            row = session.scalar(select(Memory).where(Memory.uuid == uuid))
            if row is not None and row.trashed_at is None:
                row.trashed_at = self._ctx.now()

    def restore_memory(self, uuid: str) -> None:
        with self._ctx.store.session_scope() as session:
            row = session.scalar(select(Memory).where(Memory.uuid == uuid))
            if row is not None:
                row.trashed_at = None

    def trash_photo(self, placement_uuid: str) -> None:
        """Take one photo out of its memory (to the trash)."""
        with self._ctx.store.session_scope() as session:
            row = session.scalar(select(MemoryPhoto).where(MemoryPhoto.uuid == placement_uuid))
            if row is not None and row.trashed_at is None:
                row.trashed_at = self._ctx.now()
                session.flush()
                search.reindex_memory(session, row.memory_id)

    def restore_photo(self, placement_uuid: str) -> None:
        with self._ctx.store.session_scope() as session:
            row = session.scalar(select(MemoryPhoto).where(MemoryPhoto.uuid == placement_uuid))
            if row is not None:
                row.trashed_at = None
                session.flush()
                search.reindex_memory(session, row.memory_id)

    def restore(self, entry: TrashEntry) -> None:
        if entry.kind == "memory":
            self.restore_memory(entry.uuid)
        else:
            self.restore_photo(entry.uuid)

    def entries(self) -> list[TrashEntry]:
        """Everything in the trash, most recently deleted first."""
        now = self._ctx.now()
        found: list[TrashEntry] = []
        with self._ctx.store.session_scope() as session:
            for row in session.scalars(select(Memory).where(Memory.trashed_at.is_not(None))):
                found.append(TrashEntry("memory", row.uuid, row.title, row.trashed_at,
                                        self._days_left(row.trashed_at, now)))
            placements = session.execute(
                select(MemoryPhoto, Memory.title)
                .join(Memory, Memory.id == MemoryPhoto.memory_id)
                .where(MemoryPhoto.trashed_at.is_not(None), Memory.trashed_at.is_(None))
            ).all()
            for placement, title in placements:
                found.append(TrashEntry(
                    "photo", placement.uuid, title, placement.trashed_at,
                    self._days_left(placement.trashed_at, now), photo_ref(placement.photo),
                ))
        return sorted(found, key=lambda e: e.trashed_at, reverse=True)

    @staticmethod
    def _days_left(trashed_at: datetime, now: datetime) -> int:
        return max(0, KEEP_DAYS - (now - trashed_at).days)

    def empty(self) -> int:
        """Delete everything in the trash now; returns how many things went."""
        return self._purge(before=None)

    def purge_expired(self) -> int:
        """Delete what has been in the trash for more than 30 days (run at start-up)."""
        return self._purge(before=self._ctx.now() - timedelta(days=KEEP_DAYS))

    def _purge(self, before: datetime | None) -> int:
        with self._ctx.store.session_scope() as session:
            memories = select(Memory).where(Memory.trashed_at.is_not(None))
            placements = select(MemoryPhoto).where(MemoryPhoto.trashed_at.is_not(None))
            if before is not None:
                memories = memories.where(Memory.trashed_at < before)
                placements = placements.where(MemoryPhoto.trashed_at < before)
            gone = 0
            candidates: set[int] = set()
            for row in session.scalars(placements).all():
                candidates.add(row.photo_id)
                session.delete(row)
                gone += 1
            for row in session.scalars(memories).all():
                candidates.update(mp.photo_id for mp in row.photos)
                search.forget_memory(session, row.id)
                session.delete(row)
                gone += 1
            session.flush()
            orphans = self._orphan_photos(session, candidates)
        # Files go only after the rows pointing at them are gone for good (committed).
        for sha, extension in orphans:
            self._ctx.media.remove(sha, extension)
            thumbnail_path(self._ctx, sha).unlink(missing_ok=True)
        if gone:
            logger.info("trash: purged %d item(s), %d photo file(s)", gone, len(orphans))
        return gone

    @staticmethod
    def _orphan_photos(session: Session, candidates: set[int]) -> list[tuple[str, str]]:
        """Photos of purged items that no other memory still uses (shared photos stay)."""
        if not candidates:
            return []
        used = select(MemoryPhoto.photo_id)
        rows = session.execute(
            select(Photo.id, Photo.sha256, Photo.extension)
            .where(Photo.id.in_(candidates), Photo.id.not_in(used))
        ).all()
        if rows:
            session.execute(delete(Photo).where(Photo.id.in_([r[0] for r in rows])))
        return [(r[1], r[2]) for r in rows]
