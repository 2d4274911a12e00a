"""Audit: SIGKILLs while pasting, importing, thumbnailing and backing up with the lock on leave
nothing readable anywhere in the data or cache folders once LoveBridge starts again.

The default suite runs a short form; `-m slow` runs many rounds (LOVEBRIDGE_KILL_ROUNDS).
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from lovebridge.core.backup import prepare_data_folder
from lovebridge.core.privacy.keyslots import KdfParams
from lovebridge.core.privacy.switch import switch_lock_on
from lovebridge.paths import resolve_paths
from lovebridge.store import open_store
from tests.crash.kill import ROOT, run_until_killed

WORKER = ROOT / "tests" / "audit" / "plain_worker.py"
ROUNDS_ENV = "LOVEBRIDGE_KILL_ROUNDS"
MARKER = b"LOVEBRIDGE-PLAIN-MARKER"
PASSPHRASE = "wooden bench by the lake"
MODES = ("paste", "import", "thumbnail", "backup")
FAST = KdfParams(time_cost=1, memory_cost_kib=8192, parallelism=1)

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")


def readable(root: Path) -> list[str]:
    """Every file under `root` holding a picture's marker in plain bytes."""
    found = []
    for path in root.rglob("*"):
        if path.is_file() and MARKER in path.read_bytes():
            found.append(str(path.relative_to(root)))
    return found


def kill_and_grep(tmp_path: Path, rounds: int, seed: int) -> tuple[int, int]:
    folder = tmp_path / "data"
    paths = resolve_paths(folder).ensure()
    open_store(paths.database).close()
    assert switch_lock_on(paths, {"a": PASSPHRASE}, lambda: FAST).error is None
    rng = random.Random(seed)
    acks = 0
    for number in range(rounds):
        mode = MODES[number % len(MODES)]
        lines = run_until_killed(WORKER, [str(folder), PASSPHRASE, str(seed + number), mode],
                                 rng.uniform(0.1, 1.5))
        acks += sum(1 for line in lines if line.startswith("ACK "))
        prepare_data_folder(paths)  # what the next start does before anything else
        assert readable(folder) == [], f"plain picture bytes after a kill during {mode}"
        leftovers = [p for p in folder.rglob(".incoming-*")]
        assert leftovers == [], leftovers
    return rounds, acks


@pytest.mark.parametrize(("default_rounds", "seed"), [
    pytest.param(4, 3, id="short"),
    pytest.param(40, 17, id="many", marks=[pytest.mark.slow, pytest.mark.timeout(1800)]),
])
def test_kills_during_paste_import_thumbnail_and_backup_leave_nothing_readable(
        tmp_path: Path, default_rounds: int, seed: int) -> None:
    rounds = int(os.environ.get(ROUNDS_ENV, str(default_rounds)))
    done, acks = kill_and_grep(tmp_path, rounds, seed)
    print(f"\nkills={done} acknowledged steps={acks}")
    assert done == rounds and acks > 0
