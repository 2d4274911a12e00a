"""SIGKILL while a laptop writes batches and while it applies them: nothing acknowledged is lost,
no torn batch is ever read, and the store stays healthy. LOVEBRIDGE_KILL_ROUNDS sets the rounds.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from lovebridge.core.scrapbook.records import MemoryDate, MemoryDraft
from lovebridge.core.scrapbook.service import MemoryService
from lovebridge.store.models import Memory
from tests.sync.helpers import make_laptop

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]
ROUNDS = int(os.environ.get("LOVEBRIDGE_KILL_ROUNDS", "20"))
ROOT = Path(__file__).resolve().parents[2]


def titles(laptop) -> set[str]:
    with laptop.ctx.store.session_scope() as s:
        return set(s.scalars(select(Memory.title)))


def run_and_kill(role: str, data: Path, start: int | str, after: float,
                 *more: str) -> list[str]:
    child = subprocess.Popen([sys.executable, "-m", "tests.sync.kill_child", role, str(data),
                              str(start), *more], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "ready"  # killed while working, not while starting
    time.sleep(after)
    child.send_signal(signal.SIGKILL)
    out, _ = child.communicate()
    return out.splitlines()


def pair(tmp_path: Path):
    shared = tmp_path / "shared"
    shared.mkdir()
    maya, jonah = make_laptop(tmp_path, "maya"), make_laptop(tmp_path, "jonah")
    jonah.engine.setup_join(shared, maya.engine.setup_new(shared))
    return shared, maya, jonah


def test_killed_while_writing_batches_loses_no_saved_memory(tmp_path: Path) -> None:
    _shared, maya, jonah = pair(tmp_path)
    maya.close()
    rng = random.Random(16)
    acknowledged: set[str] = set()
    for _round in range(ROUNDS):
        lines = run_and_kill("write", tmp_path / "maya", 1000 * _round, rng.uniform(0.05, 1.5))
        acknowledged |= {line.split()[1] for line in lines if line.startswith("saved")}
    maya = make_laptop(tmp_path, "maya")
    assert maya.ctx.store.integrity_problems() == []
    maya.engine.sync_now()
    jonah.engine.sync_now()
    assert acknowledged and acknowledged <= titles(jonah)
    assert titles(jonah) == titles(maya)
    assert jonah.engine.status().notes == []  # no torn or half-written batch was ever seen
    print(f"{ROUNDS} kills while writing, {len(acknowledged)} saved memories, none lost")
    maya.close()
    jonah.close()


def test_killed_while_applying_batches_applies_each_once(tmp_path: Path) -> None:
    _shared, maya, jonah = pair(tmp_path)
    jonah.close()
    rng = random.Random(61)
    service = MemoryService(maya.ctx)
    applied_rounds = 0
    for round_ in range(ROUNDS):
        for i in range(12):
            service.save(MemoryDraft(f"r{round_}-{i}", MemoryDate(2025), tags=(f"t{i % 3}",)))
            if i % 2:
                maya.engine.sync_now()
        lines = run_and_kill("apply", tmp_path / "jonah", 0, rng.uniform(0.0, 0.6))
        applied_rounds += bool(lines)
    jonah = make_laptop(tmp_path, "jonah")
    assert jonah.ctx.store.integrity_problems() == []
    jonah.engine.sync_now()
    assert titles(jonah) == titles(maya)
    with jonah.ctx.store.session_scope() as s:
        tags = [t for m in s.scalars(select(Memory)) for t in m.tags]
    assert len(tags) == len(titles(maya))  # each memory its one tag: nothing applied twice
    print(f"{ROUNDS} kills while applying ({applied_rounds} came after a whole pass)")
    maya.close()
    jonah.close()


def test_killed_while_a_new_laptop_takes_in_the_first_snapshot_gets_all_or_nothing(
        tmp_path: Path) -> None:
    from lovebridge.core.scrapbook.photo_import import PhotoImporter
    from lovebridge.core.scrapbook.records import PhotoPlacement
    from tests.sync.test_sync_snapshot import _photo

    shared = tmp_path / "shared"
    shared.mkdir()
    maya = make_laptop(tmp_path, "maya")
    service = MemoryService(maya.ctx)
    for n in range(300):
        placed = ()
        if n % 30 == 0:
            ref, _new = PhotoImporter(maya.ctx).import_one(
                _photo(tmp_path / f"p{n}.jpg", (n % 255, 90, 160)))
            placed = (PhotoPlacement(photo_id=ref.photo_id),)
        service.save(MemoryDraft(f"m{n}", MemoryDate(2020 + n % 5), tags=(f"t{n % 4}",),
                                 story_text=f"story {n}", photos=placed))
    code = maya.engine.setup_new(shared)
    rng = random.Random(7)
    rounds = max(3, ROUNDS // 4)
    partial = midway = 0
    for round_ in range(rounds):
        data = tmp_path / f"jonah{round_}"
        lines = run_and_kill("join", data, str(shared), rng.uniform(0.0, 0.8), code)
        jonah = make_laptop(tmp_path, data.name)
        try:
            assert jonah.ctx.store.integrity_problems() == []
            assert titles(jonah) in (set(), titles(maya))  # the snapshot went in whole or not
            partial += "joined" not in lines
            midway += jonah.engine.identity() is not None and not titles(jonah)
            if jonah.engine.identity() is None:
                jonah.engine.setup_join(shared, code)
            else:
                jonah.engine.sync_now()
            assert titles(jonah) == titles(maya)
            with jonah.ctx.store.session_scope() as s:
                memories = list(s.scalars(select(Memory)))
                assert sum(len(m.tags) for m in memories) == len(memories)
                photos = [p.photo for m in memories for p in m.photos]
            assert len(photos) == 10
            assert all(jonah.ctx.media.read_bytes(p.sha256, p.extension) for p in photos)
        finally:
            jonah.close()
    print(f"{rounds} kills while joining ({partial} before it finished, {midway} of them "
          "paired with the snapshot not yet in)")
    maya.close()
