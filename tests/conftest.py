"""Shared fixtures: offscreen Qt, a temporary data folder per test, the real main window."""

from __future__ import annotations

import os

# Offscreen Qt with a laptop-sized virtual screen (the plugin's default is 800x800).
_SCREEN_CONFIG = os.path.join(os.path.dirname(__file__), "offscreen-screen.json")
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN_CONFIG}"
os.environ.setdefault("QT_SCALE_FACTOR_ROUNDING_POLICY", "PassThrough")

from collections.abc import Iterator  # noqa: E402
from datetime import UTC, date, datetime  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from lovebridge.core.context import AppContext  # noqa: E402
from lovebridge.core.profile import CoupleProfile, ProfileService  # noqa: E402
from lovebridge.paths import DATA_DIR_ENV, Paths, resolve_paths  # noqa: E402
from lovebridge.store import open_store  # noqa: E402

# A fixed "now" for tests that depend on the date: a Monday evening in late November.
FIXED_NOW = datetime(2026, 11, 23, 18, 30, tzinfo=UTC)


_ENGLISH: list[object] = []  # the English catalogue, installed once per session


@pytest.fixture(autouse=True)
def _english_catalogue(request: pytest.FixtureRequest) -> None:
    """Widgets read as on an English system: app.py installs the English catalogue (its plural
    forms, "1 photo" / "3 photos") at start, so Qt tests do too."""
    if _ENGLISH or not {"qapp", "qtbot"} & set(request.fixturenames):
        return
    from lovebridge.ui.i18n import Interpreter

    interpreter = Interpreter()
    interpreter.install(request.getfixturevalue("qapp"), "en")
    _ENGLISH.append(interpreter)


@pytest.fixture(autouse=True)
def _the_first_qt_application_is_a_widgets_one(request: pytest.FixtureRequest) -> None:
    """The command line makes a QGuiApplication for rendering when none exists (as it should,
    alone in its process). In the shared test process that would leave every later widget
    test without a QApplication, so a test that may render takes pytest-qt's first."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None and "cli" in request.node.nodeid:
        request.getfixturevalue("qapp")


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch a real LoveBridge folder, even by accident."""
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "lovebridge-data"))


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    return resolve_paths(tmp_path / "lovebridge-data").ensure()


@pytest.fixture
def fixed_clock():
    return lambda: FIXED_NOW


@pytest.fixture
def ctx(paths: Paths, fixed_clock) -> Iterator[AppContext]:
    store = open_store(paths.database)
    yield AppContext(paths=paths, store=store, clock=fixed_clock)
    store.close()


@pytest.fixture
def couple(ctx: AppContext) -> CoupleProfile:
    """A saved profile: Maya (at the keyboard) and Jonah, together since spring 2019."""
    profile = CoupleProfile("Maya", "Jonah", date(2019, 4, 12), ("the purple umbrella",))
    ProfileService(ctx.store).save(profile)
    return profile


@pytest.fixture
def settings(paths: Paths):
    from lovebridge.ui.settings import Settings

    return Settings(paths.settings_file)


@pytest.fixture
def make_window(qtbot, ctx: AppContext, settings):
    """Build the real main window on the test's data folder (call after saving a profile)."""
    from PySide6.QtWidgets import QApplication

    from lovebridge.ui.shell.window import MainWindow
    from lovebridge.ui.theme import apply_theme

    def build() -> MainWindow:
        apply_theme(QApplication.instance(), "light")
        window = MainWindow(ctx, settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return build


@pytest.fixture
def main_window(couple, make_window):
    """The main window of a couple who already completed the welcome."""
    return make_window()


@pytest.fixture
def cli_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A data folder and a terminal that names no language: only Preferences choose one (see
    tests/cli_language_kit.py)."""
    from lovebridge.cli import language as cli_language

    for name in cli_language.ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("COLUMNS", "100")  # argparse wraps help to the terminal's width
    yield tmp_path / "library"
    cli_language._catalogue.clear()  # the next command chooses again
