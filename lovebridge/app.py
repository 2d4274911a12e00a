"""Start-up: paths -> store -> QApplication -> main window; or a CLI sub-command."""

from __future__ import annotations

import functools
import gc
import logging
import os
import sys
from collections.abc import Sequence

from lovebridge import APP_NAME, __version__
from lovebridge.cli import build_parser, first_look
from lovebridge.core.importers import PHOTO_READER_ARGUMENT
from lovebridge.log_privacy import install_private_fallback

logger = logging.getLogger(__name__)

# The name of the installed .desktop file (resources/desktop/), so desktops match the window to it.
DESKTOP_ID = "app.lovebridge.LoveBridge"

# Hidden smoke-test switch (used by the packaging tests and the release workflow): when set to a
# number of milliseconds, the app closes its main window that long after showing it, printing
# one line, so a frozen or installed LoveBridge can prove it starts without anyone clicking.
QUIT_AFTER_ENV = "LOVEBRIDGE_QUIT_AFTER_MS"

# Start-up timing hook for tests/perf/bench.py: with LOVEBRIDGE_STARTUP_PROBE=1 the app prints
# `first-paint <seconds since the process was created>` and `rss-kib <resident KiB>` when the
# main window first paints, then quits. Off by default; it costs one environment lookup.
STARTUP_PROBE_ENV = "LOVEBRIDGE_STARTUP_PROBE"

# The day's automatic backup waits this long after the library opens, so it never competes
# with the first room for the CPU and the disk (the backup on quit is promised from the start).
AUTOMATIC_BACKUP_DELAY_MS = 20_000


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `lovebridge` and `python -m lovebridge`."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments == [PHOTO_READER_ARGUMENT]:  # a big import's second reader (never a person)
        from lovebridge.core.importers.second_reader import serve

        return serve()
    install_private_fallback()  # no exception text on stderr, even before the log file exists
    window_only, data_dir = first_look(arguments)
    if window_only:
        # Start-up creates objects by the hundred thousand and keeps nearly all of them: the
        # collector's passes over them cost 10-14 ms before the first paint and about a fifth
        # of start-up's CPU while the library opens. It is held off until the library is open
        # (see `run_gui`), and what start-up made is then set aside from later collections.
        gc.disable()
        try:
            return run_gui(data_dir)
        finally:
            resume_garbage_collection()
    # The command line's language first (Preferences, else the system's), so its help, usage
    # lines and argparse's own words about a mistyped command are said in it too.
    from lovebridge.cli.language import argparse_words, use_language
    from lovebridge.paths import resolve_paths

    use_language(resolve_paths(data_dir).settings_file)
    with argparse_words():
        args = build_parser().parse_args(arguments)
    if getattr(args, "func", None) is not None:
        return int(args.func(args) or 0)
    return run_gui(args.data_dir)


