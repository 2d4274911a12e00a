"""Audit: every long write says "the disk is full" with how much room it needs, and checks the
free space before it starts: imports, backups (made by hand, automatic, before a restore), the
lock's conversion, a note rendered, a photo book. Real small tmpfs disks where they can be
mounted (as root); a patched free-space reading where only the decision is under test."""

from __future__ import annotations

import errno
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from lovebridge.core.backup import create_backup, list_backups
from lovebridge.core.backup.manifest import BackupError, BackupRefusedError
from lovebridge.core.context import AppContext
from lovebridge.core.privacy.keyslots import KdfParams
from lovebridge.core.privacy.lock import MARKER_NAME, space_for_lock_change
from lovebridge.core.privacy.state import LockState, lock_state
from lovebridge.core.privacy.switch import switch_lock_off, switch_lock_on
from lovebridge.core.scrapbook.photo_import import PhotoImporter, space_for
from lovebridge.paths import Paths, resolve_paths
from lovebridge.store import StoreFullError, guards, open_store
from tests.audit.test_audit_disk_full import cli, fill, mount_tmpfs, noisy_jpeg
from tests.crash.library import populate

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)
FAST = KdfParams(time_cost=1, memory_cost_kib=64, parallelism=1)
NEEDS = re.compile(r"needs about ([\d.,]+) MB free to (.+?) — about ([\d.,]+) MB more than is "
                   r"free now")


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    yield from mount_tmpfs(tmp_path / "disk", "24m")


def needs(text: str) -> tuple[float, float]:
    """(MB needed in all, MB more than free) from a disk-full sentence."""
    found = NEEDS.search(text)
    assert found, text
    return float(found.group(1).replace(",", "")), float(found.group(3).replace(",", ""))


def library(folder: Path) -> tuple[Paths, AppContext]:
    paths = resolve_paths(folder).ensure()
    return paths, AppContext(paths=paths, store=open_store(paths.database), clock=lambda: NOW)


def pretend_free(monkeypatch: pytest.MonkeyPatch, free: int) -> None:
    monkeypatch.setattr(guards, "free_bytes", lambda _folder: free)


# ---- imports -------------------------------------------------------------------------------

def test_cli_import_onto_a_full_disk_says_how_much_more_and_writes_nothing(
        disk: Path, tmp_path: Path) -> None:
    data = disk / "lib"
    assert cli("--data-dir", str(data), "check").returncode == 0
    photos = [noisy_jpeg(tmp_path / f"sea-{i}.jpg", 700 + 100 * i) for i in range(3)]
    fill(disk, leave=400_000)
    result = cli("--data-dir", str(data), "scrapbook", "import", *map(str, photos),
                 "--title", "Sea")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "The disk is full" in result.stderr
    total, more = needs(result.stderr)
    expected = space_for([p.stat().st_size for p in photos]) / 1e6
    assert abs(total - expected) < 0.6, (total, expected)
    assert more >= total - 1  # the disk was full: nearly all of it is missing
    assert not [p for p in (data / "photos").rglob("*") if p.is_file()]


def test_an_import_the_disk_fills_under_names_what_is_left(ctx, tmp_path: Path,
                                                           monkeypatch) -> None:
    photos = [noisy_jpeg(tmp_path / f"p{i}.jpg", 300 + 50 * i) for i in range(3)]
    calls = []
    real_add = ctx.media.add_bytes

    def add_until_full(data: bytes, extension: str):  # noqa: ANN202
        calls.append(len(data))
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_add(data, extension)

    monkeypatch.setattr(ctx.media, "add_bytes", add_until_full)
    with pytest.raises(StoreFullError) as caught:
        PhotoImporter(ctx).import_files(photos)
    left = [p.stat().st_size for p in photos[1:]]
    assert caught.value.needed == space_for(left)
    assert "The disk is full" in str(caught.value)
    assert "the 1 photo(s) added before it are kept" in str(caught.value)


