"""Start-up: the main window paints first, and the library opens behind it."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from lovebridge.ui.privacy.startup import Launcher
from lovebridge.ui.shell.window import DATES, WRITE, MainWindow
from tests.test_crash_damaged import damage, fill

REPO = Path(__file__).resolve().parents[1]


def start(qtbot, paths, settings, clock) -> tuple[Launcher, MainWindow]:
    launcher = Launcher(paths, settings, clock)
    first = launcher.start()
    qtbot.addWidget(first)
    assert isinstance(first, MainWindow)
    return launcher, first


def test_the_window_shows_its_frame_before_the_library_opens(
    qtbot, ctx, couple, settings, fixed_clock
) -> None:
    ctx.store.close()
    launcher, first = start(qtbot, ctx.paths, settings, fixed_clock)
    try:
        # Before the first paint nothing of the library is open: the sidebar, a calm status.
        assert first.ctx is None and launcher.window is None
        assert first.pages.currentWidget() is first.shell
        assert first.room_list.currentRow() == WRITE and first._built_rooms == {}
        assert not first.backup_action.isEnabled() and not first.preferences_action.isEnabled()
        assert first.status_label.text() == "Opening your library…"
        with qtbot.waitSignal(launcher.window_opened, timeout=20_000) as opened:
            qtbot.waitExposed(first)  # the first paint starts the opening
        assert opened.args == [first] and launcher.window is first
        assert "Maya & Jonah" in first.couple_label.text()
        assert first.backup_action.isEnabled() and first.preferences_action.isEnabled()
        assert type(first.rooms.currentWidget()).__name__ == "WriteRoom"
        assert first.status_label.text() == "Everything is saved on this laptop."
    finally:
        first.close()
        launcher.close()


def test_a_room_chosen_while_opening_is_the_one_shown(
    qtbot, ctx, couple, settings, fixed_clock
) -> None:
    ctx.store.close()
    launcher, first = start(qtbot, ctx.paths, settings, fixed_clock)
    try:
        first.room_list.setCurrentRow(DATES)  # clicked before the library is open
        assert first.ctx is None and first._built_rooms == {}
        with qtbot.waitSignal(launcher.window_opened, timeout=20_000):
            qtbot.waitExposed(first)
        assert type(first.rooms.currentWidget()).__name__ == "DatesRoom"
        assert first.room_list.currentRow() == DATES
    finally:
        first.close()
        launcher.close()


def test_a_first_run_shows_a_calm_page_then_the_welcome(
    qtbot, paths, settings, fixed_clock
) -> None:
    assert not paths.database.exists()
    launcher, first = start(qtbot, paths, settings, fixed_clock)
    try:
        assert first.pages.currentWidget() is first.opening_page
        assert not first.menuBar().isEnabled()
        with qtbot.waitSignal(launcher.window_opened, timeout=20_000):
            qtbot.waitExposed(first)
        assert first.pages.currentWidget() is first.welcome
        qtbot.keyClicks(first.welcome.form.my_name, "Maya")
        qtbot.keyClicks(first.welcome.form.partner_name, "Jonah")
        qtbot.mouseClick(first.welcome.begin_button, Qt.MouseButton.LeftButton)
        assert first.pages.currentWidget() is first.shell
        assert "Maya & Jonah" in first.couple_label.text()
    finally:
        first.close()
        launcher.close()


def test_a_damaged_database_found_while_opening_asks_for_recovery(
    qtbot, ctx, couple, settings, fixed_clock
) -> None:
    fill(ctx)
    ctx.store.close()
    damaged = damage(ctx.paths.database)
    launcher, first = start(qtbot, ctx.paths, settings, fixed_clock)
    try:
        with qtbot.waitSignal(launcher.damaged, timeout=20_000):
            qtbot.waitExposed(first)
        assert launcher.window is None and first.ctx is None
        assert ctx.paths.database.read_bytes() == damaged  # untouched, for the recovery window
    finally:
        first.close()
        launcher.close()


def test_a_newer_database_is_refused_with_a_clear_message(
    qtbot, ctx, couple, settings, fixed_clock
) -> None:
    ctx.store.close()
    raw = sqlite3.connect(ctx.paths.database)
    with raw:
        raw.execute("UPDATE alembic_version SET version_num = '9000_from_the_future'")
    raw.close()  # the last connection folds the WAL back in: `before` is the whole file
    before = ctx.paths.database.read_bytes()
    launcher, first = start(qtbot, ctx.paths, settings, fixed_clock)
    try:
        with qtbot.waitSignal(launcher.failed, timeout=20_000) as failed:
            qtbot.waitExposed(first)
        assert "newer" in failed.args[0].lower()
        assert launcher.window is None
        assert ctx.paths.database.read_bytes() == before
    finally:
        first.close()
        launcher.close()


@pytest.mark.timeout(180)
def test_the_first_paint_loads_no_database_or_room_code(ctx, couple) -> None:
    """The real app, in its own process: nothing heavy is imported before the window paints."""
    ctx.store.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LOVEBRIDGE_STARTUP_PROBE="1",
               PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    done = subprocess.run(
        [sys.executable, "-m", "lovebridge", "--data-dir", str(ctx.paths.data)],
        env=env, capture_output=True, text=True, timeout=150, check=False,
    )
    figures = dict(line.split(maxsplit=1) for line in done.stdout.splitlines() if " " in line)
    assert done.returncode == 0, done.stderr
    assert figures["loaded-at-first-paint"] == "-"
    assert float(figures["ready"]) >= float(figures["first-paint"]) > 0
    # Held off while the library opened, the garbage collector is back once the room shows.
    assert figures["collector-at-ready"] == "on"
