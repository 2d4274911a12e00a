"""Turning the lock on and off in place, so that a crash at any moment loses nothing.

Turning it on: a marker is written, then the wrapped keys (pending) and an encrypted copy of the
database; renaming the pending key file into place is the commit point. After it, the encrypted
database replaces the plain one and photos and backups are encrypted file by file. Before it, the
old plain state is untouched and the pending files are simply discarded. Files announce whether
they are encrypted by their header, so a library part-way through is readable either way, and
`finish_interrupted` completes the work on the next start. Turning it off runs the same way in
reverse, with deleting the key file as the commit point.
"""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lovebridge.core.privacy.database import export_database, is_plain_sqlite
from lovebridge.core.privacy.keyslots import KdfParams, KeySlots, subkey
from lovebridge.core.privacy.state import LockState, lock_state
from lovebridge.paths import Paths
from lovebridge.store.file_cipher import decrypt_bytes, encrypt_bytes, is_encrypted
from lovebridge.store.guards import SPACE_MARGIN_BYTES, require_free_space
from lovebridge.store.media import fsync_directory, write_atomically

logger = logging.getLogger(__name__)

MARKER_NAME = "privacy-transition.json"
PENDING_KEYS = "keyslots.json.pending"
ENCRYPTED_DB = "lovebridge.db.encrypted-pending"
PLAIN_DB = "lovebridge.db.plain-pending"

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class DataKeys:
    """The two keys the app uses once unlocked, derived from the one data key."""

    database: bytes
    files: bytes

    @classmethod
    def from_data_key(cls, data_key: bytes) -> DataKeys:
        return cls(database=subkey(data_key, "database"), files=subkey(data_key, "files"))


def interrupted_direction(paths: Paths) -> str | None:
    """"on" or "off" when a previous change of the lock did not finish, else None."""
    marker = paths.data / MARKER_NAME
    if not marker.exists():
        return None
    return json.loads(marker.read_text(encoding="utf-8")).get("direction")


def space_for_lock_change(paths: Paths) -> int:
    """About how much free space turning the lock on or off takes: the database is rewritten
    beside itself (a copy, and SQLite's journal of it: twice its size), and each photo and
    backup is rewritten beside itself, one at a time (the largest counts)."""
    database = 0
    for suffix in ("", "-wal"):
        part = paths.database.with_name(paths.database.name + suffix)
        database += part.stat().st_size if part.exists() else 0
    largest = max((path.stat().st_size for path, _id in _protected_files(paths)), default=0)
    return 2 * database + largest + SPACE_MARGIN_BYTES


def _write_marker(paths: Paths, direction: str) -> None:
    write_atomically(paths.data / MARKER_NAME, json.dumps({"direction": direction}).encode())


def _remove(path: Path) -> None:
    path.unlink(missing_ok=True)


def _protected_files(paths: Paths) -> Iterator[tuple[Path, str]]:
    """Every photo and backup file, with the identity its encryption is bound to."""
    for folder, prefix in ((paths.photos, "photo"), (paths.backups, "backup")):
        if not folder.exists():
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.name.startswith(".incoming-"):
                if prefix == "photo":
                    yield path, f"photo/{path.name}"
                else:
                    yield path, f"backup/{path.relative_to(folder).as_posix()}"


def _convert_files(paths: Paths, file_key: bytes, encrypt: bool, progress: Progress | None) -> int:
    files = list(_protected_files(paths))
    changed = 0
    for done, (path, identity) in enumerate(files, start=1):
        blob = path.read_bytes()
        if encrypt and not is_encrypted(blob):
            write_atomically(path, encrypt_bytes(file_key, identity, blob))
            changed += 1
        elif not encrypt and is_encrypted(blob):
            write_atomically(path, decrypt_bytes(file_key, identity, blob))
            changed += 1
        if progress is not None:
            progress(done, len(files))
    return changed


def _replace_database(paths: Paths, new_file: Path) -> None:
    # The store is closed and its WAL was checkpointed into the file that was exported, so the
    # stale -wal/-shm (if any) hold nothing; they must not be applied to the new database.
    for suffix in ("-wal", "-shm"):
        _remove(paths.database.with_name(paths.database.name + suffix))
    new_file.replace(paths.database)
    fsync_directory(paths.data)


