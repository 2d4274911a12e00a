"""Notes between the two laptops, without windows: sent, read, answered, sealed, merged."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from lovebridge.core.sync import merge
from lovebridge.core.write.messages import Draft, MessageService, SealedNoteError
from lovebridge.core.write.partner_notes import PartnerNotes, PrivateNoteError
from lovebridge.store.change_capture import APPLYING
from lovebridge.store.hlc import make_stamp
from lovebridge.store.models import Message
from tests.sync.helpers import make_laptop, paired_laptops

ROOT = Path(__file__).resolve().parents[2]
NOON = datetime(2027, 2, 10, 12, 0, tzinfo=UTC)


class Clock:
    """A laptop's clock that the test moves."""

    def __init__(self, now: datetime = NOON) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def write(laptop, clock: Clock, words: str, author: str, **extra) -> str:  # noqa: ANN001
    return MessageService(laptop.ctx.store, clock=clock).save(
        Draft(None, author, f"<p>{words}</p>", words, **extra)).uuid


def test_a_sent_note_arrives_is_read_and_the_read_mark_travels_back(tmp_path: Path) -> None:
    with paired_laptops(tmp_path) as (_shared, maya, jonah):
        maya_clock, jonah_clock = Clock(), Clock()
        uuid = write(maya, maya_clock, "Thank you for the soup", "a")
        PartnerNotes(maya.ctx.store, maya_clock).send(uuid)
        jonah_notes = PartnerNotes(jonah.ctx.store, jonah_clock)
        assert jonah_notes.inbox() == []
        maya.engine.sync_now()
        jonah.engine.sync_now()
        [arrived] = jonah_notes.inbox()
        assert (arrived.uuid, arrived.body_text, arrived.read_at) == (
            uuid, "Thank you for the soup", None)
        assert [r.uuid for r in jonah_notes.to_announce()] == [uuid]
        assert jonah_notes.to_announce() == []  # announced once
        # Maya's own note is not in her inbox.
        assert PartnerNotes(maya.ctx.store, maya_clock).inbox() == []

        jonah_clock.now = NOON + timedelta(hours=3)
        jonah_notes.mark_read(uuid)
        jonah.engine.sync_now()
        maya.engine.sync_now()
        assert MessageService(maya.ctx.store).get(uuid).read_at == NOON + timedelta(hours=3)


def test_a_note_goes_from_the_laptops_person_whoever_the_writer_switch_named(
        tmp_path: Path) -> None:
    with paired_laptops(tmp_path) as (_shared, maya, jonah):
        clock = Clock()
        uuid = write(jonah, clock, "Left the keys with Ana", "a")  # the switch still on Maya
        PartnerNotes(jonah.ctx.store, clock).send(uuid)
        assert PartnerNotes(jonah.ctx.store, clock).inbox() == []
        jonah.engine.sync_now()
        maya.engine.sync_now()
        [arrived] = PartnerNotes(maya.ctx.store, clock).inbox()
        assert (arrived.uuid, arrived.author) == (uuid, "b")
        # Edited afterwards with the switch still on Maya, it stays Jonah's.
        MessageService(jonah.ctx.store, clock=clock).save(
            Draft(uuid, "a", "<p>Left the keys with Ana next door</p>",
                  "Left the keys with Ana next door"))
        jonah.engine.sync_now()
        maya.engine.sync_now()
        [arrived] = PartnerNotes(maya.ctx.store, clock).inbox()
        assert (arrived.body_text, arrived.author) == ("Left the keys with Ana next door", "b")


def test_a_reply_threads_under_the_note_it_answers(tmp_path: Path) -> None:
    with paired_laptops(tmp_path) as (_shared, maya, jonah):
        clock = Clock()
        first = write(maya, clock, "Dinner at ours on Friday?", "a")
        PartnerNotes(maya.ctx.store, clock).send(first)
        maya.engine.sync_now()
        jonah.engine.sync_now()
        clock.now += timedelta(minutes=5)
        reply = write(jonah, clock, "Yes please, I'll bring the wine", "b", reply_to=first)
        PartnerNotes(jonah.ctx.store, clock).send(reply)
        jonah.engine.sync_now()
        maya.engine.sync_now()
        maya_notes = PartnerNotes(maya.ctx.store, clock)
        assert [r.uuid for r in maya_notes.inbox()] == [reply]
        assert [r.body_text for r in maya_notes.thread(reply)] == [
            "Dinner at ours on Friday?", "Yes please, I'll bring the wine"]
        assert [r.uuid for r in maya_notes.thread(first)] == [first, reply]


