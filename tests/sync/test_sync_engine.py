"""Two laptops sharing one folder: what travels, what stays, and how edits merge."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from lovebridge.core.dates.model import PlanDraft
from lovebridge.core.dates.plans import PlanService
from lovebridge.core.profile import CoupleProfile, ProfileService
from lovebridge.core.scrapbook.records import MemoryDate, MemoryDraft
from lovebridge.core.scrapbook.service import MemoryService
from lovebridge.core.scrapbook.trash import TrashService
from lovebridge.core.sync.engine import SyncError
from lovebridge.core.sync.merge import dismiss_version, second_versions
from lovebridge.core.sync.pairing import PairingError
from lovebridge.core.write.messages import Draft, MessageService
from lovebridge.store.models import (
    CheckIn,
    CustomIdea,
    CustomTemplate,
    Memory,
    Message,
    Photo,
    PlanOccurrence,
    Profile,
    SpecialDate,
    SyncField,
)
from tests.sync.helpers import make_laptop


@pytest.fixture
def pair(tmp_path: Path):
    shared = tmp_path / "shared"
    shared.mkdir()
    maya = make_laptop(tmp_path, "maya")
    jonah = make_laptop(tmp_path, "jonah")
    yield shared, maya, jonah
    maya.close()
    jonah.close()


@pytest.fixture
def paired(pair):
    shared, maya, jonah = pair
    ProfileService(maya.ctx.store).save(CoupleProfile("Maya", "Jonah", date(2019, 4, 12)))
    code = maya.engine.setup_new(shared, name="Maya's laptop")
    jonah.engine.setup_join(shared, code, name="Jonah's laptop")
    return shared, maya, jonah


def exchange(*laptops) -> None:
    for laptop in laptops:
        laptop.engine.sync_now()
    for laptop in laptops:
        laptop.engine.sync_now()


def live_titles(laptop) -> list[str]:
    with laptop.ctx.store.session_scope() as s:
        return sorted(s.scalars(select(Memory.title).where(Memory.trashed_at.is_(None))))


def rows(laptop, model, *columns):
    with laptop.ctx.store.session_scope() as s:
        return sorted(s.execute(select(*[getattr(model, c) for c in columns])).all())


def test_a_memory_written_on_one_laptop_arrives_on_the_other(pair) -> None:
    shared, maya, jonah = pair
    MemoryService(maya.ctx).save(MemoryDraft("Before pairing", MemoryDate(2024, 5, 1)))
    code = maya.engine.setup_new(shared, name="Maya's laptop")
    jonah.engine.setup_join(shared, code, name="Jonah's laptop")
    assert live_titles(jonah) == ["Before pairing"]
    MemoryService(maya.ctx).save(MemoryDraft("Picnic", MemoryDate(2025, 6, 2), tags=("park",)))
    maya.engine.sync_now()
    report = jonah.engine.sync_now()
    assert live_titles(jonah) == ["Before pairing", "Picnic"]
    assert report.created == {"memory": 1}
    # Found by search too (the search index is kept up to date for arrivals).
    found = MemoryService(jonah.ctx).timeline(0, 10, _filters(text="park"))
    assert [m.title for m in found] == ["Picnic"]
    status = jonah.engine.status()
    assert [p.name for p in status.partners] == ["Maya's laptop"]
    assert status.last_created == {"memory": 1}


def _filters(**kw):
    from lovebridge.core.scrapbook.records import Filters

    return Filters(**kw)


def test_the_partners_profile_wins_over_the_joining_laptops(pair) -> None:
    shared, maya, jonah = pair
    ProfileService(maya.ctx.store).save(CoupleProfile("Maya", "Jonah", date(2019, 4, 12)))
    ProfileService(jonah.ctx.store).save(CoupleProfile("J", "M"))
    code = maya.engine.setup_new(shared)
    jonah.engine.setup_join(shared, code)
    assert rows(jonah, Profile, "partner_a", "partner_b") == [("Maya", "Jonah")]


def test_private_notes_and_memories_stay_on_this_laptop(paired) -> None:
    _shared, maya, jonah = paired
    notes = MessageService(maya.ctx.store)
    shared_note = notes.save(Draft(None, "a", title="For both", body_html="<p>hi</p>",
                                   body_text="hi"))
    secret = notes.save(Draft(None, "a", title="Just mine", body_html="<p>x</p>", body_text="x"))
    with maya.ctx.store.session_scope() as s:
        s.scalars(select(Message).where(Message.uuid == secret.uuid)).one().private = True
    memory = MemoryService(maya.ctx).save(MemoryDraft("Diary", MemoryDate(2025)))
    with maya.ctx.store.session_scope() as s:
        s.scalars(select(Memory).where(Memory.uuid == memory.uuid)).one().private = True
    exchange(maya, jonah)
    assert rows(jonah, Message, "title") == [("For both",)]
    assert live_titles(jonah) == []
    # Private from the start: nothing about it is in the shared folder or the change log.
    with maya.ctx.store.session_scope() as s:
        s.scalars(select(Memory).where(Memory.uuid == memory.uuid)).one().private = False
    exchange(maya, jonah)
    assert live_titles(jonah) == ["Diary"]
    assert shared_note.uuid in {r[0] for r in rows(jonah, Message, "uuid")}


def test_everything_that_travels_arrives(paired) -> None:
    _shared, maya, jonah = paired
    start = datetime(2026, 12, 5, 19, tzinfo=UTC)
    plans = PlanService(maya.ctx.store, lambda: start)
    plan = plans.create(PlanDraft("Dinner", start, rrule="FREQ=WEEKLY;COUNT=4"))
    plans.change_occurrence(plan.uuid, start + timedelta(days=7), place="By the river")
    with maya.ctx.store.session_scope() as s:
        s.add(SpecialDate(label="First kiss", day=date(2019, 5, 1)))
        s.add(CustomTemplate(category="thanks", text="Thank you for the tea"))
        s.add(CustomIdea(title="Star gazing"))
        s.add(CheckIn(plan_id=plan.id, notes_html="<p>good</p>"))
    exchange(maya, jonah)
    assert rows(jonah, SpecialDate, "label") == [("First kiss",)]
    assert rows(jonah, CustomTemplate, "text") == [("Thank you for the tea",)]
    assert rows(jonah, CustomIdea, "title") == [("Star gazing",)]
    assert rows(jonah, CheckIn, "notes_html") == [("<p>good</p>",)]
    assert rows(jonah, PlanOccurrence, "place") == [("By the river",)]
    arrived = PlanService(jonah.ctx.store, lambda: start).get(plan.uuid)
    assert arrived.title == "Dinner" and arrived.rrule == "FREQ=WEEKLY;COUNT=4"


def _photo(path: Path, colour: str) -> Path:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def test_a_photo_travels_once_encrypted(paired, tmp_path: Path) -> None:
    shared, maya, jonah = paired
    from lovebridge.core.scrapbook.photo_import import PhotoImporter
    from lovebridge.core.scrapbook.records import PhotoPlacement

    source = _photo(tmp_path / "beach.jpg", "orange")
    ref, _new = PhotoImporter(maya.ctx).import_one(source)
    service = MemoryService(maya.ctx)
    placement = PhotoPlacement(photo_id=ref.photo_id, caption="sun")
    memory = service.save(MemoryDraft("Beach", MemoryDate(2025, 8), photos=(placement,)))
    exchange(maya, jonah)
    service.save(MemoryDraft("Beach day", MemoryDate(2025, 8), uuid=memory.uuid,
                             photos=service.get(memory.uuid).photos))
    exchange(maya, jonah)
    blobs = list(shared.rglob("*.lbp"))
    assert len(blobs) == 1
    assert source.read_bytes() not in blobs[0].read_bytes()
    [(sha,)] = rows(jonah, Photo, "sha256")
    assert jonah.ctx.media.read_bytes(sha, "jpg") == source.read_bytes()
    arrived = MemoryService(jonah.ctx).get(memory.uuid)
    assert arrived.title == "Beach day" and [p.caption for p in arrived.photos] == ["sun"]


def test_stories_edited_apart_keep_both_versions(paired) -> None:
    _shared, maya, jonah = paired
    memory = MemoryService(maya.ctx).save(MemoryDraft("Trip", MemoryDate(2025), story_text="a"))
    exchange(maya, jonah)
    for laptop, story, later in ((maya, "Maya's telling", 1000), (jonah, "Jonah's telling", 2000)):
        laptop.clock[0] += later
        draft = MemoryDraft("Trip", MemoryDate(2025), story_text=story, story_html=story,
                            uuid=memory.uuid)
        MemoryService(laptop.ctx).save(draft)
    exchange(maya, jonah)
    shown = {MemoryService(x.ctx).get(memory.uuid).story_text for x in (maya, jonah)}
    assert shown == {"Jonah's telling"}  # the later edit is shown on both
    for laptop in (maya, jonah):
        with laptop.ctx.store.session_scope() as s:
            kept = second_versions(s, "memory", memory.uuid, "story")
        assert [v["story_text"] for _h, v in kept] == ["Maya's telling"]
    with maya.ctx.store.session_scope() as s:
        dismiss_version(s, "memory", memory.uuid, "story", kept[0][0])
        assert second_versions(s, "memory", memory.uuid, "story") == []


def test_a_later_edit_wins_even_from_a_laptop_whose_clock_is_a_day_behind(paired) -> None:
    _shared, maya, jonah = paired
    jonah.clock[0] -= 24 * 3600 * 1000
    memory = MemoryService(maya.ctx).save(MemoryDraft("Old title", MemoryDate(2025)))
    exchange(maya, jonah)
    MemoryService(jonah.ctx).save(MemoryDraft("Jonah's title", MemoryDate(2025),
                                              uuid=memory.uuid))
    exchange(maya, jonah)
    assert live_titles(maya) == live_titles(jonah) == ["Jonah's title"]


def test_emptied_from_the_trash_there_lands_in_the_trash_here(paired) -> None:
    _shared, maya, jonah = paired
    memory = MemoryService(maya.ctx).save(MemoryDraft("Rainy walk", MemoryDate(2024)))
    exchange(maya, jonah)
    trash = TrashService(maya.ctx)
    trash.trash_memory(memory.uuid)
    trash.empty()
    exchange(maya, jonah)
    assert live_titles(jonah) == []
    assert rows(jonah, Memory, "title") == [("Rainy walk",)]  # in Jonah's trash, restorable
    TrashService(jonah.ctx).restore_memory(memory.uuid)
    exchange(maya, jonah)
    assert live_titles(maya) == ["Rainy walk"]  # restored there: it comes back here too


def _ten_shared_then_four_trashed(maya, jonah) -> None:  # noqa: ANN001 - Laptops
    """Ten memories both laptops have; Maya then trashes four and writes that batch."""
    service = MemoryService(maya.ctx)
    uuids = [service.save(MemoryDraft(f"M{i}", MemoryDate(2020 + i))).uuid for i in range(10)]
    exchange(maya, jonah)
    for uuid in uuids[:4]:
        TrashService(maya.ctx).trash_memory(uuid)
    maya.engine.sync_now()


def test_a_batch_deleting_more_than_a_fifth_waits_for_a_yes(paired) -> None:
    _shared, maya, jonah = paired
    _ten_shared_then_four_trashed(maya, jonah)
    report = jonah.engine.sync_now()
    assert list(report.waiting_for_confirmation.values()) == [4]
    assert len(live_titles(jonah)) == 10
    assert jonah.engine.status().pending_deletions
    jonah.engine.sync_now(confirm_deletions=True)
    assert len(live_titles(jonah)) == 6
    assert not jonah.engine.status().pending_deletions


def test_a_snapshot_that_deletes_more_than_a_fifth_waits_for_a_yes_too(paired) -> None:
    """The batch that trashed four memories is late (the sync app carries files in any
    order) while a newer snapshot is already there: merging the snapshot asks first, too."""
    from lovebridge.core.sync.outgoing import write_snapshot

    _shared, maya, jonah = paired
    _ten_shared_then_four_trashed(maya, jonah)
    ident = maya.engine.identity()
    write_snapshot(maya.ctx.store, ident, maya.ctx.media)
    batches = sorted((ident.layout.device(ident.device) / "batches").iterdir())
    late = batches[-1].rename(batches[-1].with_name("still-arriving"))

    report = jonah.engine.sync_now()
    assert list(report.waiting_for_confirmation.values()) == [4]
    assert len(live_titles(jonah)) == 10
    jonah.engine.sync_now(confirm_deletions=True)
    assert len(live_titles(jonah)) == 6
    late.rename(batches[-1])  # it arrives after all: nothing changes twice
    jonah.engine.sync_now()
    assert len(live_titles(jonah)) == 6 and not jonah.engine.status().pending_deletions


def test_a_missing_folder_is_a_clear_message_and_nothing_is_lost(paired, tmp_path) -> None:
    shared, maya, jonah = paired
    MemoryService(maya.ctx).save(MemoryDraft("Waiting", MemoryDate(2025)))
    moved = tmp_path / "elsewhere"
    shared.rename(moved)
    with pytest.raises(SyncError, match="not there right now"):
        maya.engine.sync_now()
    assert maya.engine.status().waiting_changes > 0
    moved.rename(shared)
    exchange(maya, jonah)
    assert live_titles(jonah) == ["Waiting"]
    assert maya.engine.status().waiting_changes == 0


def test_a_wrong_code_is_told_apart_from_a_typo(pair) -> None:
    shared, maya, jonah = pair
    code = maya.engine.setup_new(shared)
    words = code.split()
    with pytest.raises(PairingError, match="not one of"):
        jonah.engine.setup_join(shared, " ".join(["zzz", *words[1:]]))
    wrong = words[1:] + words[:1]
    with pytest.raises(PairingError, match="does not match"):
        jonah.engine.setup_join(shared, " ".join(wrong))
    jonah.engine.setup_join(shared, code.upper().replace(" ", "-"))


def test_a_stranger_with_the_folder_reads_no_word(paired) -> None:
    shared, maya, jonah = paired
    MessageService(maya.ctx.store).save(Draft(None, "a", title="Moonlight",
                                              body_text="under the pier",
                                              body_html="<p>under the pier</p>"))
    exchange(maya, jonah)
    for path in shared.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for word in (b"Moonlight", b"pier", b"Maya", b"Jonah", b"message", b"story"):
                assert word not in data, path


def test_unpair_and_rekey(paired) -> None:
    shared, maya, jonah = paired
    jonah.engine.unpair()
    assert not jonah.engine.status().paired
    code = maya.engine.rekey()
    jonah.engine.setup_join(shared, code)
    MemoryService(maya.ctx).save(MemoryDraft("After the new key", MemoryDate(2026)))
    exchange(maya, jonah)
    assert "After the new key" in live_titles(jonah)


def test_a_photo_only_in_a_private_memory_stays_until_the_memory_is_shared(
        paired, tmp_path: Path) -> None:
    """Added after sharing began: neither the photo's file nor its row leaves the laptop while
    only a memory marked "Private to me" holds it; switching the flag off sends it all."""
    from lovebridge.core.scrapbook.photo_import import PhotoImporter
    from lovebridge.core.scrapbook.records import PhotoPlacement

    shared, maya, jonah = paired
    source = _photo(tmp_path / "letter.jpg", "purple")
    ref, _new = PhotoImporter(maya.ctx).import_one(source)
    service = MemoryService(maya.ctx)
    memory = service.save(MemoryDraft("Only mine", MemoryDate(2025, 3), private=True,
                                      photos=(PhotoPlacement(photo_id=ref.photo_id,
                                                             caption="kept"),)))
    exchange(maya, jonah)
    assert list(shared.rglob("*.lbp")) == []
    assert rows(jonah, Photo, "sha256") == [] and live_titles(jonah) == []
    with maya.ctx.store.session_scope() as s:
        assert ref.sha256 not in set(s.scalars(select(SyncField.key)))

    with maya.ctx.store.session_scope() as s:
        s.scalars(select(Memory).where(Memory.uuid == memory.uuid)).one().private = False
    exchange(maya, jonah)
    assert len(list(shared.rglob("*.lbp"))) == 1
    [(sha,)] = rows(jonah, Photo, "sha256")
    assert jonah.ctx.media.read_bytes(sha, "jpg") == source.read_bytes()
    arrived = MemoryService(jonah.ctx).get(memory.uuid)
    assert arrived.title == "Only mine" and [p.caption for p in arrived.photos] == ["kept"]


def test_marking_a_memory_private_before_the_exchange_keeps_its_new_photo_here(
        paired, tmp_path: Path) -> None:
    """A photo and caption added to a shared memory, then the memory marked "Private to me"
    before the next exchange: nothing of it leaves, not the photo's file, its caption or its
    place; what the partner already had of the memory stays as it was."""
    from lovebridge.core.scrapbook.photo_import import PhotoImporter
    from lovebridge.core.scrapbook.records import PhotoPlacement

    shared, maya, jonah = paired
    service = MemoryService(maya.ctx)
    memory = service.save(MemoryDraft("Sunday walk", MemoryDate(2025, 3)))
    exchange(maya, jonah)
    assert live_titles(jonah) == ["Sunday walk"]

    ref, _new = PhotoImporter(maya.ctx).import_one(_photo(tmp_path / "bench.jpg", "green"))
    service.save(MemoryDraft("Sunday walk", MemoryDate(2025, 3), uuid=memory.uuid,
                             photos=(PhotoPlacement(photo_id=ref.photo_id,
                                                    caption="the green bench"),)))
    with maya.ctx.store.session_scope() as s:
        s.scalars(select(Memory).where(Memory.uuid == memory.uuid)).one().private = True
    exchange(maya, jonah)
    assert list(shared.rglob("*.lbp")) == []  # no photo file in the shared folder
    assert rows(jonah, Photo, "sha256") == []
    assert MemoryService(jonah.ctx).get(memory.uuid).photos == ()


def test_a_photo_in_no_memory_stays_when_sharing_starts(pair, tmp_path: Path) -> None:
    """A photo no memory holds (its memory deleted, or never placed) is left out of the
    library a laptop starts sharing with, as it is left out of later batches."""
    from lovebridge.core.scrapbook.photo_import import PhotoImporter

    shared, maya, jonah = pair
    PhotoImporter(maya.ctx).import_one(_photo(tmp_path / "loose.jpg", "orange"))
    MemoryService(maya.ctx).save(MemoryDraft("Kept", MemoryDate(2024)))
    code = maya.engine.setup_new(shared, name="Maya's laptop")
    jonah.engine.setup_join(shared, code, name="Jonah's laptop")
    exchange(maya, jonah)
    assert live_titles(jonah) == ["Kept"]
    assert rows(jonah, Photo, "sha256") == [] and list(shared.rglob("*.lbp")) == []
