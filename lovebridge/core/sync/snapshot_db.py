"""A snapshot as a database: the shared part of this laptop's store, copied by SQLite itself.

A new laptop used to rebuild a library from a snapshot row by row through the merge, hundreds
of times slower than copying the same bytes. Here the first laptop copies its shared rows with
`INSERT ... SELECT` into a small database of its own (SQLCipher-encrypted under a random key,
so no plain copy ever rests on either disk), and a brand-new, empty library takes them in the
same way. What never goes into it: rows marked "Private to me" (with their photos' links,
places, tags and merged fields), per-laptop tables (reminders shown, hints dismissed, imports,
sharing's own keys, log and partners) and per-laptop columns. A library that is not empty merges
the snapshot's fields like batches instead (see incoming_snapshot.py).
"""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from lovebridge.core.scrapbook.search import FTS_TABLE, index_all_sql
from lovebridge.store.base import Base
from lovebridge.store.change_capture import shared_photo_ids
from lovebridge.store.db import Store
from lovebridge.store.sync_fields import DELETED, KEY_COLUMN, TABLES

SNAP = "lb_snapshot"  # the schema name the snapshot is attached under
DEFERRED = "lb_deferred"  # rows waiting on the first laptop for a linked row or photo
MISSING_PHOTOS = "lb_missing_photo"  # photo rows whose file the first laptop did not have
SHA256 = re.compile(r"^[0-9a-f]{64}$")
EXTENSION = re.compile(r"^[a-z0-9]{1,10}$")
MAX_KEY = 320
SYNC_TABLES = ("sync_field", "sync_version")
# Parents before children, so foreign keys hold while the rows are inserted.
COPIED = (*TABLES, "tag", "memory_tag", *SYNC_TABLES)
RECORD_COLUMNS = ("id", "uuid", "created_at", "updated_at")
PER_LAPTOP_COLUMNS = {"sync_version": {"dismissed"}}  # the couple chose here, not there
PRIVATE_MEMORIES = "SELECT id FROM main.memory WHERE private = 1"
SHARED_PHOTOS = shared_photo_ids("main.")  # the photos that travel, as capture decides


STALE_SECONDS = 3600  # a scratch folder this old was left by a crash, not by a running exchange


@contextmanager
def scratch_folder(store: Store) -> Iterator[Path]:
    """A private scratch folder beside the store for one snapshot (removed afterwards); those
    a crash left behind go too (their contents were encrypted under a key now lost)."""
    parent = store.path.parent
    for old in parent.glob(".sync-snapshot-*"):
        with contextlib.suppress(OSError):
            if time.time() - old.stat().st_mtime > STALE_SECONDS:
                shutil.rmtree(old, ignore_errors=True)
    work = Path(tempfile.mkdtemp(prefix=".sync-snapshot-", dir=parent))
    try:
        yield work
    finally:
        shutil.rmtree(work, ignore_errors=True)


class SnapshotRefusedError(Exception):
    """The snapshot's database is not what LoveBridge writes; the message says why."""


def copied_columns(name: str) -> list[str]:
    """The columns of table `name` that travel in a snapshot."""
    table = Base.metadata.tables[name]
    spec = TABLES.get(name)
    if spec is None:
        skip = PER_LAPTOP_COLUMNS.get(name, set())
        return [c.name for c in table.c if c.name not in skip]
    wanted = {c for columns in spec.groups.values() for c in columns}
    wanted |= {ref.column for ref in spec.refs.values()} | set(spec.natural)
    wanted |= set(RECORD_COLUMNS)
    if spec.key in KEY_COLUMN:
        wanted.add(KEY_COLUMN[spec.key])
    return [c.name for c in table.c if c.name in wanted]


def _quoted(names: Iterable[str]) -> str:
    return ", ".join(f'"{n}"' for n in names)


