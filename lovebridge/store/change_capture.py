"""Change capture: after each flush, the shared fields that changed go into the change log.

Runs inside the same transaction as the edit, so an edit and its log entry commit together or
not at all. Only while sharing is set up (a device id in `sync_state`); rows marked
"Private to me" are never logged.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event, inspect, select, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from lovebridge.store.hlc import HybridClock, wall_ms
from lovebridge.store.models.imports import MemoryPlace
from lovebridge.store.models.memories import MemoryPhoto, Photo
from lovebridge.store.models.sync import SyncChange, SyncField, SyncState
from lovebridge.store.sync_fields import (
    DELETED,
    TABLES,
    TAGS,
    SyncedTable,
    encode,
    natural_key,
    occurrence_key,
)

# One encoder for every value (json.dumps with options builds a new one per call).
_to_json = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode
APPLYING = "sync_applying"  # session.info flag: changes written by the merge are not re-logged


@dataclass
class CaptureSwitch:
    """Whether this store logs changes, and the wall clock it stamps them with.

    Looked up in the transaction of each flush (one primary-key read), never remembered: the
    command line may pair or unpair the library while the app has it open, and the app's edits
    must follow (logged from the moment sharing starts, and not at all once it stops).
    """

    wall: Callable[[], int] = field(default=wall_ms)

    def is_on(self, session: Session) -> bool:
        try:
            found = session.connection().execute(
                text("SELECT 1 FROM sync_state WHERE key = 'device'")).first()
        except Exception:  # an old schema without sync tables (mid-migration)
            return False
        return found is not None


def install_change_capture(session_class: object, switch: CaptureSwitch) -> None:
    """Log shared field changes after every flush of sessions made by `session_class`."""
    event.listen(session_class, "after_flush",
                 lambda session, _ctx: capture(session, switch))


def capture(session: Session, switch: CaptureSwitch) -> None:
    if session.info.get(APPLYING) or not switch.is_on(session):
        return
    changes: list[tuple[str, str, str, Any]] = []
    keys = _KeyFinder(session)
    placed: list[Any] = []  # placements now shared: their photos travel with them
    for obj in session.new:
        spec = TABLES.get(getattr(obj, "__tablename__", ""))
        if spec and not keys.private(spec, obj):
            changes += _groups(spec, obj, keys, spec.all_groups())
            if spec.name == "memory_photo":
                placed.append(obj)
    for obj in session.dirty:
        spec = TABLES.get(getattr(obj, "__tablename__", ""))
        if spec and spec.key == "natural" and not keys.private(spec, obj) and (
                old := keys.old_natural_key(spec, obj)) is not None:
            # What names the row changed (a place renamed): the old one goes, the new one comes.
            changes.append((spec.name, old, DELETED, True))
            changes += _groups(spec, obj, keys, spec.all_groups())
        elif spec and not keys.private(spec, obj):
            changes += _groups(spec, obj, keys, _changed_groups(spec, obj))
            if spec.name == "memory" and _became_shared(obj):
                # Shared from now on: what was kept back with it (its photos, their
                # placements, its places) goes too.
                changes += _rows_kept_back_with(session, obj, keys, placed)
        elif spec and spec.private_column and _became_private(obj, spec.private_column):
            _withdraw_unsent(session, spec.name, keys.key_of(spec, obj))
            if spec.name == "memory":  # and what would have left with it
                _withdraw_unsent_within(session, obj, keys)
    changes += _photos_of(session, placed, keys, {(t, k) for t, k, _g, _v in changes})
    for obj in session.deleted:
        spec = TABLES.get(getattr(obj, "__tablename__", ""))
        if spec and not keys.private(spec, obj, deleting=True):
            key = keys.key_of(spec, obj)
            if key is not None:
                changes.append((spec.name, key, DELETED, True))
    if changes:
        record_local_changes(session, switch, changes)


def capture_new_rows(session: Session, switch: CaptureSwitch,
                     tables: Iterable[tuple[str, list[Any]]]) -> None:
    """Log what `capture` would for new rows written without the ORM (an import's photos,
    placements and places, written a table at a time): (table name, rows) in order, each row
    with its columns as attributes."""
    keys = _KeyFinder(session)
    changes: list[tuple[str, str, str, Any]] = []
    placed: list[Any] = []
    for name, rows in tables:
        spec = TABLES[name]
        for row in rows:
            if not keys.private(spec, row):
                changes += _groups(spec, row, keys, spec.all_groups())
                if name == "memory_photo":
                    placed.append(row)
    # A photo the library had, only in private memories until now, goes with its placement.
    changes += _photos_of(session, placed, keys, {(t, k) for t, k, _g, _v in changes})
    if changes:
        record_local_changes(session, switch, changes)


def record_local_changes(
    session: Session, switch: CaptureSwitch, changes: list[tuple[str, str, str, Any]],
    log: bool = True,
) -> None:
    """Stamp `changes` (table, key, group, value) with one clock tick and log them.

    With `log=False` they become merged fields only, not batches to send: the library a
    laptop starts sharing travels in its first snapshot instead.
    """
    connection = session.connection()
    state = dict(connection.execute(select(SyncState.key, SyncState.value)).all())
    clock = HybridClock(state["device"], wall=switch.wall)
    if "hlc" in state:
        clock.restore(state["hlc"])
    stamp = clock.now()
    changed, fields, versions = [], {}, []
    text_keys = [(t, k, g) for t, k, g, _v in changes if g in TABLES[t].text_groups]
    bases = _current_stamps(connection, text_keys)
    for tbl, key, group, value in changes:
        payload = _to_json(value)
        base = bases.get((tbl, key, group))
        if group in TABLES[tbl].text_groups:
            versions.append((tbl, key, group, stamp, base, payload))
        changed.append((stamp, tbl, key, group, base, payload))
        fields[tbl, key, group] = (tbl, key, group, stamp, payload)
    # One statement per kind, many rows each, handed to SQLite as they are: sharing a
    # library of thousands of memories logs tens of thousands of fields at once.
    if versions:
        connection.exec_driver_sql(
            "INSERT INTO sync_version (tbl, key, field, hlc, base, value, dismissed) "
            "VALUES (?, ?, ?, ?, ?, ?, 0) ON CONFLICT DO NOTHING", versions)
    if log:
        connection.exec_driver_sql(
            "INSERT INTO sync_change (hlc, tbl, key, field, base, value) "
            "VALUES (?, ?, ?, ?, ?, ?)", changed)
    connection.exec_driver_sql(
        "INSERT INTO sync_field (tbl, key, field, hlc, value) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (tbl, key, field) DO UPDATE SET hlc = excluded.hlc, value = excluded.value",
        list(fields.values()))
    save_state(connection, "hlc", clock.state())


def _current_stamps(connection: Any, keys: list[tuple[str, str, str]]) -> dict:
    """The stamps the given text fields have now (the base a new version was edited from)."""
    wanted = set(keys)
    by_table: dict[str, list[str]] = {}
    for tbl, key, _group in wanted:
        by_table.setdefault(tbl, []).append(key)
    found = {}
    for tbl, row_keys in by_table.items():
        row_keys = sorted(set(row_keys))
        for start in range(0, len(row_keys), 500):
            for key, group, stamp in connection.execute(
                    select(SyncField.key, SyncField.field, SyncField.hlc).where(
                        SyncField.tbl == tbl, SyncField.key.in_(row_keys[start:start + 500]))):
                if (tbl, key, group) in wanted:
                    found[tbl, key, group] = stamp
    return found


def save_state(connection: Any, key: str, value: str) -> None:
    statement = sqlite_insert(SyncState).values(key=key, value=value)
    connection.execute(statement.on_conflict_do_update(index_elements=["key"],
                                                       set_={"value": value}))


def shared_photo_ids(schema: str = "") -> str:
    """SQL selecting the ids of the photos that travel: those a memory the partner sees holds
    (one only in memories marked "Private to me", or in none, stays). The one rule for
    capture, the starting library and snapshots; `schema` is "main." beside an attached one."""
    return (f"SELECT placed.photo_id FROM {schema}memory_photo AS placed "
            f"JOIN {schema}memory AS held ON held.id = placed.memory_id WHERE NOT held.private")


def _became_private(obj: object, column: str) -> bool:
    history = inspect(obj).attrs[column].history
    return bool(history.added) and history.added[0] is True and history.deleted != [True]


def _became_shared(memory: Any) -> bool:
    """A memory whose "Private to me" was just switched off."""
    return inspect(memory).attrs["private"].history.deleted == [True]


def _rows_within(session: Session, memory: Any) -> Iterator[tuple[SyncedTable, Any]]:
    """A memory's placements and places, each with its table's spec."""
    for model in (MemoryPhoto, MemoryPlace):
        spec = TABLES[model.__tablename__]
        for row in session.scalars(select(model).where(model.memory_id == memory.id)):
            yield spec, row


def _rows_kept_back_with(session: Session, memory: Any, keys: _KeyFinder,
                         placed: list[Any]) -> list[tuple]:
    """A memory's placements and places, whole (they never left while it was private);
    the placements are added to `placed`, so their photos go too."""
    changes: list[tuple] = []
    for spec, row in _rows_within(session, memory):
        changes += _groups(spec, row, keys, spec.all_groups())
        if spec.name == "memory_photo":
            placed.append(row)
    return changes


def _withdraw_unsent_within(session: Session, memory: Any, keys: _KeyFinder) -> None:
    """A memory just marked "Private to me": the waiting changes of its placements and
    places are withdrawn, and those of each photo no memory the partner sees holds now."""
    photo_spec = TABLES["photo"]
    for spec, row in _rows_within(session, memory):
        _withdraw_unsent(session, spec.name, keys.key_of(spec, row))
        if spec.name == "memory_photo" and row.photo_id is not None:
            photo = session.get(Photo, row.photo_id)
            if photo is not None and keys.private(photo_spec, photo):
                _withdraw_unsent(session, photo_spec.name, keys.key_of(photo_spec, photo))


def _photos_of(session: Session, placements: list[Any], keys: _KeyFinder,
               logged: set[tuple[str, str]]) -> list[tuple]:
    """The photo rows of shared placements, whole, unless this flush logs them already: a
    photo travels (with its file) once it is in a memory the partner may see, never before."""
    spec = TABLES["photo"]
    changes: list[tuple] = []
    for photo_id in dict.fromkeys(p.photo_id for p in placements if p.photo_id is not None):
        photo = session.get(Photo, photo_id)
        if photo is not None and (spec.name, photo.sha256) not in logged:
            changes += _groups(spec, photo, keys, spec.all_groups())
            logged.add((spec.name, photo.sha256))
    return changes


def _withdraw_unsent(session: Session, tbl: str, key: str | None) -> None:
    """Marked "Private to me" before it left: its waiting changes are withdrawn.

    Changes already written for the partner's laptop cannot be called back; the Sharing page
    says so where the flag is set.
    """
    session.connection().execute(SyncChange.__table__.delete().where(
        SyncChange.tbl == tbl, SyncChange.key == key, SyncChange.batch.is_(None)))


def _changed_groups(spec: SyncedTable, obj: object) -> list[str]:
    state = inspect(obj)
    if spec.private_column and state.attrs[spec.private_column].history.deleted == [True]:
        return spec.all_groups()  # no longer private: the partner gets the whole row
    changed = []
    for group, columns in spec.groups.items():
        if any(state.attrs[c].history.has_changes() for c in columns):
            changed.append(group)
    for ref_name, ref in spec.refs.items():
        if state.attrs[ref.column].history.has_changes():
            changed.append(ref_name)
    if spec.has_tags and state.attrs[TAGS].history.has_changes():
        changed.append(TAGS)
    return changed


def _groups(spec: SyncedTable, obj: Any, keys: _KeyFinder, groups: list[str]) -> list[tuple]:
    if not groups:
        return []
    key = keys.key_of(spec, obj)
    if key is None:
        return []
    found = []
    for group in groups:
        if group in spec.groups:
            value = {c: encode(getattr(obj, c)) for c in spec.groups[group]}
        elif group in spec.refs:
            value = {group: keys.ref(spec.refs[group].table, getattr(obj, spec.refs[group].column))}
        else:
            value = {TAGS: sorted(tag.name for tag in obj.tags)}
        found.append((spec.name, key, group, value))
    return found


class _KeyFinder:
    """Stable keys of rows (and of the rows they link to), looked up once per flush."""

    def __init__(self, session: Session) -> None:
        self._connection = session.connection()
        self._cache: dict[tuple[str, int], str | None] = {}

    def ref(self, table: str, row_id: int | None) -> str | None:
        if row_id is None:
            return None
        if (table, row_id) not in self._cache:
            column = "sha256" if TABLES[table].key == "sha256" else "uuid"
            self._cache[table, row_id] = self._connection.execute(
                text(f"SELECT {column} FROM {table} WHERE id = :id"), {"id": row_id}).scalar()
        return self._cache[table, row_id]

    def key_of(self, spec: SyncedTable, obj: Any) -> str | None:
        if spec.key == "singleton":
            return "profile"
        if spec.key == "occurrence":
            plan = self.ref("plan", obj.plan_id)
            return None if plan is None else occurrence_key(plan, obj.original_start)
        if spec.key == "natural":
            return natural_key(spec, {c: getattr(obj, c) for c in spec.natural},
                               self._parent_key(spec, obj))
        return getattr(obj, spec.key)

    def old_natural_key(self, spec: SyncedTable, obj: Any) -> str | None:
        """The key a natural-key row had before this flush changed what names it."""
        state = inspect(obj)
        changed = False
        old = {}
        for column in spec.natural:
            history = state.attrs[column].history
            if history.deleted:
                changed = True
                old[column] = history.deleted[0]
            else:
                old[column] = getattr(obj, column)
        if not changed:
            return None
        return natural_key(spec, old, self._parent_key(spec, obj))

    def _parent_key(self, spec: SyncedTable, obj: Any) -> str | None:
        if not spec.parent:
            return None
        ref = spec.refs[spec.parent]
        return self.ref(ref.table, getattr(obj, ref.column))

    def private(self, spec: SyncedTable, obj: Any, deleting: bool = False) -> bool:
        if spec.private_column:
            value = getattr(obj, spec.private_column)
            if deleting:  # a row that was private when deleted was never shared
                history = inspect(obj).attrs[spec.private_column].history
                value = bool(history.deleted[0]) if history.deleted else value
            return bool(value)
        if spec.name in ("memory_photo", "memory_place") and obj.memory_id is not None:
            return bool(self._connection.execute(
                text("SELECT private FROM memory WHERE id = :id"), {"id": obj.memory_id}).scalar())
        if spec.name == "photo" and not deleting and obj.id is not None:
            # A photo is shared once a memory the partner sees holds it (`_photos_of`); one
            # only in memories marked "Private to me", or in none yet, stays here.
            return self._connection.execute(text(
                f"{shared_photo_ids()} AND placed.photo_id = :id LIMIT 1"),
                {"id": obj.id}).first() is None
        return False


def baseline_changes(session: Session, skip: tuple[str, ...] = ()) -> list[tuple]:
    """Every shared row as it is now, as changes (when sharing starts on a full library).

    Read with one plain query per table (not object by object): a library of ten thousand
    memories becomes its baseline in a moment.
    """
    from lovebridge.store.base import Base

    connection = session.connection()
    tables = Base.metadata.tables
    keys_of: dict[str, dict[int, str]] = {}

    def keys(name: str) -> dict[int, str]:
        if name not in keys_of:
            column = "sha256" if TABLES[name].key == "sha256" else "uuid"
            keys_of[name] = dict(connection.execute(
                select(tables[name].c.id, tables[name].c[column])).all())
        return keys_of[name]

    changes: list[tuple] = []
    for name, spec in TABLES.items():
        if name in skip:
            continue
        table = tables[name]
        query = select(table).order_by(table.c.id)
        if spec.private_column:
            query = query.where(table.c[spec.private_column].isnot(True))
        private = select(tables["memory"].c.id).where(tables["memory"].c.private.is_(True))
        if name in ("memory_photo", "memory_place"):
            query = query.where(table.c.memory_id.is_(None) | table.c.memory_id.not_in(private))
        if name == "photo":
            query = query.where(text(f"photo.id IN ({shared_photo_ids()})"))
        tags = _tags_by_memory(connection) if spec.has_tags else {}
        for row in connection.execute(query).mappings():
            if spec.key == "singleton":
                key = "profile"
            elif spec.key == "occurrence":
                plan = keys("plan").get(row["plan_id"])
                key = None if plan is None else occurrence_key(plan, row["original_start"])
            elif spec.key == "natural":
                parent = None
                if spec.parent:
                    ref = spec.refs[spec.parent]
                    parent = keys(ref.table).get(row[ref.column])
                key = natural_key(spec, dict(row), parent)
            else:
                key = row[spec.key]
            if key is None:
                continue
            for group, columns in spec.groups.items():
                changes.append((name, key, group, {c: encode(row[c]) for c in columns}))
            for ref_name, ref in spec.refs.items():
                target = row[ref.column]
                changes.append((name, key, ref_name, {
                    ref_name: None if target is None else keys(ref.table).get(target)}))
            if spec.has_tags:
                changes.append((name, key, TAGS, {TAGS: sorted(tags.get(row["id"], []))}))
            if spec.key == "singleton":
                break
    return changes


def _tags_by_memory(connection: Any) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for memory_id, name in connection.execute(text(
            "SELECT mt.memory_id, t.name FROM memory_tag mt JOIN tag t ON t.id = mt.tag_id")):
        found.setdefault(memory_id, []).append(name)
    return found
