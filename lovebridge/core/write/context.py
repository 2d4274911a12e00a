"""What the app knows around a note: names, a memory, the next date, anniversaries, the rhythm."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import select

from lovebridge.core.dates import recurrence
from lovebridge.core.formatting import day_text, month_text, weekday_name
from lovebridge.core.profile import CoupleProfile, ProfileService
from lovebridge.core.write.messages import MessageService
from lovebridge.core.write.placeholders import FillValues
from lovebridge.store.db import Store
from lovebridge.store.models import Memory, Plan, SpecialDate

UPCOMING_DAYS = 14
FRESHNESS_DAYS = 42


@dataclass(frozen=True)
class MemoryRef:
    """A scrapbook memory as the Write room needs it."""

    uuid: str
    title: str
    place: str
    year: int
    month: int | None
    day: int | None
    story_text: str = ""

    def when(self) -> str:
        if self.month and self.day:
            return day_text(date(self.year, self.month, self.day))
        if self.month:
            return month_text(self.year, self.month)
        return str(self.year)


@dataclass(frozen=True)
class UpcomingPlan:
    title: str
    starts_at: datetime
    place: str
    kind: str


@dataclass(frozen=True)
class WritingContext:
    """Everything the suggestions and placeholders draw on, for one moment."""

    profile: CoupleProfile | None
    writer: str
    fill: FillValues
    next_plan: UpcomingPlan | None = None
    anniversary_in_days: int | None = None
    on_this_day: tuple[MemoryRef, ...] = ()
    days_since_last_note: int | None = None
    recent_template_use: dict[str, datetime] = field(default_factory=dict)
    today: date | None = None
    birthday_in_days: int | None = None


def _ref(row: Memory) -> MemoryRef:
    return MemoryRef(row.uuid, row.title, row.place, row.date_year, row.date_month, row.date_day,
                     row.story_text)


class MemoryLookup:
    """Scrapbook memories for filling {memory} and {place}: recent, on this day, or chosen."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self, uuid: str | None) -> MemoryRef | None:
        if not uuid:
            return None
        with self._store.session_scope() as session:
            row = session.scalars(select(Memory).where(Memory.uuid == uuid)).first()
            return None if row is None or row.trashed_at else _ref(row)

    def recent(self, limit: int = 50) -> list[MemoryRef]:
        query = (select(Memory).where(Memory.trashed_at.is_(None))
                 .order_by(Memory.date_year.desc(), Memory.date_month.desc().nulls_last(),
                           Memory.date_day.desc().nulls_last()).limit(limit))
        with self._store.session_scope() as session:
            return [_ref(row) for row in session.scalars(query)]

    def on_this_day(self, today: date) -> list[MemoryRef]:
        """Memories from this calendar day in past years, most recent year first."""
        query = (select(Memory).where(
            Memory.trashed_at.is_(None), Memory.date_month == today.month,
            Memory.date_day == today.day, Memory.date_year < today.year,
        ).order_by(Memory.date_year.desc()))
        with self._store.session_scope() as session:
            return [_ref(row) for row in session.scalars(query)]


class WritingContextService:
    """Builds the WritingContext from the profile, scrapbook, calendar and message history."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.memories = MemoryLookup(store)
        self._messages = MessageService(store)

    def load(self, now: datetime, local_today: date, writer: str,
             memory_uuid: str | None = None) -> WritingContext:
        profile = ProfileService(self._store).load()
        on_this_day = tuple(self.memories.on_this_day(local_today))
        memory = self.memories.get(memory_uuid) or (on_this_day[0] if on_this_day else None)
        next_plan = self._next_plan(now)
        fill = fill_values(profile, writer, local_today, memory, next_plan)
        newest = self._messages.last_delivered_at()
        days_since = None if newest is None else (now - newest).days
        return WritingContext(
            profile, writer, fill, next_plan, self._anniversary_in(profile, local_today),
            on_this_day, days_since,
            self._messages.recent_template_use(now - timedelta(days=FRESHNESS_DAYS)),
            local_today, self._special_date_in("birthday", local_today),
        )

    def _next_plan(self, now: datetime) -> UpcomingPlan | None:
        horizon = now + timedelta(days=UPCOMING_DAYS)
        best: UpcomingPlan | None = None
        query = select(Plan).where(Plan.trashed_at.is_(None), Plan.status == "planned",
                                   Plan.starts_at <= horizon)
        with self._store.session_scope() as session:
            for plan in session.scalars(query):
                start = plan.starts_at
                if plan.rrule:
                    try:
                        start = recurrence.first_after(plan.rrule, plan.starts_at,
                                                       plan.timezone, now - timedelta(seconds=1))
                    except recurrence.RecurrenceError:  # set aside by the Dates room
                        start = None
                if start is None or not now <= start <= horizon:
                    continue
                if best is None or start < best.starts_at:
                    best = UpcomingPlan(plan.title, start, plan.place, plan.kind)
        return best

    def _anniversary_in(self, profile: CoupleProfile | None, today: date) -> int | None:
        days: list[int] = []
        if profile and profile.together_since:
            days.append(_days_until_yearly(profile.together_since, today))
        with self._store.session_scope() as session:
            query = select(SpecialDate.day).where(SpecialDate.kind == "anniversary")
            days += [_days_until_yearly(day, today) for day in session.scalars(query)]
        return min(days) if days else None

    def _special_date_in(self, kind: str, today: date) -> int | None:
        """Days until the next yearly special date of `kind` (a birthday), if there is one."""
        with self._store.session_scope() as session:
            query = select(SpecialDate.day).where(SpecialDate.kind == kind)
            days = [_days_until_yearly(day, today) for day in session.scalars(query)]
        return min(days) if days else None


def _days_until_yearly(day: date, today: date) -> int:
    for year in (today.year, today.year + 1):
        try:
            candidate = day.replace(year=year)
        except ValueError:  # 29 February in a common year: keep it on 28 February
            candidate = date(year, 2, 28)
        if candidate >= today:
            return (candidate - today).days
    return 366


def fill_values(profile: CoupleProfile | None, writer: str, today: date,
                memory: MemoryRef | None = None, next_plan: UpcomingPlan | None = None,
                spelling: str = "uk") -> FillValues:
    """Placeholder values from what is known; unknown ones stay empty (shown as blanks).

    A memory's place fills {place} and {memory_place}; the next plan's place fills only
    {plan_place}, so a note about the past never names the coming plan.
    """
    if profile is None:
        return FillValues(spelling=spelling)
    years = profile.years_together(today)
    days = profile.days_together(today)
    place = memory.place if memory else ""
    next_date = ""
    if next_plan is not None:
        next_date = f"{next_plan.title} on {weekday_name(next_plan.starts_at.astimezone())}"
    return FillValues(
        partner=profile.name_of(profile.other(writer)),
        me=profile.name_of(writer),
        years_together=str(years) if years else "",
        days_together=f"{days:,}" if days and days > 0 else "",
        memory=memory.title if memory else "",
        place=place,
        inside_joke=profile.inside_jokes[0] if profile.inside_jokes else "",
        next_date=next_date,
        memory_title=memory.title if memory else "",
        memory_place=place,
        plan_title=next_plan.title if next_plan else "",
        plan_place=next_plan.place if next_plan else "",
        spelling=spelling,
    )