def _shared_rows(name: str) -> str:
    """The WHERE clause selecting the rows of `name` that may leave this laptop."""
    if name in ("memory", "message"):
        return "private IS NOT 1"
    if name == "photo":
        return f"id IN ({SHARED_PHOTOS})"
    if name in ("memory_photo", "memory_place", "memory_tag"):
        return f"memory_id IS NULL OR memory_id NOT IN ({PRIVATE_MEMORIES})"
    if name == "tag":
        return (f"id IN (SELECT tag_id FROM main.memory_tag WHERE memory_id NOT IN "
                f"({PRIVATE_MEMORIES}))")
    if name in SYNC_TABLES:  # the merged fields of private rows stay too
        return f"""NOT (
            (tbl = 'memory' AND key IN (SELECT uuid FROM main.memory WHERE private = 1))
         OR (tbl = 'message' AND key IN (SELECT uuid FROM main.message WHERE private = 1))
         OR (tbl = 'memory_photo' AND key IN (SELECT uuid FROM main.memory_photo
                                              WHERE memory_id IN ({PRIVATE_MEMORIES})))
         OR (tbl = 'photo' AND key NOT IN (SELECT sha256 FROM main.photo
                                           WHERE id IN ({SHARED_PHOTOS})))
         OR (tbl = 'memory_place' AND instr(key, '|') > 0 AND substr(key, 1, instr(key, '|') - 1)
             IN (SELECT uuid FROM main.memory WHERE private = 1)))"""
    return "1"


def _attach(connection: sqlcipher.Connection, path: Path, key: bytes) -> None:
    connection.execute(f"ATTACH DATABASE ? AS {SNAP} KEY ?", (str(path), f"x'{key.hex()}'"))


@dataclass
class BuiltSnapshot:
    own_seq: int
    seen: dict[str, int]
    photos: list[tuple[str, str]]  # (sha256, extension) whose files travel as blobs


def build_snapshot_db(store: Store, target: Path, key: bytes) -> BuiltSnapshot:
    """Copy the shared part of the store into a new database at `target` (encrypted with
    `key`), in one read transaction: the copy, the batch number it reaches and how far each
    partner was read are one consistent moment."""
    connection = store.raw_connection()
    try:
        connection.isolation_level = None
        _attach(connection, target, key)
        connection.execute(f"PRAGMA {SNAP}.journal_mode=OFF")
        connection.execute(f"PRAGMA {SNAP}.synchronous=OFF")
        connection.execute("BEGIN")
        try:
            for name in COPIED:
                columns = _quoted(copied_columns(name))
                connection.execute(f'CREATE TABLE {SNAP}."{name}" ({columns})')
                connection.execute(f'INSERT INTO {SNAP}."{name}" SELECT {columns} '
                                   f'FROM main."{name}" WHERE {_shared_rows(name)}')
            connection.execute(f"CREATE TABLE {SNAP}.{DEFERRED} (tbl, key)")
            connection.execute(f"CREATE TABLE {SNAP}.{MISSING_PHOTOS} (sha256)")
            state = dict(connection.execute(
                "SELECT key, value FROM main.sync_state WHERE key IN "
                "('written_seq', 'deferred')").fetchall())
            deferred = json.loads(state.get("deferred", "[]"))
            connection.executemany(f"INSERT INTO {SNAP}.{DEFERRED} VALUES (?, ?)",
                                   [tuple(d) for d in deferred])
            seen = dict(connection.execute("SELECT device, seq FROM main.sync_seen").fetchall())
            photos = connection.execute(f"SELECT sha256, extension FROM {SNAP}.photo").fetchall()
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute(f"DETACH DATABASE {SNAP}")
    finally:
        connection.close()
    return BuiltSnapshot(int(json.loads(state.get("written_seq", "0"))), seen,
                         [(s, e) for s, e in photos])


def note_missing_photos(target: Path, key: bytes, missing: list[str]) -> None:
    """Record in the snapshot the photos whose files this laptop does not have."""
    if not missing:
        return
    connection = sqlcipher.connect(str(target))
    try:
        connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        connection.executemany(f"INSERT INTO {MISSING_PHOTOS} VALUES (?)", [(s,) for s in missing])
        connection.commit()
    finally:
        connection.close()


# ---- the new laptop ---------------------------------------------------------------------------
@dataclass
class Loaded:
    """What taking in a snapshot did."""

    created: dict[str, int] = field(default_factory=dict)
    deferred: list[tuple[str, str]] = field(default_factory=list)


