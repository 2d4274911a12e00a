"""Connecting to the SQLite (SQLCipher) database, the session scope, and opening the store."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from lovebridge.store.change_capture import CaptureSwitch, install_change_capture
from lovebridge.store.connection import (  # noqa: F401 - BUSY_TIMEOUT_MS is read from here too
    BUSY_TIMEOUT_MS,
    CountedConnection,
    QuickCheck,
    connect,
    create_private_file,
    quick_check_problems,
)
from lovebridge.store.errors import DatabaseDamagedError, StoreBusyError, StoreError
from lovebridge.store.guards import install_text_guard, translated_write_errors

logger = logging.getLogger(__name__)

SUSPEND_WAIT_SECONDS = 10.0


def make_engine(path: Path, key: bytes | None = None) -> Engine:
    """A SQLAlchemy engine whose every connection comes from `connect()`."""
    engine = create_engine(
        "sqlite://",
        module=sqlcipher,
        creator=lambda: connect(path, key),
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=4,
        # A failed statement's error must never carry its parameters (a note's text) into a
        # message, a log line or a dialog.
        hide_parameters=True,
    )

    # pysqlite's own transaction handling defers BEGIN oddly; take control so every
    # session is one real SQLite transaction (SQLAlchemy's documented recipe).
    @event.listens_for(engine, "connect")
    def _disable_implicit_begin(dbapi_connection: sqlcipher.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn: object) -> None:
        conn.exec_driver_sql("BEGIN")  # type: ignore[attr-defined]

    return engine


class Store:
    """An open LoveBridge database: hands out short-lived sessions."""

    def __init__(self, path: Path, key: bytes | None = None) -> None:
        self.path = path
        self.engine = make_engine(path, key)
        self._key = key
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        install_text_guard(self._sessions)
        # Shared fields that change are logged for the partner's laptop (while sharing is on).
        self.capture = CaptureSwitch()
        install_change_capture(self._sessions, self.capture)
        self._suspended = False
        self._active = 0  # sessions and raw connections in use, so suspend() can wait for them
        self._idle = threading.Condition()
        # Called with each session once it has committed (core/events.py: what changed).
        self.commit_listeners: list[Callable[[Session], None]] = []

    @property
    def encrypted(self) -> bool:
        return self._key is not None

    @property
    def suspended(self) -> bool:
        return self._suspended

    def _enter(self) -> None:
        with self._idle:
            if self._suspended:
                raise StoreBusyError(
                    "LoveBridge is turning the lock on or off; your data will be back in a moment."
                )
            self._active += 1

    def _leave(self) -> None:
        with self._idle:
            self._active -= 1
            self._idle.notify_all()

    @contextmanager
    def session_scope(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on error, always closes.

        A full disk or a read-only folder surfaces as StoreFullError / StoreReadOnlyError;
        StoreBusyError while the store is suspended.
        """
        self._enter()
        try:
            session = self._sessions()
            try:
                with translated_write_errors():
                    yield session
                    session.commit()
            except BaseException:
                session.rollback()
                raise
            else:
                for listener in list(self.commit_listeners):
                    listener(session)
            finally:
                session.close()
        finally:
            self._leave()

    def raw_connection(self) -> sqlcipher.Connection:
        """A fresh DB-API connection (for the backup API and integrity checks); caller closes it.

        Counted like a session until it is closed, so `suspend()` waits for it too.
        """
        with self._idle:
            if self._suspended:
                raise StoreBusyError("LoveBridge's database is closed for a moment.")
            self._active += 1
        try:
            connection = connect(self.path, self._key, factory=CountedConnection)
        except BaseException:
            self._leave()
            raise
        connection.on_close = self._leave
        return connection

    @property
    def active(self) -> int:
        """Sessions and raw connections in use right now."""
        with self._idle:
            return self._active

    def connect_to(self, path: Path) -> sqlcipher.Connection:
        """A connection to another database file (a snapshot, a backup) with this store's key."""
        return connect(path, self._key)

    def suspend(self) -> None:
        """Refuse new sessions, wait for running ones (raw connections too), then close the file.

        Used while the file is converted in place: nothing (an autosave timer, a background
        task) may open it meanwhile, or it would write to the file being replaced. It may wait
        for seconds, so it is called from a job's worker thread, never the GUI thread.
        """
        with self._idle:
            self._suspended = True
            if not self._idle.wait_for(lambda: self._active == 0, SUSPEND_WAIT_SECONDS):
                logger.warning("suspending the store while %d session(s) still run", self._active)
        self.close()

    def reopen(self, key: bytes | None) -> None:
        """Open the (converted) database again under `key`, in place.

        The engine and session factory are swapped inside this object, so every service that
        holds this Store keeps working.
        """
        self.engine.dispose()
        self.engine = make_engine(self.path, key)
        self._key = key
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        install_text_guard(self._sessions)
        install_change_capture(self._sessions, self.capture)
        with self._idle:
            self._suspended = False

    def resume(self) -> None:
        """Reopen after `suspend()` under the same key (the file was swapped, e.g. a restore)."""
        self.reopen(self._key)

    def snapshot_to(self, target: Path) -> Path:
        """Write a consistent copy of the database to `target` with SQLite's online backup API.

        The copy is encrypted with the same key as the store (or plain if the store is).
        """
        create_private_file(target)
        source = self.raw_connection()
        destination = connect(target, self._key)
        try:
            source.backup(destination)
            destination.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            destination.close()
            source.close()
        return target

    def integrity_problems(self, quick: bool = True, foreign_keys: bool = True) -> list[str]:
        """SQLite's integrity check of the whole file (or the quick check of each table, see
        `quick_check_problems`) plus the foreign-key check; empty when healthy."""
        connection = self.raw_connection()
        try:
            if quick:
                problems = quick_check_problems(connection)
            else:
                rows = connection.execute("PRAGMA integrity_check").fetchall()
                problems = [row[0] for row in rows if row[0] != "ok"]
            if foreign_keys:
                problems += [
                    f"foreign key: {row[0]} row {row[1]} -> {row[2]}"
                    for row in connection.execute("PRAGMA foreign_key_check").fetchall()
                ]
            return problems
        except sqlcipher.DatabaseError as exc:
            return [str(exc)]
        finally:
            connection.close()

    def close(self) -> None:
        """Release every pooled connection and fold the WAL back into the database file."""
        try:
            # SQLite's advice for long-lived connections: refresh the query planner's statistics
            # on close (only tables never analysed or much changed; ~0 ms otherwise). Without
            # them SQLite reads the timeline through the trashed_at index and sorts every memory
            # (tens of ms at 10,000) instead of walking the date index for one page (~1 ms).
            with self.engine.begin() as connection:
                connection.exec_driver_sql("PRAGMA optimize=0x10002")
        except Exception:  # closing must never fail; statistics are an optimisation
            logger.warning("PRAGMA optimize on close failed", exc_info=True)
        try:
            with self.engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except Exception:  # closing must never fail; a checkpoint is an optimisation
            logger.warning("WAL checkpoint on close failed", exc_info=True)
        self.engine.dispose()


