"""Opening the library: tidy the data folder, finish a cut-short lock change, open the store.

Shared by the app (which runs it off the GUI thread after its window first paints) and the
command line. No Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from lovebridge.core.backup.startup import prepare_data_folder
from lovebridge.core.privacy.lock import DataKeys, finish_interrupted
from lovebridge.core.privacy.state import LockState, lock_state
from lovebridge.core.privacy.switch import database_key
from lovebridge.paths import Paths
from lovebridge.store.connection import start_quick_check

if TYPE_CHECKING:
    from lovebridge.core.context import AppContext


def open_library(
    paths: Paths,
    data_key: bytes | None,
    clock: Callable[[], datetime] | None = None,
) -> AppContext:
    """The opened library, with `data_key` from unlocking when the lock is on (else None);
    `clock` None is the system clock.

    Raises StoreError (DatabaseDamagedError, NewerDatabaseError, ...) when the store cannot open.
    """
    prepare_data_folder(paths)  # an interrupted restore finished or undone; half-written files go
    if data_key is None:
        finish_interrupted(paths, None)  # a change of the lock cut short (unlocking does it too)
    on = lock_state(paths) is LockState.ON and data_key is not None
    key = database_key(paths, data_key if on else None)
    # The file is checked on its own thread while SQLAlchemy and the models load: the two
    # together take about as long as the longer of them, not their sum.
    checked = start_quick_check(paths.database, key)
    from lovebridge.core.context import AppContext, system_clock
    from lovebridge.store import open_store

    store = open_store(paths.database, key, checked=checked)
    files = DataKeys.from_data_key(data_key).files if on and data_key else None
    return AppContext(paths=paths, store=store, clock=clock or system_clock, file_key=files)
