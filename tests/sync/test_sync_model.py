"""Model-based test: two and three laptops edit at random while the sync service delivers
batches late, twice, out of order, half-written or as conflict copies, with clocks up to a day
apart. Afterwards every laptop holds the same library, and no acknowledged edit is lost: each
field shows the latest edit made anywhere, and every story version is either shown, edited on
from, or kept as a second version.

Runs a few dozen examples by default; LOVEBRIDGE_SYNC_EXAMPLES=500 for the long form (CI).
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import select

from lovebridge.core.hand.model import Hand
from lovebridge.core.hand.service import HandwritingService
from lovebridge.core.sync.merge import second_versions
from lovebridge.store.models import DictionaryWord, Handwriting, Memory, MemoryPlace, SpecialDate
from lovebridge.store.models.sync import SyncField, SyncVersion
from tests.sync import network
from tests.sync.helpers import make_laptop

EXAMPLES = int(os.environ.get("LOVEBRIDGE_SYNC_EXAMPLES", "10"))
DAY_MS = 24 * 3600 * 1000
# Examples run on tmpfs where there is one: only the order of events matters here (durability is
# the kill tests' business), and the disk is shared with the rest of the machine.
SCRATCH = Path("/dev/shm") if Path("/dev/shm").is_dir() and os.access("/dev/shm", os.W_OK) \
    else None


@dataclass
class PairedLaptops:
    """Laptops paired once with empty libraries, kept open for the whole run. Each example
    starts from a copy of their files as they were just after pairing, read through the same
    engines (pairing, migrating and compiling every statement per example took most of a run)."""

    root: Path
    pristine: Path
    laptops: list

    def restore(self) -> tuple[list, list[Path]]:
        for laptop in self.laptops:
            laptop.ctx.store.engine.dispose()  # no connection holds the files being replaced
        shutil.rmtree(self.root)
        shutil.copytree(self.pristine, self.root, symlinks=True)
        return self.laptops, [self.root / f"folder{i}" for i in range(len(self.laptops))]

    def put_away(self) -> None:
        for laptop in self.laptops:
            laptop.ctx.store.engine.dispose()


_PAIRED: dict[int, PairedLaptops] = {}


def paired_laptops(replicas: int) -> PairedLaptops:
    if replicas not in _PAIRED:
        top = Path(tempfile.mkdtemp(prefix=f"lb-sync-model{replicas}-", dir=SCRATCH))
        atexit.register(shutil.rmtree, top, True)
        root = top / "live"
        laptops, copies = [], []
        for i in range(replicas):
            laptops.append(make_laptop(root, f"laptop{i}"))
            copies.append(root / f"folder{i}")
            copies[-1].mkdir()
        code = laptops[0].engine.setup_new(copies[0])
        network.mark_owner(copies[0], laptops[0].engine.identity().device)
        network.deliver_all(copies)
        for laptop, copy in zip(laptops[1:], copies[1:], strict=True):
            laptop.engine.setup_join(copy, code)
            network.mark_owner(copy, laptop.engine.identity().device)
        network.deliver_all(copies)
        for laptop in laptops:
            laptop.engine.sync_now()
        network.deliver_all(copies)
        for laptop in laptops:
            laptop.ctx.store.close()  # the WAL folded in: the database is one file
        shutil.copytree(root, top / "pristine", symlinks=True)
        atexit.register(lambda: [laptop.close() for laptop in laptops])
        _PAIRED[replicas] = PairedLaptops(root, top / "pristine", laptops)
    return _PAIRED[replicas]


words = st.sampled_from(["rain", "tea", "kite", "moon", "harbour", "fig", "lark", "snow"])


class SharingModel(RuleBasedStateMachine):
    replicas = 2

    def __init__(self) -> None:
        super().__init__()
        self.paired = paired_laptops(self.replicas)
        self.laptops = []
        self.copies: list[Path] = []
        self.acked: dict[tuple[str, str, str], list[tuple[str, object]]] = {}
        self.memories: list[str] = []
        self.dates: list[str] = []
        self.now = 1_790_000_000_000

    @initialize(offsets=st.lists(st.integers(-DAY_MS, DAY_MS), min_size=3, max_size=3))
    def pair_up(self, offsets: list[int]) -> None:
        self.laptops, self.copies = self.paired.restore()
        for i, laptop in enumerate(self.laptops):
            laptop.offset = offsets[i]
            laptop.clock[0] = self.now + offsets[i]

    # ---- time and the sync service ---------------------------------------------------------
    @rule(ms=st.integers(0, 90_000))
    def time_passes(self, ms: int) -> None:
        self.now += ms
        for laptop in self.laptops:
            laptop.clock[0] = self.now + laptop.offset

    @rule(data=st.data())
    def sync(self, data) -> None:
        laptop = data.draw(st.sampled_from(self.laptops))
        laptop.engine.sync_now()

    @rule(data=st.data(), mode=st.sampled_from(["whole", "whole", "whole", "half", "conflict",
                                                 "twice"]))
    def deliver(self, data, mode: str) -> None:
        src, dst = data.draw(st.permutations(range(self.replicas)))[:2]
        pending = network.undelivered(self.copies[src], self.copies[dst], self.copies)
        if not pending:
            return
        rel = data.draw(st.sampled_from(pending))  # any file: out of order, late
        if mode == "twice":
            network.deliver(self.copies[src], self.copies[dst], rel)
            network.deliver(self.copies[src], self.copies[dst], rel)
        else:
            network.deliver(self.copies[src], self.copies[dst], rel, mode)

    # ---- edits ----------------------------------------------------------------------------
    def _ack(self, laptop, tbl: str, key: str, group: str) -> None:
        with laptop.ctx.store.session_scope() as s:
            row = s.execute(select(SyncField.hlc, SyncField.value).where(
                SyncField.tbl == tbl, SyncField.key == key, SyncField.field == group)).one()
        self.acked.setdefault((tbl, key, group), []).append((row.hlc, json.loads(row.value)))

    def _wall(self, laptop) -> datetime:
        return datetime.fromtimestamp(laptop.clock[0] / 1000, UTC)

    @rule(data=st.data(), title=words)
    def create_memory(self, data, title: str) -> None:
        laptop = data.draw(st.sampled_from(self.laptops))
        with laptop.ctx.store.session_scope() as s:
            row = Memory(title=title, date_year=2025, story_text=title, story_html=title)
            s.add(row)
            s.flush()
            key = row.uuid
        self.memories.append(key)
        for group in ("title", "story", "trashed_at"):
            self._ack(laptop, "memory", key, group)

    def _existing_memory(self, data, laptop):
        with laptop.ctx.store.session_scope() as s:
            here = set(s.scalars(select(Memory.uuid)))
        choices = [m for m in self.memories if m in here]
        return data.draw(st.sampled_from(choices)) if choices else None

    @precondition(lambda self: self.memories)
    @rule(data=st.data(), value=words, field=st.sampled_from(["title", "story", "trash"]))
    def edit_memory(self, data, value: str, field: str) -> None:
        laptop = data.draw(st.sampled_from(self.laptops))
        key = self._existing_memory(data, laptop)
        if key is None:
            return
        with laptop.ctx.store.session_scope() as s:
            row = s.scalars(select(Memory).where(Memory.uuid == key)).one()
            if field == "title":
                row.title = value
            elif field == "story":
                row.story_text = f"{row.story_text} {value}"[-200:]
                row.story_html = row.story_text
            else:
                row.trashed_at = None if row.trashed_at else self._wall(laptop)
        self._ack(laptop, "memory", key, {"trash": "trashed_at"}.get(field, field))

    @rule(data=st.data(), label=words)
    def create_date(self, data, label: str) -> None:
        laptop = data.draw(st.sampled_from(self.laptops))
        with laptop.ctx.store.session_scope() as s:
            row = SpecialDate(label=label, day=date(2020, 2, 2))
            s.add(row)
            s.flush()
            self.dates.append(row.uuid)
            self._ack_later = row.uuid
        self._ack(laptop, "special_date", self._ack_later, "label")

    @precondition(lambda self: self.dates)
    @rule(data=st.data(), label=words, delete=st.booleans())
    def edit_date(self, data, label: str, delete: bool) -> None:
        laptop = data.draw(st.sampled_from(self.laptops))
        with laptop.ctx.store.session_scope() as s:
            here = set(s.scalars(select(SpecialDate.uuid)))
        choices = [d for d in self.dates if d in here]
        if not choices:
            return
        key = data.draw(st.sampled_from(choices))
        with laptop.ctx.store.session_scope() as s:
            row = s.scalars(select(SpecialDate).where(SpecialDate.uuid == key)).one()
            if delete:
                s.delete(row)
            else:
                row.label = label
        self._ack(laptop, "special_date", key, "__deleted__" if delete else "label")

    @rule(data=st.data(), word=words, remove=st.booleans())
    def dictionary_word(self, data, word: str, remove: bool) -> None:
        """Words added (the same on several laptops is one word) and removed again."""
        laptop = data.draw(st.sampled_from(self.laptops))
        with laptop.ctx.store.session_scope() as s:
            row = s.scalars(select(DictionaryWord).where(DictionaryWord.word == word)).first()
            if remove and row is not None:
                s.delete(row)
            elif not remove and row is None:
                s.add(DictionaryWord(word=word))
            else:
                return
        self._ack(laptop, "dictionary_word", word, "__deleted__" if remove else "word")

    @rule(data=st.data(), partner=st.sampled_from(["a", "b"]), name=words)
    def capture_hand(self, data, partner: str, name: str) -> None:
        laptop = data.draw(st.sampled_from(self.laptops))
        HandwritingService(laptop.ctx.store).save(partner, Hand(name))
        self._ack(laptop, "handwriting", partner, "hand")

    @precondition(lambda self: self.memories)
    @rule(data=st.data(), name=st.sampled_from(["Lisbon", "lisbon", "Porto"]),
          country=words)
    def add_place(self, data, name: str, country: str) -> None:
        laptop = data.draw(st.sampled_from(self.laptops))
        key = self._existing_memory(data, laptop)
        if key is None:
            return
        with laptop.ctx.store.session_scope() as s:
            memory = s.scalars(select(Memory).where(Memory.uuid == key)).one()
            row = s.scalars(select(MemoryPlace).where(MemoryPlace.memory_id == memory.id,
                                                      MemoryPlace.name == name)).first()
            if row is None:
                s.add(MemoryPlace(memory_id=memory.id, name=name, country=country))
            else:
                row.country = country
        self._ack(laptop, "memory_place", f"{key}|{name.casefold()}", "country")

    # ---- the end: everything delivered, everyone synced ----------------------------------
    def teardown(self) -> None:
        try:
            if self.laptops:
                self._check_convergence()
        finally:
            self.paired.put_away()

    def _explain(self) -> str:
        lines = []
        for i, laptop in enumerate(self.laptops):
            status = laptop.engine.status()
            lines.append(f"\nlaptop{i} {status.device} sent={status.waiting_changes} "
                         f"partners={[(p.device, p.batches_read) for p in status.partners]}")
            lines += [f"  note {p}: {r}" for p, r in status.notes]
            lines += [f"  file {rel}" for rel in sorted(network.files_of(self.copies[i]))]
        return "\n".join(lines)

    def _state(self, laptop) -> dict:
        with laptop.ctx.store.session_scope() as s:
            memories = {m.uuid: (m.title, m.story_text, m.trashed_at is not None)
                        for m in s.scalars(select(Memory))}
            dates = {d.uuid: d.label for d in s.scalars(select(SpecialDate))}
            seconds = {k: sorted(h for h, _v in second_versions(s, "memory", k, "story"))
                       for k in memories}
            dictionary = {w: True for w in s.scalars(select(DictionaryWord.word))}
            hands = dict(s.execute(select(Handwriting.partner, Handwriting.name)).all())
            places = {(m, n.casefold()): c for m, n, c in s.execute(
                select(Memory.uuid, MemoryPlace.name, MemoryPlace.country)
                .join(Memory, Memory.id == MemoryPlace.memory_id))}
        return {"memories": memories, "dates": dates, "second": seconds,
                "words": dictionary, "hands": hands, "places": places}

    def _check_convergence(self) -> None:
        for laptop in self.laptops:  # each writes what it has not written yet
            laptop.engine.sync_now()
        network.deliver_all(self.copies)
        for laptop in self.laptops:  # and reads everything (merging writes nothing new)
            laptop.engine.sync_now()
            # A batch trashing more than a fifth of a small library waits for a yes: say it.
            report = laptop.engine.sync_now(confirm_deletions=True)
            assert not report.waiting_for_confirmation
            assert laptop.engine.status().waiting_changes == 0
        for laptop in self.laptops:
            assert laptop.ctx.store.integrity_problems() == []
        states = [self._state(laptop) for laptop in self.laptops]
        for other in states[1:]:
            assert other == states[0], _difference(states[0], other) + self._explain()
        state = states[0]
        for (tbl, key, group), edits in self.acked.items():
            winner_hlc, winner = max(edits, key=lambda e: e[0])
            if tbl == "dictionary_word":  # the later of adding and removing wins
                latest = max((stamp, g) for (t, k, g), all_edits in self.acked.items()
                             if t == tbl and k == key for stamp, _v in all_edits)
                assert (key in state["words"]) == (latest[1] == "word"), (key, latest)
                continue
            if tbl == "handwriting":
                assert state["hands"][key] == winner["name"]
                continue
            if tbl == "memory_place":
                memory, _, name = key.partition("|")
                assert state["places"][memory, name] == winner["country"]
                continue
            if tbl == "special_date":
                deleted = any(g == "__deleted__" for (t, k, g) in self.acked
                              if t == tbl and k == key)
                if deleted:
                    assert key not in state["dates"]
                elif group == "label":
                    assert state["dates"][key] == winner["label"]
                continue
            title, story, trashed = state["memories"][key]
            if group == "title":
                assert title == winner["title"]
            elif group == "trashed_at":
                assert trashed == (winner["trashed_at"] is not None)
            elif group == "story":
                assert story == winner["story_text"]
                self._story_versions_kept(key, edits, winner_hlc)

    def _story_versions_kept(self, key: str, edits, winner_hlc: str) -> None:
        for laptop in self.laptops:
            with laptop.ctx.store.session_scope() as s:
                rows = s.execute(select(SyncVersion.hlc, SyncVersion.base).where(
                    SyncVersion.tbl == "memory", SyncVersion.key == key)).all()
                seconds = {h for h, _v in second_versions(s, "memory", key, "story")}
            known = {r.hlc for r in rows}
            bases = {r.base for r in rows}
            for stamp, _value in edits:
                assert stamp in known
                assert stamp == winner_hlc or stamp in bases or stamp in seconds


def _difference(one: dict, two: dict) -> str:
    lines = []
    for part in one:
        for key in sorted(set(one[part]) | set(two[part])):
            if one[part].get(key) != two[part].get(key):
                lines.append(f"{part} {key}: {one[part].get(key)} != {two[part].get(key)}")
    return "\n".join(lines)


class ThreeLaptops(SharingModel):
    replicas = 3


MODEL_SETTINGS = settings(max_examples=EXAMPLES, stateful_step_count=20, deadline=None,
                          database=None, suppress_health_check=list(HealthCheck))


@pytest.fixture(autouse=True)
def _no_waiting_for_the_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Durability is proven by the kill tests; here only the order of events matters, so the
    thousands of commits and file writes skip their fsync (ten times faster)."""
    from lovebridge.store import db, media

    real_connect = db.connect

    def connect_without_sync(path, key=None, **options):
        connection = real_connect(path, key, **options)
        connection.execute("PRAGMA synchronous=OFF")
        return connection

    monkeypatch.setattr(db, "connect", connect_without_sync)
    monkeypatch.setattr(media.os, "fsync", lambda fd: None)
    monkeypatch.setattr(media, "sync_filesystem", lambda _folder: True)  # nor their syncfs


@pytest.mark.timeout(3600)
def test_two_laptops_converge() -> None:
    run_state_machine_as_test(SharingModel, settings=MODEL_SETTINGS)


@pytest.mark.timeout(3600)
def test_three_laptops_converge() -> None:
    run_state_machine_as_test(ThreeLaptops, settings=MODEL_SETTINGS)
