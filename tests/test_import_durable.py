"""A folder import's files: durable per memory before its commit, no thumbnail, sealed when
locked, read once, and a photo changed since planning is reported, not half-taken."""

from __future__ import annotations

import hashlib
import io
import os
import stat
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import event, select

from lovebridge.core.importers import writer
from lovebridge.core.importers.folder import plan_folder
from lovebridge.core.privacy.lock import DataKeys
from lovebridge.core.scrapbook import images
from lovebridge.core.scrapbook.photo_import import (
    photo_ref,
    stored_photo,
    thumbnail_bytes,
    thumbnail_path,
)
from lovebridge.store import media as media_module
from lovebridge.store.file_cipher import is_encrypted
from lovebridge.store.media import DurableBatch
from lovebridge.store.models import ImportLedger, Photo
from tests.photo_kit import LISBON, PARIS, camera_jpeg


def _two_days(folder: Path) -> Path:
    for shot in range(3):
        camera_jpeg(folder / "lisbon" / f"L{shot}.jpg", datetime(2024, 7, 14, 10 + shot),
                    LISBON, seed=shot, size=(800, 600))
        camera_jpeg(folder / "paris" / f"P{shot}.jpg", datetime(2024, 9, 1, 10 + shot),
                    PARIS, seed=10 + shot, size=(800, 600))
    return folder


def _photos(ctx) -> list[Photo]:  # noqa: ANN001
    with ctx.store.session_scope() as session:
        return list(session.scalars(select(Photo).order_by(Photo.id)))


def _files(ctx) -> tuple[int, int]:  # noqa: ANN001
    """(photo files under their real names, temp files) in the library now."""
    files = [p for p in ctx.paths.photos.rglob("*") if p.is_file()]
    temps = sum(p.name.startswith(".incoming-") for p in files)
    return len(files) - temps, temps


@pytest.mark.parametrize("group_photos", [3, 400])
def test_memories_commit_only_after_their_files_are_durable(
        ctx, tmp_path: Path, monkeypatch, group_photos: int) -> None:  # noqa: ANN001
    """Each sync of the file system, and each commit, with the files there at that moment:
    the data is synced before any rename, the renames before the commit."""
    events: list[tuple[str, int, int]] = []
    real_sync = media_module.sync_filesystem

    def sync(folder: Path) -> bool:
        events.append(("sync", *_files(ctx)))
        return real_sync(folder)

    monkeypatch.setattr(media_module, "sync_filesystem", sync)
    monkeypatch.setattr(media_module, "SYNCFS_FROM_FILES", 1)  # these small groups too
    monkeypatch.setattr(writer, "GROUP_PHOTOS", group_photos)
    plan = plan_folder(ctx, _two_days(tmp_path / "roll"))
    event.listen(ctx.store.engine, "commit", lambda _conn: events.append(("commit", *_files(ctx))))
    outcome = writer.accept(ctx, plan)
    during = list(events)  # reading the result below commits its own (empty) transaction
    assert (outcome.memories, outcome.photos) == (2, 6)
    if not media_module.sync_filesystem_supported():
        pytest.skip("no syncfs here: the per-file fsync test below covers this system")
    commits = [i for i, e in enumerate(during) if e[0] == "commit"]
    groups = 2 if group_photos == 3 else 1
    assert len(commits) == groups  # a transaction a group
    # One group is synced (on a thread of its own) while the memories of the one before it
    # are written: the syncs come in pairs, a group's, in order, each before its commit.
    syncs = [(i, e) for i, e in enumerate(during) if e[0] == "sync"]
    assert len(syncs) == 2 * groups  # a group's files' data, then their names
    for number, commit in enumerate(commits, start=1):
        whole = 3 * number if group_photos == 3 else 6  # the group's files and those before
        (data_at, data), (names_at, names) = syncs[2 * number - 2:2 * number]
        assert data_at < names_at < commit
        assert data[2] >= 6 // groups and data[1] == whole - 6 // groups  # none renamed yet
        assert names[1] == whole  # all renamed before the names were synced
        assert during[commit][1] >= whole
    with ctx.store.session_scope() as session:
        assert len(session.scalars(select(ImportLedger)).all()) == 6


