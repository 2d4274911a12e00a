"""Start-up: paths -> store -> QApplication -> main window; or a CLI sub-command."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence

from lovebridge import APP_ID, APP_NAME, __version__
from lovebridge.cli import build_parser

logger = logging.getLogger(__name__)


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

    from lovebridge.logging_setup import configure_logging
    from lovebridge.paths import resolve_paths
    from lovebridge.store import StoreError
    from lovebridge.ui.common.widgets import icon
    from lovebridge.ui.errors import install_exception_hook
    from lovebridge.ui.privacy.startup import Launcher
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
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(icon("lovebridge"))
    settings = Settings(paths.settings_file)
    apply_theme(app, settings.get(THEME))

    # With the lock on, the lock screen comes first and the store opens only once unlocked.
    launcher = Launcher(paths, settings)
    try:
        first_window = launcher.start()
    except StoreError as exc:
        logger.error("could not open the store: %s", type(exc).__name__)
        return show_startup_error(app, str(exc))

    install_exception_hook(lambda: launcher.window or first_window)
    code = app.exec()
    launcher.close()
    logger.info("%s closed", APP_NAME)
    return code
