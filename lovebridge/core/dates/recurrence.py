"""RFC 5545 recurrence through python-dateutil, expanded in the plan's own wall-clock time.

Rules are expanded from a `dtstart` that carries the plan's IANA zone (zoneinfo), so a weekly
19:00 date night stays at 19:00 local time on both sides of a daylight-saving change.

Two calendar corners, decided here once:
- A yearly date on 29 February is kept on the last day of February: the 29th in leap years and
  the 28th otherwise (`BYMONTH=2;BYMONTHDAY=-1`).
- A monthly date on the 29th, 30th or 31st falls on the month's last day in shorter months
  (`BYMONTHDAY=31,-1;BYSETPOS=1`: the first of "the 31st" and "the last day" that exists).
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil.rrule import rrule, rrulestr

from lovebridge.core import timezone

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")

# Plain-language repeat choices offered by the editor.
REPEAT_NONE = "none"
REPEAT_DAILY = "daily"
REPEAT_WEEKLY = "weekly"
REPEAT_FORTNIGHTLY = "fortnightly"
REPEAT_MONTHLY_DAY = "monthly_day"
REPEAT_MONTHLY_WEEKDAY = "monthly_weekday"
REPEAT_YEARLY = "yearly"
REPEAT_CUSTOM = "custom"


class RecurrenceError(ValueError):
    """A rule LoveBridge cannot understand."""


def zone(name: str | None) -> ZoneInfo:
    """The IANA zone by name, UTC when unknown."""
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def local_zone_name() -> str:
    """This laptop's IANA zone name (see lovebridge.core.timezone), UTC when it names none."""
    return timezone.local_zone_name()


def nth_weekday_of_month(day: date) -> int:
    """Which occurrence of its weekday `day` is in its month (1..5)."""
    return (day.day - 1) // 7 + 1


def rule_for(choice: str, start_local: datetime) -> str | None:
    """The RRULE text for a repeat choice, anchored on the plan's local start."""
    weekday = WEEKDAY_CODES[start_local.weekday()]
    if choice == REPEAT_NONE:
        return None
    if choice == REPEAT_DAILY:
        return "FREQ=DAILY"
    if choice == REPEAT_WEEKLY:
        return f"FREQ=WEEKLY;BYDAY={weekday}"
    if choice == REPEAT_FORTNIGHTLY:
        return f"FREQ=WEEKLY;INTERVAL=2;BYDAY={weekday}"
    if choice == REPEAT_MONTHLY_DAY:
        if start_local.day > 28:
            return f"FREQ=MONTHLY;BYMONTHDAY={start_local.day},-1;BYSETPOS=1"
        return f"FREQ=MONTHLY;BYMONTHDAY={start_local.day}"
    if choice == REPEAT_MONTHLY_WEEKDAY:
        nth = nth_weekday_of_month(start_local.date())
        return f"FREQ=MONTHLY;BYDAY={'-1' if nth == 5 else nth}{weekday}"
    if choice == REPEAT_YEARLY:
        if (start_local.month, start_local.day) == (2, 29):
            return "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"
        return f"FREQ=YEARLY;BYMONTH={start_local.month};BYMONTHDAY={start_local.day}"
    raise RecurrenceError(f"unknown repeat choice {choice!r}")


def choice_for(rule: str | None, start_local: datetime) -> str:
    """The plain-language choice that produces `rule`, or "custom"."""
    if not rule:
        return REPEAT_NONE
    for choice in (REPEAT_DAILY, REPEAT_WEEKLY, REPEAT_FORTNIGHTLY, REPEAT_MONTHLY_DAY,
                   REPEAT_MONTHLY_WEEKDAY, REPEAT_YEARLY):
        if normalise(rule_for(choice, start_local) or "") == normalise(rule):
            return choice
    return REPEAT_CUSTOM


def normalise(rule: str) -> str:
    """A rule without an `RRULE:` prefix, its parts sorted, for comparison."""
    text = rule.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    return ";".join(sorted(part.strip().upper() for part in text.split(";") if part.strip()))


def clean_rule(rule: str | None) -> str | None:
    """The rule as stored: no `RRULE:` prefix, no DTSTART line; validated."""
    if rule is None or not rule.strip():
        return None
    text = rule.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    if "\n" in text or "DTSTART" in text.upper():
        raise RecurrenceError("a rule is one RRULE line")
    parse_rule(text, datetime(2026, 1, 1, tzinfo=zone("UTC")))
    return text


@lru_cache(maxsize=512)
def parse_rule(rule: str, dtstart_local: datetime) -> rrule:
    """A dateutil rrule from RRULE text, starting at an aware local `dtstart`.

    Rules are cached with dateutil's own occurrence cache: a series that began years ago is
    walked once, not on every repaint of the month.
    """
    try:
        parsed = rrulestr(rule, dtstart=dtstart_local, forceset=False, ignoretz=False,
                          cache=True)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError) as exc:
        raise RecurrenceError(str(exc)) from exc
    if not isinstance(parsed, rrule):
        raise RecurrenceError("only a single RRULE is supported")
    until = getattr(parsed, "_until", None)
    if until is not None and until.tzinfo is None:
        # An UNTIL given as a floating time is read in the plan's own zone.
        parsed = parsed.replace(until=until.replace(tzinfo=dtstart_local.tzinfo))
    return parsed


def expand(
    rule: str, starts_at: datetime, tz_name: str, window_start: datetime, window_end: datetime,
    limit: int = 5000,
) -> list[datetime]:
    """Starts (aware UTC) of a rule's occurrences in [window_start, window_end)."""
    tz = zone(tz_name)
    dtstart = starts_at.astimezone(tz)
    parsed = parse_rule(rule, dtstart)
    low = window_start.astimezone(tz)
    high = window_end.astimezone(tz)
    found: list[datetime] = []
    for occurrence in parsed.xafter(low, inc=True) if hasattr(parsed, "xafter") else parsed:
        if occurrence >= high or len(found) >= limit:
            break
        if occurrence >= low:
            found.append(normalise_local(occurrence, tz).astimezone(window_start.tzinfo))
    return found


def normalise_local(moment: datetime, tz: ZoneInfo) -> datetime:
    """Re-attach the zone so the UTC offset is the one in force on that day (DST-correct)."""
    return moment.replace(tzinfo=None).replace(tzinfo=tz)


def first_after(rule: str, starts_at: datetime, tz_name: str, after: datetime) -> datetime | None:
    """The first occurrence strictly after `after` (aware UTC), or None."""
    tz = zone(tz_name)
    parsed = parse_rule(rule, starts_at.astimezone(tz))
    moment = parsed.after(after.astimezone(tz), inc=False)
    return None if moment is None else normalise_local(moment, tz).astimezone(after.tzinfo)


def describe(rule: str | None, start_local: datetime) -> str:
    """A short plain-language description of a rule ("Every Friday", "Every year")."""
    choice = choice_for(rule, start_local)
    weekday = start_local.strftime("%A")
    nth = nth_weekday_of_month(start_local.date())
    ordinal = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "last"}[nth]
    return {
        REPEAT_NONE: "Once",
        REPEAT_DAILY: "Every day",
        REPEAT_WEEKLY: f"Every {weekday}",
        REPEAT_FORTNIGHTLY: f"Every other {weekday}",
        REPEAT_MONTHLY_DAY: f"Every month on the {start_local.day}",
        REPEAT_MONTHLY_WEEKDAY: f"The {ordinal} {weekday} of every month",
        REPEAT_YEARLY: "Every year",
        REPEAT_CUSTOM: "Repeats on a custom rule",
    }[choice]
