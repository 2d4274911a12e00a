"""Bringing local rows in line with the merged fields, many rows per statement.

A first sync brings thousands of rows at once; looking each one up and writing it alone made
it hundreds of times slower than copying the same bytes. Here each table's rows are read with
a few `IN (...)` look-ups, written with one executemany per kind of statement, their photos
fetched in one pass (one fsync round for all of them) and their search rows rebuilt together.
The rules are the ones in merge.py's docstring: the later stamp wins, a deletion for good goes
to the trash, a row marked "Private to me" here stays as it is, and a row whose linked row or
photo has not arrived yet waits (deferred).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, bindparam, delete, select
from sqlalchemy.orm import Session

from lovebridge.core.scrapbook import search
from lovebridge.store.base import Base, new_uuid, utc_now
from lovebridge.store.sync_fields import (
    DELETED,
    KEY_COLUMN,
    TABLES,
    TAGS,
    SyncedTable,
    decode,
    natural_key,
)

EXTENSION = re.compile(r"^[a-z0-9]{1,10}$")
CHUNK = 500  # keys per IN (...) look-up, well under SQLite's variable limit
Fields = dict[str, tuple[str, Any]]  # group -> (stamp, value)
# Given (sha256, extension) pairs, fetch what it can and return the hashes now on disk.
FetchPhotos = Callable[[list[tuple[str, str]]], set[str]]


@dataclass
class MergeResult:
    touched: set[tuple[str, str]] = field(default_factory=set)
    created: dict[str, int] = field(default_factory=dict)  # table -> rows new on this laptop
    deferred: set[tuple[str, str]] = field(default_factory=set)  # waiting for a row or photo
    tables: set[str] = field(default_factory=set)  # local tables written to


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _chunks(items: list, size: int = CHUNK) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


class LocalIds:
    """Local integer ids of rows known by their stable keys, looked up in bulk and kept."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._ids: dict[str, dict[str, int]] = {}

    def known(self, tbl: str) -> dict[str, int]:
        return self._ids.setdefault(tbl, {})

    def load(self, tbl: str, keys: Iterable[str]) -> None:
        """Look up the ids of `keys` not looked up yet (absent ones are simply not found)."""
        spec, table = TABLES[tbl], _table(tbl)
        known = self.known(tbl)
        wanted = sorted({k for k in keys if k is not None and k not in known})
        if not wanted:
            return
        if spec.key == "singleton":
            row_id = self.session.execute(
                select(table.c.id).order_by(table.c.id).limit(1)).scalar()
            if row_id is not None:
                known.update(dict.fromkeys(wanted, row_id))
            return
        if spec.key == "occurrence":
            self._load_occurrences(wanted)
            return
        if spec.key == "natural":
            self._load_natural(spec, wanted)
            return
        column = table.c[KEY_COLUMN[spec.key]]
        for chunk in _chunks(wanted):
            known.update(self.session.execute(
                select(column, table.c.id).where(column.in_(chunk))).all())

    def _load_occurrences(self, wanted: list[str]) -> None:
        table, known = _table("plan_occurrence"), self.known("plan_occurrence")
        plans: dict[str, list[str]] = {}
        for key in wanted:
            plans.setdefault(key.rpartition("@")[0], []).append(key)
        self.load("plan", plans)
        plan_ids = {self.known("plan")[p]: p for p in plans if p in self.known("plan")}
        start_type = table.c.original_start.type
        for chunk in _chunks(list(plan_ids)):
            rows = self.session.execute(select(table.c.id, table.c.plan_id,
                                               table.c.original_start)
                                        .where(table.c.plan_id.in_(chunk))).all()
            by_plan: dict[int, list[tuple[int, Any]]] = {}
            for row_id, plan_id, original in rows:
                by_plan.setdefault(plan_id, []).append((row_id, original))
            for plan_id in chunk:
                for key in plans[plan_ids[plan_id]]:
                    wanted_start = decode(start_type, key.rpartition("@")[2])
                    for row_id, original in by_plan.get(plan_id, []):
                        if original == wanted_start:
                            known[key] = row_id

    def _load_natural(self, spec: SyncedTable, wanted: list[str]) -> None:
        table, known = _table(spec.name), self.known(spec.name)
        columns = [table.c[c] for c in spec.natural]
        if not spec.parent:  # one column, whose value is the key
            for chunk in _chunks(wanted):
                for value, row_id in self.session.execute(
                        select(columns[0], table.c.id).where(columns[0].in_(chunk))):
                    known.setdefault(str(value), row_id)
            return
        ref = spec.refs[spec.parent]
        parents = {key.partition("|")[0] for key in wanted}
        self.load(ref.table, parents)
        parent_ids = {self.known(ref.table)[p]: p for p in parents if p in self.known(ref.table)}
        for chunk in _chunks(list(parent_ids)):
            for row in self.session.execute(select(table.c.id, table.c[ref.column], *columns)
                                            .where(table.c[ref.column].in_(chunk))
                                            .order_by(table.c.id)).mappings():
                key = natural_key(spec, dict(row), parent_ids[row[ref.column]])
                if key is not None:
                    known.setdefault(key, row["id"])

    def get(self, tbl: str, key: str) -> int | None:
        return self.known(tbl).get(key)


