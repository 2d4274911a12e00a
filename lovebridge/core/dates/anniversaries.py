"""Anniversaries and milestones from the profile's day together and the couple's special dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from lovebridge.core.formatting import weekday_name
from lovebridge.store.db import Store
from lovebridge.store.models import SpecialDate

# Day counts worth a small celebration: the first hundreds, then each thousand.
MILESTONE_DAYS = (100, 200, 300, 500, 750, 1000, 1500)
NOTE_NUDGE_DAYS = 5  # how many days ahead the Dates home suggests writing a note
SPECIAL_KINDS = ("anniversary", "birthday", "other")


@dataclass(frozen=True)
class SpecialDay:
    """A date the couple keeps (first date, wedding, a birthday)."""

    id: int
    uuid: str
    label: str
    day: date
    kind: str
    yearly: bool


@dataclass(frozen=True)
class Milestone:
    """A day worth marking: an anniversary of a date, or a round number of days together."""

    day: date
    title: str  # "6 years together", "2,500 days together", "Jonah's birthday"
    kind: str  # anniversary | milestone | birthday | other
    years: int | None = None
    days: int | None = None


def anniversary_on(original: date, year: int) -> date:
    """The anniversary of `original` in `year`; 29 February falls on 28 February otherwise."""
    try:
        return original.replace(year=year)
    except ValueError:
        return date(year, 2, 28)


def is_milestone_count(days: int) -> bool:
    """100, 200, 300, 500, 750, 1,000, 1,500, then every 1,000 days (2,000, 3,000 … 5,000…)."""
    return days in MILESTONE_DAYS or (days >= 2000 and days % 1000 == 0)


def years_label(years: int) -> str:
    return "1 year" if years == 1 else f"{years} years"


def milestones_between(
    together_since: date | None, specials: list[SpecialDay], start: date, end: date
) -> list[Milestone]:
    """Every anniversary and milestone on a day in [start, end], in day order."""
    found: list[Milestone] = []
    if together_since is not None:
        for year in range(start.year, end.year + 1):
            day = anniversary_on(together_since, year)
            years = year - together_since.year
            if years >= 1 and start <= day <= end:
                found.append(Milestone(day, f"{years_label(years)} together", "anniversary",
                                       years=years))
        first = max((start - together_since).days, 1)
        last = (end - together_since).days
        for count in range(first, last + 1):
            if is_milestone_count(count):
                found.append(Milestone(together_since + timedelta(days=count),
                                       f"{count:,} days together", "milestone", days=count))
    for special in specials:
        if not special.yearly:
            if start <= special.day <= end:
                found.append(Milestone(special.day, special.label, special.kind))
            continue
        for year in range(start.year, end.year + 1):
            day = anniversary_on(special.day, year)
            years = year - special.day.year
            if years < 0 or not start <= day <= end:
                continue
            title = special.label
            if special.kind == "anniversary" and years >= 1:
                title = f"{special.label} ({years_label(years)})"
            found.append(Milestone(day, title, special.kind, years=years))
    return sorted(found, key=lambda m: (m.day, m.kind != "anniversary", m.title))


def next_milestone(
    together_since: date | None, specials: list[SpecialDay], today: date, horizon: int = 800
) -> Milestone | None:
    """The next anniversary or milestone from today on (today included)."""
    coming = milestones_between(together_since, specials, today, today + timedelta(days=horizon))
    return coming[0] if coming else None


def when_phrase(day: date, today: date) -> str:
    """ "today", "tomorrow", "on Friday", "in 12 days" — how far away a day is."""
    days = (day - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if 1 < days < 7:
        return f"on {weekday_name(day)}"
    return f"in {days} days"


def note_occasion(milestone: Milestone, today: date) -> str | None:
    """The occasion line for a note nudge, when the milestone is near enough to write for."""
    days = (milestone.day - today).days
    if not 0 <= days <= NOTE_NUDGE_DAYS:
        return None
    return f"{milestone.title} {when_phrase(milestone.day, today)}"


class SpecialDateService:
    """The couple's own special dates: list, add, change, remove."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def all(self) -> list[SpecialDay]:
        with self._store.session_scope() as session:
            rows = session.scalars(select(SpecialDate).order_by(SpecialDate.day))
            return [SpecialDay(r.id, r.uuid, r.label, r.day, r.kind, r.yearly) for r in rows]

    def save(
        self, label: str, day: date, kind: str = "anniversary", yearly: bool = True,
        uuid: str | None = None,
    ) -> SpecialDay:
        label = label.strip()
        if not label:
            raise ValueError("Give the date a name.")
        if kind not in SPECIAL_KINDS:
            raise ValueError(f"Unknown kind of date: {kind}.")
        with self._store.session_scope() as session:
            row = None
            if uuid:
                row = session.scalars(select(SpecialDate).where(SpecialDate.uuid == uuid)).first()
            if row is None:
                row = SpecialDate(label=label, day=day)
                session.add(row)
            row.label, row.day, row.kind, row.yearly = label[:120], day, kind, yearly
            session.flush()
            return SpecialDay(row.id, row.uuid, row.label, row.day, row.kind, row.yearly)

    def remove(self, uuid: str) -> None:
        with self._store.session_scope() as session:
            row = session.scalars(select(SpecialDate).where(SpecialDate.uuid == uuid)).first()
            if row is not None:
                session.delete(row)