class SnapshotReader:
    """A snapshot database attached to a raw connection of the store, checked before use."""

    def __init__(self, store: Store, path: Path, key: bytes) -> None:
        self.connection = store.raw_connection()
        self.connection.isolation_level = None
        try:
            _attach(self.connection, path, key)
            self._check()
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        with contextlib.suppress(sqlcipher.Error):
            self.connection.execute(f"DETACH DATABASE {SNAP}")
        self.connection.close()

    def __enter__(self) -> SnapshotReader:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _check(self) -> None:
        """Only plain tables with the columns LoveBridge writes; photos named as files may be."""
        c = self.connection
        try:
            if c.execute(f"PRAGMA {SNAP}.quick_check").fetchone()[0] != "ok":
                raise SnapshotRefusedError("the snapshot's database is damaged")
            objects = c.execute(f"SELECT type, name FROM {SNAP}.sqlite_master").fetchall()
        except sqlcipher.DatabaseError as exc:
            raise SnapshotRefusedError("the snapshot's database does not open") from exc
        expected = {*COPIED, DEFERRED, MISSING_PHOTOS}
        for kind, name in objects:
            if kind != "table" or name not in expected:
                raise SnapshotRefusedError("the snapshot holds something LoveBridge never writes")
        for name in expected:
            columns = [row[1] for row in c.execute(f'PRAGMA {SNAP}.table_info("{name}")')]
            want = {DEFERRED: ["tbl", "key"], MISSING_PHOTOS: ["sha256"]}.get(name) or \
                copied_columns(name)
            if columns != want:
                raise SnapshotRefusedError("the snapshot's tables are not what LoveBridge writes")
        for sha256, extension in c.execute(f"SELECT sha256, extension FROM {SNAP}.photo"):
            if not (isinstance(sha256, str) and SHA256.match(sha256) and
                    isinstance(extension, str) and EXTENSION.match(extension)):
                raise SnapshotRefusedError("a photo's name in the snapshot reaches outside the "
                                      "photo folder")
        names = ", ".join(f"'{n}'" for n in TABLES)
        for name in SYNC_TABLES:
            bad = c.execute(
                f"SELECT count(*) FROM {SNAP}.{name} WHERE tbl NOT IN ({names}) "
                f"OR typeof(key) != 'text' OR length(key) NOT BETWEEN 1 AND {MAX_KEY} "
                "OR typeof(field) != 'text' OR typeof(hlc) != 'text' OR length(hlc) > 48 "
                "OR NOT json_valid(value)").fetchone()[0]
            if bad:
                raise SnapshotRefusedError("the snapshot's merged fields are not what LoveBridge "
                                      "writes")

    def photos(self) -> list[tuple[str, str]]:
        return self.connection.execute(f"SELECT sha256, extension FROM {SNAP}.photo").fetchall()

    def missing_photos(self) -> set[str]:
        return {r[0] for r in self.connection.execute(
            f"SELECT sha256 FROM {SNAP}.{MISSING_PHOTOS}")}

    def newest_stamp(self) -> str | None:
        return self.connection.execute(f"SELECT max(hlc) FROM {SNAP}.sync_field").fetchone()[0]

    def deletions_here(self, tables: tuple[str, ...]) -> int:
        """How many rows of `tables` this library knows that merging the snapshot would
        delete or send to the trash: its tombstones and trash marks newer than this
        library's own for the same row (those already applied here are not counted)."""
        names = ", ".join(f"'{n}'" for n in tables)
        return self.connection.execute(f"""
            SELECT count(DISTINCT s.tbl || ' ' || s.key) FROM {SNAP}.sync_field AS s
            WHERE s.tbl IN ({names})
              AND (s.field = '{DELETED}' OR (s.field = 'trashed_at'
                   AND json_extract(s.value, '$.trashed_at') IS NOT NULL))
              AND EXISTS (SELECT 1 FROM main.sync_field AS k
                          WHERE k.tbl = s.tbl AND k.key = s.key)
              AND NOT EXISTS (SELECT 1 FROM main.sync_field AS m
                              WHERE m.tbl = s.tbl AND m.key = s.key AND m.field = s.field
                                AND m.hlc >= s.hlc)""").fetchone()[0]

    def rows(self, name: str, columns: str, order: str, size: int):
        """The snapshot's rows of a sync table, `size` at a time (for the merge path)."""
        cursor = self.connection.execute(f"SELECT {columns} FROM {SNAP}.{name} ORDER BY {order}")
        while batch := cursor.fetchmany(size):
            yield [list(r) for r in batch]

    def load_into_empty(self, skipped_photos: set[str], state: dict[str, str],
                        seen: dict[str, int], clock: Callable[[str | None], str]) -> Loaded | None:
        """Copy everything into the store in one transaction, if the library is still empty
        (else None, nothing written). `state` holds sync_state values to set with it, `seen`
        how far each device's batches are covered; `skipped_photos` did not arrive; `clock`
        gives the laptop's clock state (stored as it is) moved past the snapshot's stamps."""
        c = self.connection
        c.execute("BEGIN IMMEDIATE")
        try:
            if not library_is_empty(c):
                c.execute("ROLLBACK")
                return None
            now = c.execute("SELECT value FROM sync_state WHERE key = 'hlc'").fetchone()
            state = {**state, "hlc": clock(now[0] if now else None)}
            loaded = self._copy(skipped_photos)
            c.execute(f"DELETE FROM {FTS_TABLE}")
            c.execute(index_all_sql())
            deferred = sorted({*map(tuple, c.execute(f"SELECT tbl, key FROM {SNAP}.{DEFERRED}")),
                               *loaded.deferred})
            loaded.deferred = deferred
            state = {**state, "deferred": json.dumps(deferred)}
            c.executemany("INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) "
                          "DO UPDATE SET value = excluded.value", list(state.items()))
            for other, seq in seen.items():
                c.execute("UPDATE sync_seen SET seq = max(seq, ?) WHERE device = ?", (seq, other))
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            raise
        return loaded

    def _copy(self, skipped_photos: set[str]) -> Loaded:
        c, loaded = self.connection, Loaded()
        c.execute("CREATE TEMP TABLE IF NOT EXISTS lb_skipped_photo (sha256 TEXT PRIMARY KEY)")
        c.execute("DELETE FROM temp.lb_skipped_photo")
        c.executemany("INSERT INTO temp.lb_skipped_photo VALUES (?)",
                      [(s,) for s in skipped_photos])
        skipped_ids = (f"SELECT id FROM {SNAP}.photo WHERE sha256 IN "
                       "(SELECT sha256 FROM temp.lb_skipped_photo)")
        if skipped_photos:  # they wait, with the rows showing them, as the merge would have
            loaded.deferred += [("photo", s) for s in skipped_photos]
            loaded.deferred += [("memory_photo", k) for (k,) in c.execute(
                f"SELECT uuid FROM {SNAP}.memory_photo WHERE photo_id IN ({skipped_ids})")]
        if c.execute(f"SELECT count(*) FROM {SNAP}.profile").fetchone()[0]:
            c.execute("DELETE FROM main.profile")  # the profile comes from the first laptop
        for name in COPIED:
            names = copied_columns(name)
            columns, values = _quoted(names), _quoted(names)
            for column, default in _defaults_needed(c, name, names):
                columns += f', "{column}"'
                values += f", {default}"
            where = {"photo": "sha256 NOT IN (SELECT sha256 FROM temp.lb_skipped_photo)",
                     "memory_photo": f"photo_id NOT IN ({skipped_ids})"}.get(name, "1")
            count = c.execute(f'INSERT INTO main."{name}" ({columns}) SELECT {values} '
                              f'FROM {SNAP}."{name}" WHERE {where}').rowcount
            if name in TABLES and count:
                loaded.created[name] = count
        c.execute("DROP TABLE temp.lb_skipped_photo")
        return loaded


