"""Who reads a note on this laptop, and whether a note from the partner is still sealed.

A sealed note is one the partner sent with "Keep it closed until <date>": on the receiving
laptop its words are kept out of every list, search, preview and export until that date in
this laptop's own time. The app keeps it closed; nothing about it is encrypted for the purpose.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from lovebridge.store.models import Message
from lovebridge.store.models.sync import SyncState


def sharing_person(session: Session) -> str | None:
    """Which of the two this laptop belongs to ("a" or "b"), or None when not sharing."""
    raw = session.execute(select(SyncState.value).where(SyncState.key == "person")).scalar()
    try:
        person = json.loads(raw) if raw else None
    except ValueError:
        return None
    return person if person in ("a", "b") else None


@dataclass(frozen=True)
class Viewer:
    """This laptop's reader: their letter (None when not sharing) and their local today."""

    person: str | None
    today: date

    @classmethod
    def of(cls, session: Session, today: date) -> Viewer:
        return cls(sharing_person(session), today)

    def received(self, author: str, sent_to_partner_at: object) -> bool:
        """A note the partner sent to this laptop."""
        return sent_to_partner_at is not None and author != self.person

    def sealed(self, author: str, sent_to_partner_at: object, opens_on: date | None) -> bool:
        """Still closed here. Without sharing (unpaired since) it is not known who is who, so
        a note with a future opening day stays closed for both until that day."""
        if opens_on is None or sent_to_partner_at is None or self.today >= opens_on:
            return False
        return self.person is None or author != self.person

    def sealed_clause(self) -> ColumnElement[bool]:
        """The SQL twin of `sealed` (for searches that must not match a sealed note's words)."""
        clause = and_(Message.sent_to_partner_at.is_not(None), Message.opens_on.is_not(None),
                      Message.opens_on > self.today)
        if self.person is not None:
            clause = and_(clause, Message.author != self.person)
        return clause
