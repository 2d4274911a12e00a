"""Plain, frozen data the Dates room is handed: plans, their occurrences and what changes them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

KINDS = ("date_night", "check_in", "getaway", "anniversary", "ritual", "other")
KIND_LABELS = {
    "date_night": "Date night",
    "check_in": "Check-in",
    "getaway": "Getaway",
    "anniversary": "Anniversary",
    "ritual": "Ritual",
    "other": "Other",
}
STATUSES = ("planned", "done", "skipped", "cancelled")
STATUS_LABELS = {
    "planned": "Planned",
    "done": "Done",
    "skipped": "Skipped",
    "cancelled": "Cancelled",
}
DEFAULT_LENGTH = timedelta(hours=2)


@dataclass(frozen=True)
class PlanDraft:
    """What the editor hands the service to create or change a plan (times aware, any zone)."""

    title: str
    starts_at: datetime
    ends_at: datetime | None = None
    kind: str = "date_night"
    timezone: str = "UTC"
    all_day: bool = False
    place: str = ""
    budget: float | None = None
    notes: str = ""
    idea_key: str | None = None
    status: str = "planned"
    reminder_minutes: int | None = None
    rrule: str | None = None


@dataclass(frozen=True)
class PlanData:
    """One stored plan, as the UI sees it."""

    id: int
    uuid: str
    title: str
    kind: str
    starts_at: datetime
    ends_at: datetime | None
    timezone: str
    all_day: bool
    place: str
    budget: float | None
    notes: str
    idea_key: str | None
    status: str
    reminder_minutes: int | None
    rrule: str | None
    memory_uuid: str | None
    ical_uid: str | None = None
    overrides: tuple[OccurrenceOverride, ...] = field(default_factory=tuple)

    @property
    def recurring(self) -> bool:
        return bool(self.rrule)

    def draft(self) -> PlanDraft:
        """The plan as an editable draft."""
        return PlanDraft(
            title=self.title, starts_at=self.starts_at, ends_at=self.ends_at, kind=self.kind,
            timezone=self.timezone, all_day=self.all_day, place=self.place, budget=self.budget,
            notes=self.notes, idea_key=self.idea_key, status=self.status,
            reminder_minutes=self.reminder_minutes, rrule=self.rrule,
        )


@dataclass(frozen=True)
class OccurrenceOverride:
    """A change to one occurrence of a recurring plan (None means "as the plan says")."""

    original_start: datetime
    status: str | None = None
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    notes: str | None = None
    memory_uuid: str | None = None
    title: str | None = None
    place: str | None = None


@dataclass(frozen=True)
class Occurrence:
    """One concrete time a plan happens, with any per-occurrence change applied."""

    plan_id: int
    plan_uuid: str
    title: str
    kind: str
    starts_at: datetime  # aware UTC
    ends_at: datetime  # aware UTC
    original_start: datetime  # aware UTC; identifies the occurrence within its plan
    timezone: str
    all_day: bool
    place: str
    notes: str
    idea_key: str | None
    status: str
    reminder_minutes: int | None
    recurring: bool
    memory_uuid: str | None
    moved: bool = False

    def local_day(self, tz) -> date:  # noqa: ANN001 - a tzinfo
        """The calendar day this occurrence falls on, in `tz`."""
        return self.starts_at.astimezone(tz).date()

    @property
    def reminder_at(self) -> datetime | None:
        if self.reminder_minutes is None:
            return None
        return self.starts_at - timedelta(minutes=self.reminder_minutes)
