"""How long unlocking and turning the lock on take on this machine.

    python tests/perf/bench_privacy.py [PHOTOS] [MB_PER_PHOTO]

Prints a table: Argon2id calibration, unlock time with the calibrated cost (the target is about
one second), a wrong try, and encrypting a photo library in place, beside SHA-256 over the same
bytes as a reference measured in the same run.
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
sys.path.insert(0, str(ROOT))

from lovebridge.core.privacy.keyslots import KeySlots, WrongPassphraseError, calibrate  # noqa: E402
from lovebridge.core.privacy.lock import turn_lock_off, turn_lock_on  # noqa: E402
from lovebridge.paths import resolve_paths  # noqa: E402
from lovebridge.store import open_store  # noqa: E402
from lovebridge.store.media import MediaStore  # noqa: E402


def timed(work, repeat: int = 3) -> float:
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def main() -> None:
    photos = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    mb_each = float(sys.argv[2]) if len(sys.argv) > 2 else 2.5
    rows: list[tuple[str, str]] = []

    started = time.perf_counter()
    params = calibrate()
    rows.append(("calibrate() itself", f"{time.perf_counter() - started:.2f} s"))
    rows.append(("chosen Argon2id cost",
                 f"t={params.time_cost}, m={params.memory_cost_kib // 1024} MiB, "
                 f"p={params.parallelism}"))

    with tempfile.TemporaryDirectory() as tmp:
        slots = KeySlots(Path(tmp))
        started = time.perf_counter()
        _key, code = slots.create({"a": "lemon tree by the door", "b": "blue kettle"}, params)
        rows.append(("turn on: wrap 3 key slots", f"{time.perf_counter() - started:.2f} s"))
        rows.append(("unlock, partner passphrase",
                     f"{timed(lambda: slots.unlock('blue kettle')):.2f} s"))
        rows.append(("unlock, recovery code", f"{timed(lambda: slots.unlock(code)):.2f} s"))

        def wrong() -> None:
            with contextlib.suppress(WrongPassphraseError):
                slots.unlock("not our words")

        rows.append(("wrong passphrase", f"{timed(wrong):.2f} s"))

        paths = resolve_paths(Path(tmp) / "library").ensure()
        open_store(paths.database).close()
        media = MediaStore(paths.photos)
        size = int(mb_each * 1_000_000)
        blobs = [os.urandom(size) for _ in range(photos)]
        for blob in blobs:
            media.add_bytes(blob, "jpg")
        total_mb = photos * size / 1_000_000
        reference = timed(lambda: [hashlib.sha256(b).digest() for b in blobs], repeat=1)
        rows.append((f"reference: SHA-256 of {total_mb:.0f} MB", f"{reference:.2f} s"))
        started = time.perf_counter()
        data_key, _code = turn_lock_on(paths, {"a": "lemon tree by the door"}, params)
        on_s = time.perf_counter() - started
        rows.append((f"turn lock on, {photos} photos / {total_mb:.0f} MB",
                     f"{on_s:.2f} s ({total_mb / on_s:.0f} MB/s, {on_s / reference:.1f}x ref)"))
        started = time.perf_counter()
        turn_lock_off(paths, data_key)
        off_s = time.perf_counter() - started
        rows.append((f"turn lock off, {photos} photos / {total_mb:.0f} MB",
                     f"{off_s:.2f} s ({total_mb / off_s:.0f} MB/s)"))

    width = max(len(name) for name, _ in rows)
    print(f"{'what':<{width}}  figure")
    for name, figure in rows:
        print(f"{name:<{width}}  {figure}")


if __name__ == "__main__":
    main()
