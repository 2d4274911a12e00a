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
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Table, select, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from lovebridge.core.sync.materialize import FetchPhotos, MergeResult, write_rows
from lovebridge.store.base import Base
from lovebridge.store.hlc import parse_stamp
from lovebridge.store.models.sync import SyncField, SyncVersion
from lovebridge.store.sync_fields import (
    DELETED,
    TABLES,
)

SHA256 = re.compile(r"^[0-9a-f]{64}$")
Change = tuple[str, str, str, str, str | None, str]  # table, key, group, stamp, base, JSON value
CAPTURED_TABLES = ("memory", "message", "plan", "special_date", "custom_idea", "custom_template")


def valid_change(change: Any) -> bool:
    """A change as a batch may carry it; anything else (a newer or hostile writer) is skipped."""
    if not (isinstance(change, list | tuple) and len(change) == 6):
        return False
    tbl, key, group, stamp, base, value = change
    spec = TABLES.get(tbl) if isinstance(tbl, str) else None
    longest = 320 if spec is not None and spec.key == "natural" else 120  # a place's name
    if spec is None or not isinstance(key, str) or not 0 < len(key) <= longest:
        return False
    if spec.key_pattern and not re.match(spec.key_pattern, key):
        return False  # a natural key becomes a column's value: only a well-formed one may
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
        if known is None or _later(tbl, group, stamp, value, known["hlc"], known["value"]):
            fields[tbl, key, group] = {"tbl": tbl, "key": key, "field": group, "hlc": stamp,
                                       "value": value}
    if versions:
        connection.execute(sqlite_insert(SyncVersion).on_conflict_do_nothing(), versions)
    marks = _set_once_winners(session, fields)
    if marks:
        upsert = sqlite_insert(SyncField)
        connection.execute(upsert.on_conflict_do_update(
            index_elements=["tbl", "key", "field"],
            set_={"hlc": upsert.excluded.hlc, "value": upsert.excluded.value}), marks)
    if fields:
        upsert = sqlite_insert(SyncField)
        connection.execute(upsert.on_conflict_do_update(
            index_elements=["tbl", "key", "field"],
            set_={"hlc": upsert.excluded.hlc, "value": upsert.excluded.value},
            where=SyncField.hlc < upsert.excluded.hlc), list(fields.values()))
    return touched


def _is_set(value: str) -> bool:
    """Whether a field group's JSON value holds anything (a read mark that is there)."""
    try:
        return any(v is not None for v in json.loads(value).values())
    except (ValueError, AttributeError):
        return False


def _later(tbl: str, group: str, stamp: str, value: str, known_stamp: str, known: str) -> bool:
    """Whether (stamp, value) wins over what is known: the later stamp, except that a mark set
    once (SyncedTable.set_once) is never cleared by a change that would unset it."""
    if group in TABLES[tbl].set_once:
        return (_is_set(value), stamp) > (_is_set(known), known_stamp)
    return known_stamp < stamp


def _set_once_winners(session: Session, fields: dict[tuple[str, str, str], dict]) -> list[dict]:
    """Take the set-once marks out of `fields`; return those that win over the stored ones."""
    marks = {k: fields.pop(k) for k in [k for k in fields if k[2] in TABLES[k[0]].set_once]}
    stored: dict[tuple[str, str, str], tuple[str, str]] = {}
    by_table: dict[str, set[str]] = {}
    for tbl, key, _group in marks:
        by_table.setdefault(tbl, set()).add(key)
    for tbl, keys in by_table.items():
        ordered = sorted(keys)
        for start in range(0, len(ordered), FETCH_CHUNK):
            for key, group, stamp, value in session.execute(
                    select(SyncField.key, SyncField.field, SyncField.hlc, SyncField.value).where(
                        SyncField.tbl == tbl,
                        SyncField.key.in_(ordered[start:start + FETCH_CHUNK]))):
                stored[tbl, key, group] = (stamp, value)
    return [change for (tbl, key, group), change in marks.items()
            if (tbl, key, group) not in stored
            or _later(tbl, group, change["hlc"], change["value"], *stored[tbl, key, group])]


def materialize(session: Session, rows: Iterable[tuple[str, str]],
                fetch_photos: FetchPhotos) -> MergeResult:
    """Bring local rows in line with the merged fields. Rows not ready yet are deferred."""
    rows = sorted(set(rows))
    return write_rows(session, rows, _fields_of(session, rows), fetch_photos)


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


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
