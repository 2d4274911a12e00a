"""The Dates room, driven through the real main window like a couple would use it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from lovebridge.core.context import AppContext
from lovebridge.core.dates import recurrence
from lovebridge.core.dates.model import PlanDraft
from lovebridge.core.dates.services import DatesServices
from lovebridge.core.links import MemoryPrefill, NoteRequest
from lovebridge.core.profile import CoupleProfile, ProfileService
from lovebridge.store import open_store
from lovebridge.ui.dates.month_view import occurrence_mime
from tests.conftest import FIXED_NOW

BERLIN = recurrence.zone("Europe/Berlin")
FRIDAYS = [date(2026, 11, 27), date(2026, 12, 4), date(2026, 12, 11), date(2026, 12, 18)]


class MovableClock:
    """A clock the test can advance (the app only ever asks ctx.now())."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock(FIXED_NOW)


@pytest.fixture
def fixed_clock(clock: MovableClock) -> MovableClock:
    return clock


@pytest.fixture
def room(main_window):
    main_window.show_room(2)
    dates = main_window.dates_room
    dates.set_zone("Europe/Berlin")
    return dates


def plans_on(room, day: date) -> list[str]:
    if (day.year, day.month) != (room.month_view.year, room.month_view.month):
        room.go_to(day)
    return [e.label for e in room.month_view.entries.get(day, []) if e.kind == "plan"]


