"""Notes between the two laptops: send one to the partner's LoveBridge (sealed until a day if
wished), the partner's inbox, the read mark that travels back, replies as threads.

All of it is fields of the note itself, which sharing already carries: `sent_to_partner_at`,
`read_at`, `reply_to`, `opens_on` and `opened_at` (see store/sync_fields.py; the marks are set
once and never taken back by a merge). Only `announced_at` stays on each laptop.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from lovebridge.core.write.messages import (
    MessageRecord,
    SealedNoteError,
    local_today,
    record_of,
)
from lovebridge.core.write.sealing import Viewer, sharing_person
from lovebridge.store.base import utc_now
from lovebridge.store.db import Store
from lovebridge.store.models import Message

PARTNER_CHANNEL = "partner"
MAX_THREAD = 200  # replies followed at most (a thread is a conversation, not a log)


class NotSharingError(ValueError):
    """Sending to the partner's laptop needs sharing to be set up."""


class PrivateNoteError(ValueError):
    """A note marked "Private to me" stays on this laptop, so it cannot be sent."""


class FromPartnerError(ValueError):
    """A note the partner sent cannot be sent back as it is (a reply is a new note)."""


class OpeningDayError(ValueError):
    """A sealed note's day to open on must come after today."""


class PartnerNotes:
    """Sends notes to the partner's laptop and keeps this laptop's side of what they sent."""

    def __init__(self, store: Store, clock=utc_now) -> None:
        self._store = store
        self._clock = clock

    def _viewer(self, session) -> Viewer:  # noqa: ANN001 - Session
        return Viewer.of(session, local_today(self._clock))

    def today(self) -> date:
        return local_today(self._clock)

    def sharing_person(self) -> str | None:
        """This laptop's partner letter while sharing is set up, else None."""
        with self._store.session_scope() as session:
            return sharing_person(session)

    # ---- sending ----------------------------------------------------------------------------
    def send(self, uuid: str, opens_on: date | None = None) -> MessageRecord:
        """Mark the note as sent to the partner's laptop (it travels with the next exchange);
        `opens_on` keeps it closed there until that day."""
        with self._store.session_scope() as session:
            viewer = self._viewer(session)
            if viewer.person is None:
                raise NotSharingError("Sharing with your partner's laptop is not set up yet.")
            row = _row(session, uuid)
            if row.private:
                raise PrivateNoteError("A note marked “Private to me” stays on this laptop, so "
                                       "it cannot be sent. Untick “Private to me” first.")
            if viewer.received(row.author, row.sent_to_partner_at):
                raise FromPartnerError("This note came from your partner.")
            if opens_on is not None and opens_on <= viewer.today:
                raise OpeningDayError("Pick a day after today to keep it closed until.")
            if row.sent_to_partner_at is None:
                row.sent_to_partner_at = self._clock()
                row.opens_on = opens_on
            # It goes from this laptop's person, whoever the writer switch last named (a
            # laptop that shares belongs to one of the two).
            row.author = viewer.person
            row.channel = PARTNER_CHANNEL
            if row.status == "draft":
                row.status = "sent"
            row.updated_at = self._clock()
            session.flush()
            return record_of(row, viewer)

    # ---- the partner's side -----------------------------------------------------------------
    def inbox(self) -> list[MessageRecord]:
        """Notes the partner sent to this laptop, newest first (sealed ones without words)."""
        with self._store.session_scope() as session:
            viewer = self._viewer(session)
            if viewer.person is None:
                return []
            query = (select(Message).where(Message.sent_to_partner_at.is_not(None),
                                           Message.author != viewer.person,
                                           Message.trashed_at.is_(None))
                     .order_by(Message.sent_to_partner_at.desc(), Message.id.desc()))
            return [record_of(row, viewer) for row in session.scalars(query)]

    def is_received(self, uuid: str) -> bool:
        """Whether the note came from the partner's laptop (it is read, not edited, here)."""
        with self._store.session_scope() as session:
            row = session.scalars(select(Message).where(Message.uuid == uuid)).first()
            return row is not None and self._viewer(session).received(row.author,
                                                                       row.sent_to_partner_at)

    def mark_read(self, uuid: str) -> MessageRecord:
        """The partner opened the note: its read mark (the time) travels back. Never undone;
        a sealed note cannot be read before its day."""
        with self._store.session_scope() as session:
            viewer = self._viewer(session)
            row = _row(session, uuid)
            if viewer.sealed(row.author, row.sent_to_partner_at, row.opens_on):
                raise SealedNoteError("This note is still closed.")
            if viewer.received(row.author, row.sent_to_partner_at) and row.read_at is None:
                row.read_at = self._clock()
            session.flush()
            return record_of(row, viewer)

    def open_due(self) -> list[MessageRecord]:
        """Sealed notes whose day has come here: marked opened (the mark travels), returned
        once so the app can say so."""
        return self._mark_from_partner(
            "opened_at", lambda today: (Message.opens_on.is_not(None),
                                        Message.opens_on <= today))

    def to_announce(self) -> list[MessageRecord]:
        """Notes from the partner not yet announced on this laptop (each is returned once)."""
        return self._mark_from_partner("announced_at", lambda _today: ())

    def _mark_from_partner(self, mark: str, also) -> list[MessageRecord]:  # noqa: ANN001
        """The partner's live notes without `mark` that meet `also(today)`, oldest sent
        first, marked now; [] while this laptop does not know whose it is."""
        column = getattr(Message, mark)
        with self._store.session_scope() as session:
            viewer = self._viewer(session)
            if viewer.person is None:
                return []
            rows = session.scalars(select(Message).where(
                Message.sent_to_partner_at.is_not(None), Message.author != viewer.person,
                column.is_(None), Message.trashed_at.is_(None), *also(viewer.today))
                .order_by(Message.sent_to_partner_at)).all()
            for row in rows:
                setattr(row, mark, self._clock())
            session.flush()
            return [record_of(row, viewer) for row in rows]

    # ---- threads ----------------------------------------------------------------------------
    def thread(self, uuid: str) -> list[MessageRecord]:
        """The conversation the note belongs to: its first note and every reply, oldest first."""
        with self._store.session_scope() as session:
            viewer = self._viewer(session)
            root = _row(session, uuid)
            seen = {root.uuid}
            while root.reply_to and len(seen) < MAX_THREAD:
                parent = session.scalars(select(Message).where(
                    Message.uuid == root.reply_to, Message.trashed_at.is_(None))).first()
                if parent is None or parent.uuid in seen:
                    break
                seen.add(parent.uuid)
                root = parent
            found, wave = [root], [root.uuid]
            while wave and len(found) < MAX_THREAD:
                replies = session.scalars(select(Message).where(
                    Message.reply_to.in_(wave), Message.trashed_at.is_(None))).all()
                replies = [r for r in replies if r.uuid not in {f.uuid for f in found}]
                found += replies
                wave = [r.uuid for r in replies]
            found.sort(key=lambda r: (r.sent_to_partner_at or r.created_at, r.id))
            return [record_of(row, viewer) for row in found]


def _row(session, uuid: str) -> Message:  # noqa: ANN001 - Session
    row = session.scalars(select(Message).where(Message.uuid == uuid)).first()
    if row is None:
        raise KeyError(uuid)
    return row
