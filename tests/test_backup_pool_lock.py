"""The pool of automatic backups under the privacy lock: sealed while on, usable either way."""

from __future__ import annotations

import hashlib
import os
from datetime import timedelta
from pathlib import Path

import pytest

from lovebridge.core.backup import (
    BackupRefusedError,
    PoolIncompleteError,
    make_automatic_backup,
    newest_good_backup,
    restore_backup,
)
from lovebridge.core.backup.pool import pool_root, refs_file
from lovebridge.core.backup.sealed import is_sealed
from lovebridge.core.privacy.lock import DataKeys, turn_lock_off, turn_lock_on
from lovebridge.store import open_store
from lovebridge.store.media import MediaStore
from lovebridge.store.models import Photo
from tests.crash.library import populate
from tests.privacy.lock_worker import FAST

SECRET = b"POOL-PHOTO-SECRET"


def add_photo(store, media: MediaStore, tag: int) -> tuple[str, bytes]:  # noqa: ANN001
    data = b"\xff\xd8" + SECRET + os.urandom(30_000) + bytes([tag])
    stored = media.add_bytes(data, "jpg")
    with store.session_scope() as session:
        session.add(Photo(sha256=stored.sha256, extension="jpg", byte_size=len(data)))
    return stored.sha256, data


def pool_files(paths) -> list[Path]:  # noqa: ANN001
    return [p for p in pool_root(paths).rglob("*") if p.is_file()]


def library_photos(paths, file_key: bytes | None) -> dict[str, bytes]:  # noqa: ANN001
    media = MediaStore(paths.photos, file_key)
    return {p.name: media.unseal(f"photo/{p.name}", p.read_bytes())
            for p in paths.photos.rglob("*.jpg")}


def readable_secrets(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob("*") if p.is_file() and SECRET in p.read_bytes()]


def test_the_pool_is_sealed_while_the_lock_is_on_and_usable_on_both_sides(ctx) -> None:
    paths = ctx.paths
    populate(ctx, notes=3, memories=1)
    for n in range(5):
        add_photo(ctx.store, ctx.media, n)
    photos = {hashlib.sha256(d).hexdigest(): d for d in library_photos(paths, None).values()}
    make_automatic_backup(ctx.store, paths, ctx.now() - timedelta(days=2))
    assert readable_secrets(paths.backups)  # unlocked: the pool holds the photos as they are
    ctx.store.close()

    data_key, _code = turn_lock_on(paths, {"a": "kitchen radio"}, FAST)
    keys = DataKeys.from_data_key(data_key)
    # turning the lock on converted the pool and the hash lists with the archives
    assert pool_files(paths) and all(is_sealed(p) for p in pool_files(paths))
    assert readable_secrets(paths.backups) == []

    store = open_store(paths.database, keys.database)
    media = MediaStore(paths.photos, keys.files)
    try:
        reused = make_automatic_backup(store, paths, ctx.now() - timedelta(days=1),
                                       file_key=keys.files)
        assert reused.photo_bytes_written == 0  # sealed pool files are recognised, not re-copied
        sha, data = add_photo(store, media, 99)
        photos[sha] = data
        locked = make_automatic_backup(store, paths, ctx.now(), file_key=keys.files)
        assert locked.photo_bytes_written == len(data)
        assert all(is_sealed(p) for p in paths.backups.rglob("*") if p.is_file())
        assert is_sealed(refs_file(paths, locked.path.name))
        assert readable_secrets(paths.backups) == [] and readable_secrets(paths.data) == []
        assert newest_good_backup(paths) is None  # without the key nothing can be checked
        assert newest_good_backup(paths, keys.files)[0].path == locked.path

        for path in list(paths.photos.rglob("*.jpg")):
            path.unlink()  # the library loses every photo file
        with pytest.raises(BackupRefusedError, match="unlock"):
            restore_backup(locked.path, paths, store, now=ctx.now())
        restore_backup(locked.path, paths, store, now=ctx.now(), file_key=keys.files)
        restored = library_photos(paths, keys.files)
        assert {hashlib.sha256(d).hexdigest(): d for d in restored.values()} == photos
        # restored photos rest sealed, as the library keeps them while locked
        assert all(is_sealed(p) for p in paths.photos.rglob("*.jpg"))
        assert readable_secrets(paths.data) == []
    finally:
        store.close()

    turn_lock_off(paths, data_key)
    assert pool_files(paths) and not any(is_sealed(p) for p in pool_files(paths))
    for path in pool_files(paths):
        if path.parent.name != "refs":
            assert hashlib.sha256(path.read_bytes()).hexdigest() == path.name
    store = open_store(paths.database)
    try:
        after = make_automatic_backup(store, paths, ctx.now() + timedelta(days=1))
        assert after.photo_bytes_written == 0
        for path in list(paths.photos.rglob("*.jpg")):
            path.unlink()
        restore_backup(after.path, paths, store, now=ctx.now())
        assert {hashlib.sha256(d).hexdigest(): d
                for d in library_photos(paths, None).values()} == photos
    finally:
        store.close()