def verify_schema(store: Store) -> None:
    """Refuse (UnexpectedSchemaError) a database holding anything LoveBridge never made."""
    from lovebridge.store.schema_check import CACHE_FOLDER, check_schema

    connection = store.raw_connection()
    try:
        check_schema(connection, store.path.parent / CACHE_FOLDER)
    except StoreError:
        store.engine.dispose()
        raise
    finally:
        connection.close()


def open_store(
    path: Path, key: bytes | None = None, *, migrate: bool = True,
    checked: QuickCheck | None = None,
) -> Store:
    """Open (creating if needed) the database at `path`: quick check, then migrate to head.

    `checked` is the quick check of this file already started (see `start_quick_check`).
    Raises DatabaseDamagedError, NewerDatabaseError or WrongKeyError with a readable message;
    in each case the file is left exactly as it was.
    """
    from lovebridge.store.migrate import upgrade_to_head  # alembic is only needed here

    fresh = not path.exists() or path.stat().st_size == 0
    create_private_file(path)
    store = Store(path, key)
    if not fresh:
        # The file-level quick check guards every start. The foreign-key check (a scan of every
        # linking table, ~40% on top at 20,000 photos) is left to `lovebridge check`: every
        # connection enforces foreign keys, so only outside edits could break them, and a broken
        # link is no reason to refuse the whole scrapbook.
        if checked is not None and checked.path == path:
            problems = checked.problems()
        else:
            problems = store.integrity_problems(quick=True, foreign_keys=False)
        if problems:
            store.engine.dispose()
            logger.error("integrity check failed with %d problem(s)", len(problems))
            raise DatabaseDamagedError(
                "LoveBridge's database is damaged (" + "; ".join(problems[:3]) + ")."
            )
        verify_schema(store)
    if migrate:
        try:
            upgrade_to_head(store)
        except StoreError:
            store.engine.dispose()
            raise
        if fresh:  # built just now by the migrations: its schema is the expected one
            from lovebridge.store.schema_check import CACHE_FOLDER, remember_fresh

            connection = store.raw_connection()
            try:
                remember_fresh(connection, path.parent / CACHE_FOLDER)
            finally:
                connection.close()
    return store
