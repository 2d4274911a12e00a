"""A captured hand kept in the library: per partner, listed first, encrypted, in backups."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path

from lovebridge.core.backup import create_backup, restore_backup
from lovebridge.core.hand.model import from_json, to_json
from lovebridge.core.hand.service import HandwritingService
from lovebridge.store import open_store


def _on_disk(database: Path) -> bytes:
    """The database and its write-ahead log, as bytes on disk."""
    wal = database.with_name(database.name + "-wal")
    return database.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_hand_round_trips_through_json_exactly_enough(captured_hand) -> None:
    again = from_json("Maya", to_json(captured_hand))
    assert len(again.glyphs) == len(captured_hand.glyphs)
    for a, b in zip(again.glyphs, captured_hand.glyphs, strict=True):
        assert (a.text, a.variant, a.box) == (b.text, b.variant, b.box)
        assert abs(a.advance - b.advance) < 1e-3
        assert len(a.contours) == len(b.contours)


def test_each_partner_keeps_one_and_the_writer_is_listed_first(ctx, couple,
                                                                 captured_hand) -> None:
    service = HandwritingService(ctx.store)
    service.save("b", captured_hand.__class__("Sam", captured_hand.glyphs[:30]))
    service.save("a", captured_hand)
    service.save("a", captured_hand)  # saving again replaces, never duplicates
    listed = service.list(current_partner="b")
    assert [hand.label for hand in listed] == ["Sam's hand", "Maya's hand"]
    assert listed[1].characters == len(captured_hand.characters())
    assert service.find("hand:maya")[0] == "a"
    assert service.load("a").glyphs[5].contours == from_json(
        "Maya", to_json(captured_hand)).glyphs[5].contours
    service.delete("b")
    assert [hand.partner for hand in service.list()] == ["a"]


def test_locked_library_and_its_backup_keep_the_hand_encrypted(tmp_path: Path, paths,
                                                                captured_hand) -> None:
    store = open_store(paths.database, bytes(range(32)))
    HandwritingService(store).save("a", captured_hand, "T3ST01")
    marker = b'"t":"a"'
    assert marker not in _on_disk(paths.database)
    plain = open_store(tmp_path / "plain.db")
    HandwritingService(plain).save("a", captured_hand)
    assert marker in _on_disk(tmp_path / "plain.db")  # the check can see glyphs when in clear
    plain.close()
    archive = create_backup(store, paths, tmp_path / "h.lovebridge",
                            now=datetime(2026, 1, 1, tzinfo=UTC)).path
    with zipfile.ZipFile(archive) as zf:
        assert marker not in zf.read("lovebridge.db")
    HandwritingService(store).delete("a")
    restore_backup(archive, paths, store, now=datetime(2026, 1, 2, tzinfo=UTC))
    restored = HandwritingService(store).load("a")
    assert restored is not None and len(restored.glyphs) == len(captured_hand.glyphs)
    store.close()
