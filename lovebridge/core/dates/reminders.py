"""Which reminders are due, which were missed while LoveBridge was closed, and which were shown."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from lovebridge.core.dates.model import Occurrence
from lovebridge.core.dates.plans import PlanService
from lovebridge.store.db import Store
from lovebridge.store.models import ReminderShown

LOOK_BACK = timedelta(days=7)  # a reminder for something older than this is not worth showing
LOOK_AHEAD = timedelta(days=61)  # reminders go up to 60 days before
AWAY_GRACE = timedelta(minutes=5)  # due longer ago than this at start-up: "while you were away"
REMINDER_UNITS = (("minutes", 1), ("hours", 60), ("days", 60 * 24))


@dataclass(frozen=True)
class DueReminder:
    """A reminder whose time has come."""

    occurrence: Occurrence
    remind_at: datetime

    @property
    def key(self) -> tuple[int, datetime]:
        return (self.occurrence.plan_id, self.occurrence.original_start)


def split_minutes(minutes: int) -> tuple[int, str]:
    """60 -> (1, "hours"); 2880 -> (2, "days"); 45 -> (45, "minutes")."""
    for unit, size in reversed(REMINDER_UNITS):
        if minutes and minutes % size == 0:
            return minutes // size, unit
    return minutes, "minutes"


def to_minutes(amount: int, unit: str) -> int:
    return amount * dict(REMINDER_UNITS)[unit]


def lead_phrase(minutes: int) -> str:
    """ "30 minutes", "1 hour", "2 days" """
    amount, unit = split_minutes(minutes)
    if amount == 1:
        unit = unit[:-1]
    return f"{amount} {unit}"


class ReminderService:
    """Computes due reminders against a given now; remembers what was shown."""

    def __init__(self, store: Store, plans: PlanService) -> None:
        self._store = store
        self._plans = plans

    def due(self, now: datetime) -> list[DueReminder]:
        """Reminders whose time has come and that were not shown yet, oldest first."""
        shown = self._shown_keys(now - LOOK_BACK - LOOK_AHEAD)
        found = []
        for occurrence in self._plans.occurrences_between(now - LOOK_BACK, now + LOOK_AHEAD):
            remind_at = occurrence.reminder_at
            if remind_at is None or remind_at > now or occurrence.status != "planned":
                continue
            if (occurrence.plan_id, occurrence.original_start) in shown:
                continue
            found.append(DueReminder(occurrence, remind_at))
        return sorted(found, key=lambda d: d.remind_at)

    def split_at_start(
        self, now: datetime
    ) -> tuple[list[DueReminder], list[DueReminder]]:
        """At start-up: (missed while the app was closed, due just now)."""
        due = self.due(now)
        missed = [d for d in due if d.remind_at < now - AWAY_GRACE]
        fresh = [d for d in due if d.remind_at >= now - AWAY_GRACE]
        return missed, fresh

    def mark_shown(self, reminders: list[DueReminder], now: datetime) -> None:
        with self._store.session_scope() as session:
            existing = self._shown_keys_in(session, now - LOOK_BACK - LOOK_AHEAD)
            for reminder in reminders:
                if reminder.key in existing:
                    continue
                session.add(ReminderShown(plan_id=reminder.occurrence.plan_id,
                                          occurrence_start=reminder.occurrence.original_start,
                                          shown_at=now))
                existing.add(reminder.key)

    def _shown_keys(self, since: datetime) -> set[tuple[int, datetime]]:
        with self._store.session_scope() as session:
            return self._shown_keys_in(session, since)

    @staticmethod
    def _shown_keys_in(session, since: datetime) -> set[tuple[int, datetime]]:  # noqa: ANN001
        rows = session.execute(
            select(ReminderShown.plan_id, ReminderShown.occurrence_start).where(
                ReminderShown.occurrence_start >= since
            )
        )
        return {(plan_id, start) for plan_id, start in rows}
