"""Recurrence in local wall time: DST in Berlin and New York, 29 February, month ends."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from lovebridge.core.dates import recurrence
from lovebridge.core.dates.recurrence import RecurrenceError, expand, rule_for, zone


def local_starts(rule: str, start: datetime, tz: str, until: datetime) -> list[datetime]:
    found = expand(rule, start, tz, start.astimezone(UTC), until.astimezone(UTC))
    return [moment.astimezone(zone(tz)) for moment in found]


@pytest.mark.parametrize(
    ("tz", "first_friday", "after_change"),
    [
        ("Europe/Berlin", datetime(2026, 3, 20, 19, 0), datetime(2026, 4, 3, 19, 0)),  # 29 Mar
        ("America/New_York", datetime(2026, 3, 6, 19, 0), datetime(2026, 3, 13, 19, 0)),  # 8 Mar
        ("Europe/Berlin", datetime(2026, 10, 23, 19, 0), datetime(2026, 10, 30, 19, 0)),  # 25 Oct
        ("America/New_York", datetime(2026, 10, 30, 19, 0), datetime(2026, 11, 6, 19, 0)),
    ],
)
def test_weekly_date_night_stays_at_seven_across_dst(
    tz: str, first_friday: datetime, after_change: datetime
) -> None:
    start = first_friday.replace(tzinfo=zone(tz))
    rule = rule_for(recurrence.REPEAT_WEEKLY, start)
    assert rule == "FREQ=WEEKLY;BYDAY=FR"
    starts = local_starts(rule, start, tz, after_change.replace(tzinfo=zone(tz), hour=23))
    assert all((s.hour, s.minute, s.weekday()) == (19, 0, 4) for s in starts)
    # The UTC offset changes, so the UTC hour differs across the change while local stays 19:00.
    utc_hours = {s.astimezone(UTC).hour for s in starts}
    assert len(utc_hours) == 2
    assert starts[-1].replace(tzinfo=None) == after_change


def test_daily_ritual_keeps_its_local_time_through_the_spring_gap() -> None:
    start = datetime(2026, 3, 27, 20, 30, tzinfo=zone("Europe/Berlin"))
    starts = local_starts("FREQ=DAILY", start, "Europe/Berlin",
                          datetime(2026, 4, 1, 0, 0, tzinfo=zone("Europe/Berlin")))
    assert [s.day for s in starts] == [27, 28, 29, 30, 31]
    assert {(s.hour, s.minute) for s in starts} == {(20, 30)}


def test_first_sunday_of_the_month_check_in() -> None:
    start = datetime(2026, 11, 1, 10, 0, tzinfo=zone("Europe/Berlin"))
    rule = rule_for(recurrence.REPEAT_MONTHLY_WEEKDAY, start)
    assert rule == "FREQ=MONTHLY;BYDAY=1SU"
    starts = local_starts(rule, start, "Europe/Berlin",
                          datetime(2027, 4, 30, tzinfo=zone("Europe/Berlin")))
    assert [s.date().isoformat() for s in starts] == [
        "2026-11-01", "2026-12-06", "2027-01-03", "2027-02-07", "2027-03-07", "2027-04-04"]
    assert {s.hour for s in starts} == {10}  # including after the March change


def test_yearly_29_february_falls_on_28_february_in_other_years() -> None:
    start = datetime(2024, 2, 29, 18, 0, tzinfo=zone("UTC"))
    rule = rule_for(recurrence.REPEAT_YEARLY, start)
    starts = local_starts(rule, start, "UTC", datetime(2029, 1, 1, tzinfo=UTC))
    assert [s.date().isoformat() for s in starts] == [
        "2024-02-29", "2025-02-28", "2026-02-28", "2027-02-28", "2028-02-29"]


def test_monthly_on_the_31st_uses_the_last_day_of_shorter_months() -> None:
    start = datetime(2026, 1, 31, 19, 0, tzinfo=zone("UTC"))
    rule = rule_for(recurrence.REPEAT_MONTHLY_DAY, start)
    starts = local_starts(rule, start, "UTC", datetime(2026, 7, 1, tzinfo=UTC))
    assert [s.day for s in starts] == [31, 28, 31, 30, 31, 30]


def test_monthly_on_the_30th_in_a_leap_february() -> None:
    start = datetime(2028, 1, 30, 19, 0, tzinfo=zone("UTC"))
    starts = local_starts(rule_for(recurrence.REPEAT_MONTHLY_DAY, start), start, "UTC",
                          datetime(2028, 4, 1, tzinfo=UTC))
    assert [(s.month, s.day) for s in starts] == [(1, 30), (2, 29), (3, 30)]


def test_last_weekday_of_the_month_when_the_start_is_the_fifth() -> None:
    start = datetime(2026, 1, 30, 19, 0, tzinfo=zone("UTC"))  # the fifth Friday
    assert rule_for(recurrence.REPEAT_MONTHLY_WEEKDAY, start) == "FREQ=MONTHLY;BYDAY=-1FR"


def test_choice_for_recognises_its_own_rules_and_custom_ones() -> None:
    start = datetime(2026, 11, 27, 19, 0, tzinfo=zone("UTC"))
    for choice in (recurrence.REPEAT_WEEKLY, recurrence.REPEAT_DAILY, recurrence.REPEAT_YEARLY,
                   recurrence.REPEAT_FORTNIGHTLY, recurrence.REPEAT_MONTHLY_WEEKDAY):
        assert recurrence.choice_for(rule_for(choice, start), start) == choice
    assert recurrence.choice_for("FREQ=WEEKLY;BYDAY=MO,WE", start) == recurrence.REPEAT_CUSTOM
    assert recurrence.describe("FREQ=WEEKLY;BYDAY=FR", start) == "Every Friday"


@pytest.mark.parametrize("bad", ["FREQ=SOMETIMES", "BYDAY=XX", "DTSTART:2026\nRRULE:FREQ=DAILY"])
def test_unreadable_rules_are_refused_clearly(bad: str) -> None:
    with pytest.raises(RecurrenceError):
        recurrence.clean_rule(bad)


def test_until_in_the_rule_ends_the_series() -> None:
    start = datetime(2026, 11, 27, 19, 0, tzinfo=zone("Europe/Berlin"))
    starts = local_starts("FREQ=WEEKLY;UNTIL=20261212T000000Z", start, "Europe/Berlin",
                          datetime(2027, 6, 1, tzinfo=UTC))
    assert [s.day for s in starts] == [27, 4, 11]
