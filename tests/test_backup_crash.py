"""Crash safety of automatic backups: killed at random moments, every archive left is whole."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from lovebridge.core.backup import list_backups, prepare_data_folder, stage_restore
from lovebridge.core.backup.pool import pool_root
from lovebridge.paths import resolve_paths
from lovebridge.store import open_store
from tests.crash.kill import ROOT, run_until_killed

WORKER = ROOT / "tests" / "crash" / "backup_worker.py"
ROUNDS_ENV = "LOVEBRIDGE_BACKUP_KILL_ROUNDS"

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")


def run_and_kill(data_dir: Path, round_number: int, rng: random.Random) -> list[str]:
    """Start the worker, let it back up for a random while, SIGKILL it; the backups it ACKed."""
    lines = run_until_killed(WORKER, ["--data-dir", str(data_dir), "--round", str(round_number)],
                             rng.uniform(0.05, 1.2))
    return [line.split(" ", 2)[2] for line in lines if line.startswith("ACK backup ")]


def check_every_backup_is_whole(data_dir: Path, acknowledged: list[str]) -> int:
    """After the start-up tidy: no half-written file, and every archive left restores whole."""
    paths = resolve_paths(data_dir).ensure()
    prepare_data_folder(paths)
    leftovers = [p.name for p in paths.backups.rglob("*") if p.name.startswith(".")]
    assert leftovers == [], "half-written files survived the start-up tidy"
    entries = list_backups(paths.backups)
    if acknowledged:
        assert acknowledged[-1] in [e.path.name for e in entries], "an ACKed backup is gone"
    store = open_store(paths.database)
    try:
        for entry in entries:
            staged = stage_restore(entry.path, paths, store)  # every photo checked by hash
            staged.discard()
    finally:
        store.close()
    assert pool_root(paths).is_dir() or not entries
    return len(entries)


def kill_rounds(tmp_path: Path, rounds: int, seed: int) -> tuple[int, int]:
    rng = random.Random(seed)
    data_dir = tmp_path / "backup-crash-data"
    acks = 0
    for round_number in range(rounds):
        acknowledged = run_and_kill(data_dir, round_number, rng)
        acks += len(acknowledged)
        check_every_backup_is_whole(data_dir, acknowledged)
    return rounds, acks


def test_a_killed_automatic_backup_leaves_only_whole_backups(tmp_path: Path) -> None:
    rounds, _acks = kill_rounds(tmp_path, int(os.environ.get(ROUNDS_ENV, "3")), seed=3)
    assert rounds >= 1


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_many_killed_automatic_backups_leave_only_whole_backups(tmp_path: Path) -> None:
    rounds = int(os.environ.get(ROUNDS_ENV, "40"))
    done, acks = kill_rounds(tmp_path, rounds, seed=17)
    print(f"\nkills={done} acknowledged backups={acks}")
    assert done == rounds and acks > 0
