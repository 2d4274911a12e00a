"""Start-up: the window paints first; the library opens behind it.

With the lock off, the main window shows its frame at once and the store opens off the GUI
thread (SQLAlchemy, migrations, the quick check), then the window attaches to it. With the lock
on, the lock screen comes first and nothing is read before it opens.
"""

from __future__ import annotations

import importlib
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from lovebridge import APP_NAME
from lovebridge.core.privacy.state import LockState, lock_state
from lovebridge.paths import Paths
from lovebridge.ui import settings as opts
from lovebridge.ui.common.widgets import icon
from lovebridge.ui.settings import Settings
from lovebridge.ui.shell.window import MainWindow, library_modules

if TYPE_CHECKING:
    from datetime import datetime

    from lovebridge.core.context import AppContext
    from lovebridge.store import Store

logger = logging.getLogger(__name__)


class StartupLockWindow(QWidget):
    """The first window when the lock is on: only the passphrase field, no names, no data."""

    def __init__(self, paths: Paths, clock: Callable[[], float] = time.monotonic) -> None:
        from lovebridge.core.privacy.switch import unlock_keys
        from lovebridge.ui.privacy.lock_panel import LockPanel

        super().__init__()
        self.setObjectName("startupLockWindow")
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(icon("lovebridge"))
        self.resize(900, 640)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # Unlocking also finishes a change of the lock that a crash interrupted.
        self.panel = LockPanel(lambda text: unlock_keys(paths, text), clock)
        layout.addWidget(self.panel)


class Launcher(QObject):
    """Opens LoveBridge: straight to the main window, or through the lock screen first.

    `window` is the main window once its library is open (`window_opened` says so);
    `opening_window` is the window shown while the library opens.
    """

    window_created = Signal(object)  # MainWindow, about to show while its library opens
    window_painted = Signal()  # that window has painted once: deferred start-up work may run
    window_opened = Signal(object)  # MainWindow, attached to the open library
    damaged = Signal(object)  # damaged database: the app shows the recovery window (data key)
    failed = Signal(str)  # the store cannot be opened: a clear sentence for the person

    def __init__(
        self,
        paths: Paths,
        settings: Settings,
        clock: Callable[[], datetime] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self.settings = settings
        self.clock = clock  # None: the system clock (core.context loads after the first paint)
        self.lock_window: StartupLockWindow | None = None
        self.opening_window: MainWindow | None = None
        self.window: MainWindow | None = None
        self.store: Store | None = None
        self._data_key: bytes | None = None
        # Libraries opened in the background whose window has not taken them yet: closed by
        # `close` if the app quits first (a window closed while its library was opening).
        self._undelivered: list[AppContext] = []

    def start(self) -> QWidget:
        """Show the first window: the lock screen if the lock is on, else the main window.

        The main window paints before its library opens; `window_opened` or `damaged` or
        `failed` follows once the opening (in the background) ends.
        """
        if lock_state(self.paths) is LockState.ON:
            self.lock_window = StartupLockWindow(self.paths)
            self.lock_window.panel.unlocked.connect(self._on_unlocked)
            self.lock_window.show()
            return self.lock_window
        return self.open_window(None)

    def _on_unlocked(self, data_key: bytes, _slot_id: str) -> None:
        self.open_window(data_key)

    def open_window(self, data_key: bytes | None) -> MainWindow:
        """Show the main window's frame now; open the library (with the key, if any) behind it."""
        self._data_key = data_key
        window = MainWindow(None, self.settings, returning=self.paths.database.exists())
        self.opening_window = window
        self.window_created.emit(window)
        window.show()
        if self.lock_window is not None:
            self.lock_window.close()
            self.lock_window.deleteLater()
            self.lock_window = None
        # The opening work starts once the window has painted, so nothing competes with that.
        window.installEventFilter(self)
        return window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """On the opening window's first paint: start opening the library behind it."""
        if watched is self.opening_window and event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # Queued, both: this paint is drawn first, then the deferred start-up work runs.
            QTimer.singleShot(0, self.window_painted.emit)
            QTimer.singleShot(0, self.open_in_background)
        return False

    def open_in_background(self) -> None:
        """Open the library behind the shown window (again after a recovery)."""
        from lovebridge.ui.tasks import run_task

        paths, data_key, clock = self.paths, self._data_key, self.clock
        modules = library_modules(self.settings.get(opts.LAST_ROOM))

        def work() -> AppContext:
            # Imported here, in the worker: opening brings SQLAlchemy with it.
            from lovebridge.core.opening import open_library

            ctx = open_library(paths, data_key, clock)
            self._undelivered.append(ctx)
            # Imported here, off the GUI thread, so attaching only has widgets left to build;
            # and SQLAlchemy's mappers set up here too (~50 ms), not at the first query there.
            for name in modules:
                importlib.import_module(name)
            from sqlalchemy.orm import configure_mappers

            configure_mappers()
            return ctx

        run_task(work, self._on_opened, self._on_open_failed)

    def _on_opened(self, ctx: AppContext) -> None:
        self._undelivered.remove(ctx)
        self.store = ctx.store
        window = self.opening_window
        assert window is not None  # only reached through open_window()
        window.attach(ctx)
        # The library holds file keys exactly when it was opened locked (core/opening.py).
        window.privacy.set_unlocked(self._data_key if ctx.file_key is not None else None)
        self.window = window
        self.window_opened.emit(window)

    def _on_open_failed(self, exc: Exception) -> None:
        from lovebridge.store import DatabaseDamagedError, StoreError

        if isinstance(exc, DatabaseDamagedError):
            logger.error("the database is damaged: showing the recovery screen")
            self.damaged.emit(self._data_key)  # the recovery window reads locked backups too
        elif isinstance(exc, StoreError):
            logger.error("could not open the store: %s", type(exc).__name__)
            self.failed.emit(str(exc))
        else:
            logger.error("could not open the library: %s", type(exc).__name__)
            self.failed.emit(self.tr(
                "LoveBridge could not open its library ({kind}).").format(kind=type(exc).__name__))

    def close(self) -> None:
        """Close the store once the app has quit (and one still opening when it did)."""
        for ctx in self._undelivered:
            ctx.store.close()
        self._undelivered.clear()
        if self.store is not None:
            self.store.close()
