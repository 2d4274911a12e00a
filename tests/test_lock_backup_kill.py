"""Turning the lock on and off while automatic backups run, killed at random: nothing is lost."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from lovebridge.core.backup import list_backups
from lovebridge.core.context import AppContext
from lovebridge.core.privacy.keyslots import KeySlots
from lovebridge.core.privacy.lock import LockState, finish_interrupted, lock_state
from lovebridge.core.privacy.switch import database_key
from lovebridge.paths import resolve_paths
from lovebridge.store import open_store
from tests.crash.kill import run_until_killed
from tests.crash.library import dump, populate
from tests.crash.lock_backup_worker import PASSPHRASES

ROUNDS_ENV = "LOVEBRIDGE_KILL_ROUNDS"
WORKER = Path(__file__).parent / "crash" / "lock_backup_worker.py"

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")


def reopen_and_dump(data_dir: Path) -> tuple[dict, LockState]:
    """Open the folder as the app would after a crash (unlocking first if the lock is on)."""
    paths = resolve_paths(data_dir).ensure()
    data_key = None
    if lock_state(paths) is not LockState.OFF:
        data_key = KeySlots(paths.data).unlock(PASSPHRASES["b"])[0]
    finish_interrupted(paths, data_key)  # a change cut short is finished, as at start-up
    state = lock_state(paths)
    store = open_store(paths.database, database_key(paths, data_key if state is LockState.ON
                                                    else None))
    try:
        assert store.integrity_problems(quick=False) == []
        return dump(store), state
    finally:
        store.close()


def kill_rounds(tmp_path: Path, rounds: int, seed: int) -> int:
    data_dir = tmp_path / "library"
    paths = resolve_paths(data_dir).ensure()
    store = open_store(paths.database)
    populate(AppContext(paths=paths, store=store), notes=12, memories=3, seed=seed)
    expected = dump(store)
    store.close()
    rng = random.Random(seed)
    acks = 0
    for _round in range(rounds):
        lines = run_until_killed(WORKER, ["50", str(data_dir)], rng.uniform(1.0, 5.0))
        acks += sum(line.startswith("ACK ") for line in lines)
        assert not [line for line in lines if line.startswith("BACKUP-REFUSED")], lines
        held, _state = reopen_and_dump(data_dir)
        assert held == expected, "a change of the lock beside a backup lost or changed data"
    assert list_backups(paths.backups)  # the backups ran meanwhile
    return acks


def test_lock_changes_beside_automatic_backups_survive_kills(tmp_path: Path) -> None:
    acks = kill_rounds(tmp_path, int(os.environ.get(ROUNDS_ENV, "2")), seed=3)
    assert acks >= 1


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_many_lock_changes_beside_backups_survive_kills(tmp_path: Path) -> None:
    rounds = int(os.environ.get(ROUNDS_ENV, "25"))
    acks = kill_rounds(tmp_path, rounds, seed=17)
    print(f"\nkills={rounds} completed lock changes={acks}")
