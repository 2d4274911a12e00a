"""Scrapbook benchmarks on a generated library, with a reference measured in the same run.

    python tests/perf/bench_scrapbook.py [--memories 10000] [--photos 20000] [--large 100]

1. First screen: ms from creating the Scrapbook room to its first painted screen, and to every
   visible thumbnail painted — cold (no thumbnail files, empty pixmap cache), warm disk
   (thumbnail files exist, a fresh start) and warm memory (pixmap cache filled).
   Reference: the first page's SQL run directly.
2. Search as you type: ms per keystroke through the room's model (count + first page of cards,
   measured here on the calling thread; the app runs them in a worker) vs the same FTS5 MATCH
   run directly with Python's sqlite3.
3. Import of large JPEGs (12 MP by default): ms per photo through PhotoImporter (check, hash,
   scaled decode + thumbnail, crash-safe copy, DB row) vs a scaled decode alone (the floor:
   what decoding costs) and a full decode + downscale (what a naive thumbnailer costs).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault(
    "QT_QPA_PLATFORM", f"offscreen:configfile={ROOT / 'tests' / 'offscreen-screen.json'}"
)

from PIL import Image, ImageDraw  # noqa: E402
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
from lovebridge.ui.scrapbook.timeline_model import THUMBNAIL_ROLE  # noqa: E402
from lovebridge.ui.settings import Settings  # noqa: E402
from lovebridge.ui.theme import apply_theme  # noqa: E402

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
        summary = model.data(index, THUMBNAIL_ROLE + 1)
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
    app.processEvents()
    room.close()
    room.deleteLater()
    app.processEvents()
    return first, full


# The reference runs Python's own sqlite3 in a separate process: two SQLite libraries in one
# process break each other's POSIX file locks (SQLite's documented corruption hazard).
REFERENCE_SCRIPT = r"""
import json, sqlite3, sys, time
db, queries = sys.argv[1], json.loads(sys.argv[2])
connection = sqlite3.connect(db)
out = []
for sql, params in queries:
    connection.execute(sql, params).fetchall()  # warm the page cache like the app's would be
    start = time.perf_counter()
    rows = connection.execute(sql, params).fetchall()
    out.append([(time.perf_counter() - start) * 1000, rows[0][0] if rows else 0])