def test_a_sealed_note_shows_no_words_before_its_day_and_opens_on_it(tmp_path: Path) -> None:
    with paired_laptops(tmp_path) as (_shared, maya, jonah):
        maya_clock, jonah_clock = Clock(), Clock()
        uuid = write(maya, maya_clock, "Will you marry me", "a")
        PartnerNotes(maya.ctx.store, maya_clock).send(uuid, opens_on=date(2027, 2, 14))
        maya.engine.sync_now()
        jonah.engine.sync_now()
        notes, messages = (PartnerNotes(jonah.ctx.store, jonah_clock),
                           MessageService(jonah.ctx.store, clock=jonah_clock))
        [sealed] = notes.inbox()
        assert sealed.sealed and sealed.opens_on == date(2027, 2, 14)
        assert (sealed.body_text, sealed.body_html, sealed.title) == ("", "", "")
        assert messages.search("marry") == []
        assert all(r.body_text == "" for r in messages.search(""))
        assert messages.get(uuid).body_text == ""
        with pytest.raises(SealedNoteError):
            notes.mark_read(uuid)
        with pytest.raises(SealedNoteError):
            messages.save(Draft(uuid, "a", "", "overwritten"))
        assert notes.open_due() == []
        # Maya still reads her own sealed note.
        assert MessageService(maya.ctx.store, clock=maya_clock).search("marry")[0].uuid == uuid

        jonah_clock.now = datetime(2027, 2, 14, 12, 0, tzinfo=UTC)
        [opened] = notes.open_due()
        assert opened.body_text == "Will you marry me" and opened.opened_at is not None
        assert notes.open_due() == []
        assert [r.uuid for r in messages.search("marry")] == [uuid]


def test_a_private_note_cannot_be_sent(tmp_path: Path) -> None:
    with paired_laptops(tmp_path) as (_shared, maya, jonah):
        clock = Clock()
        uuid = write(maya, clock, "Only for my diary", "a", private=True)
        with pytest.raises(PrivateNoteError):
            PartnerNotes(maya.ctx.store, clock).send(uuid)
        maya.engine.sync_now()
        jonah.engine.sync_now()
        assert MessageService(jonah.ctx.store).search("") == []


def test_a_read_mark_is_never_taken_back_by_a_later_clearing_change(tmp_path: Path) -> None:
    """The later read wins, and a change that would clear the mark loses whatever its stamp
    (a laptop that shares again logs every note as it has it, unread, with fresh stamps)."""
    with paired_laptops(tmp_path) as (_shared, maya, jonah):
        clock = Clock()
        uuid = write(maya, clock, "Good morning", "a")
        PartnerNotes(maya.ctx.store, clock).send(uuid)
        maya.engine.sync_now()
        jonah.engine.sync_now()
        clock.now += timedelta(hours=1)
        PartnerNotes(jonah.ctx.store, clock).mark_read(uuid)
        first_read = clock.now
        clock.now += timedelta(hours=1)
        PartnerNotes(jonah.ctx.store, clock).mark_read(uuid)  # opened again: not moved
        jonah.engine.sync_now()
        maya.engine.sync_now()
        later = make_stamp(maya.clock[0] + 86_400_000, 0, "ffffffffffffffff")
        clearing = [("message", uuid, "read_at", later, None, json.dumps({"read_at": None})),
                    ("message", uuid, "title", later, None, json.dumps({"title": "Hello"}))]
        for laptop in (maya, jonah):
            with laptop.ctx.store.session_scope() as session:
                session.info[APPLYING] = True
                merge.materialize(session, merge.apply_changes(session, clearing),
                                  lambda _wanted: set())
            record = MessageService(laptop.ctx.store).get(uuid)
            assert record.read_at == first_read
            assert record.title == "Hello"  # any other field: the later stamp wins
        # And this laptop never clears it itself.
        with pytest.raises(ValueError), jonah.ctx.store.session_scope() as session:
            session.query(Message).filter_by(uuid=uuid).one().read_at = None


