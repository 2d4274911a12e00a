"""The change log forgets what every partner has applied, so the store stays small; nothing
is forgotten before that, and sharing goes on as before afterwards."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from lovebridge.core.scrapbook.records import MemoryDate, MemoryDraft
from lovebridge.core.scrapbook.service import MemoryService
from lovebridge.store.models.sync import SyncChange
from tests.sync.helpers import make_laptop


def logged(laptop) -> int:
    with laptop.ctx.store.session_scope() as s:
        return s.execute(select(func.count()).select_from(SyncChange)).scalar()


def titles(laptop) -> list[str]:
    return sorted(m.title for m in MemoryService(laptop.ctx).timeline(0, 100))


def test_changes_every_partner_applied_are_forgotten(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    maya, jonah, sam = (make_laptop(tmp_path, n) for n in ("maya", "jonah", "sam"))
    try:
        code = maya.engine.setup_new(shared)
        jonah.engine.setup_join(shared, code)
        sam.engine.setup_join(shared, code)
        for laptop in (maya, jonah, sam, maya):
            laptop.engine.sync_now()
        for n in range(3):
            MemoryService(maya.ctx).save(MemoryDraft(f"Walk {n}", MemoryDate(2024, 5, n + 1)))
        maya.engine.sync_now()
        written = logged(maya)
        assert written > 0

        jonah.engine.sync_now()  # one partner has them; the other has not yet
        maya.engine.sync_now()
        assert logged(maya) == written

        sam.engine.sync_now()  # now both have applied them
        maya.engine.sync_now()
        assert logged(maya) == 0
        assert titles(jonah) == titles(sam) == ["Walk 0", "Walk 1", "Walk 2"]

        MemoryService(maya.ctx).save(MemoryDraft("After forgetting", MemoryDate(2025)))
        for laptop in (maya, jonah, sam):
            laptop.engine.sync_now()
        assert "After forgetting" in titles(jonah) and "After forgetting" in titles(sam)
    finally:
        for laptop in (maya, jonah, sam):
            laptop.close()