def test_a_weekly_date_night_from_plan_to_memory_to_phone(
    qtbot, main_window, room, clock: MovableClock, tmp_path: Path
) -> None:
    # Double-click Friday to plan a date night there.
    view = room.month_view
    friday = view.cell_rect(FRIDAYS[0])
    qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=friday.center())
    editor = room.open_dialogs[-1]
    assert editor.isVisible() and not editor.isModal()
    editor.title_edit.clear()
    qtbot.keyClicks(editor.title_edit, "Friday date night")
    qtbot.keyClicks(editor.place_edit, "The little Italian place")
    editor.repeat_combo.setCurrentIndex(editor.repeat_combo.findData("weekly"))
    assert editor.remind_check.isChecked()  # new plans remind an hour before by default
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()

    # It shows on the next four Fridays, at 19:00.
    for day in FRIDAYS:
        assert plans_on(room, day) == ["Friday date night"], day
    assert plans_on(room, date(2026, 11, 28)) == []
    occurrences = room.services.plans.occurrences_between(FIXED_NOW, FIXED_NOW + timedelta(28))
    assert [o.starts_at.astimezone(BERLIN).hour for o in occurrences] == [19] * 4

    # Skip the second one.
    room.go_to(FRIDAYS[1])
    assert room.day_panel.current().title == "Friday date night"
    qtbot.mouseClick(room.day_panel.skip_button, Qt.MouseButton.LeftButton)
    skipped = [e for e in room.month_view.entries[FRIDAYS[1]] if e.kind == "plan"]
    assert skipped[0].status == "skipped"

    # The reminder comes an hour before, exactly once (the shell's banner, above every room).
    reminders = main_window.reminders
    # The shell starts the reminders once the first room is on screen (a moment after it).
    qtbot.waitUntil(reminders.center.timer.isActive, timeout=5000)
    reminders.center.timer.timeout.emit()
    assert not reminders.banner.isVisible()
    clock.now = datetime(2026, 11, 27, 17, 1, tzinfo=UTC)  # 18:01 in Berlin
    reminders.center.timer.timeout.emit()
    assert reminders.banner.isVisible()
    assert "Friday date night in 59 minutes" in reminders.banner.text.text()
    reminders.banner.dismiss_button.click()
    reminders.center.timer.timeout.emit()
    assert not reminders.banner.isVisible()
    assert reminders.center.timer.isActive()
    assert reminders.center.timer.interval() == 60_000

    # The evening happened: mark it done and capture it as a memory.
    clock.now = datetime(2026, 11, 27, 22, 30, tzinfo=UTC)
    room.go_to(FRIDAYS[0])
    assert not room.day_panel.capture_button.isEnabled()
    qtbot.mouseClick(room.day_panel.done_button, Qt.MouseButton.LeftButton)
    assert room.day_panel.capture_button.isEnabled()
    with qtbot.waitSignal(room.capture_memory_requested, timeout=2000) as blocker:
        qtbot.mouseClick(room.day_panel.capture_button, Qt.MouseButton.LeftButton)
    prefill: MemoryPrefill = blocker.args[0]
    assert (prefill.title, prefill.day, prefill.place) == (
        "Friday date night", FRIDAYS[0], "The little Italian place")
    assert prefill.photos_from == datetime(2026, 11, 27, 18, 0, tzinfo=UTC)
    assert prefill.photos_until > datetime(2026, 11, 27, 20, 0, tzinfo=UTC)
    scrapbook = main_window.scrapbook_room
    assert main_window.current_room() is scrapbook
    assert scrapbook.editor.title_edit.text() == "Friday date night"
    with qtbot.waitSignal(scrapbook.memory_captured, timeout=5000) as saved:
        qtbot.mouseClick(scrapbook.editor.save_button, Qt.MouseButton.LeftButton)
    memory_uuid = saved.args[1]
    first = room.services.plans.occurrence(prefill.plan_uuid, occurrences[0].original_start)
    assert first.memory_uuid == memory_uuid  # the kept date now points at its memory

    # Export everything to a phone calendar file.
    main_window.show_room(2)
    target = tmp_path / "our dates.ics"
    room.choose_save_file = lambda _name: str(target)
    export_button = room.findChild(type(room.prev_button), "exportButton")
    qtbot.mouseClick(export_button, Qt.MouseButton.LeftButton)
    event = Calendar.from_ical(target.read_bytes()).walk("VEVENT")[0]
    assert event["rrule"].to_ical() == b"FREQ=WEEKLY;BYDAY=FR"
    assert [d.dt.date() for d in event["exdate"].dts] == [FRIDAYS[1]]
    assert "1 plan" in room.notice.text()

    # ...and import it on the other partner's laptop: nothing is lost.
    other = fresh_window(qtbot, tmp_path / "other", clock)
    other_room = other.dates_room
    other_room.set_zone("Europe/Berlin")
    other_room.choose_open_file = lambda: str(target)
    with qtbot.waitSignal(other_room.import_finished, timeout=10_000):
        qtbot.mouseClick(other_room.findChild(type(room.prev_button), "importButton"),
                         Qt.MouseButton.LeftButton)
    assert other_room.notice.text() == "Imported 1 plan."
    window = (FIXED_NOW, FIXED_NOW + timedelta(days=40))
    theirs = other_room.services.plans.occurrences_between(*window)
    ours = room.services.plans.occurrences_between(*window)
    assert [(o.title, o.starts_at, o.ends_at, o.status, o.place, o.reminder_minutes)
            for o in theirs] == [(o.title, o.starts_at, o.ends_at, o.status, o.place,
                                  o.reminder_minutes) for o in ours]
    other.close()
    other.ctx.store.close()


def fresh_window(qtbot, folder: Path, clock):
    from lovebridge.paths import resolve_paths
    from lovebridge.ui.settings import Settings
    from lovebridge.ui.shell.window import MainWindow

    paths = resolve_paths(folder).ensure()
    store = open_store(paths.database)
    ProfileService(store).save(CoupleProfile("Jonah", "Maya", date(2019, 4, 12)))
    window = MainWindow(AppContext(paths=paths, store=store, clock=clock),
                        Settings(paths.settings_file))
    qtbot.addWidget(window)
    window.show()
    window.show_room(2)
    return window


