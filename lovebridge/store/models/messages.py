"""Messages (drafts, sent, printed, given) and the couple's own templates."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, validates

from lovebridge.store.base import Base, RecordMixin, TrashableMixin, UTCDateTime


class Message(Base, RecordMixin, TrashableMixin):
    """A note one partner writes to the other.

    `status` is draft, sent, printed or given; `channel` is how it travels (print, text, email,
    image, qr, copy). `style_json` keeps the handwritten-note style it was printed with.
    """

    __tablename__ = "message"

    author: Mapped[str] = mapped_column(String(1), default="a")  # "a" or "b"
    category: Mapped[str | None] = mapped_column(String(40), default=None, index=True)
    channel: Mapped[str] = mapped_column(String(20), default="print")
    title: Mapped[str] = mapped_column(String(200), default="")
    body_html: Mapped[str] = mapped_column(Text, default="")
    body_text: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(12), default="draft", index=True)
    given_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    template_key: Mapped[str | None] = mapped_column(String(80), default=None, index=True)
    memory_uuid: Mapped[str | None] = mapped_column(String(36), default=None)
    style_json: Mapped[str | None] = mapped_column(Text, default=None)
    # "Private to me": kept on this laptop only, never shared with the partner's laptop.
    private: Mapped[bool] = mapped_column(Boolean, default=False)
    # Sent to the partner's LoveBridge (travels): when, whether and when they read it, the
    # note it answers, and the day it opens on their laptop ("sealed": kept closed by the
    # app until then, not by cryptography).
    sent_to_partner_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    reply_to: Mapped[str | None] = mapped_column(String(36), default=None, index=True)
    opens_on: Mapped[date | None] = mapped_column(Date, default=None)
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    # This laptop only: when the arrival (or opening) of a partner's note was announced here.
    announced_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)

    @validates("sent_to_partner_at", "read_at", "opened_at")
    def _set_once(self, name: str, value: datetime | None) -> datetime | None:
        """Sent, read and opened are never taken back (merges keep them too)."""
        if value is None and getattr(self, name) is not None:
            raise ValueError(f"a note's {name} mark is never taken back")
        return value


class CustomTemplate(Base, RecordMixin, TrashableMixin):
    """A template the couple saved themselves, alongside the built-in ones."""

    __tablename__ = "custom_template"

    author: Mapped[str] = mapped_column(String(1), default="a")
    category: Mapped[str] = mapped_column(String(40))
    tone: Mapped[str] = mapped_column(String(20), default="tender")
    length: Mapped[str] = mapped_column(String(10), default="short")  # short|medium|long
    text: Mapped[str] = mapped_column(Text)


class DismissedHint(Base):
    """A coach hint one partner dismissed for one note: kept with the note (encrypted with
    the rest, in backups) and deleted with it."""

    __tablename__ = "dismissed_hint"

    message_id: Mapped[int] = mapped_column(
        ForeignKey("message.id", ondelete="CASCADE"), primary_key=True
    )
    rule: Mapped[str] = mapped_column(String(60), primary_key=True)
