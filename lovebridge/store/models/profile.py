"""The couple: two first names, the day they got together, inside jokes and dates that matter."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from lovebridge.store.base import Base, RecordMixin


class Profile(Base, RecordMixin):
    """The couple's profile; there is one row. Partner "a" and "b" name the two people."""

    __tablename__ = "profile"

    partner_a: Mapped[str] = mapped_column(String(80))
    partner_b: Mapped[str] = mapped_column(String(80))
    together_since: Mapped[date | None] = mapped_column(Date, default=None)


class InsideJoke(Base, RecordMixin):
    """A phrase only the two of them understand, offered for the `{inside_joke}` placeholder."""

    __tablename__ = "inside_joke"

    text: Mapped[str] = mapped_column(Text)


class SpecialDate(Base, RecordMixin):
    """Another date the couple keeps: first date, wedding, a birthday. Yearly unless said."""

    __tablename__ = "special_date"

    label: Mapped[str] = mapped_column(String(120))
    day: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20), default="anniversary")  # or birthday, other
    yearly: Mapped[bool] = mapped_column(Boolean, default=True)
