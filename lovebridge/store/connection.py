"""One raw connection to the SQLite (SQLCipher) database, with LoveBridge's pragmas.

Kept apart from `db.py` (SQLAlchemy) so that start-up can check the file, and the lock can
convert it, without importing SQLAlchemy.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from lovebridge.store.errors import DatabaseDamagedError, StoreFullError, WrongKeyError
from lovebridge.store.guards import OPEN_SPACE_BYTES, disk_full_message, full_disk_while_opening

BUSY_TIMEOUT_MS = 5000


class CountedConnection(sqlcipher.Connection):
    """A raw connection the Store handed out: closing it tells the Store it is free again."""

    on_close = None  # set by Store.raw_connection; called once

    def close(self) -> None:
        try:
            super().close()
        finally:
            release, self.on_close = self.on_close, None
            if release is not None:
                release()


def connect(
    path: Path | str, key: bytes | None = None, factory: type | None = None
) -> sqlcipher.Connection:
    """Open one DB-API connection with LoveBridge's pragmas; `key` unlocks an encrypted database.

    Every connection in the app goes through here, so encryption is a matter of passing a key.
    The key is handed to SQLCipher as raw hex, never as a passphrase inside SQL.
    """
    connection = sqlcipher.connect(
        str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False,
        factory=factory or sqlcipher.Connection,
    )
    if key is not None:
        connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        # Sorts and temporary tables stay in memory, never in a plain temp file on disk.
        connection.execute("PRAGMA temp_store = MEMORY")
    # Triggers and views found in a file (a restored backup) may not call risky functions.
    connection.execute("PRAGMA trusted_schema=OFF")
    try:
        connection.execute("PRAGMA journal_mode=WAL")
    # A wrong key or a non-database fails at first use; a scribbled-over schema page can even
    # yield an error text that is not UTF-8, which is the same damage.
    except (sqlcipher.DatabaseError, UnicodeDecodeError) as exc:
        connection.close()
        folder = Path(path).parent
        if full_disk_while_opening(exc, folder):  # a full disk is never taken for damage
            raise StoreFullError(disk_full_message(folder, OPEN_SPACE_BYTES)) from exc
        if key is not None:
            raise WrongKeyError("That key does not open this LoveBridge database.") from exc
        raise DatabaseDamagedError(f"{Path(path).name} is not a readable database.") from exc
    connection.execute("PRAGMA foreign_keys=ON")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return connection


def create_private_file(path: Path) -> None:
    """Create `path` empty with mode 0600 if missing; SQLite's -wal/-shm files inherit it."""
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    if os.name == "posix":
        os.chmod(path, 0o600)


class QuickCheck:
    """SQLite's quick check of an existing database file, started on its own thread.

    SQLite runs without holding Python's GIL, so the check reads the file while start-up
    imports SQLAlchemy and the models; `problems()` waits for it. Read-only: the file is left
    as it was (a missing file is never created here).
    """

    def __init__(self, path: Path, key: bytes | None = None) -> None:
        self.path = path
        self._key = key
        self._problems: list[str] = []
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="lovebridge-quick-check",
                                        daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            connection = connect(self.path, self._key)
            try:
                self._problems = quick_check_problems(connection)
            except sqlcipher.DatabaseError as exc:
                self._problems = [str(exc)]
            finally:
                connection.close()
        except BaseException as exc:  # handed to the caller of problems(), on its thread
            self._error = exc

    def problems(self) -> list[str]:
        """What the check found (empty when healthy); raises what opening the file raised."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._problems


def quick_check_problems(connection: sqlcipher.Connection) -> list[str]:
    """SQLite's quick check of every table, one table at a time; empty when healthy.

    Each table and its indexes are checked whole: pages, cells, key order, index entries. Two
    things the check of the whole file does besides are left to `lovebridge check` (the full
    integrity check, which the backups' validation runs too): the count of free pages, and
    the search index's own check, which splits every memory's story into words again (about
    180 ms of CPU at 10,000 memories, more at every start as the scrapbook grows). The index
    is made from the memories and can be rebuilt; its tables are checked here like any other.
    Raises sqlcipher.DatabaseError when the file cannot be read.
    """
    tables = [row[0] for row in connection.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table' "
        "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'")]
    problems: list[str] = []
    for table in tables:
        quoted = table.replace('"', '""')
        rows = connection.execute(f'PRAGMA quick_check("{quoted}")').fetchall()
        problems += [row[0] for row in rows if row[0] != "ok"]
    return problems


def start_quick_check(path: Path, key: bytes | None = None) -> QuickCheck | None:
    """The quick check of the database at `path`, started now; None for a missing or empty
    file (a fresh library: nothing to check, and nothing may be created here)."""
    try:
        if path.stat().st_size == 0:
            return None
    except OSError:
        return None
    return QuickCheck(path, key)
