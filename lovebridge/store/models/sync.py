"""What sharing between two laptops keeps in each laptop's own store.

The couple's keys, this laptop's device id and clock live in `sync_state`; `sync_change` is the
outgoing log of field changes; `sync_field` is the merged state of every shared field (the later
edit wins); `sync_version` keeps every version of a note body or story so edits made apart are
both kept; `sync_seen` is how far each partner device has been read; `sync_note` lists files set
aside unread.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from lovebridge.store.base import Base, UTCDateTime


class SyncState(Base):
    """One setting of sharing on this laptop (device id, keys, clock); values are text."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SyncChange(Base):
    """A field change made on this laptop, waiting for (or already written into) a batch."""

    __tablename__ = "sync_change"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    hlc: Mapped[str] = mapped_column(String(48))
    tbl: Mapped[str] = mapped_column(String(40))
    key: Mapped[str] = mapped_column(String(64))
    field: Mapped[str] = mapped_column(String(40))
    base: Mapped[str | None] = mapped_column(String(48), default=None)
    value: Mapped[str] = mapped_column(Text)  # JSON
    batch: Mapped[int | None] = mapped_column(Integer, default=None, index=True)


class SyncField(Base):
    """The merged value of one shared field and the clock of the edit it came from."""

    __tablename__ = "sync_field"

    tbl: Mapped[str] = mapped_column(String(40), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    field: Mapped[str] = mapped_column(String(40), primary_key=True)
    hlc: Mapped[str] = mapped_column(String(48))
    value: Mapped[str] = mapped_column(Text)  # JSON


class SyncVersion(Base):
    """One version of a note body or a story, and the version it was edited from."""

    __tablename__ = "sync_version"

    tbl: Mapped[str] = mapped_column(String(40), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    field: Mapped[str] = mapped_column(String(40), primary_key=True)
    hlc: Mapped[str] = mapped_column(String(48), primary_key=True)
    base: Mapped[str | None] = mapped_column(String(48), default=None, index=True)
    value: Mapped[str] = mapped_column(Text)  # JSON
    dismissed: Mapped[bool] = mapped_column(Boolean, default=False)


class SyncSeen(Base):
    """A partner device: its signing key, its name, and the last of its batches applied here."""

    __tablename__ = "sync_seen"

    device: Mapped[str] = mapped_column(String(32), primary_key=True)
    public_key: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(80), default="")
    seq: Mapped[int] = mapped_column(Integer, default=0)
    last_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)


class SyncNote(Base):
    """A file in the shared folder that was set aside unread, and why (for the Sharing page)."""

    __tablename__ = "sync_note"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    path: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(Integer)
    mtime_ns: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    noted_at: Mapped[datetime] = mapped_column(UTCDateTime())
