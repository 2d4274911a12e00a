"""Everything the Dates room needs from the store, bundled once per open LoveBridge."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from lovebridge.core.dates.anniversaries import SpecialDateService
from lovebridge.core.dates.checkins import CheckInService
from lovebridge.core.dates.ideas import Idea, IdeaService
from lovebridge.core.dates.plans import PlanService
from lovebridge.core.dates.reminders import ReminderService
from lovebridge.core.profile import ProfileService
from lovebridge.store.db import Store
from lovebridge.store.models import Memory


@dataclass(frozen=True)
class MemoryMark:
    """A scrapbook memory to mark on its day in the calendar."""

    uuid: str
    title: str
    day: date


@dataclass
class DatesServices:
    """The Dates room's services, sharing one store and one clock."""

    store: Store
    clock: Callable[[], datetime]
    plans: PlanService
    ideas: IdeaService
    checkins: CheckInService
    reminders: ReminderService
    specials: SpecialDateService
    profiles: ProfileService

    @classmethod
    def create(
        cls, store: Store, clock: Callable[[], datetime], library: tuple[Idea, ...] | None = None,
        language: str | None = None,
    ) -> DatesServices:
        """The services; bundled ideas read in `language` where a translated set has them."""
        plans = PlanService(store, clock)
        return cls(
            store=store, clock=clock, plans=plans, ideas=IdeaService(store, library, language),
            checkins=CheckInService(store), reminders=ReminderService(store, plans),
            specials=SpecialDateService(store), profiles=ProfileService(store),
        )

    def memories_between(self, start: date, end: date) -> list[MemoryMark]:
        """Memories with an exact day in [start, end] (not in the trash)."""
        with self.store.session_scope() as session:
            rows = session.execute(
                select(Memory.uuid, Memory.title, Memory.date_year, Memory.date_month,
                       Memory.date_day).where(
                    Memory.trashed_at.is_(None), Memory.date_day.is_not(None),
                    Memory.date_year.between(start.year, end.year),
                )
            )
            found = []
            for uuid, title, year, month, day in rows:
                try:
                    when = date(year, month, day)
                except (TypeError, ValueError):
                    continue
                if start <= when <= end:
                    found.append(MemoryMark(uuid, title, when))
        return found
