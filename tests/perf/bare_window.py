"""The reference for start-up figures: a bare PySide6 QMainWindow, timed like LoveBridge is.

Prints `first-paint <seconds since process creation>` at the window's first paint event and
`rss-kib <resident KiB>` right after, then quits, through the very probe LoveBridge uses
(lovebridge/startup_probe.py). That module is loaded by its file path, so the reference imports
nothing else of LoveBridge and carries none of its cost.
"""

import importlib.util
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMainWindow

PROBE_FILE = Path(__file__).resolve().parents[2] / "lovebridge" / "startup_probe.py"


def load_probe():  # noqa: ANN201 - a module
    spec = importlib.util.spec_from_file_location("startup_probe", PROBE_FILE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


if __name__ == "__main__":
    app = QApplication([sys.argv[0]])
    probe = load_probe().install_startup_probe(app)
    window = QMainWindow()
    window.setObjectName("MainWindow")
    window.setWindowTitle("Reference window")
    window.resize(1180, 780)  # LoveBridge's first-run window size
    probe.watch(window)  # watched like LoveBridge's: the window itself, from before it shows
    window.show()
    sys.exit(app.exec())
