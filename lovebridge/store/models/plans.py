"""Date plans with recurrence and reminders, per-occurrence changes, ideas and check-ins."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lovebridge.store.base import Base, RecordMixin, TrashableMixin, UTCDateTime


class Plan(Base, RecordMixin, TrashableMixin):
    """A date night, check-in, getaway, anniversary or ritual; recurring when `rrule` is set.

    Times are stored in UTC with the IANA `timezone` they were planned in, so a weekly 19:00 stays
    19:00 local across daylight-saving changes when the rule is expanded.
    """

    __tablename__ = "plan"

    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), default="date_night", index=True)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    all_day: Mapped[bool] = mapped_column(Boolean, default=False)
    place: Mapped[str] = mapped_column(String(200), default="")
    budget: Mapped[float | None] = mapped_column(Numeric(10, 2, asdecimal=False), default=None)
    notes: Mapped[str] = mapped_column(Text, default="")
    idea_key: Mapped[str | None] = mapped_column(String(80), default=None)
    status: Mapped[str] = mapped_column(String(12), default="planned")
    reminder_minutes: Mapped[int | None] = mapped_column(Integer, default=None)
    rrule: Mapped[str | None] = mapped_column(Text, default=None)  # RFC 5545 RRULE
    memory_uuid: Mapped[str | None] = mapped_column(String(36), default=None)
    # The UID of the calendar event this plan was imported from, so a second import updates it.
    ical_uid: Mapped[str | None] = mapped_column(String(255), default=None, index=True)

    occurrences: Mapped[list[PlanOccurrence]] = relationship(
        back_populates="plan", cascade="all, delete-orphan"
    )


class PlanOccurrence(Base, RecordMixin):
    """A change to one occurrence of a recurring plan: skipped, moved, done, or given notes."""

    __tablename__ = "plan_occurrence"
    __table_args__ = (UniqueConstraint("plan_id", "original_start"),)

    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    original_start: Mapped[datetime] = mapped_column(UTCDateTime())
    status: Mapped[str | None] = mapped_column(String(12), default=None)
    starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    notes: Mapped[str | None] = mapped_column(Text, default=None)
    memory_uuid: Mapped[str | None] = mapped_column(String(36), default=None)
    title: Mapped[str | None] = mapped_column(String(200), default=None)
    place: Mapped[str | None] = mapped_column(String(200), default=None)

    plan: Mapped[Plan] = relationship(back_populates="occurrences")


class CustomIdea(Base, RecordMixin, TrashableMixin):
    """A date idea the couple added themselves, with the same attributes as the built-in ones."""

    __tablename__ = "custom_idea"

    title: Mapped[str] = mapped_column(String(200))
    why: Mapped[str] = mapped_column(Text, default="")
    at_home: Mapped[bool] = mapped_column(Boolean, default=True)
    indoor: Mapped[bool] = mapped_column(Boolean, default=True)
    cost: Mapped[str] = mapped_column(String(10), default="free")  # free|low|medium|high
    duration_minutes: Mapped[int] = mapped_column(Integer, default=60)
    energy: Mapped[str] = mapped_column(String(10), default="calm")  # calm|medium|lively
    season: Mapped[str] = mapped_column(String(20), default="any")
    tags: Mapped[str] = mapped_column(Text, default="")  # comma-separated words


class CheckIn(Base, RecordMixin):
    """Notes from a guided check-in conversation, tied to the plan occurrence it belonged to."""

    __tablename__ = "check_in"

    plan_id: Mapped[int | None] = mapped_column(
        ForeignKey("plan.id", ondelete="SET NULL"), default=None, index=True
    )
    occurrence_start: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    prompts_json: Mapped[str] = mapped_column(Text, default="[]")
    notes_html: Mapped[str] = mapped_column(Text, default="")


class ReminderShown(Base, RecordMixin):
    """Remembers that a reminder for one occurrence was shown, so it is not shown twice."""

    __tablename__ = "reminder_shown"
    __table_args__ = (UniqueConstraint("plan_id", "occurrence_start"),)

    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    occurrence_start: Mapped[datetime] = mapped_column(UTCDateTime())
    shown_at: Mapped[datetime] = mapped_column(UTCDateTime())
