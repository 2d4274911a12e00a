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

import sys
from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil.relativedelta import relativedelta
from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrule, rrulestr

from lovebridge.core import timezone
from lovebridge.core.formatting import weekday_name

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


# Bounds that keep every expansion cheap, whatever a rule (or an imported calendar) asks for.
MAX_PER_WINDOW = 2000  # occurrences returned for one window; more are dropped
MAX_COUNT = 5000  # a COUNT is walked from the rule's start, so it is kept this small
# Steps dateutil may take inside one expansion (a rule that never matches again otherwise walks
# day by day to the year 9999: ~8 s). Normal expansions take a few thousand.
WORK_BUDGET = 300_000


class RecurrenceError(ValueError):
    """A rule LoveBridge cannot understand."""


class RefusedRuleError(RecurrenceError):
    """A rule LoveBridge understands but does not keep; the message says why, in plain words."""


class CostlyRuleError(RecurrenceError):
    """A rule whose occurrences cannot be worked out within LoveBridge's budget."""


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
    parsed = parse_rule(text, datetime(2026, 1, 1, tzinfo=zone("UTC")))
    if parsed._freq > DAILY:  # HOURLY, MINUTELY, SECONDLY
        raise RefusedRuleError("A plan can repeat at most once a day.")
    if parsed._count is not None and parsed._count > MAX_COUNT:
        raise RefusedRuleError(f"A plan can repeat at most {MAX_COUNT:,} times by count.")
    return text


@lru_cache(maxsize=512)
def parse_rule(rule: str, dtstart_local: datetime) -> rrule:
    """A dateutil rrule from RRULE text, starting at an aware local `dtstart`.

    Parsed rules are cached; their occurrences are not (a dense rule would fill memory):
    every expansion starts near its window instead (`moved_near`).
    """
    try:
        parsed = rrulestr(rule, dtstart=dtstart_local, forceset=False, ignoretz=False)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError) as exc:
        raise RecurrenceError(str(exc)) from exc
    if not isinstance(parsed, rrule):
        raise RecurrenceError("only a single RRULE is supported")
    until = getattr(parsed, "_until", None)
    if until is not None and until.tzinfo is None:
        # An UNTIL given as a floating time is read in the plan's own zone.
        parsed = parsed.replace(until=until.replace(tzinfo=dtstart_local.tzinfo))
    return parsed


def moved_near(parsed: rrule, moment: datetime) -> rrule:
    """The same series with its start moved forward by whole periods to just before `moment`.

    Expanding from a start in 1970 to reach next week walks every occurrence in between; a
    start moved by whole periods (of INTERVAL × FREQ) gives exactly the same occurrences from
    there on, so the walk is one or two periods long whatever the rule's age. The month, day,
    weekday and time a rule takes from its start are kept (the move is refused otherwise).
    A rule with COUNT is left alone: its count runs from the real start (and is capped).
    """
    start = parsed._dtstart
    if parsed._count is not None or start is None or moment <= start:
        return parsed
    naive_start = start.replace(tzinfo=None)
    naive_moment = moment.astimezone(start.tzinfo).replace(tzinfo=None)
    interval = parsed._interval
    if parsed._freq in (DAILY, WEEKLY):
        step = interval * (7 if parsed._freq == WEEKLY else 1)
        periods = (naive_moment - naive_start).days // step - 1
        moved = naive_start + timedelta(days=step * periods)
        return parsed.replace(dtstart=moved.replace(tzinfo=start.tzinfo)) if periods > 0 \
            else parsed
    elif parsed._freq in (MONTHLY, YEARLY):
        months = (naive_moment.year - naive_start.year) * 12 + naive_moment.month - \
            naive_start.month
        unit = interval * (12 if parsed._freq == YEARLY else 1)
        periods = months // unit - 1
        # A start on the 29th-31st only lands on the same day in some periods: step back.
        shifts = [relativedelta(months=unit * (periods - back)) for back in range(48)]
    else:  # sub-daily rules are refused before they get here
        return parsed
    for shift in shifts:
        moved = naive_start + shift
        if moved <= naive_start:
            return parsed
        if moved.day == naive_start.day:
            return parsed.replace(dtstart=moved.replace(tzinfo=start.tzinfo))
    return parsed


def checked(parsed: rrule) -> rrule:
    """`parsed` if LoveBridge expands it; a sub-daily rule (stored before they were refused)
    or an oversized COUNT is set aside rather than walked."""
    if parsed._freq > DAILY:
        raise CostlyRuleError("this plan repeats more often than once a day")
    if parsed._count is not None and parsed._count > MAX_COUNT:
        raise CostlyRuleError(f"this plan counts more than {MAX_COUNT} occurrences")
    return parsed


class _Budget:
    """Counts dateutil's steps while it expands one rule; stops it past WORK_BUDGET."""

    CODE = rrule._iter.__code__

    def __init__(self, limit: int) -> None:
        self.left = limit
        self.previous = None

    def __enter__(self) -> _Budget:
        self.previous = sys.gettrace()
        sys.settrace(self._call)
        return self

    def __exit__(self, *_exc: object) -> None:
        sys.settrace(self.previous)

    def _call(self, frame, event, _arg):  # noqa: ANN001, ANN202 - the sys.settrace protocol
        return self._line if frame.f_code is self.CODE else None

    def _line(self, _frame, event, _arg):  # noqa: ANN001, ANN202
        if event == "line":
            self.left -= 1
            if self.left < 0:
                raise CostlyRuleError("this repeat rule takes too long to work out")
        return self._line


def expand(
    rule: str, starts_at: datetime, tz_name: str, window_start: datetime, window_end: datetime,
    limit: int = MAX_PER_WINDOW,
) -> list[datetime]:
    """Starts (aware UTC) of a rule's occurrences in [window_start, window_end).

    At most `limit` occurrences; raises CostlyRuleError when the rule cannot be worked
    out within the work budget (a rule that never matches, a dense rule from an old calendar).
    """
    tz = zone(tz_name)
    dtstart = starts_at.astimezone(tz)
    low = window_start.astimezone(tz)
    high = window_end.astimezone(tz)
    parsed = moved_near(checked(parse_rule(rule, dtstart)), low)
    found: list[datetime] = []
    with _Budget(WORK_BUDGET):
        for occurrence in parsed:
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
    parsed = moved_near(checked(parse_rule(rule, starts_at.astimezone(tz))), after.astimezone(tz))
    with _Budget(WORK_BUDGET):
        moment = parsed.after(after.astimezone(tz), inc=False)
    return None if moment is None else normalise_local(moment, tz).astimezone(after.tzinfo)


def describe(rule: str | None, start_local: datetime) -> str:
    """A short plain-language description of a rule ("Every Friday", "Every year")."""
    choice = choice_for(rule, start_local)
    weekday = weekday_name(start_local)
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
