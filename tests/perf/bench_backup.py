"""Benchmark: backup and restore of a generated library, against a plain copy of the same files.

    python tests/perf/bench_backup.py [--photos N] [--photo-kb K] [--notes N]

Prints a table; the reference row (a raw copy of the database and photo files, which is what
a backup cannot be faster than) is measured in the same run on the same disk.
`run(library, quick)` is the tests/perf/bench.py contract (a scratch library, smaller if quick).
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
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from lovebridge.core.backup import create_backup, restore_backup  # noqa: E402
from lovebridge.core.context import AppContext  # noqa: E402
from lovebridge.paths import resolve_paths  # noqa: E402
from lovebridge.store import open_store  # noqa: E402
from tests.crash.library import populate  # noqa: E402
from tests.perf.benchlib import Row, print_table  # noqa: E402

NOW = datetime(2026, 11, 23, 18, 30, tzinfo=UTC)


def timed(work) -> float:  # noqa: ANN001
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def measure(photos: int, photo_kb: int, notes: int) -> tuple[list[Row], str]:
    """Backup and restore of a scratch library, each against a raw copy of the same files."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = resolve_paths(Path(tmp) / "data").ensure()
        store = open_store(paths.database)
        try:
            ctx = AppContext(paths=paths, store=store, clock=lambda: NOW)
            populate(ctx, notes=notes, memories=photos // 2, photos_per_memory=2,
                     photo_size=photo_kb * 1024)
            library = store.path.stat().st_size + sum(
                p.stat().st_size for p in paths.photos.rglob("*") if p.is_file())
            archive = Path(tmp) / "bench.lovebridge"
            reference = timed(lambda: (
                shutil.copytree(paths.photos, Path(tmp) / "copy-photos"),
                shutil.copy2(paths.database, Path(tmp) / "copy.db"),
            ))
            backup = timed(lambda: create_backup(store, paths, archive, now=NOW))
            restore = timed(lambda: restore_backup(archive, paths, store, now=NOW))
            archive_mb = archive.stat().st_size / 1e6
        finally:
            store.close()
    size = f"{library / 1e6:.0f} MB library"
    copy = "raw copy of db + photo files"
    rows = [
        Row(f"backup create ({size}, {archive_mb:.0f} MB archive)", backup, "s", copy,
            reference, None),
        Row(f"restore: check + safety backup + swap ({size})", restore, "s", copy, reference,
            None),
    ]
    return rows, f"{notes} notes, {photos} photos of {photo_kb} KB"


def run(library: Path, quick: bool) -> list[Row]:
    """A scratch library (the benchmark library is never restored over): smaller when quick."""
    del library
    rows, _ = measure(photos=100 if quick else 400, photo_kb=250, notes=1000 if quick else 5000)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=400)
    parser.add_argument("--photo-kb", type=int, default=250)
    parser.add_argument("--notes", type=int, default=5000)
    args = parser.parse_args()
    rows, what = measure(args.photos, args.photo_kb, args.notes)
    print(what)
    print_table(rows)


if __name__ == "__main__":
    main()
