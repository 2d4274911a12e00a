"""Start-up with the lock: the lock screen comes first and nothing is read before it opens."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from lovebridge import APP_NAME
from lovebridge.core.context import AppContext, system_clock
from lovebridge.core.privacy.lock import DataKeys, LockState, finish_interrupted, lock_state
from lovebridge.core.privacy.switch import database_key, unlock_keys
from lovebridge.paths import Paths
from lovebridge.store import StoreError, open_store
from lovebridge.ui.common.widgets import icon
from lovebridge.ui.errors import show_error
from lovebridge.ui.privacy.lock_panel import LockPanel
from lovebridge.ui.settings import Settings

logger = logging.getLogger(__name__)


class StartupLockWindow(QWidget):
    """The first window when the lock is on: only the passphrase field, no names, no data."""

    def __init__(self, paths: Paths, clock: Callable[[], float] = time.monotonic) -> None:
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
    """Opens LoveBridge: straight to the main window, or through the lock screen first."""

    window_opened = Signal(object)  # MainWindow
    failed = Signal(str)

    def __init__(
        self,
        paths: Paths,
        settings: Settings,
        clock: Callable[[], datetime] = system_clock,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self.settings = settings
        self.clock = clock
        self.lock_window: StartupLockWindow | None = None
        self.window = None  # MainWindow once open
        self.store = None

    def start(self) -> QWidget:
        """Show the first window: the lock screen if the lock is on, else the main window.

        Raises StoreError when the (unlocked) database cannot be opened.
        """
        if lock_state(self.paths) is LockState.ON:
            self.lock_window = StartupLockWindow(self.paths)
            self.lock_window.panel.unlocked.connect(self._on_unlocked)
            self.lock_window.show()
            return self.lock_window
        finish_interrupted(self.paths, None)  # a change of the lock cut short before its end
        return self.open_window(None)

    def _on_unlocked(self, data_key: bytes, _slot_id: str) -> None:
        try:
            self.open_window(data_key)
        except StoreError as exc:
            logger.error("could not open the store after unlocking: %s", type(exc).__name__)
            show_error(self.lock_window, APP_NAME, str(exc),
                       self.tr("Nothing has been changed. Your files are where they were."))
            self.failed.emit(str(exc))
            return
        if self.lock_window is not None:
            self.lock_window.close()
            self.lock_window.deleteLater()
            self.lock_window = None

    def open_window(self, data_key: bytes | None) -> QWidget:
        """Open the store with the key (if any) and show the main window."""
        from lovebridge.ui.main_window import MainWindow  # the rooms load only once unlocked

        on = lock_state(self.paths) is LockState.ON and data_key is not None
        files = DataKeys.from_data_key(data_key).files if on and data_key else None
        self.store = open_store(self.paths.database, database_key(self.paths, data_key))
        ctx = AppContext(paths=self.paths, store=self.store, clock=self.clock, file_key=files)
        window = MainWindow(ctx, self.settings)
        window.privacy.set_unlocked(data_key if on else None)
        self.window = window
        window.show()
        self.window_opened.emit(window)
        return window

    def close(self) -> None:
        """Close the store once the app has quit."""
        if self.store is not None:
            self.store.close()
