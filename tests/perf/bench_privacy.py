"""How long unlocking and turning the lock on take on this machine.

    python tests/perf/bench_privacy.py [PHOTOS] [MB_PER_PHOTO]

Prints a table: Argon2id calibration, unlock time with the calibrated cost (the target is about
one second), a wrong try, and encrypting a photo library in place, beside SHA-256 over the same
bytes as a reference measured in the same run.
`run(library, quick)` is the tests/perf/bench.py contract (scratch data, smaller if quick).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from lovebridge.core.privacy.keyslots import KeySlots, WrongPassphraseError, calibrate  # noqa: E402
from lovebridge.core.privacy.lock import turn_lock_off, turn_lock_on  # noqa: E402
from lovebridge.paths import resolve_paths  # noqa: E402
from lovebridge.store import open_store  # noqa: E402
from lovebridge.store.media import MediaStore  # noqa: E402
from tests.perf.benchlib import Row, print_table  # noqa: E402


def timed(work, repeat: int = 3) -> float:
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def measure(photos: int, mb_each: float, repeat: int) -> list[Row]:
    """Unlock costs beside the one-second target, lock on/off beside SHA-256 of the bytes."""
    started = time.perf_counter()
    params = calibrate()
    calibrating = time.perf_counter() - started
    cost = (f"Argon2id t={params.time_cost}, m={params.memory_cost_kib // 1024} MiB, "
            f"p={params.parallelism}")
    second = "the one-second unlock target"
    rows = [Row(f"privacy: calibrate() itself ({cost})", calibrating, "s", second, 1.0, None)]
    with tempfile.TemporaryDirectory() as tmp:
        slots = KeySlots(Path(tmp))
        started = time.perf_counter()
        _key, code = slots.create({"a": "lemon tree by the door", "b": "blue kettle"}, params)
        rows.append(Row("privacy: turn on, wrap 3 key slots", time.perf_counter() - started,
                        "s", second, 1.0, None))

        def wrong() -> None:
            with contextlib.suppress(WrongPassphraseError):
                slots.unlock("not our words")

        for name, work in (("unlock, partner passphrase", lambda: slots.unlock("blue kettle")),
                           ("unlock, recovery code", lambda: slots.unlock(code)),
                           ("wrong passphrase", wrong)):
            rows.append(Row(f"privacy: {name}", timed(work, repeat), "s", second, 1.0, None))

        paths = resolve_paths(Path(tmp) / "library").ensure()
        open_store(paths.database).close()
        media = MediaStore(paths.photos)
        size = int(mb_each * 1_000_000)
        blobs = [os.urandom(size) for _ in range(photos)]
        for blob in blobs:
            media.add_bytes(blob, "jpg")
        total_mb = photos * size / 1_000_000
        reference = timed(lambda: [hashlib.sha256(b).digest() for b in blobs], repeat=1)
        sha = f"SHA-256 of the same {total_mb:.0f} MB"
        started = time.perf_counter()
        data_key, _code = turn_lock_on(paths, {"a": "lemon tree by the door"}, params)
        rows.append(Row(f"privacy: turn lock on, {photos} photos / {total_mb:.0f} MB",
                        time.perf_counter() - started, "s", sha, reference, None))
        started = time.perf_counter()
        turn_lock_off(paths, data_key)
        rows.append(Row(f"privacy: turn lock off, {photos} photos / {total_mb:.0f} MB",
                        time.perf_counter() - started, "s", sha, reference, None))
    return rows


def run(library: Path, quick: bool) -> list[Row]:
    """Scratch key slots and photos (the benchmark library is never locked)."""
    del library
    return measure(photos=10 if quick else 40, mb_each=2.5, repeat=1 if quick else 3)


def main() -> None:
    photos = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    mb_each = float(sys.argv[2]) if len(sys.argv) > 2 else 2.5
    print_table(measure(photos, mb_each, repeat=3))


if __name__ == "__main__":
    main()
