"""Ideas and times that suit the day: no autumn walk on 1 December, no outdoor plan after dark,
and never on top of the evening's date night."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt

from lovebridge.core.dates.model import PlanDraft
from lovebridge.core.dates.services import DatesServices

FIRST_OF_DECEMBER = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def fixed_clock():
    return lambda: FIRST_OF_DECEMBER


@pytest.fixture
def ideas_room(ctx, couple, make_window):  # noqa: ANN001, ANN201
    evening = datetime(2026, 12, 1, 19, tzinfo=LONDON)
    DatesServices.create(ctx.store, ctx.now).plans.create(PlanDraft(
        "Date night", evening, evening + timedelta(hours=3), timezone="Europe/London"))
    window = make_window()
    window.show_room(2)
    room = window.dates_room
    room.set_zone("Europe/London")
    room.go_to(FIRST_OF_DECEMBER.date())
    room.tabs.setCurrentIndex(2)
    return room


def test_surprise_us_on_the_first_of_december_offers_nothing_for_another_season(
        qtbot, ideas_room) -> None:  # noqa: ANN001
    picker = ideas_room.ideas
    seasons = set()
    for seed in range(40):
        picker.rng.seed(seed)
        qtbot.mouseClick(picker.surprise_button, Qt.MouseButton.LeftButton)
        seasons.add(picker.current_idea().season)
    assert seasons <= {"any", "winter"}, seasons


def test_plan_this_puts_an_outdoor_idea_in_winter_daylight_and_off_the_date_night(
        qtbot, ideas_room) -> None:  # noqa: ANN001
    picker = ideas_room.ideas
    outdoor = next(i for i in picker._ideas if not i.indoor and i.duration_minutes <= 180)
    assert picker.select_key(outdoor.key)
    qtbot.mouseClick(picker.plan_button, Qt.MouseButton.LeftButton)
    editor = ideas_room.open_dialogs[-1]
    start = editor.start_edit.time()
    end = editor.end_edit.time()
    assert start.hour() >= 9 and (end.hour(), end.minute()) <= (16, 0), (start, end)
    assert not (start.hour() < 22 and end.hour() >= 19)  # not over the 19:00 date night
