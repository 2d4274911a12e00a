"""The start-up timing probe: the main window's first paint, the moment its library shows, quit.

Used by `lovebridge/app.py` (LOVEBRIDGE_STARTUP_PROBE=1) and, loaded by file path so it brings
none of LoveBridge with it, by the bare-window reference in tests/perf/bare_window.py: both sides
are timed by the same code. Linux only (it reads /proc).
"""

from __future__ import annotations

import gc
import os
import sys
import time


def seconds_since_process_start() -> float:
    """Seconds since the kernel created this process, so interpreter start-up counts (Linux)."""
    with open("/proc/self/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    started = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22: starttime, in clock ticks
    return time.clock_gettime(time.CLOCK_BOOTTIME) - started


def resident_kib() -> int:
    """This process's resident memory (VmRSS) in KiB (Linux)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


# Modules that have no business loading before the first paint: the probe names those loaded.
HEAVY_MODULES = ("sqlalchemy", "alembic", "lovebridge.store.db", "lovebridge.ui.write.room",
                 "lovebridge.ui.scrapbook.room", "lovebridge.ui.dates.room", "PIL",
                 "cryptography", "argon2")


def heavy_modules_loaded() -> str:
    """The HEAVY_MODULES already imported, comma-separated ("-" when none)."""
    return ",".join(name for name in HEAVY_MODULES if name in sys.modules) or "-"


def install_startup_probe(app):  # noqa: ANN001, ANN201 - QApplication -> the probe; Qt is lazy
    """A probe that reports a window's first paint, then its first paint with the library open
    (and the memory then) on stdout, then quits the app. Hand it the window with `watch`.

    It watches that window (and later the page it shows), not the whole application: an
    application-wide Python event filter is called for every event of every widget and would
    add its own cost — tens of ms before a window with content first paints — to the figure.

    A window that opens its library after painting has a `library_attached` signal and a `ctx`
    that is None until then; any other window (the bare reference) is ready at its first paint.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer

    paint = QEvent.Type.Paint

    def say(line: str) -> None:
        """One figure on stdout; with stdout gone, quit rather than leave the run waiting."""
        try:
            print(line, flush=True)
        except OSError:
            app.quit()

    class Milestones(QObject):
        def __init__(self) -> None:
            super().__init__(app)
            self.window = None
            self.page = None  # what the window shows once its library is open

        def watch(self, window: QObject) -> None:
            self.window = window
            window.installEventFilter(self)

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() != paint:
                return False
            if watched is self.window:
                watched.removeEventFilter(self)
                say(f"first-paint {seconds_since_process_start():.4f}")
                say(f"loaded-at-first-paint {heavy_modules_loaded()}")
                if getattr(watched, "ctx", True) is None:
                    watched.library_attached.connect(self.on_attached)
                else:
                    self.report_ready()
            elif watched is self.page:
                watched.removeEventFilter(self)
                self.report_ready()  # the page the library opened on has painted
            return False

        def on_attached(self) -> None:
            self.page = self.window.pages.currentWidget()
            if self.page is self.window.shell:
                self.page = self.window.rooms.currentWidget()
            self.page.installEventFilter(self)

        def report_ready(self) -> None:
            say(f"ready {seconds_since_process_start():.4f}")
            say(f"collector-at-ready {'on' if gc.isenabled() else 'off'}")
            QTimer.singleShot(0, report_memory_and_quit)

    def report_memory_and_quit() -> None:
        say(f"rss-kib {resident_kib()}")
        app.quit()

    app._startup_probe = Milestones()  # kept alive by its parent
    return app._startup_probe