def test_pruning_under_the_lock_reads_the_sealed_lists(ctx) -> None:
    paths = ctx.paths
    populate(ctx, notes=1, memories=0)
    add_photo(ctx.store, ctx.media, 1)
    make_automatic_backup(ctx.store, paths, ctx.now() - timedelta(days=20))
    ctx.store.close()
    data_key, _code = turn_lock_on(paths, {"a": "kitchen radio"}, FAST)
    keys = DataKeys.from_data_key(data_key)
    store = open_store(paths.database, keys.database)
    try:
        for path in list(paths.photos.rglob("*.jpg")):
            path.unlink()
        make_automatic_backup(store, paths, ctx.now() - timedelta(days=1), file_key=keys.files)
        assert len([p for p in pool_files(paths) if p.parent.name != "refs"]) == 1  # still needed
        for day in range(30, 60, 3):  # five newer weeks push the old ones out, photo and all
            make_automatic_backup(store, paths, ctx.now() + timedelta(days=day),
                                  file_key=keys.files)
        kept = [p for p in pool_files(paths) if p.parent.name != "refs"]
        assert kept == []
    finally:
        store.close()


def test_a_pool_part_way_through_a_change_of_the_lock_still_restores(ctx) -> None:
    """A crash while the lock is turned on leaves some pool files sealed, some plain."""
    from lovebridge.core.backup.pool import pool_identity
    from lovebridge.store.file_cipher import decrypt_bytes

    paths = ctx.paths
    populate(ctx, notes=2, memories=0)
    for n in range(6):
        add_photo(ctx.store, ctx.media, n)
    ctx.store.close()
    data_key, _code = turn_lock_on(paths, {"a": "kitchen radio"}, FAST)
    keys = DataKeys.from_data_key(data_key)
    store = open_store(paths.database, keys.database)
    try:
        backup = make_automatic_backup(store, paths, ctx.now(), file_key=keys.files)
        expected = library_photos(paths, keys.files)
        photos = sorted(p for p in pool_files(paths) if p.parent.name != "refs")
        for path in photos[::2]:  # as if the conversion had reached only some of them
            path.write_bytes(decrypt_bytes(keys.files, pool_identity(path.name),
                                           path.read_bytes()))
        again = make_automatic_backup(store, paths, ctx.now() + timedelta(days=1),
                                      file_key=keys.files)
        assert again.photo_bytes_written == 0
        for path in list(paths.photos.rglob("*.jpg")):
            path.unlink()
        restore_backup(backup.path, paths, store, now=ctx.now(), file_key=keys.files)
        assert library_photos(paths, keys.files) == expected
        sealed = photos[1]  # still sealed: an altered byte fails its authentication
        assert is_sealed(sealed)
        data = bytearray(sealed.read_bytes())
        data[-3] ^= 0x10
        sealed.write_bytes(bytes(data))
        with pytest.raises(PoolIncompleteError, match="damaged or altered") as refused:
            restore_backup(backup.path, paths, store, now=ctx.now(), file_key=keys.files)
        assert len(refused.value.damaged) == 1 and library_photos(paths, keys.files) == expected
    finally:
        store.close()
