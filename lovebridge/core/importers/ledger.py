"""The import ledger: which photos and export entries are already in the scrapbook."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from lovebridge.core.context import AppContext
from lovebridge.store.models import ImportLedger, MemoryPhoto, Photo


def photo_key(sha256: str) -> str:
    return f"sha256:{sha256}"


def known_keys(ctx: AppContext) -> set[str]:
    """Every ledger key, plus the hashes of photos already placed in a memory by hand."""
    with ctx.store.session_scope() as session:
        keys = set(session.scalars(select(ImportLedger.key)))
        placed = session.scalars(
            select(Photo.sha256).join(MemoryPhoto, MemoryPhoto.photo_id == Photo.id).distinct())
        keys.update(photo_key(sha) for sha in placed)
    return keys


def record(session: Session, keys: list[str], source: str, memory_id: int) -> None:
    """Write ledger rows for `keys` not yet there (inside the memory's own transaction)."""
    wanted = list(dict.fromkeys(k[:160] for k in keys))
    if not wanted:
        return
    present = set(session.scalars(select(ImportLedger.key).where(ImportLedger.key.in_(wanted))))
    session.add_all(
        ImportLedger(key=key, source=source, memory_id=memory_id)
        for key in wanted if key not in present
    )
