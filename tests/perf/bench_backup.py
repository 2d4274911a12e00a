"""Benchmark: backup and restore of a generated library, against a plain copy of the same files.

    python tests/perf/bench_backup.py [--photos N] [--photo-kb K] [--notes N]

Prints a table; the reference row (a raw copy of the database and photo files, which is what
a backup cannot be faster than) is measured in the same run on the same disk.
Automatic backups are incremental (photos copied once into the backups folder's pool): their
rows compare the second automatic backup of an unchanged library with the first one, and with
the previous approach (a full archive of every photo on every automatic backup), in seconds and
in bytes written (this process's write() bytes from /proc/self/io where there is one).
`run(library, quick)` is the tests/perf/bench.py contract (a scratch library, smaller if quick).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from lovebridge.core.backup import (  # noqa: E402
    create_backup,
    make_automatic_backup,
    restore_backup,
)
from lovebridge.core.backup.rotation import backup_name  # noqa: E402
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


def written_bytes() -> int | None:
    """Bytes this process has passed to write() so far (Linux), else None."""
    try:
        text = Path("/proc/self/io").read_text()
    except OSError:
        return None
    fields = dict(line.split(": ") for line in text.splitlines() if ": " in line)
    return int(fields["wchar"])


def timed_and_written(work, fallback) -> tuple[float, float]:  # noqa: ANN001
    """(seconds, MB written) of `work()`; `fallback(result)` gives the bytes without /proc."""
    before = written_bytes()
    start = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - start
    after = written_bytes()
    count = after - before if before is not None and after is not None else fallback(result)
    return seconds, count / 1e6


def automatic_rows(store, paths, size: str, repeats: int) -> list[Row]:  # noqa: ANN001
    """Incremental automatic backups against the full archive every automatic backup was.

    Medians of `repeats` runs (the machine is shared); bytes written are the same every run.
    """
    shutil.rmtree(paths.backups)  # start from an empty pool: the first backup copies every photo
    paths.backups.mkdir(mode=0o700)
    days = iter(range(1, 29))

    def auto():  # noqa: ANN202
        return make_automatic_backup(store, paths, NOW.replace(day=next(days)))

    def pooled_bytes(result) -> int:  # noqa: ANN001
        return result.size + result.photo_bytes_written

    def full():  # noqa: ANN202
        legacy = paths.backups / backup_name("automatic", datetime(2026, 12, next(days), 9))
        result = create_backup(store, paths, legacy, now=NOW, kind="automatic")
        legacy.unlink()  # rotation would drop it anyway; the pool never sees it
        return result

    first_s, first_mb = timed_and_written(auto, pooled_bytes)
    seconds, megabytes = [], []
    for _ in range(repeats):
        took, wrote = timed_and_written(auto, pooled_bytes)
        seconds.append(took)
        megabytes.append(wrote)
    full_runs = [timed_and_written(full, lambda result: result.size) for _ in range(repeats)]
    second_s, second_mb = statistics.median(seconds), statistics.median(megabytes)
    full_s = statistics.median(run[0] for run in full_runs)
    full_mb = statistics.median(run[1] for run in full_runs)
    newest = sorted(paths.backups.glob("auto-*.lovebridge"))[-1]
    restore_s = timed(lambda: restore_backup(newest, paths, store, now=NOW))
    previous = "full archive (previous automatic backup)"
    return [
        Row(f"automatic backup, first, empty pool ({size}): MB written", first_mb, "MB",
            previous, full_mb, 1.2),
        Row(f"automatic backup, first, empty pool ({size})", first_s, "s", previous, full_s,
            None),
        Row(f"automatic backup, second, nothing changed ({size}): MB written", second_mb,
            "MB", previous, full_mb, 0.1),
        # Informational: with ~100 MB of photos warm in the page cache the old full copy is
        # cheap, and the database snapshot dominates both; the bytes row is what scales.
        Row(f"automatic backup, second, nothing changed ({size})", second_s, "s", previous,
            full_s, None),
        Row(f"automatic backup, second vs first ({size})", second_s, "s",
            "first automatic backup", first_s, 0.5),
        Row(f"restore from an automatic backup, checks every pooled photo ({size})", restore_s,
            "s", previous, full_s, None),
    ]


def measure(photos: int, photo_kb: int, notes: int,
            repeats: int = 3) -> tuple[list[Row], str]:
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
            size = f"{library / 1e6:.0f} MB library"
            automatic = automatic_rows(store, paths, size, repeats)
        finally:
            store.close()
    copy = "raw copy of db + photo files"
    rows = [
        Row(f"backup create ({size}, {archive_mb:.0f} MB archive)", backup, "s", copy,
            reference, None),
        Row(f"restore: check + safety backup + swap ({size})", restore, "s", copy, reference,
            None),
        *automatic,
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
