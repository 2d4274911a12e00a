"""Travel while LoveBridge runs: the calendar and reminders follow the laptop to its new zone."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime

import pytest

from lovebridge.core.dates.model import PlanDraft
from lovebridge.core.dates.services import DatesServices
from lovebridge.ui.formatting import time_text
from lovebridge.ui.shell.rooms import DATES

# Late on Monday 30 November in London; already Tuesday 1 December in Madrid (one hour ahead).
LATE_EVENING = datetime(2026, 11, 30, 23, 20, tzinfo=UTC)


class MovableClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(autouse=True)
def _local_time_put_back(monkeypatch):
    """The app resets the C library's zone after travel (time.tzset); undo that after each test."""
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def fixed_clock():
    """The app's clock for this file: set on a morning, moved on by the test."""
    return MovableClock(datetime(2026, 11, 30, 9, 0, tzinfo=UTC))


def test_a_change_of_zone_moves_the_calendar_and_reminders_and_says_so(
    qtbot, monkeypatch, ctx, couple, make_window, fixed_clock
) -> None:
    monkeypatch.setenv("TZ", "Europe/London")  # the zone source tzlocal reads first
    start = datetime(2026, 12, 1, 0, 15, tzinfo=UTC)  # 00:15 in London, 01:15 in Madrid
    DatesServices.create(ctx.store, ctx.now).plans.create(PlanDraft(
        "Midnight stargazing", start, timezone="Europe/London", reminder_minutes=60))
    window = make_window()
    window.show_room(DATES)
    dates = window.dates_room
    assert dates.zone.key == "Europe/London"
    reminders = window.reminders
    qtbot.waitUntil(reminders.center.timer.isActive, timeout=5000)
    reminders.center.timer.setInterval(20)  # the minute, shortened for the test

    fixed_clock.now = LATE_EVENING  # the reminder is due, and the laptop has landed in Spain
    monkeypatch.setenv("TZ", "Europe/Madrid")
    qtbot.waitUntil(reminders.banner.isVisible, timeout=5000)

    assert window.status_label.text() == "Times now shown in Europe/Madrid"
    assert dates.zone.key == "Europe/Madrid"
    assert dates.month_view.today == date(2026, 12, 1)  # past midnight in Madrid
    banner = reminders.banner.text.text()
    assert "Midnight stargazing" in banner
    assert time_text(start.astimezone(dates.zone)) in banner  # 1:15 AM, Madrid's time
    london = time_text(datetime(2026, 12, 1, 0, 15))
    assert london not in banner
    # Python's own local time follows as well (what `astimezone()` gives elsewhere in the app).
    assert start.astimezone().utcoffset().total_seconds() == 3600

    # Said once: the next minutes in the same zone leave the status line to others.
    window.status_label.setText("Everything is saved on this laptop.")
    qtbot.wait(100)
    assert window.status_label.text() == "Everything is saved on this laptop."


def test_a_dates_room_built_after_the_move_starts_in_the_new_zone(
    qtbot, monkeypatch, couple, make_window
) -> None:
    monkeypatch.setenv("TZ", "America/Toronto")
    window = make_window()
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    assert window.reminders.check_zone() == "Asia/Tokyo"
    assert DATES not in window._built_rooms
    window.show_room(DATES)
    assert window.dates_room.zone.key == "Asia/Tokyo"
    assert window.reminders.center.zone.key == "Asia/Tokyo"
