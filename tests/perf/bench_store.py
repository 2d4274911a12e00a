"""Store figures on the big library, each beside the same work done with raw SQLite.

- opening the store (pragmas, each table's quick check, schema revision) vs a bare
  connection running `PRAGMA quick_check` on each table (the same check, the plainest way);
- the timeline page: the newest 200 memories with their first photo, one statement (a join on
  each memory's first photo, no query per memory), through a session into frozen dataclasses, vs
  the same SQL on a raw connection into the same dataclasses (so the ratio is the store's cost);
- "on this day": every year's memories of one calendar day, which must use
  ix_memory_day_of_year, vs the same SQL raw.

The raw side uses sqlcipher3's DB-API without a key: the very SQLite build the app runs on.
Both sides are timed in CPU time (`time.process_time`): this is millisecond work in this one
process, and on a shared machine its wall-clock time mostly measures the other processes.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import Select, select

from lovebridge.paths import resolve_paths
from lovebridge.store import open_store
from lovebridge.store.connection import quick_check_problems
from lovebridge.store.db import Store, connect
from lovebridge.store.models import Memory, MemoryPhoto, Photo
from tests.perf.benchlib import Row, median_of

TIMELINE_PAGE = 200
ON_THIS_DAY = date(2026, 11, 23)  # the generated library ends on this day

TIMELINE_SQL = """
SELECT m.id, m.uuid, m.title, m.date_year, m.date_month, m.date_day, m.place,
       p.sha256, p.extension, p.orientation
FROM (SELECT id, uuid, title, date_year, date_month, date_day, place FROM memory
      WHERE trashed_at IS NULL
      ORDER BY date_year DESC, date_month DESC, date_day DESC, id DESC LIMIT ?) AS m
LEFT OUTER JOIN memory_photo AS mp ON mp.id = (
    SELECT id FROM memory_photo WHERE memory_id = m.id AND trashed_at IS NULL
    ORDER BY position, id LIMIT 1)
