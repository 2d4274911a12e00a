"""An import writes its photo rows, placements, places and ledger rows with plain insert
statements (rows.py); the library, its search index, its change notices and, while sharing is
on, the change log for the partner's laptop must come out exactly as when the ORM's unit of work
wrote them (that way is kept here as the reference, as the writer had it)."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select, text

from lovebridge.core.context import AppContext
from lovebridge.core.importers import ledger, rows, writer
from lovebridge.core.importers.folder import plan_folder
from lovebridge.store import open_store
from lovebridge.store.base import Base
from lovebridge.store.media import sha256_of_file
from lovebridge.store.models import MemoryPhoto, MemoryPlace, Photo
from lovebridge.store.models.sync import SyncState
from tests.photo_kit import LISBON, PARIS, SINTRA, camera_jpeg

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
STAMPS = {"uuid", "created_at", "updated_at", "imported_at"}  # differ from run to run


def orm_write(session, _switch, memories: list[rows.MemoryRows]) -> None:
    """The reference: the rows written as objects through the session, as the writer did
    before (its flush runs the change capture and the change notice themselves)."""
    shas = list(dict.fromkeys(p.sha256 for m in memories for p in m.photos))
    known = {row.sha256: row for row in session.scalars(
        select(Photo).where(Photo.sha256.in_(shas)))}
    present = ledger.present(session, [k for m in memories for k in m.ledger_keys])
    for memory in memories:
        for position, photo in enumerate(memory.photos):
            row = known.get(photo.sha256)
            if row is None:
                info = photo.info
                row = known[photo.sha256] = Photo(
                    sha256=photo.sha256, extension=photo.extension,
                    byte_size=photo.byte_size, width=info.width, height=info.height,
                    orientation=info.orientation, taken_at=info.taken_at,
                    original_name=photo.candidate.path.name[:255])
                session.add(row)
            session.add(MemoryPhoto(memory_id=memory.memory_id, photo=row, position=position,
                                    caption=photo.candidate.caption.strip()))
        for position, place in enumerate(memory.places[:20]):
            session.add(MemoryPlace(
                memory_id=memory.memory_id, position=position, name=place.name[:200],
                country=place.country[:100], latitude=place.latitude,
                longitude=place.longitude))
        ledger.record(session, memory.ledger_keys, memory.source, memory.memory_id, present)
    session.flush()


def _roll(folder: Path) -> Path:
    """Four days of photos, one with no place, and a long day."""
    camera_jpeg(folder / "a" / "1.jpg", datetime(2024, 7, 14, 10, 5), LISBON, seed=1)
    camera_jpeg(folder / "a" / "2.jpg", datetime(2024, 7, 14, 12, 0), LISBON, seed=2)
    camera_jpeg(folder / "a" / "3.jpg", datetime(2024, 7, 15, 11, 0), SINTRA, seed=3)
    camera_jpeg(folder / "b" / "4.jpg", datetime(2024, 9, 1, 15, 0), PARIS, seed=4)
    camera_jpeg(folder / "b" / "5.jpg", datetime(2024, 9, 1, 16, 0), None, seed=5)
    for n in range(6, 12):
        camera_jpeg(folder / "c" / f"{n}.jpg", datetime(2024, 10, 2, 8 + n, 0), PARIS, seed=n)
    return folder


def _import(ctx: AppContext, folder: Path, orphan: Path) -> tuple[int, int]:
    """Plan, give the memories tags, stories and captions, write them."""
    plan = plan_folder(ctx, folder)
    for n, proposal in enumerate(plan.proposals):
        proposal.tags = ["trip", f"day {n}"] + (["Trip"] if n == 1 else [])
        proposal.story_text = f"What we did on day {n}.\n\nAnd after."
        for m, photo in enumerate(proposal.photos):
            photo.caption = f"  photo {m} of day {n}  "
    # One photo is in two memories; the library already has a row for another one.
    plan.proposals[1].photos.append(plan.proposals[0].photos[0])
    assert any(p.path.name == orphan.name for prop in plan.proposals for p in prop.photos)
    outcome = writer.accept(ctx, plan)
    return outcome.memories, outcome.photos


def _share(ctx: AppContext) -> None:
    with ctx.store.session_scope() as session:
        session.add(SyncState(key="device", value="d1"))


def _orphan_photo(ctx: AppContext, path: Path) -> None:
    """A photo row with no memory and no ledger row (its memory was purged, say)."""
    with ctx.store.session_scope() as session:
        session.add(Photo(sha256=sha256_of_file(path), extension="jpg",
                          byte_size=path.stat().st_size, width=320, height=240,
                          original_name="kept.jpg"))


def _library(ctx: AppContext, notices: list) -> dict:
    """Every table's rows (run-to-run stamps left out, uuids named by their row), the search
    index, the change log as a multiset, and the change notices."""
    names: dict[str, str] = {}
    found: dict = {}
    with ctx.store.session_scope() as session:
        connection = session.connection()
        for table in Base.metadata.sorted_tables:
            if "uuid" in table.c:
                for row_id, uuid in connection.execute(select(table.c.id, table.c.uuid)):
                    names[uuid] = f"{table.name}#{row_id}"

        def named(value: object) -> object:
            return UUID.sub(lambda m: names.get(m.group(), "?"), value) if isinstance(
                value, str) else value

        for table in Base.metadata.sorted_tables:
            if table.name.startswith("sync_"):
                continue
            columns = [c for c in table.c if c.name not in STAMPS]
            found[table.name] = sorted(
                tuple(named(v) for v in row) for row in connection.execute(
                    select(*columns)).all())
        found["fts"] = connection.execute(text(
            "SELECT rowid, title, story, place, tags, captions FROM fts_memory "
            "ORDER BY rowid")).all()
        found["search"] = connection.execute(text(
            "SELECT rowid FROM fts_memory WHERE fts_memory MATCH 'photo AND day' "
            "ORDER BY rowid")).all()
        for name in ("sync_change", "sync_field", "sync_version"):
            found[name] = Counter(
                (tbl, named(key), field, named(value)) for tbl, key, field, value in
                connection.execute(text(f"SELECT tbl, key, field, value FROM {name}")))
    found["notices"] = Counter(  # each commit's: kind and rows
        (change.kind, frozenset(named(row) for row in change.ids))
        for changes in notices for change in changes)
    return found


def _run(tmp_path: Path, name: str, folder: Path, shared: bool,
         monkeypatch: pytest.MonkeyPatch, reference: bool) -> tuple[dict, tuple, tuple]:
    from lovebridge.paths import resolve_paths

    paths = resolve_paths(tmp_path / name).ensure()
    store = open_store(paths.database)
    try:
        ctx = AppContext(paths=paths, store=store, clock=lambda: datetime(2025, 1, 1))
        orphan = folder / "c" / "9.jpg"
        _orphan_photo(ctx, orphan)
        if shared:
            _share(ctx)
        notices: list = []
        ctx.changes.subscribe(notices.append)
        with monkeypatch.context() as patch:
            patch.setattr(writer, "GROUP_PHOTOS", 4)  # several groups, several transactions
            if reference:
                patch.setattr(rows, "write", orm_write)
            first = _import(ctx, folder, orphan)
            again = writer.accept(ctx, plan_folder(ctx, folder))
        return _library(ctx, notices), first, (again.memories, again.photos)
    finally:
        store.close()


@pytest.mark.parametrize("shared", [False, True], ids=["not shared", "shared"])
def test_bulk_rows_leave_the_library_and_change_log_as_the_orm_did(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shared: bool) -> None:
    folder = _roll(tmp_path / "roll")
    bulk, first, again = _run(tmp_path, "bulk", folder, shared, monkeypatch, reference=False)
    orm, orm_first, orm_again = _run(tmp_path, "orm", folder, shared, monkeypatch,
                                     reference=True)
    assert first == orm_first == (4, 12)  # 11 photos, one of them in two memories
    assert again == orm_again == (0, 0)  # the ledger: a re-run brings nothing twice
    assert len(bulk["photo"]) == 11 and len(bulk["memory_photo"]) == 12
    assert len(bulk["memory_place"]) >= 3 and len(bulk["tag"]) == 5
    assert bulk["fts"][0][5].startswith("photo 0 of day 0")  # the captions are searched
    for table in orm:
        assert bulk[table] == orm[table], table
    logged = bulk["sync_change"]
    if shared:
        tables = {tbl for tbl, _key, _field, _value in logged}
        assert {"memory", "photo", "memory_photo", "memory_place"} <= tables
        placed = [json.loads(value) for tbl, _k, group, value in logged
                  if tbl == "memory_photo" and group == "photo"]
        assert len(placed) == 12 and all(v["photo"] for v in placed)
    else:
        assert not logged


def test_a_caption_too_long_to_keep_is_refused_with_its_memory(ctx, tmp_path: Path) -> None:
    from lovebridge.store.errors import TextTooLongError
    from lovebridge.store.guards import MAX_TEXT_CHARS
    from lovebridge.store.models import Memory

    folder = tmp_path / "roll"
    camera_jpeg(folder / "1.jpg", datetime(2024, 7, 14, 10, 5), LISBON, seed=1)
    plan = plan_folder(ctx, folder)
    plan.proposals[0].photos[0].caption = "x" * (MAX_TEXT_CHARS + 1)
    with pytest.raises(TextTooLongError):
        writer.accept(ctx, plan)
    with ctx.store.session_scope() as session:
        for table in (Memory, Photo, MemoryPhoto):
            assert session.scalars(select(table)).first() is None, table
