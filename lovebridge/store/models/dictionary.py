"""The couple's own words for the spell-checker: names, places, pet names, inside jokes."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from lovebridge.store.base import Base, RecordMixin


class DictionaryWord(Base, RecordMixin):
    """A word the couple added to their dictionary ("Add to dictionary"), kept lower-case."""

    __tablename__ = "dictionary_word"

    word: Mapped[str] = mapped_column(String(80), unique=True)