def write_rows(session: Session, rows: Iterable[tuple[str, str]],
               fields: dict[tuple[str, str], Fields], fetch_photos: FetchPhotos) -> MergeResult:
    """Write the merged state of `rows` into the local tables, table by table (linked rows
    first, as TABLES lists them); `fields` holds each row's merged fields."""
    result = MergeResult()
    by_table: dict[str, list[str]] = {}
    for tbl, key in set(rows):
        by_table.setdefault(tbl, []).append(key)
    ids = LocalIds(session)
    reindex: set[int] = set()
    for tbl, spec in TABLES.items():
        keys = sorted(by_table.get(tbl, ()))
        if keys:
            _TableWriter(session, spec, ids, result, reindex).write(
                keys, {k: fields.get((tbl, k), {}) for k in keys}, fetch_photos)
    if reindex:
        search.reindex_memories(session, sorted(reindex))
    return result


class _TableWriter:
    """One table's share of a materialize: decide each row, then write them all together."""

    def __init__(self, session: Session, spec: SyncedTable, ids: LocalIds, result: MergeResult,
                 reindex: set[int]) -> None:
        self.session, self.spec, self.ids, self.result = session, spec, ids, result
        self.table = _table(spec.name)
        self.reindex = reindex
        self.inserts: list[dict] = []
        self.updates: list[dict] = []
        self.tags: dict[str, list[str]] = {}  # key -> tag names
        self.deletes: list[int] = []
        self.trash: list[int] = []
        self.photo_rows: list[int] = []  # memory_photo rows whose memory is looked up

    def write(self, keys: list[str], fields: dict[str, Fields], fetch_photos: FetchPhotos) -> None:
        spec = self.spec
        self.ids.load(spec.name, keys)
        for ref_name, ref in spec.refs.items():
            self.ids.load(ref.table, [f[ref_name][1].get(ref_name) for f in fields.values()
                                      if ref_name in f])
        private = self._private_ids(keys)
        ready: list[tuple[str, dict, int | None]] = []
        for key in keys:
            self.result.touched.add((spec.name, key))
            row_id = self.ids.get(spec.name, key)
            values = self._decide(key, row_id, fields[key], private)
            if values is not None:
                ready.append((key, values, row_id))
        if spec.name == "photo":
            ready = self._with_photo_files(ready, fetch_photos)
        for key, values, row_id in ready:
            self._queue(key, values, row_id, fields[key])
        self._flush()

    def _private_ids(self, keys: list[str]) -> set[int]:
        column = self.spec.private_column
        row_ids = [i for k in keys if (i := self.ids.get(self.spec.name, k)) is not None]
        if not column or not row_ids:
            return set()
        found: set[int] = set()
        for chunk in _chunks(row_ids):
            found.update(self.session.execute(select(self.table.c.id).where(
                self.table.c.id.in_(chunk), self.table.c[column].is_(True))).scalars())
        return found

    def _decide(self, key: str, row_id: int | None, fields: Fields,
                private: set[int]) -> dict | None:
        """The column values to write, or None when the row is done with (or must wait)."""
        spec, table = self.spec, self.table
        if DELETED in fields and spec.revivable and any(
                stamp > fields[DELETED][0] for group, (stamp, _v) in fields.items()
                if group != DELETED):
            pass  # made again after it was deleted: the later of the two wins
        elif DELETED in fields:
            trashed = fields.get("trashed_at")
            if not spec.trashable:
                if row_id is not None:
                    self.deletes.append(row_id)
                return None
            if trashed is None or trashed[0] < fields[DELETED][0]:
                # Emptied from the trash over there: here it goes to the trash, restorable.
                if row_id is not None:
                    self.trash.append(row_id)
                return None
        if row_id is not None and row_id in private:
            return None  # marked "Private to me" here: this laptop's own copy stays as it is
        values: dict[str, Any] = {}
        for group, columns in spec.groups.items():
            if group in fields:
                for column in columns:
                    values[column] = decode(table.c[column].type, fields[group][1].get(column))
        for ref_name, ref in spec.refs.items():
            if ref_name in fields:
                target = fields[ref_name][1].get(ref_name)
                target_id = None if target is None else self.ids.get(ref.table, target)
                if target is not None and target_id is None:
                    self.result.deferred.add((spec.name, key))  # its row has not arrived yet
                    return None
                values[ref.column] = target_id
        if row_id is None and any(g not in fields for g in spec.all_groups()):
            self.result.deferred.add((spec.name, key))
            return None
        return values

    def _with_photo_files(self, ready: list, fetch_photos: FetchPhotos) -> list:
        kept = []
        for item in ready:
            if EXTENSION.match(str(item[1].get("extension", ""))):
                kept.append(item)  # else a file name made up to reach outside the photo folder
        missing = [(key, values["extension"]) for key, values, row_id in kept if row_id is None]
        here = fetch_photos(missing) if missing else set()
        ready = []
        for key, values, row_id in kept:
            if row_id is None and key not in here:
                self.result.deferred.add(("photo", key))
            else:
                ready.append((key, values, row_id))
        return ready

    def _queue(self, key: str, values: dict, row_id: int | None, fields: Fields) -> None:
        spec = self.spec
        if row_id is None:
            if spec.key in KEY_COLUMN:
                values[KEY_COLUMN[spec.key]] = key
            if spec.key == "natural" and not spec.parent:
                values[spec.natural[0]] = key  # a word kept lower-case, a partner's letter
            if spec.key != "sha256" and "uuid" in self.table.c:
                values["uuid"] = values.get("uuid") or new_uuid()
            self.inserts.append(values)
            self.result.created[spec.name] = self.result.created.get(spec.name, 0) + 1
        elif values:
            self.updates.append({**values, "_row_id": row_id})
        if spec.has_tags and TAGS in fields:
            self.tags[key] = [str(n)[:60] for n in fields[TAGS][1].get(TAGS) or []
                              if str(n).strip()]
        if spec.name == "memory" and row_id is not None:
            self.reindex.add(row_id)
        elif spec.name == "memory_photo" and values.get("memory_id") is not None:
            self.reindex.add(values["memory_id"])
        elif spec.name == "memory_photo" and row_id is not None:
            self.photo_rows.append(row_id)  # a caption changed: its memory is searched anew

    def _flush(self) -> None:
        session, table, spec = self.session, self.table, self.spec
        for row_ids in _chunks(self.deletes):
            if spec.name == "memory":
                search.forget_memories(session, row_ids)
            session.execute(delete(table).where(table.c.id.in_(row_ids)))
        for row_ids in _chunks(self.trash):
            session.execute(table.update().where(table.c.id.in_(row_ids),
                                                 table.c.trashed_at.is_(None))
                            .values(trashed_at=utc_now()))
        for rows in _by_columns(self.inserts).values():
            session.connection().execute(table.insert(), rows)
            if spec.key in KEY_COLUMN:
                column = KEY_COLUMN[spec.key]
                self.ids.load(spec.name, [r[column] for r in rows])
            if spec.name == "memory":
                self.reindex.update(self.ids.get("memory", r["uuid"]) for r in rows)
        for columns, rows in _by_columns(self.updates).items():
            statement = table.update().where(table.c.id == bindparam("_row_id")).values(
                {c: bindparam(c) for c in columns if c != "_row_id"})
            session.connection().execute(statement, rows)
        self.reindex.update(memory_ids_of_photos(session, self.photo_rows))
        if self.deletes or self.trash or self.inserts or self.updates:
            self.result.tables.add(spec.name)
        if self.tags:
            self._write_tags()

    def _write_tags(self) -> None:
        session = self.session
        tag, link = _table("tag"), _table("memory_tag")
        names = sorted({n for names in self.tags.values() for n in names})
        known: dict[str, int] = session.info.setdefault("sync_tag_ids", {})
        for chunk in _chunks([n for n in names if n.casefold() not in known]):
            for name, tag_id in session.execute(select(tag.c.name, tag.c.id)
                                                .where(tag.c.name.in_(chunk))):
                known[name.casefold()] = tag_id
        for name in names:
            if name.casefold() not in known:
                found = session.execute(select(tag.c.id).where(tag.c.name == name)).scalar()
                known[name.casefold()] = found or session.execute(
                    tag.insert().values(name=name)).inserted_primary_key[0]
        memory_ids = {key: self.ids.get("memory", key) for key in self.tags}
        for chunk in _chunks([i for i in memory_ids.values() if i is not None]):
            session.execute(delete(link).where(link.c.memory_id.in_(chunk)))
        links = []
        for key, names in self.tags.items():
            memory_id = memory_ids[key]
            if memory_id is None:
                continue
            self.reindex.add(memory_id)
            for tag_id in dict.fromkeys(known[n.casefold()] for n in names):
                links.append({"memory_id": memory_id, "tag_id": tag_id})
        if links:
            session.connection().execute(link.insert(), links)
        self.result.tables.update({"tag", "memory_tag"})


def _by_columns(rows: list[dict]) -> dict[tuple[str, ...], list[dict]]:
    grouped: dict[tuple[str, ...], list[dict]] = {}
    for row in rows:
        grouped.setdefault(tuple(sorted(row)), []).append(row)
    return grouped


def memory_ids_of_photos(session: Session, row_ids: list[int]) -> list[int]:
    """The memories some memory_photo rows belong to (their captions are searched)."""
    table, found = _table("memory_photo"), []
    for chunk in _chunks(row_ids):
        found += session.execute(select(table.c.memory_id).where(
            table.c.id.in_(chunk))).scalars().all()
    return [i for i in found if i is not None]
