"""Run a crash-test worker and SIGKILL it part-way: what the kill tests share."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def reopened(data_dir: Path) -> Iterator[tuple]:
    """Reopen a killed worker's data folder as the app does, and check it is whole.

    Yields (store, media, half-written photo files tidied away); no temporary file may be
    left and the database must pass a full integrity check.
    """
    from lovebridge.core.backup import prepare_data_folder
    from lovebridge.paths import resolve_paths
    from lovebridge.store import open_store
    from lovebridge.store.media import MediaStore

    paths = resolve_paths(data_dir).ensure()
    tidied = prepare_data_folder(paths)
    media = MediaStore(paths.photos)
    assert media.leftover_temp_files() == []
    store = open_store(paths.database)
    try:
        assert store.integrity_problems(quick=False) == []
        yield store, media, tidied.leftover_photo_files
    finally:
        store.close()


def run_until_killed(worker: Path, arguments: list[str], seconds: float) -> list[str]:
    """Start `worker`, wait for its READY line, let it work `seconds`, SIGKILL it.

    Returns every line it printed (its acknowledgements, in order).
    """
    process = subprocess.Popen(
        [sys.executable, str(worker), *arguments],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
    )
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        for line in process.stdout:  # type: ignore[union-attr]
            if line.startswith("READY"):
                ready.set()
            lines.append(line.rstrip("\n"))
        ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert ready.wait(60), "worker did not start"
    assert process.poll() is None, process.stderr.read()  # type: ignore[union-attr]
    time.sleep(seconds)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(30)
    reader.join(30)
    process.stderr.close()  # type: ignore[union-attr]
    assert process.returncode == -signal.SIGKILL
    return lines
