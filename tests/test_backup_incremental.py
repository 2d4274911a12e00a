"""Automatic backups copy each photo once: the shared photo pool, its checks, its retention."""

from __future__ import annotations

import hashlib
import json
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest

from lovebridge.core.backup import (
    BackupRefusedError,
    PoolIncompleteError,
    create_backup,
    list_backups,
    make_automatic_backup,
    newest_good_backup,
    read_manifest,
    restore_backup,
)
from lovebridge.core.backup.pool import pool_file, pool_root, refs_file
from lovebridge.core.backup.rotation import backup_name
from lovebridge.store.models import MemoryPhoto, Photo
from tests.crash.library import dump, folder_state, photo_tree, populate


def pool_state(ctx) -> dict[str, tuple[int, int]]:  # noqa: ANN001
    """Every pool file with its inode and modification time: unchanged means not rewritten."""
    root = pool_root(ctx.paths)
    return {p.relative_to(root).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in root.rglob("*") if p.is_file() and p.parent.name != "refs"}


def library_bytes(ctx) -> int:  # noqa: ANN001
    return sum(len(data) for data in photo_tree(ctx.paths.photos).values())


def test_the_second_automatic_backup_writes_no_photo_bytes(ctx) -> None:
    populate(ctx, notes=5, memories=4, photos_per_memory=3, photo_size=60_000)
    first = make_automatic_backup(ctx.store, ctx.paths, ctx.now())
    assert first.photo_bytes_written == library_bytes(ctx)  # the first one copies each photo
    before = pool_state(ctx)
    assert len(before) == 12

    second = make_automatic_backup(ctx.store, ctx.paths, ctx.now() + timedelta(days=1))

    assert second.photo_bytes_written == 0
    assert pool_state(ctx) == before  # not one pool file written again
    with zipfile.ZipFile(second.path) as archive:
        assert set(archive.namelist()) == {"manifest.json", "lovebridge.db"}
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["format_version"] == 2 and len(manifest["pooled"]) == 12
    assert second.size < library_bytes(ctx) / 4  # the database only
    # a new photo costs exactly its own bytes
    populate(ctx, notes=0, memories=1, photos_per_memory=1, photo_size=50_000, seed=21)
    third = make_automatic_backup(ctx.store, ctx.paths, ctx.now() + timedelta(days=2))
    assert third.photo_bytes_written == 50_000 and len(pool_state(ctx)) == 13


def test_a_restore_from_an_automatic_backup_gives_every_photo_back_byte_for_byte(ctx) -> None:
    populate(ctx, notes=6, memories=3, photo_size=30_000)
    expected_rows, expected_photos = dump(ctx.store), photo_tree(ctx.paths.photos)
    backup = make_automatic_backup(ctx.store, ctx.paths, ctx.now())
    populate(ctx, notes=2, memories=2, seed=5)  # newer work, with new photos
    gone = next(iter(sorted(ctx.paths.photos.rglob("*.jpg"))))
    gone.unlink()  # and a photo file lost from the library

    result = restore_backup(backup.path, ctx.paths, ctx.store, now=ctx.now())

    assert dump(ctx.store) == expected_rows
    assert photo_tree(ctx.paths.photos) == expected_photos
    assert result.manifest.is_pooled and result.safety_backup is not None
    assert not list(ctx.paths.data.glob(".restore-*"))
    # the safety copy is itself an incremental backup that restores what was replaced
    assert read_manifest(result.safety_backup).is_pooled


def test_a_photo_deleted_from_the_library_stays_pooled_while_a_kept_backup_needs_it(ctx) -> None:
    populate(ctx, notes=2, memories=2, photo_size=20_000)
    old = make_automatic_backup(ctx.store, ctx.paths, ctx.now() - timedelta(days=3))
    old_photos = photo_tree(ctx.paths.photos)
    with ctx.store.session_scope() as session:
        for model in (MemoryPhoto, Photo):
            for row in session.query(model).all():
                session.delete(row)
            session.flush()
    for path in list(ctx.paths.photos.rglob("*.jpg")):
        path.unlink()
    make_automatic_backup(ctx.store, ctx.paths, ctx.now())
    assert len(pool_state(ctx)) == 4  # the old backup still needs them: not pruned
    restore_backup(old.path, ctx.paths, ctx.store, now=ctx.now())
    assert photo_tree(ctx.paths.photos) == old_photos


