"""What imports remember: each source item brought in once, and the places of a memory."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from lovebridge.store.base import Base, UTCDateTime, utc_now


class ImportLedger(Base):
    """One source item already imported: a photo's content hash or an export entry's id.

    An import skips every key found here, so a photo is never brought in twice, and a killed
    import run again continues where it stopped. The row is written in the same transaction
    as the memory it became.
    """

    __tablename__ = "import_ledger"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(160), unique=True)  # "sha256:<hex>", "dayone:<uuid>"
    source: Mapped[str] = mapped_column(String(20))  # folder, takeout, dayone, journey, export
    memory_id: Mapped[int | None] = mapped_column(
        ForeignKey("memory.id", ondelete="SET NULL"), default=None, index=True)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)


class MemoryPlace(Base):
    """A place a memory happened in ("Lisbon", "Portugal"), in the order first seen."""

    __tablename__ = "memory_place"

    id: Mapped[int] = mapped_column(primary_key=True)
    memory_id: Mapped[int] = mapped_column(
        ForeignKey("memory.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200, collation="NOCASE"), index=True)
    country: Mapped[str] = mapped_column(String(100), default="")
    latitude: Mapped[float | None] = mapped_column(Float, default=None)
    longitude: Mapped[float | None] = mapped_column(Float, default=None)
