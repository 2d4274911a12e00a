"""A damaged database: keep it aside untouched, and rescue what can be read into a new file.

The rescue never writes to the damaged file: it works on a copy. It uses the `sqlite3` command
line tool's `.recover` when that is installed (and the file is not encrypted), and otherwise a
tolerant copy in Python: table by table, row by row, skipping what cannot be read.
"""

from __future__ import annotations

import functools
import logging
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from lovebridge.store.db import create_private_file

logger = logging.getLogger(__name__)

SIDE_FILES = ("-wal", "-shm")
MAX_ROWID_PROBES = 2_000_000  # per table, when a table's pages must be read one row at a time
CLI_TIMEOUT_S = 600


class RecoveryFailedError(Exception):
    """Nothing usable could be rescued from the damaged database."""


@dataclass
class SalvageReport:
    """What a rescue produced: rows per table, rows dropped as dangling, and how."""

    target: Path
    method: str
    rows: dict[str, int] = field(default_factory=dict)
    dropped_dangling: int = 0

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


def timestamp(now: datetime) -> str:
    """A file-name-safe local time stamp, e.g. 20261123-183000."""
    return now.astimezone().strftime("%Y%m%d-%H%M%S")


def set_aside_damaged(database: Path, backups: Path, now: datetime) -> Path:
    """Copy the damaged database (and its WAL) to backups/damaged-<time>.db; the original stays.

    Copied byte for byte, never opened: whatever SQLite cannot read today, a specialist might.
    """
    backups.mkdir(parents=True, exist_ok=True, mode=0o700)
    target = backups / f"damaged-{timestamp(now)}.db"
    counter = 1
    while target.exists():
        counter += 1
        target = backups / f"damaged-{timestamp(now)}-{counter}.db"
    shutil.copy2(database, target)
    for suffix in SIDE_FILES:
        side = database.with_name(database.name + suffix)
        if side.exists():
            shutil.copy2(side, target.with_name(target.name + suffix))
    logger.warning("damaged database kept aside as %s", target.name)
    return target


def _open(path: Path, key: bytes | None) -> sqlcipher.Connection:
    connection = sqlcipher.connect(str(path), check_same_thread=False)
    connection.isolation_level = None
    if key is not None:
        connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return connection


def salvage(damaged: Path, target: Path, key: bytes | None = None) -> SalvageReport:
    """Rescue what can be read from `damaged` into the new file `target` (which must not exist).

    Raises RecoveryFailedError when nothing usable comes out.
    """
    if target.exists():
        raise FileExistsError(target)
    with tempfile.TemporaryDirectory(prefix=".rescue-", dir=target.parent) as work:
        copy = Path(work) / "damaged.db"
        shutil.copy2(damaged, copy)
        for suffix in SIDE_FILES:
            side = damaged.with_name(damaged.name + suffix)
            if side.exists():
                shutil.copy2(side, copy.with_name(copy.name + suffix))
        report: SalvageReport | None = None
        if key is None and cli_recover_available():
            try:
                report = _cli_recover(copy, target)
            except (RecoveryFailedError, OSError, subprocess.SubprocessError) as exc:
                logger.warning("sqlite3 .recover did not work (%s); trying row by row",
                               type(exc).__name__)
                _remove_db(target)
        if report is None:
            report = _python_salvage(copy, target, key)
    _finish(report, key)
    logger.info("rescued %d rows by %s", report.total_rows, report.method)
    return report


@functools.cache
def cli_recover_available() -> bool:
    """True when a `sqlite3` tool is installed and its `.recover` works (it needs the dbpage
    virtual table, which some distributions' builds leave out)."""
    if shutil.which("sqlite3") is None:
        return False
    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / "probe.db"
        connection = sqlcipher.connect(str(probe))
        connection.execute("CREATE TABLE t (x)")
        connection.execute("INSERT INTO t VALUES (1)")
        connection.commit()
        connection.close()
        try:
            run = subprocess.run(["sqlite3", str(probe), ".recover"], capture_output=True,
                                 timeout=30, check=False)
        except (OSError, subprocess.SubprocessError):
            return False
    return run.returncode == 0 and b"INSERT" in run.stdout