def test_the_scrapbook_window_says_the_disk_is_full_and_how_much(
        qtbot, ctx, main_window, tmp_path: Path, monkeypatch) -> None:
    photo = noisy_jpeg(tmp_path / "dune.jpg", 600)
    pretend_free(monkeypatch, 2_000_000)
    room = main_window.scrapbook_room
    room.import_paths([photo], into_editor=False)
    qtbot.waitUntil(lambda: not room.importing, timeout=20_000)
    short = (space_for([photo.stat().st_size]) - 2_000_000) / 1e6
    assert room.notice.text() == (
        f"The disk is full: adding these photos needs about {short:,.0f} MB more free space. "
        "Free some space and try again; photos added before it are kept.")
    assert not [p for p in ctx.paths.photos.rglob("*") if p.is_file()]


# ---- backups -------------------------------------------------------------------------------

def test_a_backup_the_disk_fills_under_says_how_much_it_takes(disk: Path, ctx,
                                                              monkeypatch) -> None:
    populate(ctx, notes=3, memories=2, photos_per_memory=2, photo_size=600_000)
    fill(disk, leave=800_000)
    # Something else filled the disk between the check and the writing.
    monkeypatch.setattr("lovebridge.core.backup.create.check_space_for_backup",
                        lambda *_args: None)
    target = disk / "ours.lovebridge"
    with pytest.raises(BackupError) as caught:
        create_backup(ctx.store, ctx.paths, target, now=NOW)
    assert "The disk is full" in str(caught.value)
    total, more = needs(str(caught.value))
    assert total >= 2.4 + 8 and more >= total - 1.5  # four 0.6 MB photos + the margin
    assert list(disk.iterdir()) == [disk / "filler"]  # no archive, no partial file


def test_an_automatic_backup_with_no_room_is_skipped_before_writing(disk: Path) -> None:
    paths, ctx = library(disk / "lib")
    try:
        populate(ctx, notes=3, memories=2, photos_per_memory=2, photo_size=500_000)
        fill(disk, leave=1_500_000)
        from lovebridge.core.backup import make_automatic_backup

        with pytest.raises(StoreFullError) as caught:
            make_automatic_backup(ctx.store, paths, NOW)
        total, _more = needs(str(caught.value))
        assert total >= 2.0 + 8  # the four photos not yet pooled, and the margin
        assert "make this automatic backup" in str(caught.value)
        assert list_backups(paths.backups) == []
        assert not [p for p in paths.backups.rglob("*") if p.is_file()]  # nothing pooled
        assert not list(paths.data.glob(".backup-work-*"))
    finally:
        ctx.store.close()


def test_the_window_shows_a_skipped_automatic_backup(qtbot, ctx, main_window,
                                                     monkeypatch) -> None:
    pretend_free(monkeypatch, 1_000_000)
    controller = main_window.backups
    controller.start_automatic()
    status = main_window.status_label
    qtbot.waitUntil(lambda: "skipped" in status.text(), timeout=20_000)
    assert re.fullmatch(
        r"Today's automatic backup was skipped: the disk is full\. It needs about \d+ MB more "
        r"free space; the backups made before are kept\.", status.text()), status.text()
    assert list_backups(ctx.paths.backups) == []


def test_a_restore_keeps_room_for_the_safety_copy(ctx, tmp_path: Path, monkeypatch) -> None:
    populate(ctx, notes=3, memories=1, photos_per_memory=1, photo_size=50_000)
    archive = create_backup(ctx.store, ctx.paths, tmp_path / "b.lovebridge", now=NOW).path
    from lovebridge.core.backup import validate
    from lovebridge.core.backup.service import restore_backup

    listed = sum(i.file_size for i in __import__("zipfile").ZipFile(archive).infolist())
    room = listed + validate.SPACE_MARGIN_BYTES + 1_000  # enough to unpack, not to keep a copy
    real_usage = validate.shutil.disk_usage
    monkeypatch.setattr(validate.shutil, "disk_usage",
                        lambda p: real_usage(p)._replace(free=room))
    with pytest.raises(BackupRefusedError, match="not enough free disk space") as caught:
        restore_backup(archive, ctx.paths, ctx.store, now=NOW)
    assert re.search(r"about [\d.]+ MB more than is free now", str(caught.value))
    assert list_backups(ctx.paths.backups) == []  # no safety copy begun