def test_dragging_a_plan_to_another_day_moves_it(qtbot, room) -> None:
    start = datetime(2026, 11, 25, 19, 30, tzinfo=BERLIN)
    plan = room.services.plans.create(PlanDraft("Cinema", start, timezone="Europe/Berlin"))
    room.refresh()
    view = room.month_view
    chip_rect, entry = view.chip_rects(date(2026, 11, 25))[0]
    assert view.entry_at(chip_rect.center()) == entry  # where a press would start the drag
    target = QPointF(view.cell_rect(date(2026, 11, 26)).center())
    mime = occurrence_mime(plan.uuid, plan.starts_at)
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    # Enter and move events take whole-pixel positions; the drop takes a QPointF.
    QApplication.sendEvent(view, QDragEnterEvent(target.toPoint(), Qt.DropAction.MoveAction,
                                                 mime, buttons, mods))
    move = QDragMoveEvent(target.toPoint(), Qt.DropAction.MoveAction, mime, buttons, mods)
    QApplication.sendEvent(view, move)
    assert move.isAccepted()
    with qtbot.waitSignal(view.occurrence_dropped, timeout=1000):
        QApplication.sendEvent(view, QDropEvent(target, Qt.DropAction.MoveAction, mime,
                                                buttons, mods))
    assert plans_on(room, date(2026, 11, 25)) == []
    assert plans_on(room, date(2026, 11, 26)) == ["Cinema"]
    moved = room.services.plans.get(plan.uuid)
    assert moved.starts_at.astimezone(BERLIN) == datetime(2026, 11, 26, 19, 30, tzinfo=BERLIN)
    assert "Moved" in room.notice.text()


def test_editing_one_occurrence_or_all_of_them(qtbot, room) -> None:
    start = datetime(2026, 11, 27, 19, 0, tzinfo=BERLIN)
    room.services.plans.create(PlanDraft("Date night", start, start + timedelta(hours=2),
                                         timezone="Europe/Berlin", rrule="FREQ=WEEKLY;BYDAY=FR"))
    room.go_to(FRIDAYS[1])
    editor = room.open_occurrence_editor(room.day_panel.current())
    assert editor.scope_row.isVisibleTo(editor)
    editor.title_edit.setText("Ice skating")
    editor.scope_combo.setCurrentIndex(editor.scope_combo.findData("this"))
    editor.save_button.click()
    assert plans_on(room, FRIDAYS[1]) == ["Ice skating"]
    assert plans_on(room, FRIDAYS[2]) == ["Date night"]

    room.go_to(FRIDAYS[2])
    editor = room.open_occurrence_editor(room.day_panel.current())
    editor.start_edit.setEditText("20:00")
    editor.end_edit.setEditText("22:30")
    editor.scope_combo.setCurrentIndex(editor.scope_combo.findData("all"))
    editor.save_button.click()
    later = room.services.plans.occurrences_between(FIXED_NOW, FIXED_NOW + timedelta(28))
    assert [o.starts_at.astimezone(BERLIN).hour for o in later] == [20, 20, 20, 20]
    assert later[1].title == "Ice skating"  # the one changed on its own keeps its change


def test_editor_explains_a_problem_and_keeps_the_dialog_open(qtbot, room) -> None:
    editor = room.open_new_plan(date(2026, 11, 27))
    editor.title_edit.clear()
    editor.save_button.click()
    assert editor.isVisible() and "name" in editor.error_label.text()
    editor.title_edit.setText("Walk")
    editor.budget_edit.setText("12.50")
    editor.save_button.click()
    assert not editor.isVisible()
    assert room.services.plans.plans()[0].budget == 12.5