def _remove_db(path: Path) -> None:
    for name in (path.name, *(path.name + s for s in SIDE_FILES)):
        (path.parent / name).unlink(missing_ok=True)


def _cli_recover(copy: Path, target: Path) -> SalvageReport:
    """`sqlite3 copy .recover | sqlite3 target`, with no shell involved."""
    dump = subprocess.run(
        ["sqlite3", str(copy), ".recover"], capture_output=True, timeout=CLI_TIMEOUT_S,
        check=False,
    )
    if dump.returncode != 0 or b"CREATE TABLE" not in dump.stdout:
        raise RecoveryFailedError("sqlite3 .recover produced nothing")
    create_private_file(target)
    load = subprocess.run(
        ["sqlite3", str(target)], input=dump.stdout, capture_output=True,
        timeout=CLI_TIMEOUT_S, check=False,
    )
    if load.returncode != 0:
        raise RecoveryFailedError("the recovered SQL could not be loaded")
    connection = _open(target, None)
    try:
        connection.execute("DROP TABLE IF EXISTS lost_and_found")
    finally:
        connection.close()
    return SalvageReport(target=target, method="sqlite3 .recover")


class _DamagedReader:
    """Reads the damaged copy; `reopen` after a read error gives a fresh connection.

    SQLCipher marks a connection failed for good once one page fails its check, so with the
    lock on every later read (other rows, other tables) would fail too without a new one.
    """

    def __init__(self, path: Path, key: bytes | None) -> None:
        self.path, self.key = path, key
        self.connection = _open(path, key)
        if key is not None:  # failing pages are expected here: no SQLCipher lines on stderr
            self.connection.execute("PRAGMA cipher_log_level = NONE")

    def execute(self, sql: str, parameters: tuple = ()) -> sqlcipher.Cursor:
        return self.connection.execute(sql, parameters)

    def reopen(self) -> None:
        self.connection.close()
        self.connection = _open(self.path, self.key)

    def close(self) -> None:
        self.connection.close()


def _python_salvage(copy: Path, target: Path, key: bytes | None) -> SalvageReport:
    """Copy the schema, then every readable row, into a fresh file."""
    source = _DamagedReader(copy, key)
    create_private_file(target)
    destination = _open(target, key)
    try:
        try:
            schema = source.execute(
                "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL "
                "AND name NOT LIKE 'sqlite_%'"
            ).fetchall()
        except sqlcipher.DatabaseError as exc:
            raise RecoveryFailedError("the list of tables itself cannot be read") from exc
        tables = [(name, sql) for kind, name, sql in schema if kind == "table"]
        virtual = [name for name, sql in tables if sql.upper().startswith("CREATE VIRTUAL")]
        plain = [
            (name, sql) for name, sql in tables
            if name not in virtual and not any(name.startswith(v + "_") for v in virtual)
        ]
        destination.execute("PRAGMA foreign_keys=OFF")
        for _name, sql in plain:
            destination.execute(sql)
        report = SalvageReport(target=target, method="row by row")
        destination.execute("BEGIN")
        for name, _sql in plain:
            report.rows[name] = _copy_rows(source, destination, name)
        destination.execute("COMMIT")
        for kind, _name, sql in schema:
            if kind == "index":  # never triggers: LoveBridge makes none, a trap may hide there
                _try(destination, sql)
        for name, sql in tables:
            if name in virtual:
                _try(destination, sql)
                _try(destination, f'INSERT INTO "{name}"("{name}") VALUES (\'rebuild\')')
        return report
    finally:
        destination.close()
        source.close()


