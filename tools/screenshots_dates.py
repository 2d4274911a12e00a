"""Render the Dates room's screens to PNG files offscreen, for a person to look at.

    python tools/screenshots_dates.py [OUT_DIR] [--dark]
"""

from __future__ import annotations

import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication
from shot_kit import couple_context, open_window, options, start_app

from lovebridge.core.context import AppContext
from lovebridge.core.dates import recurrence
from lovebridge.core.dates.model import PlanDraft
from lovebridge.core.dates.services import DatesServices
from lovebridge.store.models import Memory

NOW = datetime(2026, 11, 23, 18, 30, tzinfo=UTC)
ZONE = "Europe/Berlin"


def settle(app: QApplication, rounds: int = 6) -> None:
    for _ in range(rounds):
        app.processEvents()


def seed(ctx: AppContext) -> None:
    """A couple with a few plans: a weekly date night, a monthly check-in, a daily ritual."""
    services = DatesServices.create(ctx.store, ctx.now)
    tz = recurrence.zone(ZONE)

    def at(day: date, hour: int, minute: int = 0) -> datetime:
        return datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)

    friday = at(date(2026, 11, 6), 19)
    services.plans.create(PlanDraft(
        "Date night", friday, friday + timedelta(hours=3), timezone=ZONE, place="No phones",
        rrule=recurrence.rule_for("weekly", friday), reminder_minutes=60))
    sunday = at(date(2026, 11, 1), 10)
    services.plans.create(PlanDraft(
        "Sunday check-in", sunday, sunday + timedelta(minutes=45), kind="check_in", timezone=ZONE,
        rrule=recurrence.rule_for("monthly_weekday", sunday), reminder_minutes=24 * 60))
    walk = at(date(2026, 11, 16), 20, 30)
    services.plans.create(PlanDraft(
        "Evening walk", walk, walk + timedelta(minutes=20), kind="ritual", timezone=ZONE,
        rrule="FREQ=WEEKLY;BYDAY=MO,WE", reminder_minutes=None))
    getaway = at(date(2026, 11, 28), 9)
    services.plans.create(PlanDraft(
        "Cabin weekend", getaway, getaway + timedelta(days=1, hours=8), kind="getaway",
        timezone=ZONE, place="Lake cabin", budget=240, reminder_minutes=3 * 24 * 60))
    services.specials.save("Jonah's birthday", date(1991, 11, 19), "birthday")
    with ctx.store.session_scope() as session:
        session.add(Memory(title="Pumpkin soup night", date_year=2026, date_month=11,
                           date_day=11))


def main() -> None:
    out, theme = options()
    app = start_app(theme)
    with tempfile.TemporaryDirectory() as tmp:
        ctx = couple_context(Path(tmp) / "couple", clock=lambda: NOW)
        seed(ctx)
        window = open_window(ctx)
        window.show_room(2)
        room = window.dates_room
        room.set_zone(ZONE)
        room.go_to(date(2026, 11, 27))
        settle(app)
        window.grab().save(str(out / f"dates-month-{theme}.png"))

        room.tabs.setCurrentIndex(1)
        settle(app)
        window.grab().save(str(out / f"dates-agenda-{theme}.png"))

        room.tabs.setCurrentIndex(2)
        room.ideas.rng.seed(4)
        room.ideas.surprise()
        settle(app)
        window.grab().save(str(out / f"dates-ideas-{theme}.png"))

        room.tabs.setCurrentIndex(0)
        occurrence = room.day_panel.current()
        editor = room.open_occurrence_editor(occurrence)
        settle(app)
        editor.grab().save(str(out / f"dates-editor-{theme}.png"))
        editor.reject()

        room.go_to(date(2026, 12, 6))
        check_in = room.day_panel.current()
        sheet = room.open_checkin(check_in)
        settle(app)
        sheet.grab().save(str(out / f"dates-checkin-{theme}.png"))
        sheet.reject()

        specials = room.open_special_dates()
        settle(app)
        specials.grab().save(str(out / f"dates-special-{theme}.png"))
        specials.reject()

        prefs = window.open_preferences()
        prefs.tabs.setCurrentIndex(prefs.tabs.count() - 1)
        settle(app)
        prefs.grab().save(str(out / f"dates-preferences-{theme}.png"))
        prefs.reject()
        window.close()
        window.deleteLater()  # torn down while Qt is still running, not at interpreter exit
        settle(app)
        ctx.store.close()
    print(f"screenshots written to {out}")


if __name__ == "__main__":
    main()