def test_surprise_us_and_plan_this(qtbot, room) -> None:
    room.tabs.setCurrentIndex(2)
    picker = room.ideas
    picker.place_combo.setCurrentIndex(picker.place_combo.findData("yes"))
    picker.cost_combo.setCurrentIndex(picker.cost_combo.findData("free"))
    shown = [picker.list.item(i).data(Qt.ItemDataRole.UserRole + 1)
             for i in range(picker.list.count())]
    assert shown and all(i.at_home and i.cost == "free" for i in shown)
    qtbot.mouseClick(picker.surprise_button, Qt.MouseButton.LeftButton)
    chosen = picker.current_idea()
    assert chosen.at_home and chosen.cost == "free"
    qtbot.mouseClick(picker.plan_button, Qt.MouseButton.LeftButton)
    editor = room.open_dialogs[-1]
    assert editor.title_edit.text() == chosen.title
    editor.save_button.click()
    assert room.services.plans.plans()[0].idea_key == chosen.key
    # That idea is now recent: "Surprise us" leaves it out while others fit.
    picks = set()
    for seed in range(25):
        picker.rng.seed(seed)
        picks.add(picker.surprise().key)
    assert chosen.key not in picks


def test_our_own_idea(qtbot, room) -> None:
    room.tabs.setCurrentIndex(2)
    dialog = room.open_own_idea()
    qtbot.keyClicks(dialog.title_edit, "Paint each other badly")
    qtbot.keyClicks(dialog.why_edit, "Laughing at ourselves")
    dialog.findChild(type(room.prev_button), "ownIdeaSave").click()
    assert room.ideas.current_idea().title == "Paint each other badly"
    assert room.ideas.current_idea().custom


def test_check_in_sheet_keeps_notes_and_plans_the_next(qtbot, room) -> None:
    sunday = datetime(2026, 12, 6, 10, 0, tzinfo=BERLIN)
    room.services.plans.create(PlanDraft(
        "Our check-in", sunday, sunday + timedelta(minutes=45), kind="check_in",
        timezone="Europe/Berlin", rrule=recurrence.rule_for("monthly_weekday", sunday)))
    room.go_to(date(2026, 12, 6))
    assert room.day_panel.checkin_button.isVisible()
    qtbot.mouseClick(room.day_panel.checkin_button, Qt.MouseButton.LeftButton)
    sheet = room.open_dialogs[-1]
    assert len(sheet.prompts) == 3 and len({p.theme for p in sheet.prompts}) == 3
    first_prompts = {p.key for p in sheet.prompts}
    assert sheet.next_start() == datetime(2027, 1, 3, 10, 0, tzinfo=BERLIN)
    qtbot.keyClicks(sheet.notes_edit, "More walks, fewer screens.")
    qtbot.mouseClick(sheet.save_button, Qt.MouseButton.LeftButton)
    occurrence = room.services.plans.occurrences_between(
        datetime(2026, 12, 6, tzinfo=UTC), datetime(2026, 12, 7, tzinfo=UTC))[0]
    assert occurrence.status == "done"
    record = room.services.checkins.for_occurrence(occurrence.plan_id, occurrence.original_start)
    assert "More walks, fewer screens." in record.notes_html

    room.go_to(date(2027, 1, 3))
    nxt = room.open_checkin(room.day_panel.current())
    assert not {p.key for p in nxt.prompts} & first_prompts  # recent prompts are not repeated


def test_one_off_check_in_proposes_two_weeks_on(qtbot, room) -> None:
    start = datetime(2026, 11, 29, 11, 0, tzinfo=BERLIN)
    room.services.plans.create(PlanDraft("Talk", start, kind="check_in",
                                         timezone="Europe/Berlin"))
    room.go_to(date(2026, 11, 29))
    sheet = room.open_checkin(room.day_panel.current())
    sheet.save_button.click()
    titles = [(o.title, o.starts_at.astimezone(BERLIN).date(), o.status) for o in
              room.services.plans.occurrences_between(FIXED_NOW, FIXED_NOW + timedelta(30))]
    assert titles == [("Talk", date(2026, 11, 29), "done"), ("Talk", date(2026, 12, 13),
                                                              "planned")]


