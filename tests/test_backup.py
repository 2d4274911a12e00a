"""Backups: archive contents and manifest, restore round trip, rotation, automatic backups, CLI."""

from __future__ import annotations

import hashlib
import json
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from lovebridge import __version__
from lovebridge.app import main
from lovebridge.core.backup import (
    BackupRefusedError,
    automatic_backup_due,
    create_backup,
    list_backups,
    make_automatic_backup,
    plan_rotation,
    read_manifest,
    restore_backup,
    rotate,
)
from lovebridge.core.backup.rotation import backup_name
from lovebridge.store import open_store
from lovebridge.store.migrate import head_revision
from lovebridge.store.models import Message
from tests.crash.library import dump, photo_tree, populate


def test_archive_holds_snapshot_photos_and_a_checked_manifest(ctx, tmp_path: Path) -> None:
    populate(ctx, notes=5, memories=3, photos_per_memory=2)
    result = create_backup(ctx.store, ctx.paths, tmp_path / "ours.lovebridge", now=ctx.now())
    with zipfile.ZipFile(result.path) as archive:
        names = set(archive.namelist())
        manifest = json.loads(archive.read("manifest.json"))
        for name, info in manifest["members"].items():
            assert hashlib.sha256(archive.read(name)).hexdigest() == info["sha256"]
    assert names == {"manifest.json", *manifest["members"]}
    assert sum(name.startswith("photos/") for name in names) == 6
    assert manifest["schema_revision"] == head_revision()
    assert manifest["app_version"] == __version__
    assert manifest["created_at"] == ctx.now().isoformat()
    assert manifest["counts"]["message"] == 5 and manifest["counts"]["memory_photo"] == 6
    # every table any room adds is counted, because counts come from sqlite_master
    assert {"plan", "check_in", "reminder_shown", "tag", "memory_tag"} <= set(manifest["counts"])
    assert not list(ctx.paths.data.glob(".backup-work-*"))


def test_restore_round_trip_brings_back_every_row_and_photo(ctx, tmp_path: Path) -> None:
    populate(ctx)
    before_rows, before_photos = dump(ctx.store), photo_tree(ctx.paths.photos)
    archive = create_backup(ctx.store, ctx.paths, tmp_path / "b.lovebridge", now=ctx.now()).path
    populate(ctx, notes=3, memories=2, seed=99)  # changes made after the backup
    changed_rows = dump(ctx.store)

    result = restore_backup(archive, ctx.paths, ctx.store, now=ctx.now())

    assert dump(ctx.store) == before_rows
    assert photo_tree(ctx.paths.photos) == before_photos
    assert ctx.store.integrity_problems(quick=False) == []
    # what was there before the restore is kept as a before-restore backup
    assert result.safety_backup is not None and result.safety_backup.exists()
    assert not list(ctx.paths.data.glob(".restore-*"))
    restore_backup(result.safety_backup, ctx.paths, ctx.store, now=ctx.now())
    assert dump(ctx.store) == changed_rows


def test_backup_of_an_encrypted_store_stays_encrypted(tmp_path: Path, paths) -> None:
    key = bytes(range(32))
    store = open_store(paths.database, key)
    with store.session_scope() as session:
        session.add(Message(body_text="only for you, secretword"))
    archive = create_backup(store, paths, tmp_path / "e.lovebridge",
                            now=datetime(2026, 1, 1, tzinfo=UTC)).path
    with zipfile.ZipFile(archive) as zf:
        db_bytes = zf.read("lovebridge.db")
        assert json.loads(zf.read("manifest.json"))["encrypted"] is True
    assert not db_bytes.startswith(b"SQLite format 3") and b"secretword" not in db_bytes
    with store.session_scope() as session:
        session.add(Message(body_text="later"))
    restore_backup(archive, paths, store, now=datetime(2026, 1, 2, tzinfo=UTC))
    with store.session_scope() as session:
        assert [m.body_text for m in session.query(Message)] == ["only for you, secretword"]
    store.close()