def _defaults_needed(connection: sqlcipher.Connection, name: str,
                     copied: list[str]) -> list[tuple[str, str]]:
    """(column, SQL literal) for the columns that do not travel, must not be NULL and have no
    default in the database itself: the model's own default (a per-laptop flag starts off)."""
    found = []
    table = Base.metadata.tables[name]
    for _cid, column, _type, notnull, default, _pk in connection.execute(
            f'PRAGMA main.table_info("{name}")'):
        if column in copied or not notnull or default is not None or column not in table.c:
            continue
        value = table.c[column].default
        value = getattr(value, "arg", None) if getattr(value, "is_scalar", False) else None
        if isinstance(value, bool | int | float):
            found.append((column, str(int(value) if isinstance(value, bool) else value)))
        elif isinstance(value, str):
            found.append((column, "'" + value.replace("'", "''") + "'"))
    return found


def library_is_empty(connection: sqlcipher.Connection) -> bool:
    """A brand-new library: nothing shared in it yet, nothing merged, nothing logged (a
    profile alone does not count: the first laptop's replaces it, as a merge would)."""
    names = [n for n in COPIED if n != "profile"] + ["sync_change"]
    return all(connection.execute(f'SELECT 1 FROM main."{n}" LIMIT 1').fetchone() is None
               for n in names)