def _try(connection: sqlcipher.Connection, sql: str) -> None:
    try:
        connection.execute(sql)
    except sqlcipher.DatabaseError:
        logger.warning("a schema statement could not be replayed during rescue")


def _copy_rows(source: _DamagedReader, destination: sqlcipher.Connection, table: str) -> int:
    """Copy the readable rows of one table; on a damaged page, fall back to one row at a time."""
    quoted = '"' + table.replace('"', '""') + '"'
    copied = 0
    last_rowid = 0
    try:
        cursor = source.execute(f"SELECT rowid, * FROM {quoted} ORDER BY rowid")
        for row in cursor:
            _insert(destination, quoted, row[1:])
            copied += 1
            last_rowid = row[0]
        return copied
    except sqlcipher.DatabaseError:
        logger.warning("table scan failed part-way; reading the rest row by row")
        source.reopen()
    try:
        highest = source.execute(f"SELECT max(rowid) FROM {quoted}").fetchone()[0] or 0
    except sqlcipher.DatabaseError:
        source.reopen()
        highest = last_rowid + MAX_ROWID_PROBES // 100
    for rowid in range(last_rowid + 1, min(highest, last_rowid + MAX_ROWID_PROBES) + 1):
        try:
            row = source.execute(f"SELECT * FROM {quoted} WHERE rowid = ?", (rowid,)).fetchone()
        except sqlcipher.DatabaseError:
            source.reopen()
            continue
        if row is not None:
            _insert(destination, quoted, row)
            copied += 1
    return copied


def _insert(destination: sqlcipher.Connection, quoted: str, values: tuple) -> None:
    marks = ", ".join("?" for _ in values)
    destination.execute(f"INSERT OR IGNORE INTO {quoted} VALUES ({marks})", values)


def _finish(report: SalvageReport, key: bytes | None) -> None:
    """Drop rows whose parent was lost, count what is left, and check the result is sound."""
    connection = _open(report.target, key)
    try:
        # LoveBridge makes no triggers or views: whatever a rescue carried over is dropped.
        for kind, name in connection.execute(
            "SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view')"
        ).fetchall():
            connection.execute(f'DROP {kind.upper()} "' + name.replace('"', '""') + '"')
        for _round in range(20):
            dangling = connection.execute("PRAGMA foreign_key_check").fetchall()
            if not dangling:
                break
            for table, rowid, _parent, _fk in dangling:
                quoted = '"' + table.replace('"', '""') + '"'
                connection.execute(f"DELETE FROM {quoted} WHERE rowid = ?", (rowid,))
                report.dropped_dangling += 1
        tables = [
            row[0] for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        report.rows = {
            name: connection.execute(
                'SELECT count(*) FROM "' + name.replace('"', '""') + '"'
            ).fetchone()[0]
            for name in tables
        }
        problems = [r[0] for r in connection.execute("PRAGMA integrity_check") if r[0] != "ok"]
        if problems or "alembic_version" not in report.rows:
            raise RecoveryFailedError("the rescued copy is not a sound LoveBridge database")
        connection.execute("PRAGMA journal_mode=DELETE")
    finally:
        connection.close()


def adopt_rescued(rescued: Path, database: Path) -> None:
    """Put a rescued copy in place of the damaged database (which is already kept aside).

    The rescued file is copied (it stays in the backups folder), fsynced under a temporary
    name, and renamed over the database in one step.
    """
    from lovebridge.store.media import fsync_directory, replace_file

    temporary = database.with_name(f".adopt-{database.name}")  # tidied at start if left
    shutil.copyfile(rescued, temporary)
    with temporary.open("rb+") as handle:
        os.fsync(handle.fileno())
    if os.name == "posix":
        os.chmod(temporary, 0o600)
    for suffix in SIDE_FILES:  # the damaged file's WAL must not be replayed onto the new one
        database.with_name(database.name + suffix).unlink(missing_ok=True)
    replace_file(temporary, database)
    fsync_directory(database.parent)
    logger.info("rescued copy adopted as the database")