def test_a_plain_backup_is_refused_by_an_encrypted_store(ctx, tmp_path: Path, paths) -> None:
    archive = create_backup(ctx.store, ctx.paths, tmp_path / "p.lovebridge", now=ctx.now()).path
    ctx.store.close()
    other = open_store(tmp_path / "enc.db", bytes(32))
    with pytest.raises(BackupRefusedError, match="privacy lock"):
        restore_backup(archive, paths, other, now=ctx.now())
    other.close()


def day(n: int, hour: int = 9) -> datetime:
    return datetime(2026, 11, 23, hour) - timedelta(days=n)


def test_rotation_keeps_seven_daily_and_four_weekly() -> None:
    times = [day(n, hour) for n in range(60) for hour in (9, 21)]
    keep = plan_rotation(times)
    daily = {day(n, 21) for n in range(7)}  # the newest of each of the last seven days
    assert daily <= keep
    weekly = sorted(keep - daily)
    # older weekly keepers: the newest backup of each earlier ISO week, one per week
    assert len({t.isocalendar()[:2] for t in keep}) == 4
    assert all(t.hour == 21 for t in weekly)
    assert len(keep) <= 11
    assert plan_rotation([]) == set()
    assert plan_rotation([day(3)]) == {day(3)}


def test_rotate_deletes_only_what_the_plan_drops(tmp_path: Path) -> None:
    for n in range(40):
        (tmp_path / backup_name("automatic", day(n))).write_bytes(b"x")
    (tmp_path / "my-own-file.lovebridge").write_bytes(b"mine")
    removed = rotate(tmp_path)
    left = {e.taken_at for e in list_backups(tmp_path)}
    assert left == plan_rotation(day(n) for n in range(40))
    assert len(removed) == 40 - len(left)
    assert (tmp_path / "my-own-file.lovebridge").exists()


def test_automatic_backup_is_due_once_a_day_and_rotates(ctx) -> None:
    assert automatic_backup_due(ctx.paths, ctx.now())
    first = make_automatic_backup(ctx.store, ctx.paths, ctx.now())
    assert first.path.parent == ctx.paths.backups and first.manifest.kind == "automatic"
    assert not automatic_backup_due(ctx.paths, ctx.now())
    assert automatic_backup_due(ctx.paths, ctx.now() + timedelta(days=1))
    second = make_automatic_backup(ctx.store, ctx.paths, ctx.now())  # same second: kept apart
    assert second.path != first.path
    assert [e.path for e in list_backups(ctx.paths.backups)] == [second.path]


def test_cli_backup_create_list_restore(ctx, tmp_path: Path, capsys) -> None:
    populate(ctx, notes=4, memories=1)
    expected = dump(ctx.store)
    ctx.store.close()
    data = str(ctx.paths.data)
    assert main(["--data-dir", data, "backup", "create", str(tmp_path / "cli")]) == 0
    out = capsys.readouterr().out
    assert "cli.lovebridge" in out and "Notes: 4" in out
    store = open_store(ctx.paths.database)
    populate_ctx = type(ctx)(paths=ctx.paths, store=store, clock=ctx.clock)
    populate(populate_ctx, notes=2, memories=0, seed=3)
    store.close()

    assert main(["--data-dir", data, "backup", "restore", str(tmp_path / "cli.lovebridge")]) == 0
    assert "Restored the backup" in capsys.readouterr().out
    store = open_store(ctx.paths.database)
    assert dump(store) == expected
    store.close()

    assert main(["--data-dir", data, "backup", "list"]) == 0
    listing = capsys.readouterr().out
    assert "before-restore" in listing and "notes: 6" in listing


