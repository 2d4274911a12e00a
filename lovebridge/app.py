"""Start-up: paths -> store -> QApplication -> main window; or a CLI sub-command."""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Sequence

from lovebridge import APP_ID, APP_NAME, __version__
from lovebridge.cli import build_parser

logger = logging.getLogger(__name__)

# Start-up timing hook for tests/perf/bench.py: with LOVEBRIDGE_STARTUP_PROBE=1 the app prints
# `first-paint <seconds since the process was created>` and `rss-kib <resident KiB>` when the
# main window first paints, then quits. Off by default; it costs one environment lookup.
STARTUP_PROBE_ENV = "LOVEBRIDGE_STARTUP_PROBE"


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `lovebridge` and `python -m lovebridge`."""
    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    if getattr(args, "func", None) is not None:
        return int(args.func(args) or 0)
    return run_gui(args.data_dir)


def run_gui(data_dir: str | None) -> int:
    """Open the store and show the main window until the user quits."""
    # Qt is imported here, not at module level, so CLI commands start without it.
    from PySide6.QtWidgets import QApplication

    from lovebridge.core.context import AppContext
    from lovebridge.logging_setup import configure_logging
    from lovebridge.paths import resolve_paths
    from lovebridge.store import StoreError, open_store
    from lovebridge.ui.common.widgets import icon
    from lovebridge.ui.errors import install_exception_hook
    from lovebridge.ui.main_window import MainWindow
    from lovebridge.ui.settings import THEME, Settings
    from lovebridge.ui.startup_error import show_startup_error
    from lovebridge.ui.theme import apply_theme

    paths = resolve_paths(data_dir).ensure()
    configure_logging(paths.logs)
    logger.info("%s %s starting", APP_NAME, __version__)

    app = QApplication.instance() or QApplication([sys.argv[0]])
    if os.environ.get(STARTUP_PROBE_ENV) == "1":
        install_startup_probe(app)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(icon("lovebridge"))
    settings = Settings(paths.settings_file)
    apply_theme(app, settings.get(THEME))

    try:
        store = open_store(paths.database)
    except StoreError as exc:
        logger.error("could not open the store: %s", type(exc).__name__)
        return show_startup_error(app, str(exc))

    window = MainWindow(AppContext(paths=paths, store=store), settings)
    install_exception_hook(lambda: window)
    window.show()
    code = app.exec()
    store.close()
    logger.info("%s closed", APP_NAME)
    return code


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
