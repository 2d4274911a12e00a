"""The store: pragmas, permissions, round trips, integrity, and refusing what it cannot open."""

import os
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from lovebridge.core.profile import CoupleProfile, ProfileService
from lovebridge.store import DatabaseDamagedError, NewerDatabaseError, open_store
from lovebridge.store.media import MediaStore
from lovebridge.store.models import Memory, MemoryPhoto, Message, Photo, Plan, Tag


def test_connection_pragmas(ctx) -> None:
    with ctx.store.engine.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("synchronous") == 2  # FULL
        assert pragma("busy_timeout") == 5000


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_folders_and_database_are_owner_only(ctx) -> None:
    for folder in (ctx.paths.data, ctx.paths.cache, ctx.paths.logs, ctx.paths.photos):
        assert oct(folder.stat().st_mode & 0o777) == "0o700", folder
    assert oct(ctx.paths.database.stat().st_mode & 0o777) == "0o600"


def test_profile_round_trip_survives_reopen(ctx) -> None:
    profiles = ProfileService(ctx.store)
    assert profiles.load() is None
    profiles.save(CoupleProfile("Iris", "Tomás", date(2012, 2, 29), ("oat milk", "the bus")))
    ctx.store.close()
    reopened = open_store(ctx.paths.database)
    loaded = ProfileService(reopened).load()
    reopened.close()
    assert loaded == CoupleProfile("Iris", "Tomás", date(2012, 2, 29), ("oat milk", "the bus"))


def test_profile_needs_both_names(ctx) -> None:
    with pytest.raises(ValueError, match="Both first names"):
        ProfileService(ctx.store).save(CoupleProfile("Iris", "  "))


def test_records_carry_uuid_and_timestamps(ctx) -> None:
    with ctx.store.session_scope() as session:
        message = Message(body_text="Thank you for this morning.", author="a")
        session.add(message)
    assert len(message.uuid) == 36
    assert message.created_at.tzinfo is not None
    first_update = message.updated_at
    with ctx.store.session_scope() as session:
        again = session.get(Message, message.id)
        again.status = "given"
    assert again.updated_at >= first_update


def test_memory_with_photos_and_tags_round_trip(ctx, tmp_path: Path) -> None:
    media = MediaStore(ctx.paths.photos)
    stored = media.add_bytes(b"\xff\xd8pretend-jpeg", "jpg")
    with ctx.store.session_scope() as session:
        photo = Photo(sha256=stored.sha256, extension="jpg", byte_size=stored.byte_size)
        memory = Memory(title="Lake day", date_year=2024, date_month=7, place="Lake Bled")
        memory.tags = [Tag(name="summer"), Tag(name="swimming")]
        memory.photos = [MemoryPhoto(photo=photo, position=0, caption="cold!")]
        session.add(memory)
    with ctx.store.session_scope() as session:
        loaded = session.scalars(select(Memory)).one()
        assert [t.name for t in loaded.tags] == ["summer", "swimming"]
        assert loaded.photos[0].caption == "cold!"
        assert media.read_bytes(loaded.photos[0].photo.sha256, "jpg") == b"\xff\xd8pretend-jpeg"


def test_foreign_keys_are_enforced(ctx) -> None:
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), ctx.store.session_scope() as session:
        session.add(MemoryPhoto(memory_id=999, photo_id=999))


def test_plan_keeps_aware_times(ctx) -> None:
    start = datetime(2026, 3, 27, 18, 0, tzinfo=UTC)
    with ctx.store.session_scope() as session:
        session.add(Plan(title="Friday", starts_at=start, timezone="Europe/Berlin",
                         rrule="FREQ=WEEKLY;BYDAY=FR"))
    with ctx.store.session_scope() as session:
        assert session.scalars(select(Plan)).one().starts_at == start


def test_naive_datetimes_are_refused(ctx) -> None:
    with pytest.raises(Exception, match="timezone-aware"), ctx.store.session_scope() as session:
        session.add(Plan(title="x", starts_at=datetime(2026, 1, 1, 19, 0)))


def test_damaged_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    db = tmp_path / "lovebridge.db"
    store = open_store(db)
    with store.session_scope() as session:
        session.add(Message(body_text="x" * 5000))
    store.close()
    data = bytearray(db.read_bytes())
    for offset in range(4096 + 100, len(data), 997):  # scribble over pages after the header
        data[offset] ^= 0xFF
    db.write_bytes(bytes(data))
    before = db.read_bytes()
    with pytest.raises(DatabaseDamagedError, match="damaged|not a readable"):
        open_store(db)
    assert db.read_bytes() == before


@pytest.mark.parametrize("table", ["memory", "fts_memory_data"])
def test_damage_to_any_one_table_is_found_when_the_library_opens(tmp_path: Path,
                                                                   table: str) -> None:
    """The check at opening goes table by table; the search index's own tables are among them
    (only its word-by-word check against the stories is left to `lovebridge check`)."""
    db = tmp_path / "lovebridge.db"
    store = open_store(db)
    with store.session_scope() as session:
        session.add_all(Memory(title=f"Day {n}", date_year=2024, story_text="the long walk " * 40)
                        for n in range(40))
    store.close()
    raw = sqlite3.connect(db)
    root = raw.execute("SELECT rootpage FROM sqlite_schema WHERE name = ?", (table,)).fetchone()[0]
    page_size = raw.execute("PRAGMA page_size").fetchone()[0]
    raw.close()
    data = bytearray(db.read_bytes())
    start = (root - 1) * page_size
    for offset in range(start + 8, start + page_size, 37):  # that table's first page only
        data[offset] ^= 0x5A
    db.write_bytes(bytes(data))
    with pytest.raises(DatabaseDamagedError):
        open_store(db)


def test_non_database_file_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "lovebridge.db"
    db.write_text("these are not the pages you are looking for " * 200)
    with pytest.raises(DatabaseDamagedError):
        open_store(db)


def test_newer_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    db = tmp_path / "lovebridge.db"
    open_store(db).close()
    raw = sqlite3.connect(db)
    with raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    before = db.read_bytes()
    with pytest.raises(NewerDatabaseError, match="newer version"):
        open_store(db)
    assert db.read_bytes() == before


def test_media_store_writes_once_and_leaves_no_temp_files(tmp_path: Path) -> None:
    media = MediaStore(tmp_path / "photos")
    first = media.add_bytes(b"same bytes", "PNG")
    second = media.add_bytes(b"same bytes", "png")
    assert first.path == second.path and first.path.read_bytes() == b"same bytes"
    assert media.leftover_temp_files() == []
