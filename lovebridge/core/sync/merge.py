"""Merging what came from the partner's laptop into this laptop's store.

Each change is one field group of one row, stamped with a hybrid logical clock. The later stamp
wins, whatever order batches arrive in, so every laptop ends with the same values. A note body or
story also keeps every version: one edited apart from the winning one (not its ancestor) stays
as a second version the couple can pick. A deletion for good becomes a tombstone; on the other
laptop the row goes to the trash (or, for rows without a trash, away).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, delete, select, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from lovebridge.core.scrapbook import search
from lovebridge.store.base import Base, new_uuid, utc_now
from lovebridge.store.hlc import parse_stamp
from lovebridge.store.models.sync import SyncField, SyncVersion
from lovebridge.store.sync_fields import (
    DELETED,
    KEY_COLUMN,
    TABLES,
    TAGS,
    SyncedTable,
    decode,
)

SHA256 = re.compile(r"^[0-9a-f]{64}$")
EXTENSION = re.compile(r"^[a-z0-9]{1,10}$")
Change = tuple[str, str, str, str, str | None, str]  # table, key, group, stamp, base, JSON value
CAPTURED_TABLES = ("memory", "message", "plan", "special_date", "custom_idea", "custom_template")


@dataclass
class MergeResult:
    touched: set[tuple[str, str]] = field(default_factory=set)
    created: dict[str, int] = field(default_factory=dict)  # table -> rows new on this laptop
    deferred: set[tuple[str, str]] = field(default_factory=set)  # waiting for a row or photo


def valid_change(change: Any) -> bool:
    """A change as a batch may carry it; anything else (a newer or hostile writer) is skipped."""
    if not (isinstance(change, list | tuple) and len(change) == 6):
        return False
    tbl, key, group, stamp, base, value = change
    spec = TABLES.get(tbl) if isinstance(tbl, str) else None
    if spec is None or not isinstance(key, str) or not 0 < len(key) <= 120:
        return False
    if group != DELETED and group not in spec.all_groups():
        return False
    if spec.key == "sha256" and not SHA256.match(key):
        return False  # a photo's key names its file: only a real hash may
    try:
        parse_stamp(stamp)
        if base is not None:
            parse_stamp(base)
        json.loads(value)
    except (ValueError, TypeError, AttributeError):
        return False
    return True


def apply_changes(session: Session, changes: Iterable[Change]) -> set[tuple[str, str]]:
    """Fold changes into the merged fields (the later stamp wins); returns the rows touched."""
    connection = session.connection()
    touched = set()
    fields: dict[tuple[str, str, str], dict] = {}
    versions = []
    for tbl, key, group, stamp, base, value in changes:
        touched.add((tbl, key))
        if group in TABLES[tbl].text_groups:
            versions.append({"tbl": tbl, "key": key, "field": group, "hlc": stamp, "base": base,
                             "value": value, "dismissed": False})
        known = fields.get((tbl, key, group))
        if known is None or known["hlc"] < stamp:
            fields[tbl, key, group] = {"tbl": tbl, "key": key, "field": group, "hlc": stamp,
                                       "value": value}
    if versions:
        connection.execute(sqlite_insert(SyncVersion).on_conflict_do_nothing(), versions)
    if fields:
        upsert = sqlite_insert(SyncField)
        connection.execute(upsert.on_conflict_do_update(
            index_elements=["tbl", "key", "field"],
            set_={"hlc": upsert.excluded.hlc, "value": upsert.excluded.value},
            where=SyncField.hlc < upsert.excluded.hlc), list(fields.values()))
    return touched


def materialize(
    session: Session, rows: Iterable[tuple[str, str]], photo_ready: Callable[[str, str], bool],
) -> MergeResult:
    """Bring local rows in line with the merged fields. Rows not ready yet are deferred."""
    result = MergeResult()
    order = list(TABLES)
    rows = sorted(set(rows), key=lambda r: (order.index(r[0]) if r[0] in order else 99, r[1]))
    fields = _fields_of(session, rows)
    for tbl, key in rows:
        outcome = _materialize_row(session, TABLES[tbl], key, photo_ready,
                                   fields.get((tbl, key), {}))
        result.touched.add((tbl, key))
        if outcome == "deferred":
            result.deferred.add((tbl, key))
        elif outcome == "created":
            result.created[tbl] = result.created.get(tbl, 0) + 1
    return result


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def local_id(session: Session, spec: SyncedTable, key: str) -> int | None:
    table = _table(spec.name)
    if spec.key == "singleton":
        return session.execute(select(table.c.id).order_by(table.c.id).limit(1)).scalar()
    if spec.key == "occurrence":
        plan_key, _, start = key.rpartition("@")
        plan_id = local_id(session, TABLES["plan"], plan_key)
        if plan_id is None:
            return None
        wanted = decode(table.c.original_start.type, start)
        for row_id, original in session.execute(
                select(table.c.id, table.c.original_start).where(table.c.plan_id == plan_id)):
            if original == wanted:
                return row_id
        return None
    column = table.c[KEY_COLUMN[spec.key]]
    return session.execute(select(table.c.id).where(column == key)).scalar()


FETCH_CHUNK = 500


def _fields_of(session: Session, rows: list[tuple[str, str]]) -> dict[tuple[str, str], dict]:
    """The merged fields of many rows, a few hundred rows per query."""
    found: dict[tuple[str, str], dict] = {}
    by_table: dict[str, list[str]] = {}
    for tbl, key in rows:
        by_table.setdefault(tbl, []).append(key)
    for tbl, keys in by_table.items():
        for start in range(0, len(keys), FETCH_CHUNK):
            for key, group, stamp, value in session.execute(
                    select(SyncField.key, SyncField.field, SyncField.hlc, SyncField.value).where(
                        SyncField.tbl == tbl, SyncField.key.in_(keys[start:start + FETCH_CHUNK]))):
                found.setdefault((tbl, key), {})[group] = (stamp, json.loads(value))
    return found


def _materialize_row(
    session: Session, spec: SyncedTable, key: str, photo_ready: Callable[[str, str], bool],
    fields: dict[str, tuple[str, Any]],
) -> str:
    table = _table(spec.name)
    row_id = local_id(session, spec, key)
    if DELETED in fields:
        trashed = fields.get("trashed_at")
        if not spec.trashable:
            if row_id is not None:
                _forget_search(session, spec, row_id)
                session.execute(delete(table).where(table.c.id == row_id))
            return "deleted"
        if trashed is None or trashed[0] < fields[DELETED][0]:
            # Emptied from the trash over there: here it goes to the trash, restorable.
            if row_id is not None:
                session.execute(table.update().where(table.c.id == row_id,
                                                     table.c.trashed_at.is_(None))
                                .values(trashed_at=utc_now()))
            return "trashed"
    if spec.private_column and row_id is not None and session.execute(
            select(table.c[spec.private_column]).where(table.c.id == row_id)).scalar():
        return "private"  # marked "Private to me" here: this laptop's own copy stays as it is
    values: dict[str, Any] = {}
    for group, columns in spec.groups.items():
        if group in fields:
            for column in columns:
                values[column] = decode(table.c[column].type, fields[group][1].get(column))
    for ref_name, ref in spec.refs.items():
        if ref_name in fields:
            target = fields[ref_name][1].get(ref_name)
            target_id = None if target is None else local_id(session, TABLES[ref.table], target)
            if target is not None and target_id is None:
                return "deferred"  # the row it belongs to has not arrived yet
            values[ref.column] = target_id
    missing = [g for g in spec.all_groups() if g not in fields]
    if row_id is None and missing:
        return "deferred"
    if spec.name == "photo":
        if not EXTENSION.match(str(values.get("extension", ""))):
            return "refused"  # a file name made up to reach outside the photo folder
        if row_id is None and not photo_ready(key, values["extension"]):
            return "deferred"
    if row_id is None:
        if spec.key in KEY_COLUMN:
            values[KEY_COLUMN[spec.key]] = key
        if spec.key != "sha256":
            values.setdefault("uuid", new_uuid())
        if spec.key == "occurrence":
            values["uuid"] = new_uuid()
        row_id = session.execute(table.insert().values(**values)).inserted_primary_key[0]
        outcome = "created"
    else:
        if values:
            session.execute(table.update().where(table.c.id == row_id).values(**values))
        outcome = "updated"
    if spec.has_tags and TAGS in fields:
        _set_tags(session, row_id, fields[TAGS][1].get(TAGS) or [])
    _reindex(session, spec, row_id, values)
    return outcome


def _set_tags(session: Session, memory_id: int, names: list[str]) -> None:
    tag, link = _table("tag"), _table("memory_tag")
    known = session.info.setdefault("sync_tag_ids", {})  # one look-up per tag per exchange
    wanted = []
    for name in [str(n)[:60] for n in names if str(n).strip()]:
        tag_id = known.get(name.casefold())
        if tag_id is None:
            tag_id = session.execute(select(tag.c.id).where(tag.c.name == name)).scalar()
        if tag_id is None:
            tag_id = session.execute(tag.insert().values(name=name)).inserted_primary_key[0]
        known[name.casefold()] = tag_id
        wanted.append(tag_id)
    session.execute(delete(link).where(link.c.memory_id == memory_id))
    for tag_id in dict.fromkeys(wanted):
        session.execute(link.insert().values(memory_id=memory_id, tag_id=tag_id))


def _reindex(session: Session, spec: SyncedTable, row_id: int, values: dict) -> None:
    if spec.name == "memory":
        search.reindex_memory(session, row_id)
    elif spec.name == "memory_photo":
        memory_id = values.get("memory_id") or session.execute(
            text("SELECT memory_id FROM memory_photo WHERE id = :id"), {"id": row_id}).scalar()
        if memory_id is not None:
            search.reindex_memory(session, memory_id)


def _forget_search(session: Session, spec: SyncedTable, row_id: int) -> None:
    if spec.name == "memory":
        search.forget_memory(session, row_id)


def second_versions(session: Session, tbl: str, key: str, group: str) -> list[tuple[str, Any]]:
    """Versions of a note body or story edited apart from the one shown: (stamp, value).

    A version is kept as a second version when it is not the winning one, was not edited
    onwards (no other version names it as its base), and was not set aside by the couple.
    """
    winner = session.execute(select(SyncField.hlc).where(
        SyncField.tbl == tbl, SyncField.key == key, SyncField.field == group)).scalar()
    rows = session.execute(select(SyncVersion.hlc, SyncVersion.base, SyncVersion.value,
                                  SyncVersion.dismissed).where(
        SyncVersion.tbl == tbl, SyncVersion.key == key, SyncVersion.field == group)).all()
    bases = {row.base for row in rows}
    return [(row.hlc, json.loads(row.value)) for row in sorted(rows)
            if row.hlc != winner and row.hlc not in bases and not row.dismissed]


def dismiss_version(session: Session, tbl: str, key: str, group: str, stamp: str) -> None:
    """The couple chose: this second version is no longer offered on this laptop."""
    session.execute(SyncVersion.__table__.update().where(
        SyncVersion.tbl == tbl, SyncVersion.key == key, SyncVersion.field == group,
        SyncVersion.hlc == stamp).values(dismissed=True))


def library_size(session: Session) -> int:
    """Live rows of the kinds a deletion batch is measured against."""
    total = 0
    for name in CAPTURED_TABLES:
        table = _table(name)
        query = select(table.c.id)
        if "trashed_at" in table.c:
            query = query.where(table.c.trashed_at.is_(None))
        total += session.execute(select(text("count(*)")).select_from(query.subquery())).scalar()
    return total


def deletions_in(changes: Iterable[Change]) -> int:
    """How many rows a batch would delete or send to the trash."""
    gone = set()
    for tbl, key, group, _stamp, _base, value in changes:
        if tbl not in CAPTURED_TABLES:
            continue
        if group == DELETED or (group == "trashed_at" and
                                json.loads(value).get("trashed_at") is not None):
            gone.add((tbl, key))
    return len(gone)
