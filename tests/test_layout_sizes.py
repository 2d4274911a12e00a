"""The real window at a small laptop's size, at 800x600 and 1024x700, with the normal font and
with a 1.5x font: no text cut off by its own box, nothing laid over anything else, nothing
reaching past the window, in every room and on the welcome."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from lovebridge.core.links import NoteRequest
from tests.layout_checks import clipped_text, cut_by_parent, overlapping, past_the_window

SIZES = [(800, 600), (1024, 700)]


def problems(window) -> list[str]:  # noqa: ANN001
    QApplication.processEvents()
    return (clipped_text(window) + overlapping(window) + past_the_window(window)
            + cut_by_parent(window))


def every_screen(qtbot, window):  # noqa: ANN001, ANN201
    window.show_room(0)
    yield "write home"
    room = window.write_room
    room.start_note(NoteRequest())
    qtbot.keyClicks(room.compose.editor, "Thank you for the walk by the river")
    yield "write compose"
    room.compose.side_tabs.setCurrentIndex(1)
    yield "write card"
    room.compose.side_tabs.setCurrentIndex(0)
    window.show_room(1)
    yield "scrapbook"
    window.scrapbook_room.new_memory()
    yield "memory editor"
    window.show_room(2)
    tabs = window.dates_room.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        yield f"dates {tabs.tabText(index)}"
    tabs.setCurrentIndex(0)


@pytest.fixture(params=[1.0, 1.5], ids=["font1", "font1.5"])
def font_scale(request):  # noqa: ANN001, ANN201
    app = QApplication.instance()
    normal = app.font()
    if request.param != 1.0:
        large = app.font()
        large.setPointSizeF(normal.pointSizeF() * request.param)
        app.setFont(large)
    yield request.param
    app.setFont(normal)


@pytest.mark.parametrize("size", SIZES, ids=["800x600", "1024x700"])
def test_every_room_fits_the_window_without_cut_or_overlapping_text(
        qtbot, couple, make_window, size, font_scale) -> None:  # noqa: ANN001
    window = make_window()
    window.resize(*size)
    assert (window.width(), window.height()) == size  # the window can be this small
    found = {}
    for screen in every_screen(qtbot, window):
        qtbot.wait(50)
        found[screen] = problems(window)
    report = [f"{screen}: {problem}" for screen, items in found.items() for problem in items]
    assert not report, "\n".join(report)


@pytest.mark.parametrize("size", SIZES, ids=["800x600", "1024x700"])
def test_the_welcome_fits_the_window(qtbot, make_window, size, font_scale) -> None:  # noqa: ANN001
    window = make_window()  # no couple yet: the welcome
    window.resize(*size)
    qtbot.wait(50)
    assert window.findChild(QWidget, "welcomePage").isVisible()
    report = problems(window)
    assert not report, "\n".join(report)


def test_headings_grow_with_the_application_font(qtbot, couple, make_window) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QLabel

    app = QApplication.instance()
    normal = app.font()
    sizes = {}
    for scale in (1.0, 1.5):
        font = QFont(normal)
        font.setPointSizeF(normal.pointSizeF() * scale)
        app.setFont(font)
        try:
            window = make_window()
            window.show_room(1)
            qtbot.wait(20)
            sizes[scale] = {name: window.findChild(QLabel, name).font().pointSizeF()
                            for name in ("pageTitle", "appTitle")}
            window.close()
        finally:
            app.setFont(normal)
    for name in ("pageTitle", "appTitle"):  # the room's heading and the sidebar's name
        assert sizes[1.5][name] > sizes[1.0][name] * 1.4, sizes
        assert sizes[1.0][name] > normal.pointSizeF() * 1.5  # still a heading


@pytest.mark.parametrize("size", SIZES, ids=["800x600", "1024x700"])
def test_todays_marker_holds_its_number_clear_of_the_plans(
        qtbot, couple, make_window, size, font_scale) -> None:  # noqa: ANN001
    """In the month grid, today's round marker is as large as its number, and neither the
    marker nor "+n more" sits on the day's plan chips, with any font."""
    from datetime import datetime, timedelta

    from PySide6.QtGui import QFontMetrics

    from lovebridge.core.dates.model import PlanDraft

    window = make_window()
    window.resize(*size)
    window.show_room(2)
    room = window.dates_room
    view = room.month_view
    evening = datetime.combine(view.today, datetime.min.time()).astimezone() + timedelta(hours=18)
    for hour, title in enumerate(("Dinner", "Cinema", "Walk", "Stars", "Tea")):
        room.services.plans.create(PlanDraft(title, evening + timedelta(hours=hour * 0.2)))
    room.refresh()
    qtbot.wait(50)
    for day in (view.today, view.first_shown() + timedelta(days=23)):  # today and a "24"-ish
        cell, number = view.cell_rect(day), view.number_rect(day)
        bold = window.font()
        bold.setBold(day == view.today)
        text = QFontMetrics(bold).boundingRect(str(day.day))
        assert number.width() >= text.width() and number.height() >= text.height()
        assert cell.contains(number), (cell, number)
        for chip, _entry in view.chip_rects(day):
            assert not chip.intersects(number), (chip, number)
            assert cell.contains(chip)
    chips = view.chip_rects(view.today)
    assert chips  # the plans are shown
    more = view.more_text(view.today)
    if more:
        small = window.font()
        small.setPointSizeF(max(small.pointSizeF() - 1, 7))
        room_for_it = view.more_rect(view.today)
        assert QFontMetrics(small).horizontalAdvance(more) <= room_for_it.width()
        assert not room_for_it.intersects(view.number_rect(view.today))
        assert all(not room_for_it.intersects(chip) for chip, _e in chips)


