"""The start-up timing probe: the main window's first paint, the moment its library shows, quit.

Used by `lovebridge/app.py` (LOVEBRIDGE_STARTUP_PROBE=1) and, loaded by file path so it brings
none of LoveBridge with it, by the bare-window reference in tests/perf/bare_window.py: both sides
are timed by the same code. Linux only (it reads /proc).
"""

from __future__ import annotations

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


def install_startup_probe(app) -> None:  # noqa: ANN001 - QApplication; Qt stays a lazy import
    """Report the main window's first paint, then its first paint with the library open (and
    the memory then) on stdout, then quit the app.

    A window that opens its library after painting has a `library_attached` signal and a `ctx`
    that is None until then; any other window (the bare reference) is ready at its first paint.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer

    class Milestones(QObject):
        def __init__(self) -> None:
            super().__init__(app)
            self.window = None
            self.attached = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() != QEvent.Type.Paint:
                return False
            if self.window is None and watched.objectName() == "MainWindow":
                self.window = watched
                print(f"first-paint {seconds_since_process_start():.4f}", flush=True)
                print(f"loaded-at-first-paint {heavy_modules_loaded()}", flush=True)
                if getattr(watched, "ctx", True) is None:
                    watched.library_attached.connect(self.on_attached)
                else:
                    self.report_ready()
            elif self.attached and self.window.isAncestorOf(watched):
                self.report_ready()  # the first paint inside the window once it has its library
            return False

        def on_attached(self) -> None:
            self.attached = True

        def report_ready(self) -> None:
            print(f"ready {seconds_since_process_start():.4f}", flush=True)
            app.removeEventFilter(self)
            QTimer.singleShot(0, report_memory_and_quit)

    def report_memory_and_quit() -> None:
        try:
            print(f"rss-kib {resident_kib()}", flush=True)
        finally:  # even if stdout is gone, never leave a probe run waiting forever
            app.quit()

    app._startup_probe = Milestones()  # kept alive by its parent
    app.installEventFilter(app._startup_probe)
