"""Importing Google Photos Takeout, Day One and Journey exports into memories."""

from __future__ import annotations

from pathlib import Path

import pytest

from lovebridge.core.importers import writer
from lovebridge.core.importers.archive import ArchiveError, new_staging, remove_staging
from lovebridge.core.importers.exports import plan_export
from lovebridge.core.scrapbook.service import MemoryService
from tests.export_samples import write_dayone, write_journey, write_takeout


def _import(ctx, export: Path):  # noqa: ANN001, ANN202
    staging = new_staging(ctx.paths.data)
    try:
        plan = plan_export(ctx, export, staging)
        writer.accept(ctx, plan)
        return plan
    finally:
        remove_staging(staging)


def _memories(ctx) -> dict:  # noqa: ANN001
    service = MemoryService(ctx)
    found = service.timeline(0, 100)
    return {m.title: service.get(m.uuid) for m in found}


def test_takeout_photos_take_time_place_and_caption_from_their_sidecars(ctx, tmp_path) -> None:
    plan = _import(ctx, write_takeout(tmp_path / "takeout-20250101.zip"))
    memories = _memories(ctx)
    assert sorted(memories) == ["Sunday in Lisbon, 14 July 2024",
                                "Sunday in Paris, 1 September 2024"]
    lisbon = memories["Sunday in Lisbon, 14 July 2024"]
    assert [p.caption for p in lisbon.photos] == ["Custard tarts!", ""]
    assert lisbon.tags == ("Lisbon weekend",)
    assert lisbon.place == "Lisbon, Portugal"
    paris = memories["Sunday in Paris, 1 September 2024"]
    assert [p.caption for p in paris.photos] == ["Lights on the tower"]
    assert plan.duplicates == 1  # the album's copy of IMG_0001
    assert "1 videos: not imported (LoveBridge keeps photos)" in plan.unmapped
    assert "Google Photos people (3 entries): not imported" in plan.unmapped
    assert list(ctx.paths.data.joinpath("import-staging").iterdir()) == []
    again = plan_export(ctx, write_takeout(tmp_path / "again.zip"), new_staging(ctx.paths.data))
    assert again.proposals == [] and again.skipped_known == 4  # both copies of IMG_0001


def test_day_one_entries_become_memories_with_text_place_tags_and_photos(ctx, tmp_path) -> None:
    plan = _import(ctx, write_dayone(tmp_path / "Day One Export.zip"))
    memories = _memories(ctx)
    dinner = memories["Dinner by the river"]
    assert dinner.story_text == "We shared grilled sardines. It rained!"
    assert dinner.when.label() == "14 July 2024"
    assert dinner.place == "Lisbon, Portugal"
    assert dinner.tags == ("travel", "us two")
    assert dinner.favourite and len(dinner.photos) == 1
    christmas = memories["Christmas Eve at home, the two of us and a very small tree."]
    assert christmas.when.label() == "24 December 2024"
    assert plan.unmapped == ["Day One weather (1 entry): not imported"]
    assert _import(ctx, write_dayone(tmp_path / "again.zip")).skipped_known == 2


def test_journey_entries_become_memories(ctx, tmp_path) -> None:
    plan = _import(ctx, write_journey(tmp_path / "journey-export.zip"))
    memories = _memories(ctx)
    picnic = memories["Picnic on the Champ de Mars"]
    assert picnic.story_text == "Baguette, cheese & far too many grapes."
    assert picnic.place == "Paris, France"
    assert picnic.tags == ("picnic",) and picnic.favourite and len(picnic.photos) == 1
    soup = memories["Valentine's soup"]
    assert soup.story_text == "Tomato soup by candlelight." and soup.place == ""
    assert soup.when.label() == "14 February 2025"
    assert sorted(plan.unmapped) == [
        "Journey mood (1 entry): not imported",
        "Journey music_artist (1 entry): not imported",
        "Journey music_title (1 entry): not imported",
        "Journey weather (1 entry): not imported",
    ]


def test_a_file_that_is_no_export_is_refused_clearly(ctx, tmp_path) -> None:
    notes = tmp_path / "notes.zip"
    import zipfile

    with zipfile.ZipFile(notes, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(ArchiveError, match="not a Google Takeout, Day One or Journey export"):
        plan_export(ctx, notes, new_staging(ctx.paths.data))
    (tmp_path / "plain.zip").write_text("not a zip")
    with pytest.raises(ArchiveError, match="not a ZIP archive"):
        plan_export(ctx, tmp_path / "plain.zip", new_staging(ctx.paths.data))
