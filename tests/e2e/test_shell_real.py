"""The shell's outside-world paths in a real window: a reminder at start-up, the tray icon,
closing to the tray and coming back from it, and the window at 800x600 (Xvfb, openbox, trayer)."""

from __future__ import annotations

import subprocess
from datetime import timedelta

import pytest
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from lovebridge.core.dates.model import PlanDraft
from lovebridge.core.dates.services import DatesServices
from lovebridge.ui.privacy.startup import Launcher
from lovebridge.ui.shell.rooms import DATES
from tests.conftest import FIXED_NOW
from tests.e2e.conftest import click
from tests.layout_checks import clipped_text, overlapping


class MovableClock:
    def __init__(self, now) -> None:  # noqa: ANN001 - datetime
        self.now = now

    def __call__(self):  # noqa: ANN204
        return self.now


def xdotool(*args: str) -> str:
    return subprocess.run(["xdotool", *args], capture_output=True, text=True, check=True,
                          timeout=20).stdout.strip()


def balloon_texts() -> list[str]:
    """What the tray's message balloons (Qt draws its own on X11) say right now."""
    from PySide6.QtWidgets import QLabel

    texts = []
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and type(widget).__name__ != "MainWindow":
            texts += [label.text() for label in widget.findChildren(QLabel)]
    return texts


@pytest.fixture
def opened(qtbot, ctx, couple, settings):
    """The real start path (Launcher), with a plan whose reminder is due at start-up."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        pytest.fail("no system tray on this display (.ci/e2e.sh starts trayer)")
    start = FIXED_NOW + timedelta(hours=2)
    clock = MovableClock(start - timedelta(minutes=58))  # due two minutes ago
    DatesServices.create(ctx.store, clock).plans.create(PlanDraft(
        "Picnic under the oak", start, timezone="UTC", reminder_minutes=60))
    ctx.store.close()
    launcher = Launcher(ctx.paths, settings, clock)
    window = launcher.start()
    qtbot.addWidget(window)
    with qtbot.waitSignal(launcher.window_opened, timeout=30_000):
        qtbot.waitExposed(window)
    yield window
    window.reminders.quitting = True
    window.close()
    launcher.close()


def test_a_reminder_due_at_start_up_reaches_the_tray_and_close_keeps_it_there(
    qtbot, opened
) -> None:
    window = opened
    tray = window.reminders.center.tray
    assert tray is not None and tray.isVisible()
    # The check made as the library opened finds the plan due and says so from the tray.
    qtbot.waitUntil(lambda: any("Picnic under the oak" in t for t in balloon_texts()),
                    timeout=10_000)
    assert DATES not in window._built_rooms  # opened on Write; Dates never built

    # Closed through the window manager, as its close button does (_NET_CLOSE_WINDOW, then
    # WM_DELETE_WINDOW to the app): LoveBridge stays in the tray.
    subprocess.run(["wmctrl", "-i", "-c", hex(int(window.winId()))], check=True, timeout=20)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    assert tray.isVisible()
    qtbot.waitUntil(lambda: any("still here in the tray" in t for t in balloon_texts()),
                    timeout=10_000)

    # A click on the tray icon in the panel brings the window back.
    icon = tray.geometry()
    assert icon.width() > 0, "the tray icon has no place in the panel"
    centre = icon.center()
    xdotool("mousemove", "--sync", str(centre.x()), str(centre.y()))
    xdotool("click", "1")
    qtbot.waitUntil(window.isVisible, timeout=10_000)


def test_the_window_fits_800_by_600_set_by_the_window_manager(qtbot, opened) -> None:
    window = opened
    window_id = str(int(window.winId()))
    xdotool("windowsize", "--sync", window_id, "800", "600")
    qtbot.waitUntil(lambda: window.width() <= 800 and window.height() <= 600, timeout=10_000)
    problems = {}
    for room in range(3):
        window.show_room(room)
        qtbot.wait(200)
        problems[room] = clipped_text(window) + overlapping(window)
    assert problems == {0: [], 1: [], 2: []}


def test_a_coached_note_at_800_by_600_cuts_no_pane(qtbot, opened) -> None:
    """Coach hints make the editor's pane ask for more width after it was built; at 800x600
    set by the window manager the note's panes stack (or share the width) instead of cutting
    the editor's right edge, which does not scroll sideways."""
    from PySide6.QtWidgets import QSplitter

    window = opened
    window_id = str(int(window.winId()))
    xdotool("windowsize", "--sync", window_id, "800", "600")
    qtbot.waitUntil(lambda: window.width() <= 800 and window.height() <= 600, timeout=10_000)
    window.show_room(0)
    room = window.write_room
    click(room.new_note_button, qtbot)
    qtbot.waitUntil(lambda: room.pages.currentWidget() is room.compose, timeout=10_000)
    compose = room.compose
    compose.send_bar.set_channel("text")
    xdotool("windowactivate", "--sync", window_id)
    click(compose.editor.viewport(), qtbot)
    qtbot.waitUntil(compose.editor.hasFocus, timeout=10_000)
    xdotool("type", "--delay", "5", "thx for everything u do. but ur so lazy w the bins, typical.")
    qtbot.waitUntil(lambda: len(compose.coach_bar.hints) >= 2, timeout=10_000)
    qtbot.wait(200)  # the layout settles
    splitter = compose.findChild(QSplitter, "composeSplitter")
    for pane in (splitter.widget(0), compose.side_tabs.currentWidget()):  # editor, side panel
        assert pane.viewport().width() >= pane.widget().minimumSizeHint().width()
    assert clipped_text(window) + overlapping(window) == []