@pytest.mark.parametrize("damage", ["missing", "altered", "truncated"])
def test_a_missing_or_altered_pool_file_is_refused_clearly_and_nothing_changes(
        ctx, damage: str) -> None:
    populate(ctx, notes=3, memories=2, photo_size=20_000)
    backup = make_automatic_backup(ctx.store, ctx.paths, ctx.now())
    populate(ctx, notes=2, memories=0, seed=3)
    manifest = read_manifest(backup.path)
    name, info = sorted(manifest.pooled.items())[1]
    target = pool_file(pool_root(ctx.paths), info.sha256)
    if damage == "missing":
        target.unlink()
    elif damage == "altered":
        data = bytearray(target.read_bytes())
        data[500] ^= 0x01
        target.write_bytes(bytes(data))
    else:
        target.write_bytes(target.read_bytes()[:-10])
    before = folder_state(ctx.paths.data)

    with pytest.raises(PoolIncompleteError) as refused:
        restore_backup(backup.path, ctx.paths, ctx.store, now=ctx.now())

    if damage == "missing":
        assert refused.value.missing == [name] and refused.value.damaged == []
        assert "1 photo is missing" in str(refused.value)
    else:
        assert refused.value.damaged == [name] and refused.value.missing == []
        assert "1 photo is damaged or altered" in str(refused.value)
    assert name in str(refused.value) and "Nothing was changed" in str(refused.value)
    assert folder_state(ctx.paths.data) == before  # no safety copy, no swap, no staging left


def test_every_missing_photo_is_named(ctx) -> None:
    populate(ctx, notes=1, memories=4, photos_per_memory=2)
    backup = make_automatic_backup(ctx.store, ctx.paths, ctx.now())
    for path in pool_root(ctx.paths).glob("*/*"):
        if path.parent.name != "refs":
            path.unlink()
    with pytest.raises(PoolIncompleteError, match="8 photos are missing") as refused:
        restore_backup(backup.path, ctx.paths, ctx.store, now=ctx.now())
    assert refused.value.missing == sorted(read_manifest(backup.path).pooled)
    assert "and 3 more" in str(refused.value)


def test_retention_prunes_what_no_kept_backup_needs_and_keeps_the_rest(ctx) -> None:
    populate(ctx, notes=1, memories=0)
    for n in range(30, -1, -1):  # a month of days; each day one new photo, yesterday's deleted
        for path in list(ctx.paths.photos.rglob("*.jpg")):
            path.unlink()
        ctx.media.add_bytes(f"photo of day {n}".encode() * 500, "jpg")
        make_automatic_backup(ctx.store, ctx.paths, ctx.now() - timedelta(days=n))
    kept = list_backups(ctx.paths.backups)
    assert len(kept) <= 11
    needed = {info.sha256 for entry in kept for info in read_manifest(entry.path).pooled.values()}
    pooled = {path.name for path in pool_root(ctx.paths).glob("*/*")
              if path.parent.name != "refs"}
    assert pooled == needed and len(pooled) == len(kept)
    records = {p.name for p in (pool_root(ctx.paths) / "refs").iterdir()}
    assert records == {f"{entry.path.name}.json" for entry in kept}  # none for removed ones
    for entry in kept[-2:]:  # the oldest kept ones still restore whole
        restore_backup(entry.path, ctx.paths, ctx.store, now=ctx.now())


def test_a_backup_whose_needs_are_unknown_stops_pruning(ctx) -> None:
    populate(ctx, notes=1, memories=1, photos_per_memory=1)
    first = make_automatic_backup(ctx.store, ctx.paths, ctx.now() - timedelta(days=1))
    refs_file(ctx.paths, first.path.name).unlink()
    # a sealed file of the folder cannot be read without the key: nothing may be pruned
    (ctx.paths.backups / "mine.lovebridge").write_bytes(b"LBENC1\n" + bytes(64))
    for path in list(ctx.paths.photos.rglob("*.jpg")):
        path.unlink()
    make_automatic_backup(ctx.store, ctx.paths, ctx.now())
    assert len(pool_state(ctx)) == 1
    (ctx.paths.backups / "mine.lovebridge").unlink()
    make_automatic_backup(ctx.store, ctx.paths, ctx.now())
    # the record of the first one was rebuilt from its manifest: its photo is still kept
    assert refs_file(ctx.paths, first.path.name).exists() and len(pool_state(ctx)) == 1


def test_old_full_automatic_archives_still_restore_and_still_rotate(ctx) -> None:
    populate(ctx, notes=4, memories=2)
    expected_rows, expected_photos = dump(ctx.store), photo_tree(ctx.paths.photos)
    local = (ctx.now() - timedelta(days=40)).astimezone().replace(tzinfo=None)
    legacy = ctx.paths.backups / backup_name("automatic", local)
    create_backup(ctx.store, ctx.paths, legacy, now=ctx.now(), kind="automatic")
    assert not read_manifest(legacy).is_pooled

    populate(ctx, notes=3, memories=1, seed=12)
    newer = make_automatic_backup(ctx.store, ctx.paths, ctx.now() - timedelta(days=1))
    restore_backup(legacy, ctx.paths, ctx.store, now=ctx.now())
    assert dump(ctx.store) == expected_rows and photo_tree(ctx.paths.photos) == expected_photos
    restore_backup(newer.path, ctx.paths, ctx.store, now=ctx.now())
    assert dump(ctx.store) != expected_rows

    for n in range(39, 0, -1):  # six weeks of newer automatic backups push the old one out
        make_automatic_backup(ctx.store, ctx.paths, ctx.now() - timedelta(days=n - 1, hours=1))
    assert not legacy.exists()