def test_a_sealed_note_leaves_the_export_and_the_command_line_closed(tmp_path: Path) -> None:
    from lovebridge.core.export import export_everything
    from tests.test_note_cli import note as render_note

    with paired_laptops(tmp_path) as (_shared, maya, jonah):
        clock = Clock()
        uuid = write(maya, clock, "Pack a bag: we leave for Lisbon at six", "a")
        far = date(2099, 2, 14)  # still to come on the real clock the export and CLI read
        PartnerNotes(maya.ctx.store, clock).send(uuid, opens_on=far)
        maya.engine.sync_now()
        jonah.engine.sync_now()

        export_everything(jonah.ctx, tmp_path / "jonah-export")
        [record] = json.loads((tmp_path / "jonah-export" / "notes" / "notes.json").read_text())
        assert record["sealed"] and record["opens_on"] == "2099-02-14"
        exported = "".join(p.read_text() for p in (tmp_path / "jonah-export").rglob("*")
                           if p.is_file() and p.suffix in (".md", ".json", ".txt"))
        assert "Lisbon" not in exported
        # Maya's own export keeps her words.
        export_everything(maya.ctx, tmp_path / "maya-export")
        assert "Lisbon" in (tmp_path / "maya-export" / "notes" / "notes.json").read_text()

        shown = render_note("--message", uuid, "--out", str(tmp_path / "note.pdf"),
                            data_dir=tmp_path / "jonah")
        assert shown.returncode != 0 and "kept closed until 2099-02-14" in shown.stderr
        assert not (tmp_path / "note.pdf").exists()

        # Jonah's export brought back into a new library leaves the wordless copy out (once
        # shared again, its empty words would have overwritten Maya's), and says so.
        from lovebridge.core.importers import writer
        from lovebridge.core.importers.archive import new_staging, remove_staging
        from lovebridge.core.importers.exports import plan_export

        fresh = make_laptop(tmp_path, "jonah-again")
        try:
            staging = new_staging(fresh.ctx.paths.data)
            plan = plan_export(fresh.ctx, tmp_path / "jonah-export", staging)
            assert any("1 sealed note left out" in line for line in plan.unmapped)
            writer.accept(fresh.ctx, plan)
            remove_staging(staging)
            assert MessageService(fresh.ctx.store).get(uuid) is None
        finally:
            fresh.close()


def lovebridge(*args: str, data_dir: Path) -> subprocess.CompletedProcess:
    """The command line, as a script would run it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("LOVEBRIDGE_DATA_DIR", None)
    return subprocess.run([sys.executable, "-m", "lovebridge", "--data-dir", str(data_dir),
                           *args], capture_output=True, text=True, env=env, timeout=60, cwd=ROOT)


def test_the_command_line_sends_a_note_sealed_and_refuses_a_private_one(tmp_path: Path) -> None:
    with paired_laptops(tmp_path) as (_shared, maya, jonah):
        clock = Clock()
        shared_note = write(maya, clock, "See you at the lake at six", "a")
        private = write(maya, clock, "My own list of worries", "a", private=True)
        sent = lovebridge("note", "send-to-partner", "--message", shared_note,
                          "--opens-on", "2099-02-14", data_dir=tmp_path / "maya")
        assert sent.returncode == 0, sent.stderr
        assert "opens on 2099-02-14" in sent.stdout
        refused = lovebridge("note", "send-to-partner", "--message", private,
                             data_dir=tmp_path / "maya")
        assert refused.returncode != 0 and "Private to me" in refused.stderr
        maya.engine.sync_now()
        jonah.engine.sync_now()
        [arrived] = PartnerNotes(jonah.ctx.store, clock).inbox()
        assert arrived.uuid == shared_note and arrived.sealed and arrived.body_text == ""
        back = lovebridge("note", "send-to-partner", "--message", shared_note,
                          data_dir=tmp_path / "jonah")  # Jonah cannot send Maya's note back
        assert back.returncode == 1 and "came from your partner" in back.stderr
