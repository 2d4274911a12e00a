"""The reference for start-up figures: a bare PySide6 QMainWindow, timed like LoveBridge is.

Prints `first-paint <seconds since process creation>` at the window's first paint event and
`rss-kib <resident KiB>` right after, then quits, through the very probe LoveBridge uses
(lovebridge/startup_probe.py). That module is loaded by its file path, so the reference imports
nothing else of LoveBridge and carries none of its cost.

With `--with-store-stack` the window first imports SQLAlchemy's ORM and its SQLite dialect, the
stack the brief fixes for the store: the least any window showing a room read through the store
must pay, before one model is declared, one query run or one widget of the room built.
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
    if "--with-store-stack" in sys.argv[1:]:
        import sqlalchemy.dialects.sqlite  # noqa: F401 - its import is what is measured
        import sqlalchemy.orm  # noqa: F401
    app = QApplication([sys.argv[0]])
    probe = load_probe().install_startup_probe(app)
    window = QMainWindow()
    window.setObjectName("MainWindow")
    window.setWindowTitle("Reference window")
    window.resize(1180, 780)  # LoveBridge's first-run window size
    probe.watch(window)  # watched like LoveBridge's: the window itself, from before it shows
    window.show()
    sys.exit(app.exec())
