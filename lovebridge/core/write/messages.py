"""Messages: drafts that save themselves, the history with search, trash and restore, sending."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

from sqlalchemy import func, not_, or_, select

from lovebridge.core.excerpt import excerpt
from lovebridge.core.write.sealing import Viewer
from lovebridge.store.base import utc_now
from lovebridge.store.db import Store
from lovebridge.store.models import Message

MAX_MESSAGE_CHARS = 100_000  # a long letter is ~5,000; past this it is a runaway paste


@dataclass(frozen=True)
class Draft:
    """What the editor hands over to be saved."""

    uuid: str | None
    author: str
    body_html: str
    body_text: str
    category: str | None = None
    channel: str = "print"
    template_key: str | None = None
    memory_uuid: str | None = None
    style_json: str | None = None
    title: str = ""
    private: bool | None = None  # "Private to me"; None keeps what the note has
    reply_to: str | None = None  # the partner's note this one answers; None keeps what it has


@dataclass(frozen=True)
class MessageRecord:
    """A message as plain data (never a live ORM object)."""

    uuid: str
    author: str
    category: str | None
    channel: str
    title: str
    body_html: str
    body_text: str
    status: str
    given_at: datetime | None
    template_key: str | None
    memory_uuid: str | None
    style_json: str | None
    created_at: datetime
    updated_at: datetime
    trashed_at: datetime | None
    private: bool = False  # "Private to me": stays on this laptop when sharing
    sent_to_partner_at: datetime | None = None  # sent to the partner's LoveBridge
    read_at: datetime | None = None  # when the partner opened it
    reply_to: str | None = None
    opens_on: date | None = None  # sealed until this day on the partner's laptop
    opened_at: datetime | None = None  # when a sealed note opened on the partner's laptop
    sealed: bool = False  # still closed on this laptop: the words are not in this record

    @property
    def preview(self) -> str:
        """The first words, ending with "…" at a word's end when there is more."""
        return excerpt(self.body_text, PREVIEW_CHARS)


PREVIEW_CHARS = 140


class SealedNoteError(ValueError):
    """A note from the partner that is still closed on this laptop was to be changed or read."""


def record_of(row: Message, viewer: Viewer | None = None) -> MessageRecord:
    """The row as plain data; a note still sealed for `viewer` comes without its words."""
    record = MessageRecord(
        row.uuid, row.author, row.category, row.channel, row.title, row.body_html, row.body_text,
        row.status, row.given_at, row.template_key, row.memory_uuid, row.style_json,
        row.created_at, row.updated_at, row.trashed_at, bool(row.private),
        row.sent_to_partner_at, row.read_at, row.reply_to, row.opens_on, row.opened_at,
    )
    if viewer is not None and viewer.sealed(row.author, row.sent_to_partner_at, row.opens_on):
        record = replace(record, title="", body_html="", body_text="", style_json=None,
                         sealed=True)
    return record


