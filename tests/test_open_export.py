"""The open export: readable without LoveBridge, and read back with nothing missing."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from lovebridge.core.context import AppContext
from lovebridge.core.dates.checkins import CheckInService
from lovebridge.core.dates.model import PlanDraft
from lovebridge.core.dates.plans import PlanService
from lovebridge.core.export import export_everything
from lovebridge.core.importers import writer
from lovebridge.core.importers.archive import new_staging, remove_staging
from lovebridge.core.importers.exports import plan_export
from lovebridge.core.importers.folder import plan_folder
from lovebridge.core.scrapbook.service import MemoryService
from lovebridge.core.write.messages import Draft, MessageService
from lovebridge.paths import resolve_paths
from lovebridge.store import open_store
from lovebridge.store.models import CheckIn, Message
from tests.test_import_folder import _trip


def _fill(ctx: AppContext, tmp_path: Path) -> None:
    writer.accept(ctx, plan_folder(ctx, _trip(tmp_path / "roll")))
    MessageService(ctx.store).save(Draft(
        None, "a", "<p>Thank you for the tarts.</p>", "Thank you for the tarts.",
        title="For Lisbon"))
    PlanService(ctx.store, ctx.clock).create(PlanDraft(
        "Fado night", datetime(2026, 12, 12, 20, 0, tzinfo=UTC), place="Alfama"))
    CheckInService(ctx.store).save(None, None, ["listen-1"], "<p>We talk more now.</p>")


def _summary(ctx: AppContext) -> dict:
    service = MemoryService(ctx)
    memories = {}
    for card in service.timeline(0, 100):
        memory = service.get(card.uuid)
        memories[memory.title] = (
            memory.when, memory.place, memory.story_text, memory.tags, memory.favourite,
            [(p.photo.sha256, p.caption) for p in memory.photos],
            service.place_list(memory.uuid))
    with ctx.store.session_scope() as session:
        notes = sorted((m.title, m.body_text) for m in session.scalars(select(Message)))
        check_ins = sorted(c.notes_html for c in session.scalars(select(CheckIn)))
    plans = sorted((p.title, p.starts_at, p.place)
                   for p in PlanService(ctx.store, ctx.clock).plans())
    return {"memories": memories, "notes": notes, "plans": plans, "check_ins": check_ins}


@pytest.mark.parametrize("name", ["everything", "everything.zip"])
def test_export_then_import_into_a_new_library_finds_everything(ctx, tmp_path, name) -> None:
    _fill(ctx, tmp_path)
    before = _summary(ctx)
    outcome = export_everything(ctx, tmp_path / name)
    assert (outcome.memories, outcome.photos, outcome.notes, outcome.plans,
            outcome.check_ins) == (3, 7, 1, 1, 1)

    paths = resolve_paths(tmp_path / "second-laptop").ensure()
    other = AppContext(paths=paths, store=open_store(paths.database), clock=ctx.clock)
    try:
        staging = new_staging(paths.data)
        plan = plan_export(other, tmp_path / name, staging)
        assert plan.source == "lovebridge" and plan.problems == []
        writer.accept(other, plan)
        remove_staging(staging)
        assert _summary(other) == before
        again = plan_export(other, tmp_path / name, new_staging(paths.data))
        assert again.proposals == [] and again.skipped_known == 3
    finally:
        other.store.close()


def test_the_export_reads_without_lovebridge(ctx, tmp_path) -> None:
    _fill(ctx, tmp_path)
    export_everything(ctx, tmp_path / "out.zip")
    with zipfile.ZipFile(tmp_path / "out.zip") as archive:
        names = set(archive.namelist())
        manifest = json.loads(archive.read("out/lovebridge-export.json"))
        readme = archive.read("out/README.txt").decode()
        memory = json.loads(archive.read(
            "out/memories/2024-07-14 Sunday in Lisbon, 14 July 2024/memory.json"))
        markdown = archive.read(
            "out/memories/2024-07-14 Sunday in Lisbon, 14 July 2024/memory.md").decode()
        ics = archive.read("out/plans/plans.ics").decode()
        folder = "out/memories/2024-07-14 Sunday in Lisbon, 14 July 2024/"
        photo = archive.read(folder + memory["photos"][0]["file"])
    assert manifest["format"] == "lovebridge-export" and manifest["memories"] == 3
    assert "memories/<date> <title>/" in readme
    assert memory["places"][0]["name"] == "Lisbon" and memory["date"] == "2024-07-14"
    assert markdown.startswith("# Sunday in Lisbon, 14 July 2024\n")
    assert "SUMMARY:Fado night" in ics
    original = (tmp_path / "roll" / "DCIM" / "100APPLE" / "IMG_0001.jpg").read_bytes()
    assert photo == original  # the original file, byte for byte
    assert "out/notes/notes.json" in names and "out/check-ins/check-ins.md" in names


def test_an_existing_target_is_not_overwritten(ctx, tmp_path) -> None:
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "mine.txt").write_text("keep me")
    with pytest.raises(FileExistsError):
        export_everything(ctx, tmp_path / "taken")
    assert (tmp_path / "taken" / "mine.txt").read_text() == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lovebridge-data", "taken"]