# ---- the privacy lock ----------------------------------------------------------------------

def test_turning_the_lock_on_without_room_for_the_copy_changes_nothing(disk: Path) -> None:
    paths, ctx = library(disk / "lib")
    populate(ctx, notes=400, memories=2, photos_per_memory=1, photo_size=200_000)
    ctx.store.close()
    fill(disk, leave=3_000_000)
    change = switch_lock_on(paths, {"a": "purple umbrella"}, lambda: FAST)
    assert isinstance(change.error, StoreFullError), change.error
    total, more = needs(str(change.error))
    assert abs(total - space_for_lock_change(paths) / 1e6) < 0.6
    assert "turn the privacy lock on" in str(change.error) and more > 5
    assert change.state is LockState.OFF and lock_state(paths) is LockState.OFF
    assert not (paths.data / MARKER_NAME).exists()
    assert sorted(p.name for p in paths.data.iterdir() if "pending" in p.name) == []


def test_turning_the_lock_off_checks_the_room_first(ctx, monkeypatch) -> None:
    populate(ctx, notes=5, memories=1, photos_per_memory=1, photo_size=20_000)
    paths = ctx.paths
    ctx.store.close()
    locked = switch_lock_on(paths, {"a": "purple umbrella"}, lambda: FAST)
    assert locked.error is None
    pretend_free(monkeypatch, 2_000_000)
    change = switch_lock_off(paths, locked.data_key)
    assert isinstance(change.error, StoreFullError)
    assert "turn the privacy lock off" in str(change.error)
    assert lock_state(paths) is LockState.ON and not (paths.data / MARKER_NAME).exists()


# ---- a note, a book ------------------------------------------------------------------------

def test_a_note_onto_a_full_disk_says_its_own_size(disk: Path, tmp_path: Path) -> None:
    roomy = tmp_path / "roomy.png"
    args = ("note", "render", "--text", "Hello you, see you at the lake", "--seed", "3")
    assert cli("--data-dir", str(tmp_path / "lib"), *args, "--out", str(roomy)).returncode == 0
    fill(disk)
    out = disk / "note.png"
    result = cli("--data-dir", str(tmp_path / "lib"), *args, "--out", str(out))
    assert result.returncode == 1 and "Wrote" not in result.stdout
    total, _more = needs(result.stderr)
    assert abs(total - max(roomy.stat().st_size, 100_000) / 1e6) < 0.06, result.stderr
    assert list(disk.iterdir()) == [disk / "filler"]


def sea_memory(ctx: AppContext, tmp_path: Path) -> None:
    from lovebridge.core.scrapbook.records import MemoryDate, MemoryDraft, PhotoPlacement
    from lovebridge.core.scrapbook.service import MemoryService

    photos = PhotoImporter(ctx).import_files([noisy_jpeg(tmp_path / "s.jpg", 1200)]).photos
    MemoryService(ctx).save(MemoryDraft("Sea", MemoryDate(2025, 6, 1), story_text="Waves.",
                                        photos=(PhotoPlacement(photos[0].photo_id),)))


