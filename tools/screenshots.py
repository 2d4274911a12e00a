"""Render LoveBridge's screens to PNG files offscreen, for a person to look at.

    python tools/screenshots.py [OUT_DIR] [--dark]

Each room may add its own scenes here; scenes run on a throw-away data folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault(
    "QT_QPA_PLATFORM", f"offscreen:configfile={ROOT / 'tests' / 'offscreen-screen.json'}"
)

from PySide6.QtWidgets import QApplication  # noqa: E402

from lovebridge.core.context import AppContext  # noqa: E402
from lovebridge.core.profile import CoupleProfile, ProfileService  # noqa: E402
from lovebridge.paths import resolve_paths  # noqa: E402
from lovebridge.store import open_store  # noqa: E402
from lovebridge.ui.main_window import MainWindow  # noqa: E402
from lovebridge.ui.settings import Settings  # noqa: E402
from lovebridge.ui.theme import apply_theme  # noqa: E402


def settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def new_window(app: QApplication, folder: Path, with_profile: bool) -> MainWindow:
    paths = resolve_paths(folder).ensure()
    store = open_store(paths.database)
    if with_profile:
        ProfileService(store).save(CoupleProfile("Maya", "Jonah", date(2019, 4, 12)))
    window = MainWindow(AppContext(paths=paths, store=store), Settings(paths.settings_file))
    window.resize(1180, 780)
    window.show()
    settle(app)
    return window


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    theme = "dark" if "--dark" in sys.argv else "light"
    out = Path(args[0] if args else ROOT / "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    apply_theme(app, theme)
    with tempfile.TemporaryDirectory() as tmp:
        welcome = new_window(app, Path(tmp) / "first-run", with_profile=False)
        welcome.grab().save(str(out / f"welcome-{theme}.png"))
        window = new_window(app, Path(tmp) / "couple", with_profile=True)
        for index, name in enumerate(("write", "scrapbook", "dates")):
            window.show_room(index)
            settle(app)
            window.grab().save(str(out / f"room-{name}-{theme}.png"))
        prefs = window.open_preferences()
        settle(app)
        prefs.grab().save(str(out / f"preferences-{theme}.png"))
        prefs.reject()
        for w in (welcome, window):
            w.close()
            w.ctx.store.close()
    print(f"screenshots written to {out}")


if __name__ == "__main__":
    main()
