"""Hostile and broken files in the shared folder are set aside with a note, never applied."""

from __future__ import annotations

import json
import os
import zlib
from pathlib import Path

import pytest
from sqlalchemy import select

from lovebridge.core.scrapbook.records import MemoryDate, MemoryDraft
from lovebridge.core.scrapbook.service import MemoryService
from lovebridge.core.sync.crypto import FORMAT, CoupleKeys, seal_file
from lovebridge.store.models import Memory
from tests.sync.helpers import paired_laptops


@pytest.fixture
def paired(tmp_path: Path):
    with paired_laptops(tmp_path) as laptops:
        yield laptops


def titles(laptop) -> list[str]:
    with laptop.ctx.store.session_scope() as s:
        return sorted(s.scalars(select(Memory.title)))


def next_batch(maya, title: str) -> Path:
    """Maya writes one memory and its batch; returns the batch file."""
    MemoryService(maya.ctx).save(MemoryDraft(title, MemoryDate(2025)))
    maya.engine.sync_now()
    ident = maya.engine.identity()
    batches = sorted((ident.layout.device(ident.device) / "batches").iterdir())
    return batches[-1]


def notes(laptop) -> list[str]:
    return [reason for _path, reason in laptop.engine.status().notes]


def forged(maya, changes: list, seq: int, keys: CoupleKeys | None = None) -> bytes:
    ident = maya.engine.identity()
    payload = zlib.compress(json.dumps({"changes": changes}).encode())
    return seal_file(keys or ident.keys, ident.signer,
                     {"device": ident.device, "kind": "batch", "seq": seq}, payload)


def test_an_altered_batch_is_set_aside_and_the_true_one_applied_later(paired) -> None:
    _shared, maya, jonah = paired
    batch = next_batch(maya, "Harbour")
    good = batch.read_bytes()
    bad = bytearray(good)
    bad[len(bad) // 2] ^= 0x01
    batch.write_bytes(bytes(bad))
    jonah.engine.sync_now()
    assert titles(jonah) == []
    assert any("signature" in n or "altered" in n for n in notes(jonah))
    batch.write_bytes(good)  # the sync service finishes the copy
    jonah.engine.sync_now()
    assert titles(jonah) == ["Harbour"]


def test_a_half_copied_batch_waits(paired) -> None:
    _shared, maya, jonah = paired
    batch = next_batch(maya, "Tide")
    good = batch.read_bytes()
    batch.write_bytes(good[: len(good) // 3])
    jonah.engine.sync_now()
    assert titles(jonah) == []
    batch.write_bytes(good)
    jonah.engine.sync_now()
    assert titles(jonah) == ["Tide"]


def test_a_replayed_batch_under_another_number_is_refused(paired) -> None:
    _shared, maya, jonah = paired
    first = next_batch(maya, "Once")
    jonah.engine.sync_now()
    seq = int(first.name[:10])
    first.with_name(f"{seq + 1:010d}.lbb").write_bytes(first.read_bytes())
    jonah.engine.sync_now()
    assert titles(jonah) == ["Once"]
    assert any("replayed" in n for n in notes(jonah))


def test_an_oversized_file_is_not_read(paired) -> None:
    _shared, maya, jonah = paired
    first = next_batch(maya, "Small")
    jonah.engine.sync_now()
    huge = first.with_name(f"{int(first.name[:10]) + 1:010d}.lbb")
    with huge.open("wb") as handle:
        handle.truncate(65 * 1024 * 1024)  # sparse: costs no disk
    jonah.engine.sync_now()
    assert any("far larger" in n for n in notes(jonah))


def test_a_foreign_batch_and_a_strangers_folder_are_set_aside(paired) -> None:
    _shared, maya, jonah = paired
    first = next_batch(maya, "Ours")
    jonah.engine.sync_now()
    other_keys = CoupleKeys.from_couple_key(os.urandom(32))
    change = ["memory", "x" * 36, "title", f"{9_999_999_999_999:013d}.00000.abc", None, '{}']
    first.with_name(f"{int(first.name[:10]) + 1:010d}.lbb").write_bytes(
        forged(maya, [change], int(first.name[:10]) + 1, other_keys))
    (first.parents[2] / "someone-else").mkdir()
    jonah.engine.sync_now()
    reasons = notes(jonah)
    assert any("does not open with our key" in n for n in reasons)
    assert any("not a LoveBridge device folder" in n for n in reasons)


def test_a_file_from_a_newer_lovebridge_waits_for_an_update(paired) -> None:
    _shared, maya, jonah = paired
    batch = next_batch(maya, "Future")
    data = bytearray(batch.read_bytes())
    data[6:8] = (FORMAT + 1).to_bytes(2, "big")
    batch.write_bytes(bytes(data))
    jonah.engine.sync_now()
    assert titles(jonah) == []
    assert any("newer LoveBridge" in n for n in notes(jonah))


def test_a_file_from_an_early_test_version_says_to_pair_again(paired) -> None:
    _shared, maya, jonah = paired
    batch = next_batch(maya, "Before 0.1")
    data = bytearray(batch.read_bytes())
    data[6:8] = (1).to_bytes(2, "big")  # signed the old way: it would not verify
    batch.write_bytes(bytes(data))
    jonah.engine.sync_now()
    assert titles(jonah) == []
    assert any("pair again" in n for n in notes(jonah))


def test_conflict_copies_are_never_applied(paired) -> None:
    _shared, maya, jonah = paired
    batch = next_batch(maya, "Real")
    jonah.engine.sync_now()
    seq = int(batch.name[:10])
    MemoryService(maya.ctx).save(MemoryDraft("Only in the copy", MemoryDate(2025)))
    maya.engine.sync_now()
    second = batch.with_name(f"{seq + 1:010d}.lbb")
    conflict = batch.with_name(f"{seq + 1:010d}.sync-conflict-20261202-101010-XYZ.lbb")
    second.rename(conflict)
    (batch.parent / "0000000009 (conflicted copy).lbb").write_bytes(conflict.read_bytes())
    jonah.engine.sync_now()
    assert titles(jonah) == ["Real"]
    assert sum("clashing file" in n for n in notes(jonah)) == 2


def test_names_reaching_outside_the_photo_folder_are_refused(paired, tmp_path: Path) -> None:
    _shared, maya, jonah = paired
    first = next_batch(maya, "Start")
    jonah.engine.sync_now()
    seq = int(first.name[:10]) + 1
    stamp = f"{9_000_000_000_000:013d}.00000.{maya.engine.identity().device}"
    evil = [
        ["photo", "../../../../outside", "extension", stamp, None, '{"extension": "jpg"}'],
        ["photo", "a" * 64, "extension", stamp, None, '{"extension": "../../../evil"}'],
        ["memory", "../../etc", "title", stamp, None, '{"title": "harmless text"}'],
    ]
    first.with_name(f"{seq:010d}.lbb").write_bytes(forged(maya, evil, seq))
    jonah.engine.sync_now()
    assert not list(tmp_path.rglob("evil*")) and not list(tmp_path.rglob("outside*"))
    assert jonah.engine.status().partners[0].batches_read == seq  # read, and nothing harmful


def test_a_link_in_place_of_a_batch_is_not_followed(paired, tmp_path: Path) -> None:
    _shared, maya, jonah = paired
    first = next_batch(maya, "Linked")
    jonah.engine.sync_now()
    secret = tmp_path / "secret.txt"
    secret.write_text("private")
    first.with_name(f"{int(first.name[:10]) + 1:010d}.lbb").symlink_to(secret)
    jonah.engine.sync_now()
    assert any("link" in n for n in notes(jonah))
