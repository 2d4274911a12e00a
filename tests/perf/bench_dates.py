"""Dates benchmark: how long the month view's data, the reminder check and .ics work take.

    python tests/perf/bench_dates.py [--quick]

Seeds ten years of a busy couple's plans (weekly date nights, a monthly check-in, a daily ritual,
overrides, 500 one-off plans) and times what the Dates room does on the GUI thread. The reference
row measures a plain Python loop of the same size in the same run, so figures from different
machines can be compared. Target: a month refresh well under 50 ms.
`run(library, quick)` is the tests/perf/bench.py contract.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

if str(Path(__file__).resolve().parents[2]) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from lovebridge.core.dates import recurrence  # noqa: E402
from lovebridge.core.dates.anniversaries import milestones_between  # noqa: E402
from lovebridge.core.dates.ical import export_calendar, read_calendar  # noqa: E402
from lovebridge.core.dates.model import PlanDraft  # noqa: E402
from lovebridge.core.dates.services import DatesServices  # noqa: E402
from lovebridge.store import open_store  # noqa: E402
from tests.perf.benchlib import Row, median_of, print_table  # noqa: E402

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


def run(library: Path, quick: bool) -> list[Row]:
    """The Dates room's GUI-thread work on a seeded scratch database, vs a plain Python loop."""
    del library  # its own busy calendar, seeded below; the benchmark library stays untouched
    repeats = 3 if quick else 7
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "bench.db")
        try:
            services = DatesServices.create(store, lambda: NOW)
            seed(services)
            month = (datetime(2026, 10, 26, tzinfo=BERLIN), datetime(2026, 12, 7, tzinfo=BERLIN))
            data = export_calendar(services.plans.plans(), NOW)
            reference = median_of(lambda: sum(range(1_000_000)), repeats)
            loop = "1,000,000-step Python loop"
            work = [
                ("dates: month view data (6 weeks, all plans)",
                 lambda: services.plans.occurrences_between(*month)),
                ("dates: agenda (next 90 days)", lambda: services.plans.upcoming(200, 90)),
                ("dates: reminder check", lambda: services.reminders.due(NOW)),
                ("dates: milestones for 6 weeks", lambda: milestones_between(
                    datetime(2019, 4, 12).date(), [], month[0].date(), month[1].date())),
                (f"dates: export .ics ({len(data) // 1024} KiB)",
                 lambda: export_calendar(services.plans.plans(), NOW)),
                ("dates: parse that .ics", lambda: read_calendar(data)),
            ]
            return [Row(name, median_of(fn, repeats), "s", loop, reference, None)
                    for name, fn in work]
        finally:
            store.close()


def main() -> None:
    print_table(run(Path.cwd(), quick="--quick" in sys.argv))


if __name__ == "__main__":
    main()