print(json.dumps(out))
"""
FIRST_PAGE_SQL = (
    "SELECT m.id, m.title, (SELECT photo_id FROM memory_photo mp WHERE mp.memory_id = m.id "
    "ORDER BY position LIMIT 1) FROM memory m WHERE m.trashed_at IS NULL ORDER BY "
    "date_year DESC, date_month DESC, date_day DESC, id DESC LIMIT 150")
FTS_SQL = ("SELECT count(*), (SELECT group_concat(rowid) FROM (SELECT rowid FROM fts_memory "
           "WHERE fts_memory MATCH ?1 LIMIT 150)) FROM fts_memory WHERE fts_memory MATCH ?1")


def reference_timings(db: Path, queries: list[tuple[str, list]]) -> list[tuple[float, int]]:
    """(ms, first column of the first row) per query, run by sqlite3 in its own process."""
    result = subprocess.run([sys.executable, "-c", REFERENCE_SCRIPT, str(db),
                             json.dumps(queries)], capture_output=True, text=True, check=True)
    return [tuple(row) for row in json.loads(result.stdout)]


def bench_search(app: QApplication, ctx: AppContext, settings: Settings, db: Path) -> list:
    from lovebridge.ui.scrapbook.room import ScrapbookRoom

    room = ScrapbookRoom(ctx, settings)
    app.processEvents()
    typed = "puffin beach"
    texts = [typed[:end] for end in range(1, len(typed) + 1) if not typed[:end].endswith(" ")]
    ours = []
    for text in texts:
        start = time.perf_counter()
        room.apply_filters(Filters(text=text))  # what each keystroke does after the debounce
        ours.append(((time.perf_counter() - start) * 1000, room.model.total))
    reference = reference_timings(db, [(FTS_SQL, [search.match_expression(t)]) for t in texts])
    rows = [(text, total, count, ms, ref_ms)
            for text, (ms, total), (ref_ms, count) in zip(texts, ours, reference, strict=True)]
    room.close()
    room.deleteLater()
    app.processEvents()
    return rows


def make_large_jpegs(folder: Path, count: int, size: tuple[int, int]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    base = Image.effect_noise(size, 60).convert("RGB")  # noise: as hard to code as a real photo
    files = []
    for number in range(count):
        tinted = Image.blend(base, Image.new("RGB", size, ((number * 37) % 256, 120, 90)), 0.5)
        path = folder / f"DSC_{number:04d}.jpg"
        tinted.save(path, "JPEG", quality=90)
        files.append(path)
    return files


def bench_import(ctx: AppContext, files: list[Path]) -> tuple[float, float, float]:
    """ms per photo: our import; scaled decode alone; full decode + downscale."""
    start = time.perf_counter()
    report = PhotoImporter(ctx).import_files(files)
    ours = (time.perf_counter() - start) * 1000 / len(files)
    assert not report.refused, report.refused
    start = time.perf_counter()
    for path in files:
        images.decode_scaled(path, images.THUMBNAIL_SIDE)
    scaled = (time.perf_counter() - start) * 1000 / len(files)
    start = time.perf_counter()
    for path in files:
        with Image.open(path) as image:
            image.load()
            image.thumbnail((images.THUMBNAIL_SIDE, images.THUMBNAIL_SIDE))
    full = (time.perf_counter() - start) * 1000 / len(files)
    return ours, scaled, full


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--memories", type=int, default=10_000)
    parser.add_argument("--photos", type=int, default=20_000)
    parser.add_argument("--large", type=int, default=100, help="large JPEGs to import")
    parser.add_argument("--megapixels", type=float, default=12.0)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    apply_theme(app, "light")
    with tempfile.TemporaryDirectory() as tmp:
        paths = resolve_paths(Path(tmp) / "data").ensure()
        store = open_store(paths.database)
        ctx = AppContext(paths=paths, store=store, clock=lambda: NOW)
        ProfileService(store).save(CoupleProfile("Maya", "Jonah", None))
        settings = Settings(paths.settings_file)
        start = time.perf_counter()
        generate_library(ctx, args.memories, args.photos)
        print(f"Generated {args.memories:,} memories and {args.photos:,} photos in "
              f"{time.perf_counter() - start:.1f} s\n")

        print("First screen (ms)                         first paint   visible thumbnails")
        cold = open_room(app, ctx, settings)
        print(f"  cold (no thumbnail files, empty cache)  {cold[0]:11.0f}   {cold[1]:18.0f}")
        QPixmapCache.clear()
        disk = open_room(app, ctx, settings)
        print(f"  warm disk (thumbnail files, fresh app)  {disk[0]:11.0f}   {disk[1]:18.0f}")
        memory = open_room(app, ctx, settings)
        print(f"  warm memory (pixmap cache filled)       {memory[0]:11.0f}   {memory[1]:18.0f}")
        [(first_page, _)] = reference_timings(paths.database, [(FIRST_PAGE_SQL, [])])
        print(f"  reference: first page SQL via sqlite3   {first_page:11.1f}")

        print("\nSearch as you type (ms per keystroke)")
        print(f"  {'typed':<14}{'matches':>8}{'ours':>10}{'sqlite3 FTS5':>15}")
        rows = bench_search(app, ctx, settings, paths.database)
        for text, total, count, ours, reference in rows:
            assert total == count, (text, total, count)
            print(f"  {text!r:<14}{total:>8,}{ours:>10.1f}{reference:>15.1f}")
        print(f"  median{'':>16}{statistics.median(r[3] for r in rows):>10.1f}"
              f"{statistics.median(r[4] for r in rows):>15.1f}")

        if args.large:
            side = int((args.megapixels * 1e6 / 12) ** 0.5)
            size = (side * 4, side * 3)
            start = time.perf_counter()
            files = make_large_jpegs(Path(tmp) / "camera", args.large, size)
            print(f"\nImport {args.large} JPEGs of {size[0]}x{size[1]} "
                  f"({size[0] * size[1] / 1e6:.1f} MP; made in {time.perf_counter() - start:.0f} s)"
                  f"  ms per photo")
            ours, scaled, full = bench_import(ctx, files)
            print(f"  ours: check, hash, scaled decode + thumbnail, copy, row   {ours:8.1f}")
            print(f"  floor: scaled decode alone (Image.draft)                 {scaled:8.1f}")
            print(f"  reference: full decode + downscale                        {full:8.1f}")
        store.close()


if __name__ == "__main__":
    main()