@pytest.mark.parametrize("size", [(1440, 900), (2560, 1440)], ids=["1440x900", "2560x1440"])
def test_a_wide_window_keeps_the_rooms_to_a_readable_width_centred(
        qtbot, couple, make_window, size) -> None:  # noqa: ANN001
    """On a large screen the rooms stay a comfortable width, centred beside the sidebar (no
    line or list stretched across 2,500 px), the timeline gets more columns, and nothing is
    cut or laid over anything else."""
    from datetime import date

    from lovebridge.core.scrapbook.records import MemoryDate, MemoryDraft
    from lovebridge.core.scrapbook.service import MemoryService
    from lovebridge.ui.scrapbook.timeline_model import KIND_ROLE

    window = make_window()
    for day in range(1, 9):
        MemoryService(window.ctx).save(MemoryDraft(f"Walk {day}", MemoryDate.of(date(2025, 5, day)),
                                                   "", story_text="A slow walk."))
    window.resize(*size)
    qtbot.wait(50)
    sidebar = window.findChild(QWidget, "roomSidebar")
    found = {}
    for screen in every_screen(qtbot, window):
        qtbot.wait(50)
        found[screen] = problems(window)
        rooms = window.rooms.geometry()
        assert rooms.width() <= 1700, (screen, rooms)
        left_gap, right_gap = rooms.left() - sidebar.width(), window.width() - rooms.right() - 1
        assert abs(left_gap - right_gap) <= 2, (screen, left_gap, right_gap)
        if screen == "scrapbook":
            view = window.scrapbook_room.home.view
            model = view.model()
            qtbot.waitUntil(lambda m=model: m.rowCount() >= 9)
            cards = [view.visualRect(model.index(row, 0)) for row in range(model.rowCount())
                     if model.index(row, 0).data(KIND_ROLE) == "memory"]
            first_row = [card for card in cards if card.top() == cards[0].top()]
            assert len(first_row) >= (4 if size[0] > 2000 else 3), len(first_row)
    report = [f"{screen}: {problem}" for screen, items in found.items() for problem in items]
    assert not report, "\n".join(report)
