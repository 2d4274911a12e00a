"""What the screenshot scripts share: offscreen Qt, where the PNGs go, and a couple's window.

Import this module before anything from PySide6: it sets the offscreen platform first.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault(
    "QT_QPA_PLATFORM", f"offscreen:configfile={ROOT / 'tests' / 'offscreen-screen.json'}"
)

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from lovebridge.core.context import AppContext, system_clock  # noqa: E402
from lovebridge.core.profile import CoupleProfile, ProfileService  # noqa: E402
from lovebridge.paths import resolve_paths  # noqa: E402
from lovebridge.store import open_store  # noqa: E402
from lovebridge.ui.settings import Settings  # noqa: E402
from lovebridge.ui.shell.window import MainWindow  # noqa: E402
from lovebridge.ui.theme import apply_theme  # noqa: E402

COUPLE = CoupleProfile("Maya", "Jonah", date(2019, 4, 12))


def settle(app: QApplication, seconds: float = 0.3) -> None:
    """Let the event loop run a while; pauses (not a busy loop) give background tasks time to
    report back before a picture is taken."""
    for _ in range(max(int(seconds / 0.02), 1)):
        app.processEvents()
        time.sleep(0.02)


def shoot(app: QApplication, widget: QWidget, path: Path) -> None:
    """Settle, then save a picture of `widget` to `path`."""
    settle(app)
    widget.grab().save(str(path))


def options() -> tuple[Path, str]:
    """The output folder (first argument, default ./screenshots) and the theme (--dark)."""
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    out = Path(args[0] if args else ROOT / "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    return out, "dark" if "--dark" in sys.argv else "light"


def start_app(theme: str, language: str = "en") -> QApplication:
    """The application as LoveBridge starts it: its theme, and its language's translator
    (English too has one: its plural forms, "1 day" and "2 days", not "day(s)")."""
    from lovebridge.ui.i18n import Interpreter

    app = QApplication.instance() or QApplication([])
    apply_theme(app, theme)
    if getattr(app, "_shot_interpreter", None) is None or language != "en":
        interpreter = Interpreter()
        interpreter.install(app, language)
        app._shot_interpreter = interpreter  # kept: Qt holds only pointers to translators
    return app


def couple_context(folder: Path, clock: Callable[[], datetime] = system_clock,
                   with_profile: bool = True) -> AppContext:
    """A fresh data folder for Maya and Jonah (or one before the welcome)."""
    paths = resolve_paths(folder).ensure()
    store = open_store(paths.database)
    if with_profile:
        ProfileService(store).save(COUPLE)
    return AppContext(paths=paths, store=store, clock=clock)


def open_window(ctx: AppContext) -> MainWindow:
    """The real main window on `ctx`, at a laptop's size, shown."""
    window = MainWindow(ctx, Settings(ctx.paths.settings_file))
    window.resize(1180, 780)
    window.show()
    return window
