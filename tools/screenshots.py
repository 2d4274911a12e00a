"""Render LoveBridge's shell screens to PNG files offscreen, for a person to look at.

    python tools/screenshots.py [OUT_DIR] [--dark]

Each area has its own script beside this one (screenshots_write.py, screenshots_dates.py, ...).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication
from shot_kit import couple_context, open_window, options, start_app

from lovebridge.ui.settings import Settings
from lovebridge.ui.shell.window import MainWindow


def settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def main() -> None:
    out, theme = options()
    app = start_app(theme)
    with tempfile.TemporaryDirectory() as tmp:
        welcome = open_window(couple_context(Path(tmp) / "first-run", with_profile=False))
        settle(app)
        welcome.grab().save(str(out / f"welcome-{theme}.png"))
        couple = couple_context(Path(tmp) / "couple")
        # The frame painted at start-up while the library opens behind it (lovebridge/app.py).
        for returning, name in ((True, "opening"), (False, "opening-first-run")):
            frame = MainWindow(None, Settings(couple.paths.settings_file), returning=returning)
            frame.resize(1180, 780)
            frame.show()
            settle(app)
            frame.grab().save(str(out / f"{name}-{theme}.png"))
            frame.close()
        window = open_window(couple)
        for index, name in enumerate(("write", "scrapbook", "dates")):
            window.show_room(index)
            settle(app)
            window.grab().save(str(out / f"room-{name}-{theme}.png"))
        prefs = window.open_preferences()
        settle(app)
        prefs.grab().save(str(out / f"preferences-{theme}.png"))
        prefs.reject()
        for shown in (welcome, window):
            shown.close()
            shown.ctx.store.close()
    print(f"screenshots written to {out}")


if __name__ == "__main__":
    main()
