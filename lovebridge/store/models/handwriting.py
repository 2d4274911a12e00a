"""A partner's own handwriting, captured from a sheet: glyph outlines as compact JSON."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from lovebridge.store.base import Base, RecordMixin


class Handwriting(Base, RecordMixin):
    """One per partner ('a' or 'b'); the database's own encryption covers it when locked."""

    __tablename__ = "handwriting"

    partner: Mapped[str] = mapped_column(String(1), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    glyphs_json: Mapped[str] = mapped_column(Text)  # lovebridge.core.hand.model.to_json
    sheet_code: Mapped[str] = mapped_column(String(16), default="")