def test_missed_reminders_are_shown_calmly_on_opening(qtbot, ctx, couple, make_window) -> None:
    start = datetime(2026, 11, 22, 19, 0, tzinfo=BERLIN)  # yesterday, the app was closed
    DatesServices.create(ctx.store, ctx.now).plans.create(PlanDraft(
        "Sunday dinner", start, timezone="Europe/Berlin", reminder_minutes=120))
    window = make_window()
    away = window.reminders.away_panel  # shown over whichever room opens first
    qtbot.waitUntil(lambda: not away.isHidden(), timeout=3000)
    assert "Sunday dinner was on Sunday, 22 November" in away.lines.text()
    assert window.current_room() is window.write_room
    away.ok_button.click()
    assert away.isHidden()


def test_anniversary_countdown_and_note_nudge(qtbot, ctx, make_window) -> None:
    ProfileService(ctx.store).save(CoupleProfile("Maya", "Jonah", date(2020, 11, 27)))
    window = make_window()
    window.show_room(2)
    room = window.dates_room
    assert room.countdown_label.text() == "Next: 6 years together"
    assert room.nudge_button.isVisibleTo(room)
    with qtbot.waitSignal(room.write_note_requested, timeout=1000) as blocker:
        qtbot.mouseClick(room.nudge_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == NoteRequest(category="anniversary",
                                          occasion="6 years together on Friday")
    assert window.current_room() is window.write_room
    room.go_to(date(2026, 11, 27))
    marks = [e.label for e in room.month_view.entries[date(2026, 11, 27)]]
    assert "6 years together" in marks


def test_special_dates_dialog_adds_to_the_calendar(qtbot, room) -> None:
    dialog = room.open_special_dates()
    qtbot.keyClicks(dialog.label_edit, "Jonah's birthday")
    from PySide6.QtCore import QDate

    dialog.date_edit.setDate(QDate(1991, 11, 30))
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("birthday"))
    dialog.save_button.click()
    assert dialog.list.count() == 1
    room.go_to(date(2026, 11, 30))
    assert "Jonah's birthday" in [e.label for e in room.month_view.entries[date(2026, 11, 30)]]
    dialog.list.setCurrentRow(0)
    dialog.remove_button.click()
    assert room.services.specials.all() == []


def test_memories_are_marked_on_their_day(qtbot, ctx, couple, make_window) -> None:
    from lovebridge.store.models import Memory

    with ctx.store.session_scope() as session:
        session.add(Memory(title="Pumpkin soup night", date_year=2026, date_month=11,
                           date_day=11))
    room = make_window().dates_room
    entries = room.month_view.entries[date(2026, 11, 11)]
    assert [(e.label, e.kind) for e in entries] == [("Pumpkin soup night", "memory")]


