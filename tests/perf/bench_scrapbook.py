"""Scrapbook benchmarks on a generated library, with a reference measured in the same run.

    python tests/perf/bench_scrapbook.py [LIBRARY] [--quick] [--memories 10000] [--photos 20000]

With LIBRARY (made by tests/perf/make_library.py) it measures that library; without, it
generates one of --memories/--photos first. `run(library, quick)` is the bench.py contract.

1. First screen: ms from creating the Scrapbook room to its first painted screen, and to every
   visible thumbnail painted — cold (no thumbnail files, empty pixmap cache), warm disk
   (thumbnail files exist, a fresh start) and warm memory (pixmap cache filled).
   Reference: the first page's SQL run directly.
2. Search as you type: ms per keystroke through the room's model (count + first page of cards,
   measured here on the calling thread; the app runs them in a worker) vs the same FTS5 MATCH
   run directly with Python's sqlite3 for the same count and first page of ids (checked equal).
   Both sides run each query once untimed, then are timed in CPU time of the thread doing the
   work (time.thread_time: worker threads still running in this process — thumbnails,
   previews — must not count).
3. Import of 12 MP JPEGs (4 with --quick, else 20) into a scratch library: ms per photo for
   the thumbnail JPEG from a scaled decode (Image.draft; CPU time, median per photo) and for
   the whole PhotoImporter path (check, hash, scaled decode + thumbnail, crash-safe copy, DB
   row; wall clock), both against the same thumbnail JPEG made from a full decode (same
   resize, turn and encoding; the two pictures are checked alike).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault(
    "QT_QPA_PLATFORM", f"offscreen:configfile={ROOT / 'tests' / 'offscreen-screen.json'}"
)

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageStat  # noqa: E402
from PySide6.QtCore import QThreadPool  # noqa: E402
from PySide6.QtGui import QPixmapCache  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from lovebridge.core.context import AppContext  # noqa: E402
from lovebridge.core.profile import CoupleProfile, ProfileService  # noqa: E402
from lovebridge.core.scrapbook import images, search  # noqa: E402
from lovebridge.core.scrapbook.photo_import import PhotoImporter  # noqa: E402
from lovebridge.core.scrapbook.records import Filters  # noqa: E402
from lovebridge.paths import resolve_paths  # noqa: E402
from lovebridge.store import open_store  # noqa: E402
from lovebridge.store.models import Memory, MemoryPhoto, Photo, Tag, memory_tags  # noqa: E402
from lovebridge.ui.scrapbook.timeline_model import (  # noqa: E402
    PAGE_SIZE,
    SUMMARY_ROLE,
)
from lovebridge.ui.settings import Settings  # noqa: E402
from lovebridge.ui.theme import apply_theme  # noqa: E402
from tests.perf.benchlib import Row, print_table  # noqa: E402

NOW = datetime(2026, 11, 23, 18, 30, tzinfo=UTC)
_VOCABULARY = """beach picnic puffin lighthouse rain coffee market garden bread snow train mountain
lake forest city lights dinner dancing laughter sunset harbour island tea cake festival walk
bicycle museum concert kitchen candle blanket film"""
WORDS = _VOCABULARY.split()
PLACES = ("Brighton", "Lisbon", "Paris", "Skye", "Cornwall", "Home", "Edinburgh", "Kyoto")


def small_jpeg(seed: int) -> bytes:
    rng = random.Random(seed)
    image = Image.new("RGB", (160, 120), tuple(rng.randrange(256) for _ in range(3)))
    ImageDraw.Draw(image).ellipse((40, 20, 100, 80), fill=tuple(rng.randrange(256)
                                                                for _ in range(3)))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def generate_library(ctx: AppContext, memories: int, photos: int) -> None:
    """Bulk-insert memories and real (small) JPEG photos, then build the search index."""
    rng = random.Random(7)
    photo_rows = []
    for number in range(photos):
        data = small_jpeg(number)
        sha = hashlib.sha256(data).hexdigest()
        target = ctx.media.path_for(sha, "jpg")  # plain writes: generating, not importing
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        photo_rows.append(dict(id=number + 1, uuid=f"p-{number}", sha256=sha,
                               extension="jpg", byte_size=len(data), width=160,
                               height=120, orientation=1, original_name=f"IMG_{number}.jpg",
                               created_at=NOW,
                               updated_at=NOW))
    memory_rows, placements, tag_links = [], [], []
    for number in range(memories):
        year = 2016 + number * 11 // max(memories, 1)
        story = " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 80)))
        memory_rows.append(dict(
            id=number + 1, uuid=f"m-{number}", title=" ".join(rng.sample(WORDS, 3)).capitalize(),
            date_year=year, date_month=rng.randint(1, 12), date_day=rng.randint(1, 28),
            place=rng.choice(PLACES), story_html="", story_text=story, favourite=number % 9 == 0,
            added_by="ab"[number % 2], created_at=NOW,
            updated_at=NOW))
        tag_links.append(dict(memory_id=number + 1, tag_id=1 + number % 12))
    for number in range(photos):
        placements.append(dict(uuid=f"mp-{number}", memory_id=1 + number % max(memories, 1),
                               photo_id=number + 1, position=number // max(memories, 1),
                               caption=rng.choice(WORDS), created_at=NOW,
                               updated_at=NOW))
    with ctx.store.session_scope() as session:
        session.execute(insert(Tag), [dict(id=n + 1, name=WORDS[n]) for n in range(12)])
        for table, rows in ((Photo, photo_rows), (Memory, memory_rows),
                            (MemoryPhoto, placements), (memory_tags, tag_links)):
            for start in range(0, len(rows), 5000):
                session.execute(insert(table), rows[start:start + 5000])
        search.rebuild_index(session)


def visible_thumbnails_ready(room) -> bool:  # noqa: ANN001
    view, model = room.home.view, room.model
    for row in range(min(model.rowCount(), 60)):
        index = model.index(row)
        if not view.viewport().rect().intersects(view.visualRect(index)):
            continue
        summary = model.data(index, SUMMARY_ROLE)
        if summary is not None and summary.cover is not None and \
                QPixmapCache.find(room.thumbnails.key(summary.cover.sha256)) is None:
            return False
    return True


def open_room(app: QApplication, ctx: AppContext, settings: Settings) -> tuple[float, float]:
    """ms to the first painted screen, and ms until every visible thumbnail is painted."""
    from lovebridge.ui.scrapbook.room import ScrapbookRoom

    start = time.perf_counter()
    room = ScrapbookRoom(ctx, settings)
    room.resize(1180, 800)
    room.show()
    app.processEvents()
    room.grab()
    first = (time.perf_counter() - start) * 1000
    deadline = time.perf_counter() + 60
    while not visible_thumbnails_ready(room) and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.002)
    room.grab()
    full = (time.perf_counter() - start) * 1000
    room.thumbnails.wait_idle()
    QThreadPool.globalInstance().waitForDone()  # e.g. the trash purge the room starts
    app.processEvents()
    room.close()
    room.deleteLater()
    app.processEvents()
    return first, full


# The reference runs Python's own sqlite3 in a separate process: two SQLite libraries in one
# process break each other's POSIX file locks (SQLite's documented corruption hazard).
REFERENCE_SCRIPT = r"""
import json, sqlite3, sys, time
db, queries, clock = sys.argv[1], json.loads(sys.argv[2]), getattr(time, sys.argv[3])
connection = sqlite3.connect(db)
out = []
for sql, params in queries:
    connection.execute(sql, params).fetchall()  # warm the page cache like the app's would be
    start = clock()
    rows = connection.execute(sql, params).fetchall()
    out.append([(clock() - start) * 1000, list(rows[0]) if rows else []])
