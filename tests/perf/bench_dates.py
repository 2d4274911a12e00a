"""Dates benchmark: how long the month view's data, the reminder check and .ics work take.

    python tests/perf/bench_dates.py

Seeds ten years of a busy couple's plans (weekly date nights, a monthly check-in, a daily ritual,
overrides, 500 one-off plans) and times what the Dates room does on the GUI thread. The reference
row measures a plain Python loop of the same size in the same run, so figures from different
machines can be compared. Target: a month refresh well under 50 ms.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from lovebridge.core.dates import recurrence  # noqa: E402
from lovebridge.core.dates.anniversaries import milestones_between  # noqa: E402
from lovebridge.core.dates.ical import export_calendar, read_calendar  # noqa: E402
from lovebridge.core.dates.model import PlanDraft  # noqa: E402
from lovebridge.core.dates.services import DatesServices  # noqa: E402
from lovebridge.store import open_store  # noqa: E402

NOW = datetime(2026, 11, 23, 18, 30, tzinfo=UTC)
BERLIN = recurrence.zone("Europe/Berlin")


def seed(services: DatesServices) -> None:
    start = datetime(2016, 11, 4, 19, 0, tzinfo=BERLIN)
    for title, rule, kind in (
        ("Date night", "FREQ=WEEKLY;BYDAY=FR", "date_night"),
        ("Check-in", "FREQ=MONTHLY;BYDAY=1SU", "check_in"),
        ("Evening walk", "FREQ=DAILY", "ritual"),
        ("Anniversary dinner", "FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=12", "anniversary"),
    ):
        plan = services.plans.create(PlanDraft(title, start, start + timedelta(hours=2),
                                               kind=kind, timezone="Europe/Berlin", rrule=rule,
                                               reminder_minutes=60))
        for occurrence in services.plans.occurrences_between(start, start + timedelta(days=300))[
                ::7]:
            services.plans.skip(plan.uuid, occurrence.original_start)
    for index in range(500):
        when = start + timedelta(days=index * 7 + 2)
        services.plans.create(PlanDraft(f"Plan {index}", when, timezone="Europe/Berlin"))


def timed(label: str, work, repeat: int = 5) -> tuple[str, float]:
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - began)
    return label, best * 1000


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "bench.db")
        services = DatesServices.create(store, lambda: NOW)
        seed(services)
        month = (datetime(2026, 10, 26, tzinfo=BERLIN), datetime(2026, 12, 7, tzinfo=BERLIN))
        data = export_calendar(services.plans.plans(), NOW)
        rows = [
            timed("reference: 1,000,000-step Python loop", lambda: sum(range(1_000_000))),
            timed("month view data (6 weeks, all plans)",
                  lambda: services.plans.occurrences_between(*month)),
            timed("agenda (next 90 days)", lambda: services.plans.upcoming(200, 90)),
            timed("reminder check", lambda: services.reminders.due(NOW)),
            timed("milestones for 6 weeks", lambda: milestones_between(
                datetime(2019, 4, 12).date(), [], month[0].date(), month[1].date())),
            timed(f"export .ics ({len(data) // 1024} KiB)",
                  lambda: export_calendar(services.plans.plans(), NOW), repeat=3),
            timed("parse that .ics", lambda: read_calendar(data), repeat=3),
        ]
        store.close()
    width = max(len(label) for label, _ in rows)
    print(f"{'what'.ljust(width)}  best of runs (ms)")
    for label, ms in rows:
        print(f"{label.ljust(width)}  {ms:10.1f}")


if __name__ == "__main__":
    main()