def test_a_book_onto_a_full_disk_is_refused_before_drawing(disk: Path, tmp_path: Path) -> None:
    paths, ctx = library(tmp_path / "lib")
    sea_memory(ctx, tmp_path)
    ctx.store.close()
    fill(disk)
    out = disk / "book.pdf"
    result = cli("--data-dir", str(paths.data), "scrapbook", "book", "--year", "2025",
                 "--out", str(out), "--plain-font")
    assert result.returncode == 1 and "Wrote" not in result.stdout, result.stdout
    assert "The disk is full" in result.stderr and "write the book" in result.stderr
    needs(result.stderr)
    assert list(disk.iterdir()) == [disk / "filler"]


def test_a_book_the_disk_fills_under_is_not_left_half_written(
        qapp, disk: Path, tmp_path: Path, monkeypatch) -> None:
    from lovebridge.core.scrapbook.book import gather_year
    from lovebridge.render import book as book_render

    paths, ctx = library(tmp_path / "lib")
    try:
        sea_memory(ctx, tmp_path)
        book = gather_year(ctx, 2025)
        fill(disk, leave=60_000)
        monkeypatch.setattr(book_render, "require_free_space", lambda *_args: None,
                            raising=False)
        with pytest.raises(StoreFullError) as caught:
            book_render.render_book_pdf(book, disk / "book.pdf", handwriting=False)
        needs(str(caught.value))
        assert list(disk.iterdir()) == [disk / "filler"]  # neither the book nor its .part
    finally:
        ctx.store.close()



# ---- folder and export imports -------------------------------------------------------------

def test_a_folder_import_checks_the_room_for_its_new_photos_first(ctx, tmp_path: Path,
                                                                  monkeypatch) -> None:
    from lovebridge.core.importers import writer
    from lovebridge.core.importers.folder import plan_folder

    folder = tmp_path / "trip"
    folder.mkdir()
    shots = [noisy_jpeg(folder / f"IMG_{i}.jpg", 400 + 40 * i) for i in range(3)]
    plan = plan_folder(ctx, folder)
    pretend_free(monkeypatch, 3_000_000)
    with pytest.raises(StoreFullError) as caught:
        writer.accept(ctx, plan)
    total, more = needs(str(caught.value))
    expected = (sum(p.stat().st_size for p in shots) + 3 * writer.PER_PHOTO_OVERHEAD_BYTES
                + guards.SPACE_MARGIN_BYTES)
    assert abs(total - expected / 1e6) < 0.6 and abs(more - (expected - 3e6) / 1e6) < 0.6
    assert "import these memories" in str(caught.value)
    assert not [p for p in ctx.paths.photos.rglob("*") if p.is_file()]


def test_an_export_import_onto_a_full_disk_stops_instead_of_refusing_each_photo(
        ctx, tmp_path: Path, monkeypatch) -> None:
    from lovebridge.core.importers.archive import new_staging, remove_staging
    from lovebridge.core.importers.exports import plan_export
    from tests.export_samples import write_takeout

    export = write_takeout(tmp_path / "takeout-20250101.zip")
    staging = new_staging(ctx.paths.data)
    pretend_free(monkeypatch, 1_000_000)
    try:
        with pytest.raises(StoreFullError) as caught:
            plan_export(ctx, export, staging)
        assert "copy the photos out of this export" in str(caught.value)
        needs(str(caught.value))
        assert list(staging.iterdir()) == []
    finally:
        remove_staging(staging)


def test_an_export_the_disk_fills_under_stops_with_the_room_still_needed(
        disk: Path, ctx, tmp_path: Path, monkeypatch) -> None:
    from lovebridge.core.importers.archive import open_source
    from tests.export_samples import write_takeout

    source = open_source(write_takeout(tmp_path / "takeout-20250101.zip"))
    fill(disk)
    monkeypatch.setattr("lovebridge.core.importers.archive.require_free_space",
                        lambda *_args: None, raising=False)  # filled after the check
    name = next(n for n in source.names() if n.lower().endswith(".jpg"))
    with pytest.raises(StoreFullError) as caught:
        source.extract(name, disk)
    needs(str(caught.value))
    assert list(disk.iterdir()) == [disk / "filler"]