def local_today(clock) -> date:  # noqa: ANN001 - Callable[[], datetime]
    """The day it is now in this laptop's own time zone, by `clock` (an aware UTC time)."""
    return _aware(clock()).astimezone().date()


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class MessageService:
    """Saves, finds, duplicates, trashes and restores messages."""

    def __init__(self, store: Store, clock=utc_now) -> None:
        self._store = store
        self._clock = clock

    def viewer(self, session) -> Viewer:  # noqa: ANN001 - Session
        """Who reads notes here today (a sealed note from the partner stays closed)."""
        return Viewer.of(session, local_today(self._clock))

    def save(self, draft: Draft) -> MessageRecord:
        """Create or update a message from the editor (text beyond the cap is refused)."""
        if len(draft.body_text) > MAX_MESSAGE_CHARS:
            raise ValueError(f"A note can hold up to {MAX_MESSAGE_CHARS:,} characters.")
        with self._store.session_scope() as session:
            row = None
            if draft.uuid:
                row = session.scalars(select(Message).where(Message.uuid == draft.uuid)).first()
            if row is None:
                row = Message(created_at=self._clock())
                if draft.uuid:
                    row.uuid = draft.uuid
                session.add(row)
            elif self.viewer(session).sealed(row.author, row.sent_to_partner_at, row.opens_on):
                raise SealedNoteError("This note is still closed; it cannot be changed.")
            if row.sent_to_partner_at is None:  # once sent to the partner, its sender stays
                row.author = draft.author
            row.body_html = draft.body_html
            row.body_text = draft.body_text
            row.category = draft.category
            row.channel = draft.channel
            row.template_key = draft.template_key
            row.memory_uuid = draft.memory_uuid
            row.style_json = draft.style_json
            row.title = draft.title or _title_from(draft.body_text)
            if draft.private is not None:
                row.private = draft.private
            if draft.reply_to is not None:
                row.reply_to = draft.reply_to
            row.updated_at = self._clock()
            session.flush()
            return record_of(row)

    def get(self, uuid: str) -> MessageRecord | None:
        with self._store.session_scope() as session:
            row = session.scalars(select(Message).where(Message.uuid == uuid)).first()
            return None if row is None else record_of(row, self.viewer(session))

    def search(self, text: str = "", *, trashed: bool = False, limit: int = 500, offset: int = 0
               ) -> list[MessageRecord]:
        """Messages newest first whose words contain `text` (in the trash when `trashed`):
        `limit` of them, after the first `offset`."""
        query = (select(Message).order_by(Message.updated_at.desc(), Message.id.desc())
                 .limit(limit).offset(offset))
        query = query.where(
            Message.trashed_at.is_not(None) if trashed else Message.trashed_at.is_(None)
        )
        with self._store.session_scope() as session:
            viewer = self.viewer(session)
            if text.split():  # a sealed note's words are never matched
                query = query.where(not_(viewer.sealed_clause()))
            for word in text.split():
                pattern = f"%{_escape_like(word)}%"
                query = query.where(or_(
                    Message.body_text.ilike(pattern, escape="\\"),
                    Message.title.ilike(pattern, escape="\\"),
                ))
            return [record_of(row, viewer) for row in session.scalars(query)]

    def duplicate(self, uuid: str) -> MessageRecord:
        """A fresh draft with the same words and style."""
        original = self.get(uuid)
        if original is None:
            raise KeyError(uuid)
        if original.sealed:
            raise SealedNoteError("This note is still closed; it cannot be copied yet.")
        return self.save(Draft(
            None, original.author, original.body_html, original.body_text, original.category,
            original.channel, original.template_key, original.memory_uuid, original.style_json,
        ))

    def trash(self, uuid: str) -> None:
        self._update(uuid, trashed_at=self._clock())

    def restore(self, uuid: str) -> None:
        self._update(uuid, trashed_at=None)

    def record_sent(self, uuid: str, channel: str) -> None:
        """The note went out on `channel` (a given note stays given)."""
        with self._store.session_scope() as session:
            row = self._row(session, uuid)
            row.channel = channel
            if row.status == "draft":
                row.status = "printed" if channel == "print" else "sent"
            row.updated_at = self._clock()

    def mark_given(self, uuid: str) -> None:
        self._update(uuid, status="given", given_at=self._clock())

    def recent_template_use(self, since: datetime) -> dict[str, datetime]:
        """Template keys used since `since`, with when each was last used."""
        query = (select(Message.template_key, func.max(Message.created_at))
                 .where(Message.template_key.is_not(None), Message.created_at >= since)
                 .group_by(Message.template_key))
        with self._store.session_scope() as session:
            rows = session.execute(query).all()
        return {key: _aware(when) for key, when in rows}

    def delivered(self, since: datetime | None = None) -> list[MessageRecord]:
        """Messages that went out (sent, printed or given), newest first."""
        query = (select(Message).where(Message.status != "draft", Message.trashed_at.is_(None))
                 .order_by(Message.created_at.desc()))
        if since is not None:
            query = query.where(Message.created_at >= since)
        with self._store.session_scope() as session:
            viewer = self.viewer(session)
            return [record_of(row, viewer) for row in session.scalars(query)]

    def delivery_moments(self) -> list[tuple[datetime, str]]:
        """(when given — or sent — , author) of every delivered note, newest first.

        Two columns, not whole records: the rhythm card reads this on every visit to Write.
        """
        query = (select(Message.given_at, Message.created_at, Message.author)
                 .where(Message.status != "draft", Message.trashed_at.is_(None))
                 .order_by(Message.created_at.desc()))
        with self._store.session_scope() as session:
            rows = session.execute(query).all()
        return [(_aware(given or created), author) for given, created, author in rows]

    def last_delivered_at(self) -> datetime | None:
        """When the newest delivered note was written, or None."""
        query = select(func.max(Message.created_at)).where(
            Message.status != "draft", Message.trashed_at.is_(None))
        with self._store.session_scope() as session:
            newest = session.execute(query).scalar()
        return None if newest is None else _aware(newest)

    def last_given(self) -> MessageRecord | None:
        """The newest note that reached the other (given, printed or sent), by the same moment
        `delivery_moments` counts: when it was given, else when it was written."""
        moment = func.coalesce(Message.given_at, Message.created_at)
        query = (select(Message).where(Message.status != "draft", Message.trashed_at.is_(None))
                 .order_by(moment.desc()).limit(1))
        with self._store.session_scope() as session:
            row = session.scalars(query).first()
            return None if row is None else record_of(row, self.viewer(session))

    def _update(self, uuid: str, **values: object) -> None:
        with self._store.session_scope() as session:
            row = self._row(session, uuid)
            for name, value in values.items():
                setattr(row, name, value)
            row.updated_at = self._clock()

    @staticmethod
    def _row(session, uuid: str) -> Message:
        row = session.scalars(select(Message).where(Message.uuid == uuid)).first()
        if row is None:
            raise KeyError(uuid)
        return row


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _title_from(text: str) -> str:
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return first[:80]