def _clear_thumbnails(paths: Paths) -> None:
    # Thumbnails are a cache: dropping them is cheaper and safer than converting them.
    if paths.thumbnails.exists():
        shutil.rmtree(paths.thumbnails)
    paths.thumbnails.mkdir(parents=True, exist_ok=True, mode=0o700)


def turn_lock_on(
    paths: Paths,
    passphrases: dict[str, str],
    params: KdfParams | None = None,
    progress: Progress | None = None,
) -> tuple[bytes, str]:
    """Encrypt the data folder in place (the store must be closed). Returns (data key, code)."""
    if lock_state(paths) is LockState.ON:
        raise ValueError("The lock is already on.")
    require_free_space(paths.data, space_for_lock_change(paths), "turn the privacy lock on")
    _write_marker(paths, "on")
    pending = KeySlots(paths.data)
    pending.path = paths.data / PENDING_KEYS
    data_key, recovery_code = pending.create(passphrases, params)
    keys = DataKeys.from_data_key(data_key)
    export_database(paths.database, None, paths.data / ENCRYPTED_DB, keys.database)
    (paths.data / PENDING_KEYS).replace(KeySlots(paths.data).path)  # the commit point
    fsync_directory(paths.data)
    logger.info("lock turned on; finishing the conversion of files")
    _finish_on(paths, keys, progress)
    return data_key, recovery_code


def _finish_on(paths: Paths, keys: DataKeys, progress: Progress | None) -> None:
    if (paths.data / ENCRYPTED_DB).exists():
        _replace_database(paths, paths.data / ENCRYPTED_DB)
    _clear_thumbnails(paths)
    _convert_files(paths, keys.files, encrypt=True, progress=progress)
    _remove(paths.data / MARKER_NAME)


def turn_lock_off(paths: Paths, data_key: bytes, progress: Progress | None = None) -> None:
    """Decrypt the data folder in place (the store must be closed)."""
    if lock_state(paths) is LockState.OFF:
        raise ValueError("The lock is already off.")
    require_free_space(paths.data, space_for_lock_change(paths), "turn the privacy lock off")
    _write_marker(paths, "off")
    keys = DataKeys.from_data_key(data_key)
    _finish_off(paths, keys, progress)


def _finish_off(paths: Paths, keys: DataKeys, progress: Progress | None) -> None:
    if not is_plain_sqlite(paths.database):
        export_database(paths.database, keys.database, paths.data / PLAIN_DB, None)
    _clear_thumbnails(paths)
    _convert_files(paths, keys.files, encrypt=False, progress=progress)
    if (paths.data / PLAIN_DB).exists():
        _replace_database(paths, paths.data / PLAIN_DB)
    _remove(KeySlots(paths.data).path)  # the commit point
    fsync_directory(paths.data)
    _remove(paths.data / MARKER_NAME)
    logger.info("lock turned off")


def finish_interrupted(paths: Paths, data_key: bytes | None) -> None:
    """Complete or roll back a change of the lock that a crash interrupted.

    Needs the data key when the key file is in place (unlock first); without a key file the old
    plain state is still whole and the pending files are discarded.
    """
    direction = interrupted_direction(paths)
    if direction is None:
        return
    key_file_in_place = lock_state(paths) is LockState.ON
    if not key_file_in_place:
        for name in (PENDING_KEYS, ENCRYPTED_DB, PLAIN_DB):
            for suffix in ("", "-journal"):
                _remove(paths.data / (name + suffix))
        if direction == "off":
            # Everything but the key file's removal had finished: files are already plain.
            _clear_thumbnails(paths)
        _remove(paths.data / MARKER_NAME)
        return
    if data_key is None:
        raise ValueError("Unlock LoveBridge to finish changing the lock.")
    keys = DataKeys.from_data_key(data_key)
    if direction == "on":
        _finish_on(paths, keys, None)
    else:
        _finish_off(paths, keys, None)
