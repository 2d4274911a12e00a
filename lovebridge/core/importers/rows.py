"""An import group's rows besides its memories: photos, placements, places and ledger rows.

Written with one insert statement per table for the whole group (thousands of rows): the ORM's
unit of work spent more time on them than SQLite and the copies together. Every column the
statement does not name gets the column's own default, as through the ORM.

The session's flush listeners never see rows written this way, so what they would have done
for them is done here, with their own functions: text sizes checked, the change notice
(core/events.py) naming the same rows, and, while sharing is on, the same changes logged for
the partner's laptop (store/change_capture.py).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import partial
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from lovebridge.core.events import note_change
from lovebridge.core.importers import ledger
from lovebridge.core.importers.copies import CopiedPhoto
from lovebridge.core.importers.plan import Place
from lovebridge.store.change_capture import APPLYING, CaptureSwitch, capture_new_rows
from lovebridge.store.guards import check_text_size
from lovebridge.store.models import ImportLedger, MemoryPhoto, MemoryPlace, Photo

MAX_PLACES = 20  # places kept per memory


@dataclass
class MemoryRows:
    """What one new memory (already flushed: it has its id) brings with it."""

    memory_id: int
    photos: list[CopiedPhoto]
    places: list[Place]
    ledger_keys: list[str]
    source: str


def write(session: Session, switch: CaptureSwitch, memories: list[MemoryRows]) -> None:
    """Insert the photo rows the library lacks, the placements, places and ledger rows of
    `memories` (in their order, as the ORM would: the same ids), in `session`'s transaction."""
    photo_ids = _known_photos(session, [p.sha256 for m in memories for p in m.photos])
    new_photos: list[dict[str, Any]] = []
    for memory in memories:
        for photo in memory.photos:
            if photo.sha256 not in photo_ids:
                photo_ids[photo.sha256] = 0  # to be inserted; its id comes back below
                new_photos.append(_photo_values(photo))
    photos = _insert(session, Photo.__table__, new_photos, ("sha256",))
    photo_ids.update((row["sha256"], row["id"]) for row in photos)

    placements, places, entries = [], [], []
    present = ledger.present(session, [k for m in memories for k in m.ledger_keys])
    for memory in memories:
        placements += [
            {"memory_id": memory.memory_id, "photo_id": photo_ids[photo.sha256],
             "position": position, "caption": photo.candidate.caption.strip(),
             "trashed_at": None}
            for position, photo in enumerate(memory.photos)]
        places += [
            {"memory_id": memory.memory_id, "position": position, "name": place.name[:200],
             "country": place.country[:100], "latitude": place.latitude,
             "longitude": place.longitude}
            for position, place in enumerate(memory.places[:MAX_PLACES])]
        entries += [
            {"key": key, "source": memory.source, "memory_id": memory.memory_id}
            for key in ledger.fresh(memory.ledger_keys, present)]
    placed = _insert(session, MemoryPhoto.__table__, placements, ("memory_id", "position"))
    located = _insert(session, MemoryPlace.__table__, places, ("memory_id", "position"))
    recorded = _insert(session, ImportLedger.__table__, entries, ("key",))

    for kind, rows in (("photo", photos), ("memory_photo", placed), ("memory_place", located),
                       ("import_ledger", recorded)):
        if rows:  # as core/events.py notes a new row: by its uuid, else by its kind alone
            note_change(session, kind, (r["uuid"] for r in rows if r.get("uuid")))
    if not session.info.get(APPLYING) and switch.is_on(session):
        capture_new_rows(session, switch, [
            (kind, [SimpleNamespace(**row) for row in rows])
            for kind, rows in (("photo", photos), ("memory_photo", placed),
                               ("memory_place", located))])


def _known_photos(session: Session, shas: list[str]) -> dict[str, int]:
    """The ids of the photos of `shas` the library already has."""
    wanted = list(dict.fromkeys(shas))
    found: dict[str, int] = {}
    for start in range(0, len(wanted), 500):
        found.update(session.execute(select(Photo.sha256, Photo.id).where(
            Photo.sha256.in_(wanted[start:start + 500]))).all())
    return found


def _photo_values(photo: CopiedPhoto) -> dict[str, Any]:
    info = photo.info
    return {"sha256": photo.sha256, "extension": photo.extension,
            "byte_size": photo.byte_size, "width": info.width, "height": info.height,
            "orientation": info.orientation, "taken_at": info.taken_at,
            "original_name": photo.candidate.path.name[:255]}


def _insert(session: Session, table: Table, values: list[dict[str, Any]],
            naming: tuple[str, ...]) -> list[dict[str, Any]]:
    """Insert `values`; returns each row as written (every column, its new id too), in the
    order given.

    Each row is completed first as the ORM would: every column it does not name gets the
    column's own default, a callable one (a new uuid, the time) called for each row. So the
    rows are known whole without reading them back, and go in with one executemany of the
    table's INSERT as SQLAlchemy compiles it, each value turned into what the database
    stores by its column type's own bind processor. (Through `Connection.execute` the same
    statement spent more time in SQLAlchemy's per-row bookkeeping than in SQLite; with
    RETURNING, reading the rows back cost more again.) Only their ids are read back: the
    rows above the largest id before the insert (this transaction has held the write lock
    since its memories were flushed, so they are all ours), matched to `values` by the
    `naming` columns, which tell the rows apart.
    """
    if not values:
        return []
    missing = _defaults(table, values[0].keys())
    rows = [{**given, **{name: default() for name, default in missing}} for given in values]
    for row in rows:
        for value in row.values():
            check_text_size(value)
    connection = session.connection()
    dialect = connection.dialect
    statement = table.insert().compile(dialect=dialect, column_keys=list(rows[0]))
    order = list(statement.positiontup or ())
    processors = [table.c[name].type.bind_processor(dialect) for name in order]
    key = table.primary_key.columns[0]
    before = connection.execute(select(func.max(key))).scalar() or 0
    connection.exec_driver_sql(str(statement), [
        tuple(value if process is None else process(value)
              for value, process in zip((row[name] for name in order), processors,
                                        strict=True))
        for row in rows])
    ids = {tuple(found[1:]): found[0] for found in connection.execute(
        select(key, *(table.c[name] for name in naming)).where(key > before)).all()}
    if len(ids) != len(rows):
        raise AssertionError(f"{table.name}: {len(rows)} rows written, {len(ids)} named")
    for row in rows:
        row[key.name] = ids[tuple(row[name] for name in naming)]
    return rows


def _defaults(table: Table, given: Collection[str]) -> list[tuple[str, Callable[[], Any]]]:
    """How the ORM fills each column but the key that `given` does not name: its own default
    (a callable one, such as a new uuid or the time, is called for each row), else None."""
    filled = []
    for column in table.columns:
        if column.name in given or column.primary_key:
            continue
        if column.server_default is not None:  # its value would have to be read back
            raise TypeError(f"{table.name}.{column.name}: a default the database fills in")
        default = column.default
        if default is not None and default.is_callable:
            filled.append((column.name, partial(default.arg, None)))  # type: ignore[attr-defined]
        else:
            value = None if default is None else default.arg  # type: ignore[attr-defined]
            filled.append((column.name, lambda value=value: value))
    return filled
