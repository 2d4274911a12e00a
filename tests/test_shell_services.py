"""App-wide services belong to the shell: they exist from the moment the library opens."""

from __future__ import annotations

import ast
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from lovebridge.core.dates.model import PlanDraft
from lovebridge.core.dates.services import DatesServices
from lovebridge.core.links import NoteRequest
from lovebridge.ui.privacy.startup import Launcher
from lovebridge.ui.shell.rooms import DATES, WRITE, Room
from lovebridge.ui.shell.window import MainWindow
from tests.conftest import FIXED_NOW

PACKAGE = Path(__file__).resolve().parents[1] / "lovebridge"


class MovableClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def test_opened_on_write_a_reminder_fires_without_the_dates_room(
    qtbot, ctx, couple, settings
) -> None:
    clock = MovableClock(FIXED_NOW)
    start = FIXED_NOW + timedelta(hours=2)
    DatesServices.create(ctx.store, clock).plans.create(PlanDraft(
        "Picnic under the oak", start, timezone="UTC", reminder_minutes=60))
    ctx.store.close()
    # The real start path, as `lovebridge` runs it: the Launcher paints, then opens the library.
    launcher = Launcher(ctx.paths, settings, clock)
    window = launcher.start()
    qtbot.addWidget(window)
    try:
        with qtbot.waitSignal(launcher.window_opened, timeout=20_000):
            qtbot.waitExposed(window)
        assert isinstance(window, MainWindow)
        assert window.current_room() is window.write_room
        reminders = window.reminders
        qtbot.waitUntil(reminders.center.timer.isActive, timeout=5000)  # started by the shell
        assert reminders.center.timer.interval() == 60_000
        reminders.center.timer.setInterval(20)  # the minute, shortened for the test
        clock.now = start - timedelta(minutes=59)
        qtbot.waitUntil(lambda: reminders.banner.isVisible(), timeout=5000)
        assert "Picnic under the oak in 59 minutes" in reminders.banner.text.text()
        assert window.current_room() is window.write_room
        assert DATES not in window._built_rooms  # the Dates room was never shown or built
        # Its "Open" shows the plan in the Dates room, built only now.
        qtbot.mouseClick(reminders.banner.open_button, Qt.MouseButton.LeftButton)
        assert window.current_room() is window.dates_room
        assert not reminders.banner.isVisible()
    finally:
        window.close()
        launcher.close()


def test_preferences_pages_come_from_the_shell_before_any_room_is_visited(
    qtbot, main_window
) -> None:
    dialog = main_window.open_preferences()
    titles = [dialog.tabs.tabText(i).replace("&&", "&") for i in range(dialog.tabs.count())]
    registered = ["Privacy", "Dates & reminders", "My handwriting", "Sharing"]
    assert [t for t in titles if t in registered] == registered  # in the registry's order
    assert DATES not in main_window._built_rooms
    dialog.reject()


def test_every_room_keeps_the_shell_protocol(main_window) -> None:
    for index in range(3):
        main_window.show_room(index)
        assert isinstance(main_window.current_room(), Room)
    assert main_window.current_room() is main_window.dates_room
    main_window.show_room(WRITE)


def coming_up_text(write) -> str:  # noqa: ANN001 - the WriteRoom
    return " ".join(label.text() for label in write.coming_up.findChildren(QLabel))


def test_a_plan_made_in_dates_reaches_write_without_reopening(qtbot, main_window) -> None:
    """Rooms refresh from the one change signal: "Coming up" and the note being written follow
    a plan made in Dates, with the editor left open."""
    write = main_window.write_room
    assert "Dinner at Lupa" not in coming_up_text(write)
    write.start_note(NoteRequest(category="love"))
    assert write.compose.fill_values().next_date == ""
    main_window.show_room(DATES)
    dates = main_window.dates_room
    day = (FIXED_NOW + timedelta(days=2)).date()
    dates.go_to(day)
    qtbot.mouseDClick(dates.month_view, Qt.MouseButton.LeftButton,
                      pos=dates.month_view.cell_rect(day).center())
    editor = dates.open_dialogs[-1]
    editor.title_edit.clear()
    qtbot.keyClicks(editor.title_edit, "Dinner at Lupa")
    with qtbot.waitSignal(main_window.changed, timeout=5000):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    main_window.show_room(WRITE)
    assert "Dinner at Lupa" in coming_up_text(write)
    assert write.pages.currentWidget() is write.compose  # the editor stayed open
    assert write.compose.fill_values().next_date != ""


def test_controllers_and_rooms_never_reach_back_into_the_window() -> None:
    """No import of the window from controllers or rooms, no hasattr/getattr window finding."""
    offenders = []
    for path in (PACKAGE / "ui").rglob("*.py"):
        if "shell" in path.parts or path.name == "startup.py":
            continue  # the shell itself, and the start-up (Launcher) that builds the window
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module in (
                "lovebridge.ui.shell.window", "lovebridge.ui.shell.window"
            ):
                offenders.append(f"{path.name}: imports the window")
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("hasattr", "getattr") and node.args
                    and "window" in ast.unparse(node.args[0])):
                offenders.append(f"{path.name}: {ast.unparse(node)}")
    assert offenders == []


def test_changes_are_raised_after_a_commit_only(ctx) -> None:
    from lovebridge.core.events import Change

    seen: list[tuple[Change, ...]] = []
    ctx.changes.subscribe(seen.append)
    plans = DatesServices.create(ctx.store, ctx.now).plans
    made = plans.create(PlanDraft("Walk", datetime(2026, 12, 1, 9, tzinfo=UTC), timezone="UTC"))
    assert [c for batch in seen for c in batch if c.kind == "plan"] == [
        Change("plan", frozenset({made.uuid}))]
    seen.clear()
    try:
        with ctx.store.session_scope() as session:
            from lovebridge.store.models import Plan

            session.get(Plan, made.id).title = "Changed, then rolled back"
            session.flush()
            raise RuntimeError("undo")
    except RuntimeError:
        pass
    assert seen == []
