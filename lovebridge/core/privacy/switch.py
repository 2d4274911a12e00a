"""Turning the lock on or off for a running app, ending always in a state the app can reopen.

The UI suspends the store, runs one of these in a worker thread, then reopens the store with
whatever `LockChange` says: a failure part-way (a full disk, say) is finished or rolled back here
so the app never sits on a half-converted folder without the key to read it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from lovebridge.core.privacy.database import is_plain_sqlite
from lovebridge.core.privacy.keyslots import KdfParams, KeySlots, WrongPassphraseError
from lovebridge.core.privacy.lock import (
    DataKeys,
    LockState,
    Progress,
    finish_interrupted,
    lock_state,
    space_for_lock_change,
    turn_lock_off,
    turn_lock_on,
)
from lovebridge.paths import Paths
from lovebridge.store.errors import StoreFullError
from lovebridge.store.guards import disk_full_error, write_error_kind

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class LockChange:
    """Where a change of the lock ended: the state, the key to reopen with, and any failure."""

    state: LockState
    data_key: bytes | None
    recovery_code: str | None = None
    error: Exception | None = None

    @property
    def keys(self) -> DataKeys | None:
        return DataKeys.from_data_key(self.data_key) if self.data_key else None


def switch_lock_on(
    paths: Paths,
    passphrases: dict[str, str],
    choose_params: Callable[[], KdfParams],
    progress: Progress | None = None,
) -> LockChange:
    """Encrypt the (closed) data folder; on failure, settle it and say how to reopen it."""
    try:
        params = choose_params()
        data_key, code = turn_lock_on(paths, passphrases, params, progress)
        return LockChange(LockState.ON, data_key, code)
    except Exception as exc:
        logger.warning("turning the lock on failed: %s", type(exc).__name__)
        return _settle(paths, next(iter(passphrases.values())), None,
                       _said_plainly(paths, exc, "turn the privacy lock on"))


def switch_lock_off(paths: Paths, data_key: bytes, progress: Progress | None = None) -> LockChange:
    """Decrypt the (closed) data folder; on failure, settle it and say how to reopen it."""
    try:
        turn_lock_off(paths, data_key, progress)
        return LockChange(LockState.OFF, None)
    except Exception as exc:
        logger.warning("turning the lock off failed: %s", type(exc).__name__)
        return _settle(paths, None, data_key,
                       _said_plainly(paths, exc, "turn the privacy lock off"))


def _said_plainly(paths: Paths, exc: Exception, doing: str) -> Exception:
    """A disk that filled up part-way becomes a StoreFullError saying how much it takes."""
    if isinstance(exc, StoreFullError) or write_error_kind(exc) is not StoreFullError:
        return exc
    try:
        needed = space_for_lock_change(paths)
    except OSError:
        needed = 0
    return disk_full_error(paths.data, needed, doing,
                           "your notes and photos are safe and readable as they are")


def _settle(
    paths: Paths, passphrase: str | None, data_key: bytes | None, error: Exception
) -> LockChange:
    """Finish or roll back what was interrupted; the folder is then wholly one state."""
    try:
        if lock_state(paths) is LockState.ON and data_key is None and passphrase is not None:
            data_key = KeySlots(paths.data).unlock(passphrase)[0]
        finish_interrupted(paths, data_key)
    except (OSError, ValueError, WrongPassphraseError) as exc:
        # Still part-way: files announce their own state, so the app reads them either way,
        # and the next start finishes the job.
        logger.warning("could not settle the interrupted change: %s", type(exc).__name__)
    state = lock_state(paths)
    return LockChange(state, data_key if state is LockState.ON else None, None, error)


def unlock_keys(paths: Paths, passphrase: str) -> tuple[bytes, str]:
    """Open the key file with a passphrase or the recovery code, finishing any change the
    last run left part-way. Returns (data key, slot id); raises WrongPassphraseError."""
    data_key, slot_id = KeySlots(paths.data).unlock(passphrase)
    finish_interrupted(paths, data_key)
    return data_key, slot_id


def database_key(paths: Paths, data_key: bytes | None) -> bytes | None:
    """The key to open the database file as it is now on disk (None when it is plain).

    A change interrupted near its end can leave a plain database beside the key file.
    """
    if data_key is None or is_plain_sqlite(paths.database):
        return None
    return DataKeys.from_data_key(data_key).database
