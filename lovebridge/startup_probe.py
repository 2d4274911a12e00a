"""The start-up timing probe: reports the main window's first paint, then quits.

Used by `lovebridge/app.py` (LOVEBRIDGE_STARTUP_PROBE=1) and, loaded by file path so it brings
none of LoveBridge with it, by the bare-window reference in tests/perf/bare_window.py: both sides
are timed by the same code. Linux only (it reads /proc).
"""

from __future__ import annotations

import os
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


def install_startup_probe(app) -> None:  # noqa: ANN001 - QApplication; Qt stays a lazy import
    """Report the main window's first paint (and memory then) on stdout, then quit the app."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and watched.objectName() == "MainWindow":
                print(f"first-paint {seconds_since_process_start():.4f}", flush=True)
                app.removeEventFilter(self)
                QTimer.singleShot(0, report_memory_and_quit)
            return False

    def report_memory_and_quit() -> None:
        try:
            print(f"rss-kib {resident_kib()}", flush=True)
        finally:  # even if stdout is gone, never leave a probe run waiting forever
            app.quit()

    app._startup_probe = FirstPaint(app)  # kept alive by its parent
    app.installEventFilter(app._startup_probe)