def test_an_automatic_backup_copied_elsewhere_finds_the_pool_of_this_data_folder(
        ctx, tmp_path: Path) -> None:
    populate(ctx, notes=2, memories=2)
    expected = photo_tree(ctx.paths.photos)
    backup = make_automatic_backup(ctx.store, ctx.paths, ctx.now())
    copy = tmp_path / "elsewhere" / "copy.lovebridge"
    copy.parent.mkdir()
    copy.write_bytes(backup.path.read_bytes())
    populate(ctx, notes=1, memories=1, seed=2)
    restore_backup(copy, ctx.paths, ctx.store, now=ctx.now())
    assert photo_tree(ctx.paths.photos) == expected


def test_newest_good_backup_skips_one_whose_new_photo_is_damaged(ctx) -> None:
    populate(ctx, notes=2, memories=1)
    older = make_automatic_backup(ctx.store, ctx.paths, ctx.now() - timedelta(days=1))
    stored = ctx.media.add_bytes(b"\xff\xd8 a photo only the newer backup has" * 50, "jpg")
    newer = make_automatic_backup(ctx.store, ctx.paths, ctx.now())
    assert newest_good_backup(ctx.paths)[0].path == newer.path
    target = pool_file(pool_root(ctx.paths), stored.sha256)
    target.write_bytes(target.read_bytes().replace(b"only", b"ONLY"))
    entry, _manifest = newest_good_backup(ctx.paths)
    assert entry.path == older.path


def rewrite_manifest(source: Path, target: Path, change) -> None:  # noqa: ANN001
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "manifest.json":
                manifest = json.loads(data)
                change(manifest)
                data = json.dumps(manifest).encode()
            zout.writestr(info, data)


@pytest.mark.parametrize(("change", "message"), [
    (lambda m: m["pooled"].update({"photos/../../evil.jpg": next(iter(m["pooled"].values()))}),
     "outside the backup"),
    (lambda m: m["pooled"].update({"notes.txt": next(iter(m["pooled"].values()))}),
     "table of contents is damaged"),
    (lambda m: m.pop("pooled"), "table of contents is damaged"),
    (lambda m: m.update(format_version=1), "table of contents is damaged"),
    (lambda m: m.update(format_version=3), "newer version"),
    (lambda m: next(iter(m["pooled"].values())).update(sha256="0" * 64), "1 photo is missing"),
    (lambda m: m["pooled"].update({next(iter(m["pooled"])).rsplit("/", 1)[0]:
                                   next(iter(m["pooled"].values()))}), "inconsistent"),
    (lambda m: next(iter(m["pooled"].values())).update(size=10**15), "not enough free disk"),
])
def test_a_hostile_automatic_backup_is_refused_and_nothing_changes(ctx, tmp_path: Path,
                                                                   change, message) -> None:
    populate(ctx, notes=2, memories=2)
    backup = make_automatic_backup(ctx.store, ctx.paths, ctx.now())
    hostile = ctx.paths.backups / "hostile.lovebridge"
    rewrite_manifest(backup.path, hostile, change)
    before = folder_state(ctx.paths.data)
    with pytest.raises(BackupRefusedError, match=message):
        restore_backup(hostile, ctx.paths, ctx.store, now=ctx.now())
    assert folder_state(ctx.paths.data) == before
    assert not (tmp_path / "evil.jpg").exists()


def test_pool_files_are_named_by_the_hash_of_what_they_hold(ctx) -> None:
    populate(ctx, notes=1, memories=3)
    make_automatic_backup(ctx.store, ctx.paths, ctx.now())
    files = [p for p in pool_root(ctx.paths).glob("*/*") if p.parent.name != "refs"]
    assert files and all(hashlib.sha256(p.read_bytes()).hexdigest() == p.name for p in files)
    assert all(p.parent.name == p.name[:2] for p in files)


def test_an_automatic_backup_exported_as_one_file_restores_without_the_pool(
        ctx, tmp_path: Path) -> None:
    from lovebridge.core.backup import export_backup

    populate(ctx, notes=5, memories=3)
    expected_rows, expected_photos = dump(ctx.store), photo_tree(ctx.paths.photos)
    backup = make_automatic_backup(ctx.store, ctx.paths, ctx.now())
    exported = export_backup(backup.path, ctx.paths, ctx.store, tmp_path / "one.lovebridge")
    manifest = read_manifest(exported.path)
    assert not manifest.is_pooled and manifest.photo_count == 6
    assert manifest.created_at == ctx.now() and manifest.kind == "automatic"
    with zipfile.ZipFile(exported.path) as archive:
        assert sum(name.startswith("photos/") for name in archive.namelist()) == 6

    populate(ctx, notes=2, memories=1, seed=9)
    for path in list(pool_root(ctx.paths).rglob("*")):  # the pool is lost: the file suffices
        if path.is_file():
            path.unlink()
    with pytest.raises(PoolIncompleteError):  # the automatic one itself cannot be used now
        export_backup(backup.path, ctx.paths, ctx.store, tmp_path / "two.lovebridge")
    assert not (tmp_path / "two.lovebridge").exists()
    restore_backup(exported.path, ctx.paths, ctx.store, now=ctx.now())
    assert dump(ctx.store) == expected_rows and photo_tree(ctx.paths.photos) == expected_photos
