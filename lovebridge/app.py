"""Start-up: paths -> store -> QApplication -> main window; or a CLI sub-command."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence

from lovebridge import APP_NAME, __version__
from lovebridge.cli import build_parser

logger = logging.getLogger(__name__)

# The name of the installed .desktop file (resources/desktop/), so desktops match the window to it.
DESKTOP_ID = "app.lovebridge.LoveBridge"

# Hidden smoke-test switch (used by the packaging tests and the release workflow): when set to a
# number of milliseconds, the app closes its main window that long after showing it, printing
# one line, so a frozen or installed LoveBridge can prove it starts without anyone clicking.
QUIT_AFTER_ENV = "LOVEBRIDGE_QUIT_AFTER_MS"


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
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_ID)
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
    schedule_smoke_quit(window)
    code = app.exec()
    store.close()
    logger.info("%s closed", APP_NAME)
    return code


def schedule_smoke_quit(window) -> None:  # noqa: ANN001 - the MainWindow
    """Honour LOVEBRIDGE_QUIT_AFTER_MS: report the shown window, then close it like a user would."""
    delay = os.environ.get(QUIT_AFTER_ENV, "").strip()
    if not delay.isdigit():
        return
    from PySide6.QtCore import QTimer

    def report_and_close() -> None:
        shown = window.isVisible() and not window.isMinimized()
        size = window.size()
        print(
            f"LoveBridge smoke test: main window {'shown' if shown else 'NOT shown'} "
            f"({size.width()}x{size.height()}), quitting",
            flush=True,
        )
        window.close()

    QTimer.singleShot(int(delay), report_and_close)
