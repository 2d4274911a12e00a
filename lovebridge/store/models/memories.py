"""Scrapbook memories, their photos (content-addressed files) and tags."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Column, ForeignKey, Index, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lovebridge.store.base import Base, RecordMixin, TrashableMixin, UTCDateTime

memory_tags = Table(
    "memory_tag",
    Base.metadata,
    Column("memory_id", ForeignKey("memory.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Memory(Base, RecordMixin, TrashableMixin):
    """A shared memory. The date may be exact, or only a month or a year for old memories."""

    __tablename__ = "memory"
    __table_args__ = (
        # trashed_at is carried in the index so the timeline and search never read whole rows
        # (stories are long) just to skip the trash.
        Index("ix_memory_when", "date_year", "date_month", "date_day", "trashed_at"),
        Index("ix_memory_day_of_year", "date_month", "date_day"),
    )

    title: Mapped[str] = mapped_column(String(200))
    date_year: Mapped[int] = mapped_column(Integer)
    date_month: Mapped[int | None] = mapped_column(Integer, default=None)
    date_day: Mapped[int | None] = mapped_column(Integer, default=None)
    place: Mapped[str] = mapped_column(String(200), default="")
    story_html: Mapped[str] = mapped_column(Text, default="")
    story_text: Mapped[str] = mapped_column(Text, default="")
    mood: Mapped[str | None] = mapped_column(String(20), default=None)
    favourite: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    added_by: Mapped[str] = mapped_column(String(1), default="a")  # "a" or "b"
    # "Private to me": kept on this laptop only, never shared with the partner's laptop.
    private: Mapped[bool] = mapped_column(Boolean, default=False)

    photos: Mapped[list[MemoryPhoto]] = relationship(
        back_populates="memory", order_by="MemoryPhoto.position", cascade="all, delete-orphan"
    )
    tags: Mapped[list[Tag]] = relationship(secondary=memory_tags, order_by="Tag.name")


class Photo(Base, RecordMixin):
    """One stored image file, named by the SHA-256 of its bytes so it is kept once."""

    __tablename__ = "photo"

    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    extension: Mapped[str] = mapped_column(String(10))
    byte_size: Mapped[int] = mapped_column(Integer)
    width: Mapped[int] = mapped_column(Integer, default=0)
    height: Mapped[int] = mapped_column(Integer, default=0)
    orientation: Mapped[int] = mapped_column(Integer, default=1)  # EXIF orientation 1..8
    taken_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None, index=True)
    original_name: Mapped[str] = mapped_column(String(255), default="")


class MemoryPhoto(Base, RecordMixin, TrashableMixin):
    """A photo placed in a memory, in order, with its caption."""

    __tablename__ = "memory_photo"
    # A memory's photos in order: the timeline's cover photo is one index probe per card.
    __table_args__ = (Index("ix_memory_photo_order", "memory_id", "position"),)

    memory_id: Mapped[int] = mapped_column(ForeignKey("memory.id", ondelete="CASCADE"), index=True)
    photo_id: Mapped[int] = mapped_column(ForeignKey("photo.id", ondelete="RESTRICT"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    caption: Mapped[str] = mapped_column(Text, default="")

    memory: Mapped[Memory] = relationship(back_populates="photos")
    photo: Mapped[Photo] = relationship()


class Tag(Base):
    """A word to group memories by (beach, firsts, family)."""

    __tablename__ = "tag"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60, collation="NOCASE"), unique=True)
