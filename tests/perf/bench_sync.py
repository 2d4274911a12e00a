"""Benchmark: the first sync of a generated library to a new laptop, against a plain copy of the
same bytes; one edit's delay once its file has arrived; memory while applying.

    python tests/perf/bench_sync.py [--memories N] [--photos M] [--photo-size WxH]

The reference is what a sync service itself would do at best: copy the library's bytes (the
database and the photo files) from one folder into another, on the same disk, in the same run.
LoveBridge's figure is everything both laptops do: the first laptop seals its library into the
shared folder (changes, snapshot, photo blobs), the second opens it into its own store.

Further rows show, for information, the floor the issue's own requirements set: the bytes land
twice (first laptop -> shared folder, folder -> second laptop's own store), each time durably
(fsync per file and folder), and each laptop derives the couple's key from the pairing code
with Argon2id once. Two durable copies and two derivations are the least any first sync costs.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from lovebridge.core.context import AppContext  # noqa: E402
from lovebridge.core.scrapbook.records import MemoryDate, MemoryDraft  # noqa: E402
from lovebridge.core.scrapbook.service import MemoryService  # noqa: E402
from lovebridge.core.sync.crypto import derive_couple_key  # noqa: E402
from lovebridge.core.sync.engine import SyncEngine  # noqa: E402
from lovebridge.paths import resolve_paths  # noqa: E402
from lovebridge.store import open_store  # noqa: E402
from lovebridge.store.media import fsync_directory  # noqa: E402
from tests.perf.benchlib import Row, print_table  # noqa: E402
from tests.perf.make_library import make_library  # noqa: E402


def _open(folder: Path) -> AppContext:
    paths = resolve_paths(folder).ensure()
    return AppContext(paths=paths, store=open_store(paths.database))


def _durable_copy(library: Path, target: Path) -> float:
    """Seconds to copy the same bytes as the plain copy, each file made durable (fsync, then its
    folder), as every file LoveBridge writes on either laptop is: the least a crash-safe first
    sync can cost, before any sealing."""
    started = time.perf_counter()
    photos = (path for path in (library / "photos").rglob("*") if path.is_file())
    files = [library / "lovebridge.db", *photos]
    folders = set()
    for source in files:
        copy = target / source.relative_to(library)
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, copy)
        with open(copy, "rb+") as handle:
            os.fsync(handle.fileno())
        folders.add(copy.parent)
    for folder in folders:
        fsync_directory(folder)
    return time.perf_counter() - started


def _bytes_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def measure(memories: int, photos: int, photo_size: tuple[int, int]) -> tuple[list[Row], str]:
    work = Path(tempfile.mkdtemp(prefix="lb-bench-sync-"))
    try:
        library = work / "maya"
        make_library(library, memories=memories, photos=photos, messages=memories // 5,
                     plans=max(memories // 20, 10), photo_size=photo_size)
        library_bytes = _bytes_of(library / "photos") + (library / "lovebridge.db").stat().st_size

        started = time.perf_counter()
        shutil.copy2(library / "lovebridge.db", work / "copy.db")
        shutil.copytree(library / "photos", work / "copy-photos")
        plain_copy = time.perf_counter() - started
        durable_copy = _durable_copy(library, work / "durable")
        started = time.perf_counter()
        derive_couple_key("bench pairing code words", os.urandom(16))
        one_derivation = time.perf_counter() - started

        shared = work / "shared"
        shared.mkdir()
        maya, jonah = _open(library), _open(work / "jonah")
        maya_engine, jonah_engine = SyncEngine(maya), SyncEngine(jonah)
        started = time.perf_counter()
        code = maya_engine.setup_new(shared, name="Maya's laptop")
        sealed = time.perf_counter() - started
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        jonah_engine.setup_join(shared, code, name="Jonah's laptop")
        opened = time.perf_counter() - started
        rss_growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before
        first_sync = sealed + opened
        assert MemoryService(jonah).count() == MemoryService(maya).count()

        service = MemoryService(maya)
        some = service.timeline(0, 1)[0]
        latencies = []
        for i in range(5):
            service.save(MemoryDraft(f"Edited {i}", MemoryDate(2024), uuid=some.uuid))
            maya_engine.sync_now()  # the batch file is in the folder: it has "arrived"
            started = time.perf_counter()
            jonah_engine.sync_now()
            latencies.append(time.perf_counter() - started)
            assert MemoryService(jonah).get(some.uuid).title == f"Edited {i}"
        latencies.sort()
        folder_bytes = _bytes_of(shared)
        maya.store.close()
        jonah.store.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    what = (f"{memories} memories, {photos} photos at {photo_size[0]}x{photo_size[1]}: library "
            f"{library_bytes / 1e6:.0f} MB, shared folder after the first sync "
            f"{folder_bytes / 1e6:.0f} MB; first laptop sealed in {sealed:.1f} s, second opened "
            f"in {opened:.1f} s; peak memory grew {rss_growth / 1024:.0f} MB while applying")
    rows = [
        Row("first sync to a new laptop", first_sync, "s", "plain copy of the same bytes",
            plain_copy, 2.0),
        # The floor the issue's own requirements set: the bytes land twice, each time durably
        # (first laptop -> shared folder, shared folder -> second laptop's store), and each
        # laptop derives the couple's key from the pairing code with Argon2id once.
        Row("first sync, vs the least its requirements allow", first_sync, "s",
            "2 durable copies + 2 Argon2id", 2 * durable_copy + 2 * one_derivation, None),
        Row("one durable copy of the same bytes (fsync per file)", durable_copy, "s",
            "plain copy of the same bytes", plain_copy, None),
        Row("one Argon2id derivation of the couple's key", one_derivation, "s",
            "plain copy of the same bytes", plain_copy, None),
        Row("one edit visible after its file arrived (median of 5)", latencies[2], "s",
            "the 1 s promise", 1.0, 1.0),
        Row("peak memory growth while applying", rss_growth / 1024, "MB",
            "library size (MB)", library_bytes / 1e6, None),
    ]
    return rows, what


def run(library: Path, quick: bool) -> list[Row]:
    """tests/perf/bench.py contract: a scratch library, smaller when quick."""
    del library
    rows, _ = measure(500 if quick else 2000, 100 if quick else 400, (800, 600))
    return rows


def main() -> None:
    from tests.perf.make_library import parse_size

    parser = argparse.ArgumentParser()
    parser.add_argument("--memories", type=int, default=2000)
    parser.add_argument("--photos", type=int, default=400)
    parser.add_argument("--photo-size", type=parse_size, default=(800, 600))
    args = parser.parse_args()
    rows, what = measure(args.memories, args.photos, args.photo_size)
    print(what)
    print_table(rows)


if __name__ == "__main__":
    main()
