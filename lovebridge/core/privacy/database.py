"""Converting the database between plain SQLite and SQLCipher, with sqlcipher_export."""

from __future__ import annotations

import os
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from lovebridge.store.connection import connect, create_private_file
from lovebridge.store.media import fsync_directory


def _raw_key_literal(key: bytes) -> str:
    # Hex digits only, so formatting it into SQL cannot inject anything; never a passphrase.
    return f"\"x'{key.hex()}'\""


def export_database(source: Path, source_key: bytes | None, target: Path,
                    target_key: bytes | None) -> None:
    """Copy every table of `source` into a new database at `target` under another key.

    `None` means plain SQLite. The target is fsynced before this returns; the source is only read.
    """
    # A leftover journal from an interrupted export must never be "rolled back" into the new file.
    for suffix in ("", "-journal", "-wal", "-shm"):
        target.with_name(target.name + suffix).unlink(missing_ok=True)
    create_private_file(target)
    connection = connect(source, source_key)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        key_sql = _raw_key_literal(target_key) if target_key is not None else "''"
        connection.execute(f"ATTACH DATABASE ? AS converted KEY {key_sql}", (str(target),))
        connection.execute("SELECT sqlcipher_export('converted')")
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        connection.execute(f"PRAGMA converted.user_version = {int(version)}")
        connection.execute("DETACH DATABASE converted")
    finally:
        connection.close()
    with target.open("rb+") as handle:
        os.fsync(handle.fileno())
    fsync_directory(target.parent)


def opens_with(path: Path, key: bytes | None) -> bool:
    """True when `path` is a readable database under `key` (None: plain)."""
    try:
        connection = connect(path, key)
    except Exception:
        return False
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher.DatabaseError:
        return False
    finally:
        connection.close()


def is_plain_sqlite(path: Path) -> bool:
    """A plain SQLite file starts with its well-known header; an encrypted one looks random."""
    if not path.exists() or path.stat().st_size == 0:
        return True  # a new, empty database is created plain
    with path.open("rb") as handle:
        return handle.read(16) == b"SQLite format 3\x00"
