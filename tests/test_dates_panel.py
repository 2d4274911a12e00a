"""The day panel as a person clicks it: buttons stay put, skip can be undone in place, and a
button that does not apply looks it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from lovebridge.core.dates.model import PlanDraft
from lovebridge.core.dates.services import DatesServices


def seed_evening(ctx) -> None:  # noqa: ANN001
    services = DatesServices.create(ctx.store, ctx.now)
    start = datetime(2026, 11, 27, 18, tzinfo=UTC)
    services.plans.create(PlanDraft("Pasta night", start, start + timedelta(hours=2)))
    later = start + timedelta(hours=3)
    services.plans.create(PlanDraft("Little check-in", later, later + timedelta(minutes=30),
                                    kind="check_in"))


def darkest_text(widget) -> float:  # noqa: ANN001
    """Lightness of the darkest pixel inside the button (its text), 0 black .. 1 white."""
    corner = widget.mapTo(widget.window(), widget.rect().topLeft())
    image = widget.window().grab().toImage().copy(corner.x() + 6, corner.y() + 6,
                                                   widget.width() - 12, widget.height() - 12)
    return min(QColor(image.pixel(x, y)).lightnessF()
               for x in range(image.width()) for y in range(image.height()))


@pytest.fixture
def evening(ctx, couple, make_window):  # noqa: ANN001, ANN201
    """The Dates room on a Friday with a date night and a check-in later that evening."""
    seed_evening(ctx)
    window = make_window()
    window.show_room(2)
    room = window.dates_room
    room.go_to(datetime(2026, 11, 27).date())
    room.day_panel.list.setCurrentRow(0)
    return window, room, room.day_panel


def test_day_panel_buttons_keep_their_place_and_skip_is_undone_in_place(
        qtbot, evening) -> None:  # noqa: ANN001
    window, room, panel = evening
    assert panel.current().title == "Pasta night"
    buttons = panel.actions.findChildren(type(panel.skip_button))
    where = {b.objectName(): b.geometry() for b in buttons}
    skip_at = panel.skip_button.mapTo(window, panel.skip_button.rect().center())
    panel.list.setCurrentRow(1)  # the check-in: a different set of buttons applies
    qtbot.wait(20)
    assert {b.objectName(): b.geometry() for b in buttons} == where
    assert panel.skip_button.mapTo(window, panel.skip_button.rect().center()) == skip_at

    panel.list.setCurrentRow(0)
    qtbot.mouseClick(panel.skip_button, Qt.MouseButton.LeftButton)
    assert "Skipped" in room.notice.text()
    assert panel.current().status == "skipped" and panel.skip_button.text() == "Un-skip"
    qtbot.mouseClick(panel.skip_button, Qt.MouseButton.LeftButton)  # the same place undoes
    assert panel.current().status == "planned"
    assert "Skipped" not in room.notice.text()


def test_a_button_that_does_not_apply_looks_disabled(qtbot, evening) -> None:  # noqa: ANN001
    _window, _room, panel = evening
    assert panel.open_button.isEnabled() and not panel.capture_button.isEnabled()
    qtbot.wait(20)
    enabled, disabled = darkest_text(panel.open_button), darkest_text(panel.capture_button)
    assert disabled > enabled + 0.2, (enabled, disabled)  # greyed, not just a shade lighter


def test_a_second_plan_at_the_same_hour_is_pointed_out_before_it_is_saved(
        qtbot, ctx, couple, make_window) -> None:  # noqa: ANN001
    window = make_window()
    window.show_room(2)
    room = window.dates_room
    room.set_zone("Europe/Berlin")
    friday = datetime(2026, 11, 27).date()
    first = room.open_new_plan(friday)
    first.title_edit.setText("Date night")
    qtbot.mouseClick(first.save_button, Qt.MouseButton.LeftButton)
    assert not first.isVisible()

    second = room.open_new_plan(friday)  # the same evening hour is offered again
    second.title_edit.setText("Board games")
    qtbot.mouseClick(second.save_button, Qt.MouseButton.LeftButton)
    assert second.isVisible()
    assert "same time as “Date night”" in second.error_label.text()
    assert len(room.services.plans.plans()) == 1
    qtbot.mouseClick(second.save_button, Qt.MouseButton.LeftButton)  # keep both, knowingly
    assert not second.isVisible()
    assert len(room.services.plans.plans()) == 2
