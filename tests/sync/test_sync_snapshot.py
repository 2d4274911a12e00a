"""A new laptop starts from the first laptop's snapshot: the whole shared library, its photos
and nothing private; a snapshot that is altered, oversized or names a file outside the photo
folder is set aside with a note, and one still waiting for its photos waits."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from PIL import Image
from sqlalchemy import select

from lovebridge.core.scrapbook.photo_import import PhotoImporter
from lovebridge.core.scrapbook.records import MemoryDate, MemoryDraft, PhotoPlacement
from lovebridge.core.scrapbook.service import MemoryService
from lovebridge.core.sync.folder import write_whole_with
from lovebridge.core.sync.snapshot_db import SnapshotReader, build_snapshot_db
from lovebridge.core.sync.stream import open_stream, seal_stream
from lovebridge.store.models import Memory, Photo
from lovebridge.store.models.sync import SyncField, SyncState
from tests.sync.helpers import make_laptop


def _photo(path: Path, colour: str) -> Path:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def _library(laptop, tmp_path: Path) -> dict[str, str]:
    """A shared memory with a photo and tags, and a memory marked "Private to me"."""
    service = MemoryService(laptop.ctx)
    ref, _new = PhotoImporter(laptop.ctx).import_one(_photo(tmp_path / "beach.jpg", "orange"))
    shared = service.save(MemoryDraft("Beach", MemoryDate(2025, 8), tags=("sea",),
                                      story_text="sand everywhere",
                                      photos=(PhotoPlacement(photo_id=ref.photo_id,
                                                             caption="sun"),)))
    hidden, _new = PhotoImporter(laptop.ctx).import_one(_photo(tmp_path / "mine.jpg", "navy"))
    mine = service.save(MemoryDraft("Only mine", MemoryDate(2025, 9), tags=("secret-tag",),
                                    story_text="a poem I keep", private=True,
                                    photos=(PhotoPlacement(photo_id=hidden.photo_id),)))
    return {"shared": shared.uuid, "mine": mine.uuid}


def _snapshot_file(laptop) -> Path:
    ident = laptop.engine.identity()
    [path] = (ident.layout.device(ident.device) / "snapshots").iterdir()
    return path


@pytest.fixture
def copied_whole(monkeypatch) -> list:
    """Each time a snapshot was taken in by copying (not merged field by field)."""
    calls: list = []
    original = SnapshotReader.load_into_empty

    def spy(self, *args):
        loaded = original(self, *args)
        calls.append(loaded is not None)
        return loaded

    monkeypatch.setattr(SnapshotReader, "load_into_empty", spy)
    return calls


def _notes(laptop) -> list[str]:
    return [reason for _path, reason in laptop.engine.status().notes]


def _titles(laptop) -> list[str]:
    with laptop.ctx.store.session_scope() as s:
        return sorted(s.scalars(select(Memory.title)))


def test_a_new_laptop_gets_the_shared_library_with_its_photos_and_nothing_private(
        tmp_path: Path, copied_whole) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    maya, jonah = make_laptop(tmp_path, "maya"), make_laptop(tmp_path, "jonah")
    try:
        keys = _library(maya, tmp_path)
        code = maya.engine.setup_new(shared)
        jonah.engine.setup_join(shared, code)
        assert _titles(jonah) == ["Beach"]
        assert copied_whole == [True]  # copied in whole, not merged field by field
        arrived = MemoryService(jonah.ctx).get(keys["shared"])
        assert [p.caption for p in arrived.photos] == ["sun"] and list(arrived.tags) == ["sea"]
        with jonah.ctx.store.session_scope() as s:
            [(sha,)] = s.execute(select(Photo.sha256)).all()
            merged_keys = set(s.scalars(select(SyncField.key)))
            jonah_device = s.execute(select(SyncState.value).where(
                SyncState.key == "device")).scalar()
        ident, maya_ident = jonah.engine.identity(), maya.engine.identity()
        assert jonah.ctx.media.read_bytes(sha, "jpg") == (tmp_path / "beach.jpg").read_bytes()
        assert keys["mine"] not in merged_keys and keys["shared"] in merged_keys
        # Jonah's own keys and device stay his own (sharing's settings never travel).
        assert jonah_device == ident.device != maya_ident.device
        assert ident.public_key != maya_ident.public_key
        assert MemoryService(jonah.ctx).tags() == ["sea"]
        assert [m.title for m in MemoryService(jonah.ctx).timeline(0, 10)] == ["Beach"]

        # What the snapshot holds, decrypted: not a trace of the private memory or its tag.
        plain = tmp_path / "opened.db"
        with plain.open("wb") as out:
            header = open_stream(ident.keys, _snapshot_file(maya),
                                 lambda d: maya_ident.public_key, {}, out, 1 << 30)
        connection = sqlcipher.connect(str(plain))
        connection.execute(f"PRAGMA key = \"x'{header['db_key']}'\"")
        names = [r[0] for r in connection.execute("SELECT name FROM sqlite_master")]
        dump = repr(names) + "".join(repr(connection.execute(f'SELECT * FROM "{n}"').fetchall())
                                     for n in names)
        # Every page as plain bytes too (free pages included): nothing was ever written there.
        connection.execute(f"ATTACH DATABASE '{tmp_path / 'pages.db'}' AS pages KEY ''")
        connection.execute("SELECT sqlcipher_export('pages')")
        connection.close()
        pages = (tmp_path / "pages.db").read_bytes()
        assert b"sand everywhere" in pages and b"a poem I keep" not in pages
        assert "Beach" in dump and "sand everywhere" in dump
        private_photo = hashlib.sha256((tmp_path / "mine.jpg").read_bytes()).hexdigest()
        for secret in ("Only mine", "a poem I keep", "secret-tag", keys["mine"], private_photo,
                       "sync_state", "sync_change", "reminder_shown"):
            assert secret not in dump
        assert len(list(shared.rglob("*.lbp"))) == 1  # the private memory's photo stayed too

        # Sharing goes on both ways afterwards.
        MemoryService(jonah.ctx).save(MemoryDraft("From Jonah", MemoryDate(2026)))
        jonah.engine.sync_now()
        maya.engine.sync_now()
        assert "From Jonah" in _titles(maya)
    finally:
        maya.close()
        jonah.close()


def test_a_library_with_rows_of_its_own_merges_the_snapshot(tmp_path: Path,
                                                           copied_whole) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    maya, jonah = make_laptop(tmp_path, "maya"), make_laptop(tmp_path, "jonah")
    try:
        _library(maya, tmp_path)
        MemoryService(jonah.ctx).save(MemoryDraft("Jonah's own", MemoryDate(2020)))
        diary, _new = PhotoImporter(jonah.ctx).import_one(_photo(tmp_path / "diary.jpg", "teal"))
        MemoryService(jonah.ctx).save(MemoryDraft(
            "Jonah's diary", MemoryDate(2021), private=True,
            photos=(PhotoPlacement(photo_id=diary.photo_id),)))
        code = maya.engine.setup_new(shared)
        jonah.engine.setup_join(shared, code)
        maya.engine.sync_now()
        assert _titles(jonah) == ["Beach", "Jonah's diary", "Jonah's own"]
        assert copied_whole == []  # merged: Jonah's own memory stays with the partner's
        # The photo of Jonah's private memory never left his laptop.
        with maya.ctx.store.session_scope() as s:
            assert len(s.execute(select(Photo.sha256)).all()) == 2  # Maya's own two
        assert len(list(shared.rglob("*.lbp"))) == 1
        assert _titles(maya) == ["Beach", "Jonah's own", "Only mine"]
    finally:
        maya.close()
        jonah.close()


def _started(tmp_path: Path):
    shared = tmp_path / "shared"
    shared.mkdir()
    maya, jonah = make_laptop(tmp_path, "maya"), make_laptop(tmp_path, "jonah")
    _library(maya, tmp_path)
    return shared, maya, jonah, maya.engine.setup_new(shared)


def test_an_altered_snapshot_is_set_aside_and_the_true_one_read_later(tmp_path: Path) -> None:
    shared, maya, jonah, code = _started(tmp_path)
    try:
        path = _snapshot_file(maya)
        good = path.read_bytes()
        for where in (len(good) // 2, len(good) - 10):  # a chunk, then the signature
            bad = bytearray(good)
            bad[where] ^= 0x01
            path.write_bytes(bytes(bad))
            if jonah.engine.identity() is None:
                jonah.engine.setup_join(shared, code)
            else:
                jonah.engine.sync_now()
            assert _titles(jonah) == []
        assert any("altered" in n for n in _notes(jonah))
        assert any("signature" in n for n in _notes(jonah))
        path.write_bytes(good[: len(good) // 2])  # half-copied: cut short
        jonah.engine.sync_now()
        assert _titles(jonah) == []
        path.write_bytes(good)
        jonah.engine.sync_now()
        assert _titles(jonah) == ["Beach"]
    finally:
        maya.close()
        jonah.close()


def test_an_oversized_snapshot_is_not_read(tmp_path: Path) -> None:
    shared, maya, jonah, code = _started(tmp_path)
    try:
        path = _snapshot_file(maya)
        with path.open("r+b") as handle:
            handle.truncate(5 * 1024 ** 3)  # sparse: costs no disk
        jonah.engine.setup_join(shared, code)
        assert _titles(jonah) == []
        assert any("far larger" in n for n in _notes(jonah))
    finally:
        maya.close()
        jonah.close()


def test_a_snapshot_naming_a_photo_outside_the_photo_folder_is_refused(tmp_path: Path) -> None:
    shared, maya, jonah, code = _started(tmp_path)
    try:
        # Maya's own key signs it: only what it says is wrong.
        ident = maya.engine.identity()
        work = tmp_path / "forge"
        work.mkdir()
        key = b"k" * 32
        build_snapshot_db(maya.ctx.store, work / "s.db", key)
        connection = sqlcipher.connect(str(work / "s.db"))
        connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        connection.execute("UPDATE photo SET extension = '../../../evil'")
        connection.commit()
        connection.close()
        path = _snapshot_file(maya)
        header = {"device": ident.device, "kind": "snapshot", "snapshot": 1, "own_seq": 0,
                  "seen": {}, "db_key": key.hex()}
        write_whole_with(path, lambda out: seal_stream(ident.keys, ident.signer, header,
                                                       work / "s.db", out))
        jonah.engine.setup_join(shared, code)
        assert _titles(jonah) == []
        assert not list(tmp_path.rglob("evil*"))
        assert any("outside the photo folder" in n for n in _notes(jonah))
    finally:
        maya.close()
        jonah.close()


def test_a_snapshot_waits_for_its_photos(tmp_path: Path) -> None:
    shared, maya, jonah, code = _started(tmp_path)
    try:
        [blob] = shared.rglob("*.lbp")
        data = blob.read_bytes()
        blob.unlink()  # the sync service has not copied it yet
        jonah.engine.setup_join(shared, code)
        assert _titles(jonah) == [] and _notes(jonah) == []
        blob.write_bytes(data)
        jonah.engine.sync_now()
        assert _titles(jonah) == ["Beach"]
        with jonah.ctx.store.session_scope() as s:
            uuid = s.execute(select(Memory.uuid)).scalar()
        assert [p.caption for p in MemoryService(jonah.ctx).get(uuid).photos] == ["sun"]
    finally:
        maya.close()
        jonah.close()


def _locked_laptop(root: Path, name: str):
    """A laptop with the lock on: its database and its photos are encrypted at rest."""
    import os

    from lovebridge.core.context import AppContext
    from lovebridge.core.sync.engine import SyncEngine
    from lovebridge.paths import resolve_paths
    from lovebridge.store import open_store
    from tests.sync.helpers import FAST_ARGON, Laptop

    paths = resolve_paths(root / name).ensure()
    ctx = AppContext(paths=paths, store=open_store(paths.database, os.urandom(32)),
                     file_key=os.urandom(32))
    clock = [1_790_000_000_000]
    return Laptop(ctx, SyncEngine(ctx, wall=lambda: clock[0], argon_params=FAST_ARGON), clock)


def test_locked_laptops_share_a_first_sync_and_leave_nothing_readable_behind(
        tmp_path: Path, copied_whole) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    maya, jonah = _locked_laptop(tmp_path, "maya"), _locked_laptop(tmp_path, "jonah")
    try:
        keys = _library(maya, tmp_path)
        jonah.engine.setup_join(shared, maya.engine.setup_new(shared))
        assert _titles(jonah) == ["Beach"]
        assert copied_whole == [True]  # copied in whole, not merged field by field
        arrived = MemoryService(jonah.ctx).get(keys["shared"])
        [placed] = arrived.photos
        with jonah.ctx.store.session_scope() as s:
            [(sha,)] = s.execute(select(Photo.sha256)).all()
        original = (tmp_path / "beach.jpg").read_bytes()
        assert jonah.ctx.media.read_bytes(sha, "jpg") == original
        assert jonah.ctx.media.path_for(sha, "jpg").read_bytes() != original  # sealed at rest
        for laptop in ("maya", "jonah"):  # no temporary snapshot is left in either data folder
            assert not list((tmp_path / laptop).glob(".sync-snapshot-*"))
        for path in tmp_path.rglob("*"):
            if path.is_file() and path.name != "beach.jpg":
                assert b"sand everywhere" not in path.read_bytes()
    finally:
        maya.close()
        jonah.close()


def test_an_edit_on_the_new_laptop_wins_even_when_its_clock_is_a_day_behind(
        tmp_path: Path, copied_whole) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    day = 24 * 3600 * 1000
    maya = make_laptop(tmp_path, "maya")
    jonah = make_laptop(tmp_path, "jonah", wall_start=maya.clock[0] - day)
    try:
        keys = _library(maya, tmp_path)
        jonah.engine.setup_join(shared, maya.engine.setup_new(shared))
        assert copied_whole == [True]
        service = MemoryService(jonah.ctx)
        service.save(MemoryDraft("Beach at dusk", MemoryDate(2025, 8), uuid=keys["shared"],
                                 photos=service.get(keys["shared"]).photos))
        jonah.engine.sync_now()
        maya.engine.sync_now()
        assert MemoryService(maya.ctx).get(keys["shared"]).title == "Beach at dusk"
    finally:
        maya.close()
        jonah.close()


def test_a_snapshot_shorter_than_its_size_said_is_half_copied(tmp_path: Path,
                                                               monkeypatch) -> None:
    """A sync app still writing the file in place: it ends before the size read a moment
    earlier. That is a half-copied file (set aside, read later), not a failed exchange."""
    import os as _os

    from lovebridge.core.sync.crypto import SealedFileError

    shared, maya, jonah, code = _started(tmp_path)
    try:
        path = _snapshot_file(maya)
        good = path.read_bytes()
        ident = maya.engine.identity()
        path.write_bytes(good[: len(good) - 100])
        real_stat = type(path).stat

        def size_before_the_cut(self, *args, **kwargs):  # noqa: ANN001, ANN202
            found = real_stat(self, *args, **kwargs)
            if self == path:
                values = list(found)
                values[6] = len(good)  # st_size as it was when looked at
                return _os.stat_result(values)
            return found

        monkeypatch.setattr(type(path), "stat", size_before_the_cut)
        with (tmp_path / "out.db").open("wb") as out, pytest.raises(SealedFileError,
                                                                    match="ends early"):
            open_stream(ident.keys, path, lambda d: ident.public_key, {}, out, 1 << 30)
    finally:
        maya.close()
        jonah.close()
