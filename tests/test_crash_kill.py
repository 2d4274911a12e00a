"""Crash safety: a writer killed with SIGKILL at random moments loses nothing it acknowledged."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from sqlalchemy import select

from lovebridge.store.models import Memory, Message, Photo
from tests.crash.kill import ROOT, reopened, run_until_killed

WORKER = ROOT / "tests" / "crash" / "worker.py"
ROUNDS_ENV = "LOVEBRIDGE_KILL_ROUNDS"

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")


def run_and_kill(data_dir: Path, seed: int, rng: random.Random) -> list[list[str]]:
    """Start the worker, let it write for a random while, SIGKILL it; its acknowledgements."""
    lines = run_until_killed(WORKER, ["--data-dir", str(data_dir), "--seed", str(seed)],
                             rng.uniform(0.02, 0.6))
    return [line.split(" ", 3) for line in lines if line.startswith(("ACK ", "INTENT "))]


def check_after_reopen(data_dir: Path, acknowledged: dict[str, dict]) -> int:
    """Reopen like the app does and hold the store to everything acknowledged so far.

    `acknowledged["message"]` maps a note to the set of bodies it may have: its acknowledged
    one, plus an edit in flight when the kill came. What the store holds then becomes the truth.
    """
    with reopened(data_dir) as (store, media, tidied), store.session_scope() as session:
        messages = {m.uuid: m.body_text for m in session.scalars(select(Message))}
        memories = {m.uuid: [mp.photo.sha256 for mp in m.photos]
                    for m in session.scalars(select(Memory))}
        photos = [(p.sha256, p.extension) for p in session.scalars(select(Photo))]
    for uuid, allowed in acknowledged["message"].items():
        assert messages.get(uuid) in allowed, "an acknowledged note was lost"
        acknowledged["message"][uuid] = {messages[uuid]}
    for uuid, sha in acknowledged["memory"].items():
        assert memories.get(uuid) == [sha], "an acknowledged memory was lost"
    missing = [sha for sha, ext in photos if not media.contains(sha, ext)]
    assert missing == [], "a row points to a missing photo file"
    return tidied


def kill_rounds(tmp_path: Path, rounds: int, seed: int) -> tuple[int, int, int]:
    rng = random.Random(seed)
    data_dir = tmp_path / "crash-data"
    acknowledged: dict[str, dict] = {"message": {}, "memory": {}}
    total_acks = 0
    cleaned = 0
    for round_number in range(rounds):
        for line_kind, kind, uuid, value in run_and_kill(data_dir, seed * 1000 + round_number,
                                                          rng):
            if line_kind == "INTENT":
                acknowledged["message"].setdefault(uuid, set()).add(value)
                continue
            total_acks += 1
            if kind == "memory":
                acknowledged["memory"][uuid] = value
            else:
                acknowledged["message"][uuid] = {value}
        cleaned += check_after_reopen(data_dir, acknowledged)
    return rounds, total_acks, cleaned


def test_killed_writer_loses_nothing_acknowledged(tmp_path: Path) -> None:
    rounds, acks, _cleaned = kill_rounds(tmp_path, int(os.environ.get(ROUNDS_ENV, "8")), seed=5)
    assert rounds >= 1 and acks > 0


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_many_kills_lose_nothing_acknowledged(tmp_path: Path) -> None:
    rounds = int(os.environ.get(ROUNDS_ENV, "100"))
    done, acks, cleaned = kill_rounds(tmp_path, rounds, seed=11)
    print(f"\nkills={done} acknowledged writes={acks} half-written photos cleaned={cleaned}")
    assert done == rounds and acks > rounds