def test_preferences_page_switches_start_at_login(
    qtbot, main_window, room, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    reminders = main_window.reminders
    reminders.autostart = type(reminders.autostart)(platform="linux")
    dialog = main_window.open_preferences()
    titles = [dialog.tabs.tabText(i).replace("&&", "&") for i in range(dialog.tabs.count())]
    assert "Dates & reminders" in titles
    page = dialog.tabs.widget(titles.index("Dates & reminders"))
    assert page.objectName() == "datesPreferences"
    desktop = tmp_path / "config" / "autostart" / "lovebridge.desktop"
    page.login_check.click()
    assert desktop.exists() and "Exec=" in desktop.read_text()
    page.login_check.click()
    assert not desktop.exists()
    page.reminders_check.click()
    assert reminders.center.enabled is False
    dialog.reject()


def test_autostart_on_macos_writes_a_launch_agent(tmp_path: Path) -> None:
    import plistlib

    from lovebridge.core.dates.autostart import Autostart

    switch = Autostart(platform="darwin", home=tmp_path)
    switch.set_enabled(True, ["/Applications/LoveBridge.app/Contents/MacOS/LoveBridge"])
    agent = plistlib.loads(switch.launch_agent().read_bytes())
    assert agent["RunAtLoad"] is True and switch.is_enabled()
    switch.set_enabled(False)
    assert not switch.is_enabled()


def test_month_view_keyboard_and_navigation(qtbot, room) -> None:
    room.month_view.setFocus()
    start = room.month_view.selected
    qtbot.keyClick(room.month_view, Qt.Key.Key_Right)
    assert room.month_view.selected == start + timedelta(days=1)
    qtbot.mouseClick(room.next_button, Qt.MouseButton.LeftButton)
    assert room.month_label.text() == "December 2026"
    qtbot.keyClick(room.month_view, Qt.Key.Key_Return)
    assert room.open_dialogs and room.open_dialogs[-1].objectName() == "planEditor"


def test_a_broken_file_gives_a_clear_message_and_changes_nothing(
    qtbot, room, tmp_path: Path
) -> None:
    start = datetime(2026, 11, 30, 19, 0, tzinfo=BERLIN)
    room.services.plans.create(PlanDraft("Ours", start, timezone="Europe/Berlin"))
    broken = tmp_path / "broken.ics"
    broken.write_bytes(b"\x00\x01 this is not a calendar")
    room.choose_open_file = lambda: str(broken)
    with qtbot.waitSignal(room.import_finished, timeout=10_000):
        room.import_file()
    boxes = [w for w in QApplication.topLevelWidgets()
             if w.objectName() == "errorMessage" and w.isVisible()]
    assert boxes and "not a calendar" in boxes[-1].text()
    boxes[-1].close()
    assert [p.title for p in room.services.plans.plans()] == ["Ours"]


def test_the_calendar_moves_on_at_midnight(qtbot, room, clock: MovableClock) -> None:
    assert room.month_view.today == date(2026, 11, 23)
    clock.now = datetime(2026, 11, 23, 23, 1, tzinfo=UTC)  # just past midnight in Berlin
    room.minute_timer.timeout.emit()
    assert room.month_view.today == date(2026, 11, 24)


def test_with_a_tray_closing_the_window_keeps_lovebridge_running(
    qtbot, main_window, room
) -> None:
    class FakeTray:
        """Stands in for the system tray, which the offscreen platform does not have."""

        def __init__(self) -> None:
            self.messages: list[str] = []

        def showMessage(self, _title: str, text: str, *args) -> None:  # noqa: N802
            self.messages.append(text)

        def hide(self) -> None:
            pass

    tray = FakeTray()
    reminders = main_window.reminders
    reminders.center.tray = tray
    qtbot.waitUntil(lambda: reminders.center.timer.isActive(), timeout=2000)
    main_window.close()
    assert main_window.isHidden() and "still here in the tray" in tray.messages[0]
    clock_tick = reminders.center.check()  # reminders keep being checked meanwhile
    assert clock_tick == []
    reminders.quit_from_tray()
    assert reminders.quitting and not reminders.center.timer.isActive()


def test_whats_coming_names_a_date_night_once(qtbot, room) -> None:
    """A plan called by its kind ("Date night", a date night) reads "Date night · home", not
    "Date night · Date night · home"; a plan with its own title still says its kind."""
    start = datetime(2026, 12, 4, 19, 0, tzinfo=BERLIN)
    room.services.plans.create(PlanDraft("Date night", start, place="home",
                                         timezone="Europe/Berlin"))
    room.services.plans.create(PlanDraft("Cinema", start + timedelta(days=1),
                                         timezone="Europe/Berlin"))
    room.refresh()
    bar = room.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert room.tabs.currentIndex() == 1
    lines = [room.agenda.item(i).text() for i in range(room.agenda.count())]
    date_night = next(line for line in lines if "19:00" in line and "home" in line)
    assert date_night.count("Date night") == 1, lines
    cinema = next(line for line in lines if "Cinema" in line)
    assert "Date night" in cinema, lines  # the kind is still said when the title differs
