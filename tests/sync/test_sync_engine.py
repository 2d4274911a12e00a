"""Two laptops sharing one folder: what travels, what stays, and how edits merge."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from lovebridge.core.scrapbook.records import MemoryDate, MemoryDraft
from lovebridge.core.scrapbook.service import MemoryService
from lovebridge.store.models import Memory
from tests.sync.helpers import make_laptop


@pytest.fixture
def pair(tmp_path: Path):
    shared = tmp_path / "shared"
    shared.mkdir()
    maya = make_laptop(tmp_path, "maya")
    jonah = make_laptop(tmp_path, "jonah")
    yield shared, maya, jonah
    maya.close()
    jonah.close()


def titles(laptop) -> list[str]:
    with laptop.ctx.store.session_scope() as s:
        return sorted(s.scalars(select(Memory.title).where(Memory.trashed_at.is_(None))))


def test_a_memory_written_on_one_laptop_arrives_on_the_other(pair) -> None:
    shared, maya, jonah = pair
    MemoryService(maya.ctx).save(MemoryDraft("Before pairing", MemoryDate(2024, 5, 1)))
    code = maya.engine.setup_new(shared, name="Maya's laptop")
    jonah.engine.setup_join(shared, code, name="Jonah's laptop")
    assert titles(jonah) == ["Before pairing"]
    MemoryService(maya.ctx).save(MemoryDraft("Picnic", MemoryDate(2025, 6, 2), tags=("park",)))
    maya.engine.sync_now()
    report = jonah.engine.sync_now()
    assert titles(jonah) == ["Before pairing", "Picnic"]
    assert report.created == {"memory": 1}
