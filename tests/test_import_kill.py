"""A folder import killed with SIGKILL at random moments: whole memories only, no copies."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from lovebridge.store.models import ImportLedger, Memory, Photo
from tests.crash.kill import ROOT, reopened, run_until_killed
from tests.photo_kit import LISBON, PARIS, camera_jpeg

WORKER = ROOT / "tests" / "crash" / "import_worker.py"
ROUNDS_ENV = "LOVEBRIDGE_KILL_ROUNDS"
DAYS, PER_DAY = 12, 5

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")


def _folder(root: Path) -> Path:
    start = datetime(2023, 3, 1, 10, 0)
    for day in range(DAYS):
        for shot in range(PER_DAY):
            taken = start + timedelta(days=day, minutes=30 * shot)
            camera_jpeg(root / f"day{day:02}" / f"IMG_{shot}.jpg", taken,
                        LISBON if day % 2 else PARIS, seed=day * 100 + shot, size=(640, 480))
    return root


def _library(data_dir: Path) -> dict[str, int]:
    """Memory title -> photo count, after checking the store and files are whole."""
    with reopened(data_dir) as (store, media, _tidied), store.session_scope() as session:
        memories = session.scalars(select(Memory)).all()
        titles = Counter(m.title for m in memories)
        assert max(titles.values(), default=1) == 1, "a memory was written twice"
        counts = {m.title: len(m.photos) for m in memories}
        ledger = session.scalars(select(ImportLedger)).all()
        assert len(ledger) == sum(counts.values()), "ledger and photos disagree"
        for photo in session.scalars(select(Photo)):
            assert media.contains(photo.sha256, photo.extension)
    for title, count in counts.items():
        assert count == PER_DAY, f"{title} was half-written ({count} photos)"
    return counts


def kill_and_rerun(tmp_path: Path, rounds: int, seed: int) -> int:
    rng = random.Random(seed)
    folder = _folder(tmp_path / "roll")
    data_dir = tmp_path / "data"
    arguments = ["--data-dir", str(data_dir), "--folder", str(folder)]
    kills = 0
    for _ in range(rounds):
        # Importing this small folder now takes a few tens of milliseconds once the worker is
        # ready, so the kill comes within 80 ms, or the first round finishes before any kill.
        lines = run_until_killed(WORKER, [*arguments, "--linger"], rng.uniform(0.001, 0.08))
        if any(line.startswith("DONE") for line in lines):
            break
        kills += 1
        _library(data_dir)
    finished = subprocess.run([sys.executable, str(WORKER), *arguments], cwd=ROOT,
                              capture_output=True, text=True, timeout=300, check=True)
    assert "DONE" in finished.stdout
    assert len(_library(data_dir)) == DAYS
    return kills


def test_a_killed_import_continues_with_nothing_half_written(tmp_path: Path) -> None:
    assert kill_and_rerun(tmp_path, int(os.environ.get(ROUNDS_ENV, "3")), seed=3) >= 1


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_many_killed_imports_continue_with_nothing_half_written(tmp_path: Path) -> None:
    kills = kill_and_rerun(tmp_path, int(os.environ.get(ROUNDS_ENV, "40")), seed=17)
    print(f"\nimport kills={kills}")
    assert kills >= 1