def test_syncfs_is_not_trusted_on_kernels_that_hide_write_errors(monkeypatch) -> None:
    from types import SimpleNamespace

    assert media_module.kernel_version("5.4.0-150-generic") == (5, 4)
    assert media_module.kernel_version("6.1.0-27-amd64") == (6, 1)
    assert media_module.kernel_version("5.10rc1") == (5, 10)
    assert media_module.kernel_version("unknown") == (0, 0)
    media_module._syncfs.cache_clear()
    try:
        monkeypatch.setattr(os, "uname", lambda: SimpleNamespace(release="5.4.0-150-generic"))
        assert not media_module.sync_filesystem_supported()  # fsync file by file there
    finally:
        monkeypatch.undo()
        media_module._syncfs.cache_clear()


def test_without_syncfs_each_file_and_folder_is_fsynced_before_the_commit(
        ctx, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    events: list[str] = []
    real_fsync, real_folder_sync = media_module.os.fsync, media_module.fsync_directory

    def fsync(fd: int) -> None:
        if stat.S_ISREG(os.fstat(fd).st_mode):  # a folder's own fsync is counted below
            events.append("file")
        real_fsync(fd)

    def folder_sync(folder: Path) -> None:
        events.append(f"folder {folder.name}")
        real_folder_sync(folder)

    monkeypatch.setattr(media_module, "sync_filesystem", lambda _folder: False)  # not Linux
    monkeypatch.setattr(media_module.os, "fsync", fsync)
    monkeypatch.setattr(media_module, "fsync_directory", folder_sync)
    plan = plan_folder(ctx, _two_days(tmp_path / "roll"))
    event.listen(ctx.store.engine, "commit", lambda _conn: events.append("commit"))
    outcome = writer.accept(ctx, plan)
    during = list(events)
    assert (outcome.memories, outcome.photos) == (2, 6)
    stored = [ctx.media.path_for(p.sha256, p.extension) for p in _photos(ctx)]
    assert during.index("commit") == len(during) - 1  # one transaction, after every sync
    assert during.count("file") == 6
    folders = sorted(e for e in during if e.startswith("folder"))
    assert folders == sorted({f"folder {f.parent.name}" for f in stored})
    assert during.index("folder " + stored[0].parent.name) > max(
        i for i, e in enumerate(during) if e == "file")  # files first, then their folders


def test_an_imported_photo_gets_its_thumbnail_when_first_shown(ctx, tmp_path: Path) -> None:
    writer.accept(ctx, plan_folder(ctx, _two_days(tmp_path / "roll")))
    assert not any(p.is_file() for p in ctx.paths.thumbnails.rglob("*"))  # none made at import
    photo = photo_ref(_photos(ctx)[0])
    with Image.open(io.BytesIO(thumbnail_bytes(ctx, photo))) as thumb:
        assert max(thumb.size) == images.THUMBNAIL_SIDE
    assert thumbnail_path(ctx, photo.sha256).exists()  # made once, then kept


def test_with_the_lock_on_a_folder_import_leaves_nothing_plain(ctx, tmp_path: Path) -> None:
    keys = DataKeys.from_data_key(b"k" * 32)
    ctx.file_key = keys.files
    ctx.media.file_key = keys.files
    folder = _two_days(tmp_path / "roll")
    writer.accept(ctx, plan_folder(ctx, folder))
    files = [p for p in ctx.paths.photos.rglob("*") if p.is_file()]
    assert len(files) == 6
    assert all(is_encrypted(p.read_bytes()) for p in files)
    assert not any(p.is_file() for p in ctx.paths.thumbnails.rglob("*"))
    originals = {hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*.jpg")}
    assert {hashlib.sha256(stored_photo(ctx, photo_ref(p))).hexdigest()
            for p in _photos(ctx)} == originals
    photo = photo_ref(_photos(ctx)[0])
    thumbnail_bytes(ctx, photo)
    assert is_encrypted(thumbnail_path(ctx, photo.sha256).read_bytes())


def test_a_photo_changed_after_planning_is_reported_and_a_rerun_brings_it_in(
        ctx, tmp_path: Path) -> None:
    folder = _two_days(tmp_path / "roll")
    plan = plan_folder(ctx, folder)
    changed = folder / "paris" / "P1.jpg"
    camera_jpeg(changed, datetime(2024, 9, 1, 11), PARIS, seed=99)  # edited in the meantime
    outcome = writer.accept(ctx, plan)
    assert outcome.photos == 5
    assert [(p.item, p.reason) for p in outcome.problems] == [(
        "P1.jpg", "changed after the folder was looked at; import it again to bring in the "
        "new version")]
    again = plan_folder(ctx, folder)
    assert [len(p.photos) for p in again.proposals] == [1]
    writer.accept(ctx, again)
    stored = {p.sha256 for p in _photos(ctx)}
    assert hashlib.sha256(changed.read_bytes()).hexdigest() in stored


def test_junk_after_a_jpeg_is_not_kept_and_the_file_is_still_remembered(
        ctx, tmp_path: Path) -> None:
    folder = tmp_path / "roll"
    padded = camera_jpeg(folder / "padded.jpg", datetime(2024, 7, 14, 10), LISBON, seed=4)
    whole = padded.read_bytes()
    padded.write_bytes(whole + b"\x00" * 5000)
    writer.accept(ctx, plan_folder(ctx, folder))
    (photo,) = _photos(ctx)
    assert photo.sha256 == hashlib.sha256(whole).hexdigest()
    assert ctx.media.read_bytes(photo.sha256, photo.extension) == whole
    with ctx.store.session_scope() as session:
        keys = list(session.scalars(select(ImportLedger.key)))
    assert keys == [f"sha256:{hashlib.sha256(padded.read_bytes()).hexdigest()}"]
    assert plan_folder(ctx, folder).proposals == []


@pytest.mark.parametrize("count", [2, 40])  # one fsync each, or (Linux) one syncfs for all
def test_a_batch_that_fails_leaves_no_temp_files_and_no_torn_file(
        tmp_path: Path, monkeypatch, count: int) -> None:  # noqa: ANN001
    batch = DurableBatch()
    targets = [tmp_path / f"{n:02x}" / f"{n}.jpg" for n in range(count)]
    for target in targets:
        batch.add(target, b"photo bytes " * 100)
    assert len(list(tmp_path.rglob(".incoming-*"))) == count
    assert not any(t.exists() for t in targets)  # nothing under its real name before finish

    def no_room(_source, _target) -> None:  # noqa: ANN001
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(media_module, "replace_file", no_room)
    with pytest.raises(OSError):
        batch.finish()
    assert list(tmp_path.rglob(".incoming-*")) == []
    assert not any(t.exists() for t in targets)


@pytest.mark.parametrize("count", [2, 40])
def test_a_finished_batch_holds_every_file_whole_under_its_name(tmp_path: Path,
                                                                 count: int) -> None:
    batch = DurableBatch()
    targets = {tmp_path / f"{n:02x}" / f"{n}.jpg": f"photo {n} ".encode() * 500
               for n in range(count)}
    for target, data in targets.items():
        batch.add(target, data)
    batch.finish()
    assert all(target.read_bytes() == data for target, data in targets.items())
    assert list(tmp_path.rglob(".incoming-*")) == [] and len(batch) == 0


def test_a_photo_needing_more_memory_than_allowed_is_refused_while_planning(
        ctx, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    folder = tmp_path / "roll"
    camera_jpeg(folder / "camera.jpg", datetime(2024, 7, 14, 10), LISBON, seed=1,
                size=(800, 600))  # decoded at 1/8 scale for the near-copy hash: 100 x 75
    folder.mkdir(exist_ok=True)
    Image.new("RGB", (200, 200), (200, 40, 40)).save(folder / "poster.png")  # decoded whole
    monkeypatch.setattr(images, "MAX_DECODE_BYTES", 50_000)
    plan = plan_folder(ctx, folder)
    assert [p.name for proposal in plan.proposals for p in proposal.photos] == ["camera.jpg"]
    (problem,) = plan.problems
    assert problem.item == "poster.png"
    assert "would need" in problem.reason and "MB of memory" in problem.reason