def run_gui(data_dir: str | None) -> int:
    """Show the main window at once, open the library behind it, and run until the user quits."""
    # Only what the first paint needs is imported here: Qt, paths, settings, the window's frame.
    # The store, SQLAlchemy and the rooms load in the background once the window is up.
    from PySide6.QtCore import QThreadPool

    from lovebridge.ui.pyside_imports import use_cheap_feature_check

    use_cheap_feature_check()  # before the hundreds of imports that follow (see that module)
    from PySide6.QtWidgets import QApplication

    from lovebridge.core.data_folder import data_folder_problem, restore_interrupted
    from lovebridge.paths import resolve_paths
    from lovebridge.ui.common.widgets import icon
    from lovebridge.ui.i18n import install_language
    from lovebridge.ui.privacy.startup import Launcher
    from lovebridge.ui.qt_messages import install_qt_message_handler
    from lovebridge.ui.settings import LANGUAGE, THEME, Settings
    from lovebridge.ui.theme import apply_theme

    install_qt_message_handler()  # Qt's messages lose URLs and quoted text (a note, a path)
    paths = resolve_paths(data_dir)
    folder_problem = data_folder_problem(paths)  # read-only or full: say so, change nothing

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_ID)
    app.setWindowIcon(icon("lovebridge"))
    settings = Settings(paths.settings_file)
    interpreter = install_language(app, settings.get(LANGUAGE))  # kept: Qt holds only pointers
    apply_theme(app, settings.get(THEME))

    if folder_problem is not None:
        from lovebridge.ui.startup_error import show_startup_error

        return show_startup_error(app, folder_problem)
    if restore_interrupted(paths):  # rare: finished or undone before the lock is asked about
        from lovebridge.core.backup.swap import finish_interrupted_restore

        finish_interrupted_restore(paths)  # the rest of the tidying comes with opening
    # With the lock on, the lock screen comes first and the store opens only once unlocked.
    launcher = Launcher(paths, settings)
    # Today's automatic backup in the background once the app has settled, another on quit.
    launcher.window_opened.connect(
        lambda window: window.backups.schedule_automatic(AUTOMATIC_BACKUP_DELAY_MS))
    launcher.window_opened.connect(functools.partial(schedule_smoke_quit, interpreter=interpreter))

    def recover_and_reopen(data_key: bytes | None) -> None:
        window = launcher.opening_window
        if window is not None:
            window.hide()
        if not run_recovery(app, paths, data_key):
            app.exit(2)
            return
        if window is not None:
            window.show()
        launcher.open_in_background()

    def give_up(message: str) -> None:
        from lovebridge.ui.startup_error import open_startup_error

        if launcher.opening_window is not None:
            launcher.opening_window.hide()
        open_startup_error(message, lambda: app.exit(2))

    if os.environ.get(STARTUP_PROBE_ENV) == "1":
        from lovebridge.startup_probe import install_startup_probe

        launcher.window_created.connect(install_startup_probe(app).watch)
    launcher.damaged.connect(recover_and_reopen)
    launcher.failed.connect(give_up)

    started: list[bool] = []

    def after_first_paint() -> None:
        # The log file and the error dialog hook (logging.handlers alone costs ~10 ms), held
        # off until the window was on screen.
        if not started:
            started.append(True)
            start_logging(paths, lambda: launcher.window or launcher.opening_window)

    launcher.window_painted.connect(after_first_paint)
    # The garbage collector, held off in `main`, collects again once opening has ended, however
    # it ended: the room built, the recovery screen, an error shown.
    launcher.window_opened.connect(resume_garbage_collection)
    launcher.damaged.connect(resume_garbage_collection)
    launcher.failed.connect(resume_garbage_collection)
    if launcher.start() is not launcher.opening_window:
        after_first_paint()  # the lock screen: nothing to hurry for
        resume_garbage_collection()
    code = app.exec()
    QThreadPool.globalInstance().waitForDone()  # let the on-quit backup finish
    launcher.close()
    del interpreter  # held until the event loop ended: Qt keeps only pointers to translators
    logger.info("%s closed", APP_NAME)
    return code


def resume_garbage_collection(*_why: object) -> None:
    """Collect again (once, whichever signal comes first); what start-up made is set aside
    from later collections (gc.freeze). Nearly all of it is kept: of about 147,000 objects,
    under 800 are garbage, left set aside with the rest rather than paying 80-100 ms of one
    full collection on the GUI thread just before the room shows."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def start_logging(paths, window_for_errors) -> None:  # noqa: ANN001 - Paths, a callable
    """The log file, and unexpected errors shown over `window_for_errors()` and logged."""
    from lovebridge.logging_setup import configure_logging
    from lovebridge.ui.errors import install_exception_hook

    configure_logging(paths.logs)
    install_exception_hook(window_for_errors)
    logger.info("%s %s starting", APP_NAME, __version__)


def run_recovery(app, paths, data_key: bytes | None = None) -> bool:  # noqa: ANN001
    """Keep the damaged file aside and show the recovery screen; True once the data is sound.

    `app` is the QApplication and `paths` the Paths (imported lazily); `data_key` is what
    unlocking gave when the lock is on.
    """
    from PySide6.QtCore import QEventLoop

    from lovebridge.core.context import system_clock
    from lovebridge.store.recovery import set_aside_damaged
    from lovebridge.ui.recovery import RecoveryWindow
    from lovebridge.ui.startup_error import show_startup_error

    try:
        damaged_copy = set_aside_damaged(paths.database, paths.backups, system_clock())
    except OSError:
        logger.error("could not keep the damaged database aside")
        show_startup_error(app, "LoveBridge's database is damaged, and there is no room (or no "
                                "permission) to keep a copy of it aside before repairing it.")
        return False
    window = RecoveryWindow(paths, damaged_copy, system_clock, data_key)
    outcome: list[str] = []
    # A local loop, not app.exec(): ending that would put Qt into its closing-down state.
    loop = QEventLoop()
    window.resolved.connect(lambda how: (outcome.append(how), window.close()))
    window.closed.connect(loop.quit)
    window.show()
    loop.exec()
    return bool(outcome)


def schedule_smoke_quit(window, interpreter) -> None:  # noqa: ANN001 - MainWindow, Interpreter
    """Honour LOVEBRIDGE_QUIT_AFTER_MS: report the shown window and the catalogues in force,
    then close it like a user would."""
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
        print("LoveBridge smoke test: catalogues " + " ".join(interpreter.catalogues()),
              flush=True)
        window.close()

    QTimer.singleShot(int(delay), report_and_close)
