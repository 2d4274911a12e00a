"""Benchmark: backup and restore of a generated library, against a plain copy of the same files.

    python tests/perf/bench_backup.py [--photos N] [--photo-kb K] [--notes N]

Prints a table; the reference row (a raw copy of the database and photo files, which is what
a backup cannot be faster than) is measured in the same run on the same disk.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from lovebridge.core.backup import create_backup, restore_backup  # noqa: E402
from lovebridge.core.context import AppContext  # noqa: E402
from lovebridge.paths import resolve_paths  # noqa: E402
from lovebridge.store import open_store  # noqa: E402
from tests.crash.library import populate  # noqa: E402

NOW = datetime(2026, 11, 23, 18, 30, tzinfo=UTC)


def timed(work) -> float:  # noqa: ANN001
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=400)
    parser.add_argument("--photo-kb", type=int, default=250)
    parser.add_argument("--notes", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = resolve_paths(Path(tmp) / "data").ensure()
        store = open_store(paths.database)
        ctx = AppContext(paths=paths, store=store, clock=lambda: NOW)
        populate(ctx, notes=args.notes, memories=args.photos // 2, photos_per_memory=2,
                 photo_size=args.photo_kb * 1024)
        library = store.path.stat().st_size + sum(
            p.stat().st_size for p in paths.photos.rglob("*") if p.is_file())
        archive = Path(tmp) / "bench.lovebridge"
        reference = timed(lambda: (
            shutil.copytree(paths.photos, Path(tmp) / "copy-photos"),
            shutil.copy2(paths.database, Path(tmp) / "copy.db"),
        ))
        backup = timed(lambda: create_backup(store, paths, archive, now=NOW))
        restore = timed(lambda: restore_backup(archive, paths, store, now=NOW))
        store.close()
        rows = [
            ("library (db + photos)", f"{library / 1e6:.1f} MB", ""),
            ("reference: raw file copy", f"{reference:.2f} s", "1.0x"),
            ("backup create", f"{backup:.2f} s", f"{backup / reference:.1f}x"),
            ("archive size", f"{archive.stat().st_size / 1e6:.1f} MB", ""),
            ("restore (check + safety backup + swap)", f"{restore:.2f} s",
             f"{restore / reference:.1f}x"),
        ]
    print(f"{args.notes} notes, {args.photos} photos of {args.photo_kb} KB")
    width = max(len(r[0]) for r in rows)
    for name, value, ratio in rows:
        print(f"{name:<{width}}  {value:>10}  {ratio:>6}")


if __name__ == "__main__":
    main()
