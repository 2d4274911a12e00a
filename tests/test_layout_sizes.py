"""The real window at a small laptop's size, at 800x600 and with a 1.5x font: no text cut off by
its own box, nothing laid over anything else, in every room."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from lovebridge.core.links import NoteRequest
from tests.layout_checks import clipped_text, overlapping


def problems(window) -> list[str]:  # noqa: ANN001
    QApplication.processEvents()
    return clipped_text(window) + overlapping(window)


def every_screen(qtbot, window):  # noqa: ANN001, ANN201
    window.show_room(0)
    yield "write home"
    room = window.write_room
    room.start_note(NoteRequest())
    qtbot.keyClicks(room.compose.editor, "Thank you for the walk by the river")
    yield "write compose"
    room.compose.side_tabs.setCurrentIndex(1)
    yield "write card"
    window.show_room(1)
    yield "scrapbook"
    window.scrapbook_room.new_memory()
    yield "memory editor"
    window.show_room(2)
    yield "dates"


@pytest.mark.parametrize("size", [(1024, 700), (800, 600)])
def test_every_room_fits_the_window_without_cut_or_overlapping_text(
        qtbot, couple, make_window, size) -> None:  # noqa: ANN001
    window = make_window()
    window.resize(*size)
    assert (window.width(), window.height()) == size  # the window can be this small
    found = {}
    for screen in every_screen(qtbot, window):
        qtbot.wait(50)
        found[screen] = problems(window)
    assert not any(found.values()), found


def test_a_large_font_is_not_cut_off(qtbot, couple, make_window) -> None:  # noqa: ANN001
    app = QApplication.instance()
    normal = app.font()
    large = app.font()
    large.setPointSizeF(normal.pointSizeF() * 1.5)
    app.setFont(large)
    try:
        window = make_window()
        window.resize(1280, 800)
        found = {}
        for screen in every_screen(qtbot, window):
            qtbot.wait(50)
            found[screen] = problems(window)
        assert not any(found.values()), found
    finally:
        app.setFont(normal)