def test_cli_exports_an_automatic_backup_as_one_file(ctx, tmp_path: Path, capsys) -> None:
    populate(ctx, notes=3, memories=2)
    expected = dump(ctx.store)
    automatic = make_automatic_backup(ctx.store, ctx.paths, ctx.now())
    assert automatic.manifest.is_pooled  # its photos are in the pool, not in the archive
    ctx.store.close()
    data = str(ctx.paths.data)
    assert main(["--data-dir", data, "backup", "list"]) == 0
    assert "kept once in the backups folder" in capsys.readouterr().out

    assert main(["--data-dir", data, "backup", "export", automatic.path.name,
                 str(tmp_path / "ours")]) == 0
    assert "complete on its own" in capsys.readouterr().out
    exported = read_manifest(tmp_path / "ours.lovebridge")
    assert not exported.is_pooled and exported.photo_count == automatic.manifest.photo_count

    elsewhere = tmp_path / "new-laptop"  # no pool there: the file alone must be enough
    assert main(["--data-dir", str(elsewhere), "backup", "restore",
                 str(tmp_path / "ours.lovebridge")]) == 0
    store = open_store(elsewhere / "lovebridge.db")
    assert dump(store) == expected
    store.close()
    assert main(["--data-dir", data, "backup", "export", "no-such.lovebridge", "x"]) == 1
    assert "not a backup file" in capsys.readouterr().err


def test_cli_refuses_a_damaged_archive_clearly(ctx, tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.lovebridge"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    ctx.store.close()
    code = main(["--data-dir", str(ctx.paths.data), "backup", "restore", str(bad)])
    assert code == 1
    assert "not a LoveBridge backup" in capsys.readouterr().err


def test_the_newest_good_backup_skips_a_damaged_one(ctx) -> None:
    from lovebridge.core.backup import newest_good_backup

    populate(ctx, notes=2, memories=1)
    older = make_automatic_backup(ctx.store, ctx.paths, ctx.now() - timedelta(days=1))
    newer = make_automatic_backup(ctx.store, ctx.paths, ctx.now())
    # Automatic backups keep photos in the shared pool (test_backup_incremental.py damages
    # those); here the database inside the newer archive is damaged.
    with zipfile.ZipFile(newer.path) as archive:
        info = archive.getinfo("lovebridge.db")
    data = bytearray(newer.path.read_bytes())
    offset = info.header_offset + 30 + len(info.filename) + info.compress_size // 2
    data[offset] ^= 0xFF
    newer.path.write_bytes(bytes(data))
    entry, manifest = newest_good_backup(ctx.paths)
    assert entry.path == older.path and manifest.counts["message"] == 2


def test_automatic_backups_are_sealed_while_the_privacy_lock_is_on(ctx) -> None:
    from lovebridge.core.backup import newest_good_backup
    from lovebridge.core.backup.sealed import is_sealed

    file_key = bytes(range(32))
    populate(ctx, notes=3, memories=1)
    expected = dump(ctx.store)
    sealed = make_automatic_backup(ctx.store, ctx.paths, ctx.now(), file_key=file_key)
    assert is_sealed(sealed.path) and b"manifest.json" not in sealed.path.read_bytes()
    assert newest_good_backup(ctx.paths) is None  # locked: not even the manifest is readable
    entry, manifest = newest_good_backup(ctx.paths, file_key)
    assert entry.path == sealed.path and manifest.counts["message"] == 3
    populate(ctx, notes=1, memories=0, seed=8)
    with pytest.raises(BackupRefusedError, match="unlock"):
        restore_backup(sealed.path, ctx.paths, ctx.store, now=ctx.now())
    result = restore_backup(sealed.path, ctx.paths, ctx.store, now=ctx.now(), file_key=file_key)
    assert dump(ctx.store) == expected
    assert is_sealed(result.safety_backup)  # the copy of what was there is sealed too
    assert not list(ctx.paths.data.glob(".backup-work-*"))
    damaged = bytearray(sealed.path.read_bytes())
    damaged[-5] ^= 1
    sealed.path.write_bytes(bytes(damaged))
    with pytest.raises(BackupRefusedError, match="damaged or was altered"):
        restore_backup(sealed.path, ctx.paths, ctx.store, now=ctx.now(), file_key=file_key)
