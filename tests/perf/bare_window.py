"""The reference for start-up figures: a bare PySide6 QMainWindow, timed like LoveBridge is.

Prints `first-paint <seconds since process creation>` at the window's first paint event and
`rss-kib <resident KiB>` right after, then quits: the same output, measured the same way
(/proc, Linux), as `lovebridge/app.py`'s LOVEBRIDGE_STARTUP_PROBE hook. Imports nothing from
LoveBridge so the reference carries none of its cost.
"""

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def seconds_since_process_start() -> float:
    with open("/proc/self/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    started = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22: starttime, in clock ticks
    return time.clock_gettime(time.CLOCK_BOOTTIME) - started


def resident_kib() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched.objectName() == "MainWindow":
            print(f"first-paint {seconds_since_process_start():.4f}", flush=True)
            QApplication.instance().removeEventFilter(self)
            QTimer.singleShot(0, report_memory_and_quit)
        return False


def report_memory_and_quit() -> None:
    try:
        print(f"rss-kib {resident_kib()}", flush=True)
    finally:  # even if stdout is gone, never leave a probe run waiting forever
        QApplication.quit()


if __name__ == "__main__":
    app = QApplication([sys.argv[0]])
    probe = FirstPaint(app)
    app.installEventFilter(probe)  # watched like LoveBridge's probe: from the application
    window = QMainWindow()
    window.setObjectName("MainWindow")
    window.setWindowTitle("Reference window")
    window.resize(1180, 780)  # LoveBridge's first-run window size
    window.show()
    sys.exit(app.exec())