LEFT OUTER JOIN photo AS p ON p.id = mp.photo_id
ORDER BY m.date_year DESC, m.date_month DESC, m.date_day DESC, m.id DESC
"""

ON_THIS_DAY_SQL = """
SELECT id, uuid, title, date_year, place FROM memory
WHERE date_month = ? AND date_day = ? AND trashed_at IS NULL
ORDER BY date_year DESC, id DESC
"""


@dataclass(frozen=True)
class TimelineEntry:
    """What a timeline card shows (plain data, as services hand to the UI)."""

    memory_id: int
    uuid: str
    title: str
    year: int
    month: int | None
    day: int | None
    place: str
    photo_sha256: str | None
    photo_extension: str | None
    photo_orientation: int | None


@dataclass(frozen=True)
class DayMemory:
    memory_id: int
    uuid: str
    title: str
    year: int
    place: str


def timeline_statement(limit: int) -> Select:
    newest = (
        select(Memory.id, Memory.uuid, Memory.title, Memory.date_year, Memory.date_month,
               Memory.date_day, Memory.place)
        .where(Memory.trashed_at.is_(None))
        .order_by(Memory.date_year.desc(), Memory.date_month.desc(), Memory.date_day.desc(),
                  Memory.id.desc())
        .limit(limit)
        .subquery("m")
    )
    first_photo = (
        select(MemoryPhoto.id)
        .where(MemoryPhoto.memory_id == newest.c.id, MemoryPhoto.trashed_at.is_(None))
        .order_by(MemoryPhoto.position, MemoryPhoto.id)
        .limit(1)
        .correlate(newest)
        .scalar_subquery()
    )
    return (
        select(newest, Photo.sha256, Photo.extension, Photo.orientation)
        .select_from(newest)
        .outerjoin(MemoryPhoto, MemoryPhoto.id == first_photo)
        .outerjoin(Photo, Photo.id == MemoryPhoto.photo_id)
        .order_by(newest.c.date_year.desc(), newest.c.date_month.desc(),
                  newest.c.date_day.desc(), newest.c.id.desc())
    )


def on_this_day_statement(day: date) -> Select:
    return (
        select(Memory.id, Memory.uuid, Memory.title, Memory.date_year, Memory.place)
        .where(Memory.date_month == day.month, Memory.date_day == day.day,
               Memory.trashed_at.is_(None))
        .order_by(Memory.date_year.desc(), Memory.id.desc())
    )


# Built once: constructing a statement costs about as much as running this one.
TIMELINE_STATEMENT = timeline_statement(TIMELINE_PAGE)


def load_timeline(store: Store) -> list[TimelineEntry]:
    """The timeline page. Plain columns run on the session's connection (Core): ORM-enabled
    execution would add about 5 microseconds a row for nothing a list of dataclasses needs."""
    with store.session_scope() as session:
        rows = session.connection().execute(TIMELINE_STATEMENT)
        return [TimelineEntry(*row) for row in rows]


def load_on_this_day(store: Store, day: date) -> list[DayMemory]:
    with store.session_scope() as session:
        rows = session.connection().execute(on_this_day_statement(day))
        return [DayMemory(*row) for row in rows]


def query_plan(database: Path, sql: str, params: tuple) -> str:
    connection = connect(database)
    try:
        rows = connection.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall()
    finally:
        connection.close()
    return " / ".join(str(row[-1]) for row in rows)


def run(library: Path, quick: bool) -> list[Row]:
    database = resolve_paths(library).database
    repeats = 7 if quick else 31

    def median(fn) -> float:  # noqa: ANN001
        return median_of(fn, repeats, clock=time.process_time)

    def open_and_check() -> None:
        store = open_store(database)
        store.engine.dispose()

    def raw_quick_check() -> None:
        connection = connect(database)
        try:
            assert quick_check_problems(connection) == []
        finally:
            connection.close()

    rows = [Row("open store (quick check, schema)", median(open_and_check), "s",
                "sqlite PRAGMA quick_check of each table", median(raw_quick_check), 1.5)]

    store = open_store(database)
    raw = connect(database)
    try:
        # The two sides must do the same work: same rows, same order.
        timeline = load_timeline(store)
        raw_timeline = raw.execute(TIMELINE_SQL, (TIMELINE_PAGE,)).fetchall()
        if [(e.memory_id, e.photo_sha256) for e in timeline] != [
            (r[0], r[7]) for r in raw_timeline
        ]:
            raise AssertionError("timeline: the store and the raw query disagree")
        day_params = (ON_THIS_DAY.month, ON_THIS_DAY.day)
        plan = query_plan(database, ON_THIS_DAY_SQL, day_params)
        if "ix_memory_day_of_year" not in plan:
            raise AssertionError(f"'on this day' does not use ix_memory_day_of_year: {plan}")
        day = load_on_this_day(store, ON_THIS_DAY)
        if [d.memory_id for d in day] != [
            r[0] for r in raw.execute(ON_THIS_DAY_SQL, day_params).fetchall()
        ]:
            raise AssertionError("on this day: the store and the raw query disagree")

        rows.append(Row(
            f"timeline: {TIMELINE_PAGE} newest + first photo",
            median(lambda: load_timeline(store)), "s",
            "same SQL raw, same dataclasses",
            median(lambda: [
                TimelineEntry(*row) for row in raw.execute(TIMELINE_SQL, (TIMELINE_PAGE,))
            ]),
            2.0,
        ))
        rows.append(Row(
            f"on this day ({len(day)} of {count_memories(raw):,})",
            median(lambda: load_on_this_day(store, ON_THIS_DAY)), "s",
            "same SQL raw, same dataclasses",
            median(lambda: [DayMemory(*row) for row in raw.execute(ON_THIS_DAY_SQL, day_params)]),
            # No ratio target: the query takes microseconds, so the ratio only shows the fixed
            # cost of a session (BEGIN, COMMIT, result objects), well under a millisecond.
            None,
        ))
    finally:
        raw.close()
        store.engine.dispose()
    return rows


def count_memories(connection) -> int:  # noqa: ANN001 - a DB-API connection
    return connection.execute("SELECT count(*) FROM memory").fetchone()[0]
