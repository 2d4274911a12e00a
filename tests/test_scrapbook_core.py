"""Scrapbook core: safe photo import (hostile files), memories, search, on this day, trash."""

from __future__ import annotations

import io
import os
import struct
import subprocess
import sys
import unicodedata
import zlib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageOps, ImageStat
from sqlalchemy import event, text

from lovebridge.core.context import AppContext
from lovebridge.core.scrapbook import images
from lovebridge.core.scrapbook.photo_import import (
    PhotoImporter,
    group_by_day,
    photos_taken_between,
    thumbnail_bytes,
    thumbnail_path,
)
from lovebridge.core.scrapbook.records import (
    Filters,
    MemoryDate,
    MemoryDraft,
    PhotoPlacement,
)
from lovebridge.core.scrapbook.search import match_expression
from lovebridge.core.scrapbook.service import MemoryService
from lovebridge.core.scrapbook.trash import TrashService

ROOT = Path(__file__).resolve().parents[1]


# ---- test images, drawn with Pillow --------------------------------------------------------------
def make_photo(path: Path, size: tuple[int, int] = (640, 480), taken: datetime | None = None,
               orientation: int = 1, colour: tuple[int, int, int] = (200, 120, 80),
               fmt: str = "JPEG", mode: str = "RGB") -> Path:
    """A photo with a light left half (so rotation can be seen) and optional EXIF."""
    image = Image.new(mode, size, colour if mode == "RGB" else (0, 80, 160, 0))
    image.paste((250, 250, 250) if mode == "RGB" else (0, 0, 0, 0),
                (0, 0, size[0] // 2, size[1]))
    exif = Image.Exif()
    if taken is not None:
        exif[0x0132] = taken.strftime("%Y:%m:%d %H:%M:%S")
    if orientation != 1:
        exif[0x0112] = orientation
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, fmt, exif=exif) if fmt in ("JPEG", "WEBP", "PNG") else image.save(path, fmt)
    return path


def make_corrupt_jpeg(path: Path) -> Path:
    good = make_photo(path.with_name("whole-" + path.name))
    data = good.read_bytes()
    path.write_bytes(data[:600] + b"\x00" * 50)  # header intact, pixels cut short
    good.unlink()
    return path


def make_bomb_png(path: Path, side: int = 50_000) -> Path:
    """A tiny PNG whose header claims `side` x `side` pixels (a decompression bomb)."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(
            ">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
                     + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b""))
    return path


def hostile_files(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    empty = folder / "empty.jpg"
    empty.write_bytes(b"")
    text_file = folder / "shopping-list.jpg"
    text_file.write_text("eggs, milk, flowers for Jonah\n")
    pdf = folder / "ticket.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n")
    bmp = folder / "scan.bmp"
    Image.new("RGB", (20, 20)).save(bmp)
    return {
        "truncated.jpg": make_corrupt_jpeg(folder / "truncated.jpg"),
        "empty.jpg": empty,
        "shopping-list.jpg": text_file,
        "ticket.pdf": pdf,
        "scan.bmp": bmp,
        "huge.png": make_bomb_png(folder / "huge.png"),
    }


def save_memory(ctx: AppContext, title: str, when: MemoryDate, story: str = "",
                place: str = "", tags: tuple[str, ...] = (), photos=(), favourite=False,
                added_by: str = "a"):
    return MemoryService(ctx).save(MemoryDraft(
        title, when, place, story_text=story, tags=tags, favourite=favourite,
        added_by=added_by, photos=tuple(PhotoPlacement(p.photo_id, cap) for p, cap in photos)))


# ---- importing ----------------------------------------------------------------------------------
def test_hostile_files_are_refused_one_by_one_while_good_photos_import(
        ctx: AppContext, tmp_path: Path) -> None:
    bad = hostile_files(tmp_path / "bad")
    good = [
        make_photo(tmp_path / "good" / "beach.jpg"),
        make_photo(tmp_path / "good" / "cmyk.jpg", mode="CMYK", fmt="JPEG"),
        make_photo(tmp_path / "good" / "pier.webp", fmt="WEBP"),
        make_photo(tmp_path / "good" / "transparent.png", mode="RGBA", fmt="PNG"),
    ]
    frames = [Image.new("P", (60, 40), colour) for colour in (10, 90, 200)]
    animated = tmp_path / "good" / "wave.gif"
    frames[0].save(animated, save_all=True, append_images=frames[1:], duration=100, loop=0)
    good.append(animated)

    report = PhotoImporter(ctx).import_files(list(bad.values()) + good)

    assert sorted(p.original_name for p in report.photos) == sorted(p.name for p in good)
    assert len(report.refused) == len(bad)
    for name, reason in zip(bad, report.refused, strict=True):
        assert reason.startswith(name)
    assert "empty" in report.refused[1]
    assert "far too large" in report.refused[-1]
    assert "BMP" in report.refused[4]
    for photo in report.photos:  # every kept photo has its thumbnail already
        assert thumbnail_path(ctx, photo.sha256).exists()


def test_originals_are_copied_unchanged_and_stored_once(ctx: AppContext, tmp_path: Path) -> None:
    original = make_photo(tmp_path / "camera" / "big.jpg", size=(3000, 2000), orientation=6)
    before = original.read_bytes()
    first = PhotoImporter(ctx).import_files([original])
    again = PhotoImporter(ctx).import_files([original, original.parent])  # the folder has it too
    assert original.read_bytes() == before
    stored = ctx.media.path_for(first.photos[0].sha256, "jpg")
    assert stored.read_bytes() == before  # not downscaled, not rotated
    assert {p.photo_id for p in again.photos} == {first.photos[0].photo_id}
    assert again.already_there == 2
    assert len(list(ctx.paths.photos.rglob("*.jpg"))) == 1


def test_exif_orientation_and_date_are_read_and_honoured(ctx: AppContext, tmp_path: Path) -> None:
    taken = datetime(2024, 11, 23, 14, 5)
    source = make_photo(tmp_path / "turned.jpg", size=(800, 400), taken=taken, orientation=6)
    photo = PhotoImporter(ctx).import_files([source]).photos[0]
    assert (photo.width, photo.height, photo.orientation) == (800, 400, 6)
    assert photo.taken_at.astimezone().replace(tzinfo=None) == taken
    with Image.open(io.BytesIO(thumbnail_bytes(ctx, photo))) as thumb:
        assert thumb.height > thumb.width  # stood upright
        # The light half was on the left; after a quarter turn clockwise it is on top.
        assert thumb.getpixel((thumb.width // 2, 5))[0] > 240
        assert thumb.getpixel((thumb.width // 2, thumb.height - 5))[2] < 120


def test_jpeg_thumbnails_are_decoded_scaled_not_full_size(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    source = make_photo(tmp_path / "twelve-mp.jpg", size=(4000, 3000))
    seen: list[tuple[int, int]] = []
    real_load = Image.Image.load

    def spy(self: Image.Image):  # noqa: ANN202
        seen.append(self.size)
        return real_load(self)

    monkeypatch.setattr(Image.Image, "load", spy)
    picture = images.decode_scaled(source, 480)
    assert max(picture.size) == 480
    assert max(seen[0]) <= 1000  # libjpeg decoded at 1/4 scale or less, not 4000 x 3000


def test_heic_is_read_when_the_plugin_can_write_one(ctx: AppContext, tmp_path: Path) -> None:
    assert images.HEIF_SUPPORTED, "pillow-heif is a dependency: HEIC photos must be readable"
    path = tmp_path / "phone.heic"
    try:
        Image.new("RGB", (320, 240), (90, 160, 200)).save(path, "HEIF")
    except (KeyError, OSError, ValueError):
        pytest.skip("this pillow-heif build cannot encode HEIC to make a test file")
    report = PhotoImporter(ctx).import_files([path])
    assert report.refused == []
    assert report.photos[0].extension == "heic"


def test_folder_photos_group_by_day(ctx: AppContext, tmp_path: Path) -> None:
    folder = tmp_path / "holiday"
    make_photo(folder / "a.jpg", taken=datetime(2025, 6, 14, 9, 0), colour=(1, 2, 3))
    make_photo(folder / "b.jpg", taken=datetime(2025, 6, 14, 18, 0), colour=(4, 5, 6))
    make_photo(folder / "sub" / "c.jpg", taken=datetime(2025, 6, 15, 10, 0), colour=(7, 8, 9))
    make_photo(folder / "d.png", fmt="PNG", colour=(9, 9, 9))
    (folder / "notes.txt").write_text("not a photo, skipped by name")
    report = PhotoImporter(ctx).import_files([folder])
    assert report.refused == []
    groups = group_by_day(report.photos)
    assert [(day, len(photos)) for day, photos in groups.items()] == [
        (date(2025, 6, 14), 2), (date(2025, 6, 15), 1), (None, 1)]


def test_photos_taken_between_reads_only_headers(tmp_path: Path) -> None:
    folder = tmp_path / "camera"
    make_photo(folder / "before.jpg", taken=datetime(2026, 11, 20, 19, 0))
    inside = make_photo(folder / "during.jpg", taken=datetime(2026, 11, 21, 20, 30))
    make_photo(folder / "none.jpg")
    make_corrupt_jpeg(folder / "broken.jpg")
    start = datetime(2026, 11, 21, 18, 0).astimezone()
    found = photos_taken_between(folder, start, start + timedelta(hours=5))
    assert found == [inside]


# ---- memories, search, on this day ----------------------------------------------------------
def test_saving_and_reading_a_memory_keeps_everything(ctx: AppContext, tmp_path: Path) -> None:
    photos = PhotoImporter(ctx).import_files(
        [make_photo(tmp_path / f"{n}.jpg", colour=(n, 0, 0)) for n in range(3)]).photos
    saved = save_memory(ctx, "  Lighthouse picnic ", MemoryDate(2024, 11, 23),
                        "We watched the puffins", "Farne Islands", ("Beach", "beach", " firsts "),
                        [(photos[2], "the boat"), (photos[0], "us")], favourite=True,
                        added_by="b")
    memory = MemoryService(ctx).get(saved.uuid)
    assert memory.title == "Lighthouse picnic"
    assert memory.tags == ("Beach", "firsts")
    assert [(p.photo.photo_id, p.caption) for p in memory.photos] == [
        (photos[2].photo_id, "the boat"), (photos[0].photo_id, "us")]
    assert (memory.favourite, memory.added_by, memory.place) == (True, "b", "Farne Islands")
    # Reordering and dropping a photo: the dropped one goes to the trash, not away.
    draft = MemoryDraft(memory.title, MemoryDate(2024, 11), uuid=memory.uuid, photos=(
        PhotoPlacement(photos[0].photo_id, "us", memory.photos[1].uuid),))
    again = MemoryService(ctx).save(draft)
    assert again.when.label() == "November 2024"
    assert [p.caption for p in again.photos] == ["us"]
    assert [e.kind for e in TrashService(ctx).entries()] == ["photo"]


def test_memory_dates_may_be_exact_or_month_or_year() -> None:
    assert MemoryDate(2015).label() == "2015"
    assert MemoryDate(2015, 7).label() == "July 2015"
    assert MemoryDate(2016, 2, 29).label() == "29 February 2016"
    for bad in ((2015, 2, 30), (2015, None, 3), (2015, 13), (0,)):
        with pytest.raises(ValueError):
            MemoryDate(*bad)


def test_search_covers_titles_stories_places_tags_and_captions(
        ctx: AppContext, tmp_path: Path) -> None:
    photo = PhotoImporter(ctx).import_files([make_photo(tmp_path / "p.jpg")]).photos[0]
    save_memory(ctx, "Lighthouse picnic", MemoryDate(2024, 11, 23), "We watched the puffins",
                "Farne Islands", ("seabirds",), [(photo, "Jonah on the ferry")])
    save_memory(ctx, "Café crème", MemoryDate(2020, 3), "Croissants in the rain", "Paris")
    service = MemoryService(ctx)
    for words, expected in (("lighthouse", 1), ("puff", 1), ("farne", 1), ("seabird", 1),
                            ("ferry", 1), ("cafe", 1), ("CROISSANT rain", 1), ("puffins rain", 0),
                            ('"unbalanced * OR (', 0), ("", 2)):
        assert service.count(Filters(text=words)) == expected, words
    assert match_expression("  ") is None


def test_filters_by_tag_year_favourite_and_person(ctx: AppContext) -> None:
    save_memory(ctx, "One", MemoryDate(2020, 1, 1), tags=("beach",), favourite=True)
    save_memory(ctx, "Two", MemoryDate(2021, 1, 1), tags=("beach",), added_by="b")
    save_memory(ctx, "Three", MemoryDate(2021, 5), tags=("home",))
    service = MemoryService(ctx)
    assert service.count(Filters(tag="beach")) == 2
    assert service.count(Filters(year=2021)) == 2
    assert service.count(Filters(favourites_only=True)) == 1
    assert service.count(Filters(added_by="b")) == 1
    assert service.count(Filters(tag="beach", year=2021, added_by="b")) == 1
    assert service.tags() == ["beach", "home"]
    assert service.years() == [2021, 2020]
    titles = [m.title for m in service.timeline(0, 10)]
    assert titles == ["Three", "Two", "One"]  # newest first; a month-only date after its days
    assert [m.title for m in service.timeline(1, 1)] == ["Two"]


def test_on_this_day_uses_the_clock_and_only_past_years(ctx: AppContext) -> None:
    save_memory(ctx, "Two years ago", MemoryDate(2024, 11, 23))
    save_memory(ctx, "Last year", MemoryDate(2025, 11, 23))
    save_memory(ctx, "Today", MemoryDate(2026, 11, 23))
    save_memory(ctx, "Only the month", MemoryDate(2023, 11))
    save_memory(ctx, "Another day", MemoryDate(2023, 11, 24))
    assert [m.title for m in MemoryService(ctx).on_this_day()] == ["Last year", "Two years ago"]
    later = datetime(2027, 11, 24, 12, tzinfo=UTC)
    assert [m.title for m in MemoryService(ctx).on_this_day(later)] == ["Another day"]


def test_the_search_index_is_created_by_the_migration(ctx: AppContext) -> None:
    with ctx.store.session_scope() as session:
        sql = session.execute(text(
            "SELECT sql FROM sqlite_master WHERE name = 'fts_memory'")).scalar()
    assert "fts5" in sql.lower()


# ---- trash ------------------------------------------------------------------------------------
def test_trash_restores_and_purges_after_thirty_days(ctx: AppContext, tmp_path: Path) -> None:
    shared = PhotoImporter(ctx).import_files([make_photo(tmp_path / "shared.jpg")]).photos[0]
    own = PhotoImporter(ctx).import_files(
        [make_photo(tmp_path / "own.jpg", colour=(1, 1, 1))]).photos[0]
    gone = save_memory(ctx, "Gone", MemoryDate(2024, 1, 1), "secret word", photos=[
        (shared, ""), (own, "")])
    kept = save_memory(ctx, "Kept", MemoryDate(2024, 1, 2), photos=[(shared, "")])
    service, trash = MemoryService(ctx), TrashService(ctx)
    trash.trash_memory(gone.uuid)
    assert service.count() == 1 and service.count(Filters(text="secret")) == 0
    [entry] = trash.entries()
    assert (entry.kind, entry.title, entry.days_left) == ("memory", "Gone", 30)
    trash.restore(entry)
    assert service.count(Filters(text="secret")) == 1

    trash.trash_memory(gone.uuid)
    assert trash.purge_expired() == 0  # not yet
    start = ctx.clock()
    ctx.clock = lambda: start + timedelta(days=31)
    assert trash.purge_expired() == 1
    assert trash.entries() == []
    assert not ctx.media.contains(own.sha256, own.extension)  # only it used this photo
    assert not thumbnail_path(ctx, own.sha256).exists()
    assert ctx.media.contains(shared.sha256, shared.extension)  # "Kept" still shows this one
    assert [p.photo.photo_id for p in service.get(kept.uuid).photos] == [shared.photo_id]


def test_emptying_the_trash_deletes_photos_and_memories_now(ctx: AppContext,
                                                            tmp_path: Path) -> None:
    photos = PhotoImporter(ctx).import_files(
        [make_photo(tmp_path / f"{n}.jpg", colour=(n, n, n)) for n in range(2)]).photos
    memory = save_memory(ctx, "Two photos", MemoryDate(2024, 1, 1),
                         photos=[(photos[0], ""), (photos[1], "")])
    trash = TrashService(ctx)
    trash.trash_photo(memory.photos[1].uuid)
    assert len(MemoryService(ctx).get(memory.uuid).photos) == 1
    assert trash.empty() == 1
    assert not ctx.media.contains(photos[1].sha256, "jpg")
    assert ctx.media.contains(photos[0].sha256, "jpg")


def pdf_text(page) -> str:  # noqa: ANN001
    """A PDF page's text, whitespace folded and ligatures (ﬀ, ﬁ) undone."""
    return " ".join(unicodedata.normalize("NFKC", page.extract_text()).split())


# ---- command line ------------------------------------------------------------------------------
def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("LOVEBRIDGE_DATA_DIR", None)
    return subprocess.run([sys.executable, "-m", "lovebridge", *args], capture_output=True,
                          text=True, env=env, timeout=90, cwd=ROOT)


def test_cli_imports_searches_and_makes_a_book(tmp_path: Path) -> None:
    from pypdf import PdfReader

    data = str(tmp_path / "data")
    make_photo(tmp_path / "in" / "a.jpg", taken=datetime(2025, 6, 14, 10, 0))
    make_corrupt_jpeg(tmp_path / "in" / "b.jpg")
    result = run_cli("--data-dir", data, "scrapbook", "import", str(tmp_path / "in"),
                     "--title", "Sea swim")
    assert result.returncode == 0, result.stderr
    assert "14 June 2025" in result.stdout and "b.jpg" in result.stderr
    assert "Sea swim" in run_cli("--data-dir", data, "scrapbook", "search", "swim").stdout
    out = tmp_path / "book.pdf"
    result = run_cli("--data-dir", data, "scrapbook", "book", "--year", "2025", "--out", str(out))
    assert result.returncode == 0, result.stderr
    pages = PdfReader(out).pages
    assert len(pages) == 2 and "Sea swim" in pdf_text(pages[1])
    empty = run_cli("--data-dir", data, "scrapbook", "book", "--year", "2019", "--out",
                    str(tmp_path / "none.pdf"))
    assert empty.returncode == 1 and "no memories from 2019" in empty.stderr




# ---- search: same answers through the index-walking queries --------------------------------------
def harbour_memories(ctx: AppContext, tmp_path: Path) -> list:
    """45 memories: most mention the harbour, some have two photos, dates and tags vary."""
    photos = PhotoImporter(ctx).import_files(
        [make_photo(tmp_path / f"s{n}.jpg", colour=(n * 60, 90, 90)) for n in range(3)]).photos
    made = []
    for number in range(45):
        when = (MemoryDate(2015 + number % 6, 1 + number % 12) if number % 7 == 0
                else MemoryDate(2015 + number % 6, 1 + number % 12, 1 + number % 28))
        made.append(save_memory(
            ctx, f"Harbour walk {number}" if number % 5 else f"Quiet day {number}", when,
            story="gulls and chips" if number % 2 else "rain on the window",
            tags=("sea",) if number % 2 else ("home",), favourite=number % 4 == 0,
            added_by="b" if number % 3 == 0 else "a",
            photos=[(photos[number % 3], ""), (photos[(number + 1) % 3], "")]
            if number % 3 else []))
    return made


def test_search_pages_keep_the_timeline_order_covers_and_filters(
        ctx: AppContext, tmp_path: Path) -> None:
    made = harbour_memories(ctx, tmp_path)
    TrashService(ctx).trash_memory(made[1].uuid)  # a match in the trash is not a result
    service = MemoryService(ctx)
    timeline = service.timeline(0, 100)  # no words: the plain date-ordered timeline
    by_uuid = {memory.uuid: memory for memory in made}

    def expected(keep) -> list[str]:  # noqa: ANN001
        return [s.uuid for s in timeline if "Harbour" in s.title and keep(by_uuid[s.uuid])]

    hits = expected(lambda m: True)
    assert made[1].uuid not in hits and len(hits) == 35
    assert service.count(Filters(text="harb")) == len(hits)
    paged = []
    for offset in range(0, len(hits) + 7, 7):  # small pages, as scrolling would fetch them
        paged += service.timeline(offset, 7, Filters(text="harb"))
    assert [s.uuid for s in paged] == hits
    for summary in paged:
        memory = by_uuid[summary.uuid]
        assert summary.photo_count == len(memory.photos)
        if memory.photos:
            assert summary.cover is not None
            assert summary.cover.photo_id == memory.photos[0].photo.photo_id
        else:
            assert summary.cover is None
    for filters, keep in (
        (Filters(text="harbour", tag="sea"), lambda m: "sea" in m.tags),
        (Filters(text="harbour", year=2017), lambda m: m.when.year == 2017),
        (Filters(text="harbour", favourites_only=True), lambda m: m.favourite),
        (Filters(text="harbour", added_by="b"), lambda m: m.added_by == "b"),
        (Filters(text="harbour gulls", tag="sea", added_by="a"),
         lambda m: "gulls" in m.story_text and m.added_by == "a"),
    ):
        assert service.count(filters) == len(expected(keep)) > 0, filters
        assert [s.uuid for s in service.timeline(0, 100, filters)] == expected(keep), filters


def test_word_search_walks_covering_indexes_not_every_matching_row(
        ctx: AppContext, tmp_path: Path) -> None:
    """The count and the page test ids against the matches while scanning a covering index;
    looking up each matching row (long story and all) made typing 3x slower on a big library."""
    harbour_memories(ctx, tmp_path)
    statements: list[tuple[str, object]] = []

    def capture(conn, cursor, statement, parameters, context, executemany) -> None:  # noqa: ANN001
        if "MATCH" in statement:
            statements.append((statement, parameters))

    event.listen(ctx.store.engine, "before_cursor_execute", capture)
    try:
        service = MemoryService(ctx)
        service.count(Filters(text="harbour"))
        service.timeline(0, 10, Filters(text="harbour"))
    finally:
        event.remove(ctx.store.engine, "before_cursor_execute", capture)
    assert len(statements) == 2
    with ctx.store.engine.connect() as connection:
        for statement, parameters in statements:
            plan = [row[-1] for row in connection.exec_driver_sql(
                "EXPLAIN QUERY PLAN " + statement, parameters)]
            assert any(step.startswith("SCAN memory USING COVERING INDEX") for step in plan), plan


# ---- thumbnails: scaled first, then turned and flattened -----------------------------------------
@pytest.mark.parametrize("orientation", range(1, 9))
def test_thumbnails_stand_upright_for_every_exif_orientation(tmp_path: Path,
                                                             orientation: int) -> None:
    picture = Image.new("RGB", (1600, 900), (200, 120, 80))
    picture.paste((250, 250, 250), (0, 0, 800, 900))
    picture.paste((10, 10, 10), (0, 0, 400, 200))  # a corner mark: every turn and flip differs
    exif = Image.Exif()
    exif[0x0112] = orientation
    source = tmp_path / f"o{orientation}.jpg"
    picture.save(source, "JPEG", quality=92, exif=exif)
    with Image.open(source) as full:
        expected = ImageOps.exif_transpose(full)  # Pillow's own reading of the tag, full size
    expected.thumbnail((480, 480), Image.Resampling.LANCZOS)
    thumb = images.decode_scaled(source, 480)
    assert thumb.mode == "RGB" and thumb.size == expected.size
    assert max(ImageStat.Stat(ImageChops.difference(thumb, expected)).mean) < 6


def test_transparent_gif_thumbnail_is_flattened_on_white(tmp_path: Path) -> None:
    picture = Image.new("RGBA", (1200, 600), (0, 0, 0, 0))
    picture.paste((200, 30, 40, 255), (600, 0, 1200, 600))
    source = tmp_path / "sticker.gif"
    picture.save(source, "GIF")
    thumb = images.decode_scaled(source, 480)
    assert thumb.mode == "RGB" and thumb.size == (480, 240)
    assert thumb.getpixel((60, 120)) == (255, 255, 255)  # transparent: white, not black
    red = thumb.getpixel((420, 120))
    assert red[0] > 180 and red[1] < 60  # and smooth, not nearest-neighbour palette indexes
