"""The rhythm of notes: how many each week, the last one given, and whose turn it might be."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

TURN_RUN = 3  # this many notes in a row from one side makes a gentle suggestion


@dataclass(frozen=True)
class WeekCount:
    start: date  # the Monday of the week
    count: int


@dataclass(frozen=True)
class TurnHint:
    """"it might be {partner}'s turn" (kind "their_turn") or "maybe reply?" (kind "reply")."""

    kind: str
    partner: str  # the letter of the partner the hint is about


def weekly_counts(moments: Sequence[datetime], today: date, weeks: int = 16) -> list[WeekCount]:
    """Notes per week for the last `weeks` weeks, oldest first, the current week last."""
    this_monday = today - timedelta(days=today.weekday())
    starts = [this_monday - timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]
    counts = dict.fromkeys(starts, 0)
    for moment in moments:
        day = moment.astimezone().date()
        monday = day - timedelta(days=day.weekday())
        if monday in counts:
            counts[monday] += 1
    return [WeekCount(start, counts[start]) for start in starts]


def turn_hint(authors_newest_first: Sequence[str], writer: str) -> TurnHint | None:
    """A gentle nudge when one side has written the last few notes; None when balanced."""
    run = authors_newest_first[:TURN_RUN]
    if len(run) < TURN_RUN or len(set(run)) != 1:
        return None
    other = "b" if writer == "a" else "a"
    if run[0] == writer:
        return TurnHint("their_turn", other)
    return TurnHint("reply", other)
