"""The change log: kept only while the library is shared, started from the whole library when
sharing begins, and honoured by every program that has the library open (the app and the
command line at once)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from lovebridge.core.scrapbook.records import MemoryDate, MemoryDraft
from lovebridge.core.scrapbook.service import MemoryService
from lovebridge.store import open_store
from lovebridge.store.models.sync import SyncChange, SyncField
from tests.sync.helpers import make_laptop


def logged(store) -> int:
    with store.session_scope() as s:
        return s.execute(select(func.count()).select_from(SyncChange)).scalar()


def test_an_unshared_library_keeps_no_change_log(tmp_path: Path) -> None:
    maya = make_laptop(tmp_path, "maya")
    try:
        for n in range(5):
            MemoryService(maya.ctx).save(MemoryDraft(f"Walk {n}", MemoryDate(2024, 5, n + 1)))
        assert logged(maya.ctx.store) == 0
        with maya.ctx.store.session_scope() as s:
            assert s.execute(select(func.count()).select_from(SyncField)).scalar() == 0
    finally:
        maya.close()


def test_sharing_starts_from_the_whole_library_and_stops_logging_when_unpaired(
        tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    maya, jonah = make_laptop(tmp_path, "maya"), make_laptop(tmp_path, "jonah")
    try:
        MemoryService(maya.ctx).save(MemoryDraft("Made before sharing", MemoryDate(2023)))
        assert logged(maya.ctx.store) == 0
        code = maya.engine.setup_new(shared)
        # The library as it was travels in the first snapshot, not again as batches.
        assert logged(maya.ctx.store) == 0
        with maya.ctx.store.session_scope() as s:
            assert s.execute(select(func.count()).select_from(SyncField)).scalar() > 0
        ident = maya.engine.identity()
        assert [p.name for p in (ident.layout.device(ident.device) / "snapshots").iterdir()] \
            == ["000001.lbs"]
        jonah.engine.setup_join(shared, code)
        assert [m.title for m in MemoryService(jonah.ctx).timeline(0, 10)] == [
            "Made before sharing"]
        maya.engine.unpair()
        MemoryService(maya.ctx).save(MemoryDraft("After unpairing", MemoryDate(2025)))
        assert logged(maya.ctx.store) == 0
    finally:
        maya.close()
        jonah.close()


def test_edits_made_in_another_open_program_are_logged_once_sharing_starts(
        tmp_path: Path) -> None:
    """The app is open while `lovebridge sync setup` pairs the library from a terminal: what
    the app saves afterwards must still reach the partner."""
    shared = tmp_path / "shared"
    shared.mkdir()
    maya = make_laptop(tmp_path, "maya")
    app_store = open_store(maya.ctx.paths.database)  # the app, open before pairing
    try:
        app = type(maya.ctx)(paths=maya.ctx.paths, store=app_store)
        MemoryService(app).save(MemoryDraft("Saved in the app", MemoryDate(2024)))
        maya.engine.setup_new(shared)  # the command line pairs
        before = logged(maya.ctx.store)
        MemoryService(app).save(MemoryDraft("Saved in the app after pairing", MemoryDate(2025)))
        assert logged(maya.ctx.store) > before
        maya.engine.unpair()  # and unpairs again
        MemoryService(app).save(MemoryDraft("Saved after unpairing", MemoryDate(2026)))
        assert logged(maya.ctx.store) == 0
    finally:
        app_store.close()
        maya.close()
