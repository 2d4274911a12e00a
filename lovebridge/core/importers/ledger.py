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


def present(session: Session, keys: list[str]) -> set[str]:
    """Which of `keys` the ledger already holds."""
    wanted = list(dict.fromkeys(k[:160] for k in keys))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        found.update(session.scalars(
            select(ImportLedger.key).where(ImportLedger.key.in_(wanted[start:start + 500]))))
    return found


def record(session: Session, keys: list[str], source: str, memory_id: int,
           present_keys: set[str] | None = None) -> None:
    """Write ledger rows for `keys` not yet there (inside the memory's own transaction).

    `present_keys` (from `present`, read once for a group of memories) saves the query; it is
    updated with the keys written, so a key two memories share is written once.
    """
    wanted = list(dict.fromkeys(k[:160] for k in keys))
    if not wanted:
        return
    there = present(session, wanted) if present_keys is None else present_keys
    new = fresh(wanted, there)
    session.add_all(ImportLedger(key=key, source=source, memory_id=memory_id) for key in new)


def fresh(keys: list[str], present_keys: set[str]) -> list[str]:
    """The ledger keys (as stored: at most 160 characters) of `keys` not in `present_keys`,
    once each; `present_keys` is updated with them, so a key two memories share is new once."""
    new = [key for key in dict.fromkeys(k[:160] for k in keys) if key not in present_keys]
    present_keys.update(new)
    return new