print(json.dumps(out))
"""
FIRST_PAGE_SQL = (
    "SELECT m.id, m.title, (SELECT photo_id FROM memory_photo mp WHERE mp.memory_id = m.id "
    "ORDER BY position LIMIT 1) FROM memory m WHERE m.trashed_at IS NULL ORDER BY "
    "date_year DESC, date_month DESC, date_day DESC, id DESC LIMIT 150")
# What the room asks per keystroke: how many live memories match, and the first page of them
# (as many rows as the model's first page, so both sides fetch the same rows).
FTS_SQL = (
    "WITH hit AS (SELECT id, date_year, date_month, date_day FROM memory WHERE trashed_at IS NULL"
    " AND id IN (SELECT rowid FROM fts_memory WHERE fts_memory MATCH ?1)) "
    "SELECT (SELECT count(*) FROM hit), (SELECT group_concat(id) FROM (SELECT id FROM hit "
    f"ORDER BY date_year DESC, date_month DESC, date_day DESC, id DESC LIMIT {PAGE_SIZE}))")


def reference_timings(db: Path, queries: list[tuple[str, list]],
                      clock: str = "perf_counter") -> list[tuple[float, list]]:
    """(ms, the first row) per query, run by sqlite3 in its own process, timed with `clock`."""
    result = subprocess.run([sys.executable, "-c", REFERENCE_SCRIPT, str(db),
                             json.dumps(queries), clock],
                            capture_output=True, text=True, check=True)
    return [tuple(row) for row in json.loads(result.stdout)]


def bench_search(app: QApplication, ctx: AppContext, settings: Settings, db: Path) -> list:
    from lovebridge.ui.scrapbook.room import ScrapbookRoom

    room = ScrapbookRoom(ctx, settings)
    QThreadPool.globalInstance().waitForDone()
    app.processEvents()
    typed = "walked home"  # words of make_library.py's stories
    texts = [typed[:end] for end in range(1, len(typed) + 1) if not typed[:end].endswith(" ")]
    ours = []
    for text in texts:
        # Timed like the reference: one untimed run first, then this thread's CPU time
        # (milliseconds of wall-clock time on a shared machine mostly measure the neighbours).
        room.apply_filters(Filters(text=text))
        start = time.thread_time()
        room.apply_filters(Filters(text=text))  # what each keystroke does after the debounce
        ms = (time.thread_time() - start) * 1000
        page = [room.model.data(room.model.index(row), SUMMARY_ROLE).id
                for row in room.model.memory_rows()]
        ours.append((ms, room.model.total, page))
    reference = reference_timings(db, [(FTS_SQL, [search.match_expression(t)]) for t in texts],
                                  clock="thread_time")
    rows = []
    for text, (ms, total, page), (ref_ms, (count, ids)) in zip(texts, ours, reference,
                                                                strict=True):
        if total != count or page != [int(i) for i in (ids or "").split(",") if i]:
            raise RuntimeError(f"search {text!r}: the room found {total} memories and a first "
                               f"page unlike sqlite3's {count}")
        rows.append((text, ms, ref_ms))
    room.close()
    room.deleteLater()
    app.processEvents()
    return rows


def make_large_jpegs(folder: Path, count: int, size: tuple[int, int]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    # Softened noise: as detailed as a real 12 MP phone photo (about 4 MB at quality 90).
    base = Image.effect_noise(size, 60).convert("RGB").filter(ImageFilter.GaussianBlur(1))
    files = []
    for number in range(count):
        tinted = Image.blend(base, Image.new("RGB", size, ((number * 37) % 256, 120, 90)), 0.5)
        path = folder / f"DSC_{number:04d}.jpg"
        tinted.save(path, "JPEG", quality=90)
        files.append(path)
    return files


def full_decode_thumbnail(path: Path) -> bytes:
    """The reference: the same thumbnail JPEG as the import makes, from a full-size decode."""
    with Image.open(path) as image:
        image.load()  # every pixel, at full size: no draft
        picture = images.fit_upright(image, images.THUMBNAIL_SIDE, images.exif_orientation(image))
    return images.jpeg_bytes(picture, images.THUMBNAIL_QUALITY)


def scaled_decode_thumbnail(path: Path) -> bytes:
    """What the import does for the thumbnail: a scaled decode, then the same steps."""
    return images.encoded_jpeg(path, images.THUMBNAIL_SIDE, images.THUMBNAIL_QUALITY)


def same_picture(ours: bytes, reference: bytes) -> bool:
    """Same size, and pixels that differ only by resampling (mean difference under 3%)."""
    with Image.open(io.BytesIO(ours)) as a, Image.open(io.BytesIO(reference)) as b:
        if a.size != b.size:
            return False
        difference = ImageStat.Stat(ImageChops.difference(a.convert("RGB"), b.convert("RGB")))
        return max(difference.mean) < 0.03 * 255


def cpu_ms(fn: Callable[[Path], bytes], path: Path) -> tuple[float, bytes]:
    """CPU ms of `fn(path)` on this thread (other threads' work does not count), and what it
    made."""
    start = time.thread_time()
    made = fn(path)
    return (time.thread_time() - start) * 1000, made


def bench_import(ctx: AppContext, files: list[Path]) -> tuple[float, float, float]:
    """ms per photo: our whole import (wall clock, it writes and fsyncs); the thumbnail from a
    scaled decode; the same thumbnail from a full decode (both in CPU time, per photo)."""
    start = time.perf_counter()
    report = PhotoImporter(ctx).import_files(files)
    ours = (time.perf_counter() - start) * 1000 / len(files)
    assert not report.refused, report.refused
    scaled_decode_thumbnail(files[0])  # untimed warm-up of both paths
    full_decode_thumbnail(files[0])
    scaled, full = [], []
    for path in files:
        scaled_ms, ours_jpeg = cpu_ms(scaled_decode_thumbnail, path)
        full_ms, reference_jpeg = cpu_ms(full_decode_thumbnail, path)
        if not same_picture(ours_jpeg, reference_jpeg):
            raise RuntimeError(f"{path.name}: the scaled and full decodes made different pictures")
        scaled.append(scaled_ms)
        full.append(full_ms)
    return ours, statistics.median(scaled), statistics.median(full)


def open_library(library: Path, settings_file: Path):  # noqa: ANN201
    """The app's context over `library` (read from, never written to, by these figures)."""
    paths = resolve_paths(library)
    store = open_store(paths.database)
    ctx = AppContext(paths=paths, store=store, clock=lambda: NOW)
    return ctx, Settings(settings_file)


def first_screen_rows(app: QApplication, ctx: AppContext, settings: Settings) -> list[Row]:
    """Cold (no thumbnail files, empty pixmap cache), warm disk and warm memory first screens."""
    shutil.rmtree(ctx.paths.thumbnails, ignore_errors=True)  # a cache: cold means it is empty
    QPixmapCache.clear()
    cold = open_room(app, ctx, settings)
    QPixmapCache.clear()
    disk = open_room(app, ctx, settings)
    memory = open_room(app, ctx, settings)
    [(first_page, _row)] = reference_timings(ctx.paths.database, [(FIRST_PAGE_SQL, [])])
    reference = "first page SQL via sqlite3"
    rows = []
    for label, (first, full) in (("cold cache", cold), ("warm disk cache", disk),
                                 ("warm memory cache", memory)):
        rows.append(Row(f"scrapbook open to first paint, {label}", first / 1000, "s",
                        reference, first_page / 1000, None))
        rows.append(Row(f"scrapbook open + visible thumbnails, {label}", full / 1000, "s",
                        reference, first_page / 1000, None))
    return rows


def search_rows(app: QApplication, ctx: AppContext, settings: Settings) -> list[Row]:
    rows = bench_search(app, ctx, settings, ctx.paths.database)
    return [Row("scrapbook search per keystroke (count + first page)",
                statistics.median(r[1] for r in rows) / 1000, "s",
                "same FTS5 MATCH via sqlite3", statistics.median(r[2] for r in rows) / 1000,
                2.0)]


def import_rows(count: int, megapixels: float = 12.0) -> list[Row]:
    """Importing camera JPEGs into a scratch library (the benchmark library stays untouched)."""
    side = int((megapixels * 1e6 / 12) ** 0.5)
    size = (side * 4, side * 3)
    with tempfile.TemporaryDirectory() as tmp:
        paths = resolve_paths(Path(tmp) / "data").ensure()
        store = open_store(paths.database)
        try:
            ctx = AppContext(paths=paths, store=store, clock=lambda: NOW)
            files = make_large_jpegs(Path(tmp) / "camera", count, size)
            ours, scaled, full = bench_import(ctx, files)
        finally:
            store.close()
    mp = f"{size[0] * size[1] / 1e6:.0f} MP"
    reference = "same thumbnail from a full decode"
    return [
        Row(f"{mp} photo: thumbnail from a scaled decode", scaled / 1000, "s", reference,
            full / 1000, 1 / 3),  # "several times faster": at least 3x
        Row(f"{mp} photo: whole import (check, hash, thumbnail, copy, row)", ours / 1000, "s",
            reference, full / 1000, None),
    ]


def run(library: Path, quick: bool) -> list[Row]:
    """First screen (cold/warm), search per keystroke and 12 MP import on `library`."""
    app = QApplication.instance() or QApplication([])
    apply_theme(app, "light")
    with tempfile.TemporaryDirectory() as tmp:
        ctx, settings = open_library(library, Path(tmp) / "settings.ini")
        try:
            rows = first_screen_rows(app, ctx, settings) + search_rows(app, ctx, settings)
        finally:
            ctx.store.close()
    return rows + import_rows(4 if quick else 20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", type=Path, nargs="?",
                        help="a library from make_library.py (default: generate one here)")
    parser.add_argument("--memories", type=int, default=10_000)
    parser.add_argument("--photos", type=int, default=20_000)
    parser.add_argument("--quick", action="store_true", help="fewer large JPEGs to import")
    args = parser.parse_args()
    if args.library is not None:
        print_table(run(args.library, args.quick))
        return
    with tempfile.TemporaryDirectory() as tmp:
        paths = resolve_paths(Path(tmp) / "data").ensure()
        store = open_store(paths.database)
        ctx = AppContext(paths=paths, store=store, clock=lambda: NOW)
        ProfileService(store).save(CoupleProfile("Maya", "Jonah", None))
        start = time.perf_counter()
        generate_library(ctx, args.memories, args.photos)
        store.close()
        print(f"Generated {args.memories:,} memories and {args.photos:,} photos in "
              f"{time.perf_counter() - start:.1f} s\n")
        print_table(run(paths.data, args.quick))


if __name__ == "__main__":
    main()
