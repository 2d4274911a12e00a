"""Old batch files leave the shared folder once every partner has applied them and a newer
snapshot covers them, so the folder does not grow for ever; nothing a partner still needs goes,
and a laptop joining later, or one whose batches are gone, starts from the snapshot."""

from __future__ import annotations

from pathlib import Path

import pytest

from lovebridge.core.scrapbook.records import MemoryDate, MemoryDraft
from lovebridge.core.scrapbook.service import MemoryService
from lovebridge.core.sync import outgoing
from lovebridge.core.sync.folder import BATCH_NAME
from tests.sync.helpers import make_laptop


@pytest.fixture(autouse=True)
def frequent_snapshots(monkeypatch) -> None:
    monkeypatch.setattr(outgoing, "SNAPSHOT_EVERY", 3)


def own_files(laptop, sub: str) -> list[str]:
    ident = laptop.engine.identity()
    folder = ident.layout.device(ident.device) / sub
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def batch_numbers(laptop) -> list[int]:
    return [int(m.group(1)) for n in own_files(laptop, "batches") if (m := BATCH_NAME.match(n))]


def titles(laptop) -> list[str]:
    return sorted(m.title for m in MemoryService(laptop.ctx).timeline(0, 1000))


def write(laptop, title: str) -> None:
    MemoryService(laptop.ctx).save(MemoryDraft(title, MemoryDate(2024, 5, 1)))
    laptop.engine.sync_now()


@pytest.fixture
def couple(tmp_path: Path):
    shared = tmp_path / "shared"
    shared.mkdir()
    maya, jonah = make_laptop(tmp_path, "maya"), make_laptop(tmp_path, "jonah")
    code = maya.engine.setup_new(shared)
    jonah.engine.setup_join(shared, code)
    maya.engine.sync_now()
    try:
        yield shared, code, maya, jonah
    finally:
        maya.close()
        jonah.close()


def test_the_folder_keeps_only_the_batches_still_needed(couple, tmp_path: Path) -> None:
    shared, code, maya, jonah = couple
    for n in range(10):
        write(maya, f"Walk {n}")
        jonah.engine.sync_now()
    maya.engine.sync_now()  # learns how far Jonah got
    written = max(batch_numbers(maya))
    assert written >= 10
    snapshots = own_files(maya, "snapshots")
    assert len(snapshots) == 1  # older snapshots went when a newer one was written
    # Everything up to the last snapshot is gone; what came after it stays for now.
    kept = batch_numbers(maya)
    assert kept and kept == list(range(kept[0], written + 1)) and len(kept) <= 3
    assert titles(jonah) == titles(maya)

    # A laptop joining now starts from the snapshot and misses nothing.
    sam = make_laptop(tmp_path, "sam")
    try:
        sam.engine.setup_join(shared, code)
        assert titles(sam) == [f"Walk {n}" for n in range(10)]
    finally:
        sam.close()
    # Jonah's files are Jonah's: Maya never removes them.
    ident = jonah.engine.identity()
    assert (ident.layout.device(ident.device) / "device.lbd").is_file()


def test_nothing_a_partner_has_not_applied_is_removed(couple) -> None:
    _shared, _code, maya, jonah = couple
    jonah.engine.sync_now()
    maya.engine.sync_now()
    before = batch_numbers(maya)
    for n in range(8):  # Jonah's laptop is away the whole time
        write(maya, f"While away {n}")
    kept = batch_numbers(maya)
    assert set(before) <= set(kept) and len(kept) >= len(before) + 8
    assert len(own_files(maya, "snapshots")) == 1  # snapshots still come

    jonah.engine.sync_now()  # back: every batch is still there
    assert titles(jonah) == titles(maya)
    maya.engine.sync_now()  # and now they may go
    assert len(batch_numbers(maya)) < len(kept)


def test_a_laptop_whose_batches_are_gone_catches_up_from_the_snapshot(couple) -> None:
    _shared, _code, maya, jonah = couple
    for n in range(7):
        write(maya, f"Later {n}")
    ident = maya.engine.identity()
    batches = ident.layout.device(ident.device) / "batches"
    removed = 0
    for path in sorted(batches.iterdir())[:-1]:  # lost by the sync service, say
        path.unlink()
        removed += 1
    assert removed >= 5
    jonah.engine.sync_now()
    assert titles(jonah) == titles(maya) == sorted(f"Later {n}" for n in range(7))
    write(maya, "After catching up")
    jonah.engine.sync_now()
    assert "After catching up" in titles(jonah)
