"""When to suggest a plan: outdoor ideas in daylight for the time of year, never on top of
another plan that day."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta, tzinfo

from lovebridge.core.dates.ideas import season_of

EVENING = time(19, 0)
EARLIEST = 9  # no suggestion before nine in the morning
LATEST = 21  # nor after nine at night
# Roughly when it gets dark at mid-northern latitudes, by season (a walk should end before).
DUSK = {"winter": 16, "autumn": 18, "spring": 19, "summer": 21}
DAYTIME = {"winter": time(12, 0), "autumn": time(14, 0), "spring": time(15, 0),
           "summer": time(18, 0)}


def suggested_start(day: date, outdoor: bool, minutes: int, taken: Iterable[tuple[datetime,
                    datetime]], tz: tzinfo, southern: bool = False) -> datetime:
    """A start time on `day` for a plan of `minutes`: evening for indoor plans, daylight for
    outdoor ones, and free of every (start, end) in `taken`; the nearest free hour otherwise."""
    season = season_of(day.month, southern)
    preferred = DAYTIME[season] if outdoor else EVENING
    latest_end = DUSK[season] if outdoor else LATEST + 2
    length = timedelta(minutes=minutes)
    busy = list(taken)
    hours = sorted(range(EARLIEST, LATEST + 1), key=lambda h: (abs(h - preferred.hour), h))
    for hour in hours:
        start = datetime.combine(day, time(hour, preferred.minute if hour == preferred.hour
                                           else 0), tz)
        end = start + length
        if outdoor and end > datetime.combine(day, time(0), tz) + timedelta(hours=latest_end):
            continue
        if all(not (start < other_end and end > other_start) for other_start, other_end in busy):
            return start
    return datetime.combine(day, preferred, tz)
