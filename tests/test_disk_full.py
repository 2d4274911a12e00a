"""A full disk or a read-only folder: a clear store error, and nothing saved before is harmed."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from lovebridge.core.backup import BackupError, create_backup
from lovebridge.store import StoreFullError, StoreReadOnlyError, open_store
from lovebridge.store.media import MediaStore, write_atomically
from lovebridge.store.models import Message


class QuotaMediaStore(MediaStore):
    """A photo library on a nearly full disk: writes beyond `quota` bytes fail with ENOSPC."""

    def __init__(self, root: Path, quota: int) -> None:
        super().__init__(root)
        self.quota = quota
        self.used = 0

    def _write(self, target: Path, data: bytes) -> None:
        if self.used + len(data) > self.quota:
            raise OSError(errno.ENOSPC, "No space left on device", str(target))
        write_atomically(target, data)
        self.used += len(data)


class ReadOnlyMediaStore(MediaStore):
    def _write(self, target: Path, data: bytes) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(target))


def limit_pages(store, pages: int) -> None:  # noqa: ANN001
    """Every new connection of `store` may grow the file to `pages` pages only."""
    store.engine.dispose()
    event.listen(store.engine, "connect",
                 lambda conn, _rec: conn.execute(f"PRAGMA max_page_count={pages}"))


def count_messages(store) -> int:  # noqa: ANN001
    with store.session_scope() as session:
        return session.scalar(select(func.count()).select_from(Message))


def test_a_full_database_raises_store_full_and_keeps_what_was_saved(ctx) -> None:
    with ctx.store.session_scope() as session:
        session.add_all(Message(body_text=f"kept {i}") for i in range(20))
    connection = ctx.store.raw_connection()
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.close()
    limit_pages(ctx.store, pages + 2)
    with pytest.raises(StoreFullError, match="disk is full") as caught:
        for i in range(200):
            with ctx.store.session_scope() as session:
                session.add(Message(body_text=f"big {i} " + "z" * 20_000))
    assert "Everything saved before is safe" in str(caught.value)
    saved_before_full = count_messages(ctx.store)
    assert saved_before_full >= 20
    ctx.store.close()
    reopened = open_store(ctx.paths.database)
    assert reopened.integrity_problems(quick=False) == []
    assert count_messages(reopened) == saved_before_full
    with reopened.session_scope() as session:
        kept = {m.body_text for m in session.scalars(select(Message))}
    assert {f"kept {i}" for i in range(20)} <= kept
    reopened.close()


def test_a_read_only_database_raises_store_read_only(ctx) -> None:
    with ctx.store.session_scope() as session:
        session.add(Message(body_text="safe"))
    ctx.store.engine.dispose()
    event.listen(ctx.store.engine, "connect",
                 lambda conn, _rec: conn.execute("PRAGMA query_only=ON"))
    with pytest.raises(StoreReadOnlyError, match="cannot be written"), \
            ctx.store.session_scope() as session:
        session.add(Message(body_text="lost? no: refused"))
    assert count_messages(ctx.store) == 1


def test_photos_beyond_the_quota_raise_store_full_and_leave_no_partial_file(ctx) -> None:
    media = QuotaMediaStore(ctx.paths.photos, quota=10_000)
    first = media.add_bytes(b"a" * 6000, "jpg")
    with pytest.raises(StoreFullError):
        media.add_bytes(b"b" * 6000, "jpg")
    assert first.path.read_bytes() == b"a" * 6000
    assert media.leftover_temp_files() == []
    assert sorted(p.name for p in ctx.paths.photos.rglob("*.jpg")) == [first.path.name]


def test_a_read_only_photo_folder_raises_store_read_only(ctx) -> None:
    with pytest.raises(StoreReadOnlyError, match="read-only"):
        ReadOnlyMediaStore(ctx.paths.photos).add_bytes(b"photo", "jpg")


def test_a_backup_onto_a_full_disk_fails_clearly_and_leaves_no_half_file(ctx, tmp_path,
                                                                         monkeypatch) -> None:
    import lovebridge.core.backup.create as create_module

    real_copy = create_module._copy_member

    def full_after_database(source, archive, name, compress, advance):  # noqa: ANN001, ANN202
        if name.startswith("photos/"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_copy(source, archive, name, compress, advance)

    ctx.media.add_bytes(b"photo bytes", "jpg")
    monkeypatch.setattr(create_module, "_copy_member", full_after_database)
    with pytest.raises(BackupError, match="disk is full"):
        create_backup(ctx.store, ctx.paths, tmp_path / "full.lovebridge", now=ctx.now())
    assert list(tmp_path.glob("*full.lovebridge")) == []
    assert not list(ctx.paths.data.glob(".backup-work-*"))


def test_a_read_only_or_full_data_folder_is_explained_before_anything_opens(paths, monkeypatch):
    import tempfile

    from lovebridge.core.data_folder import data_folder_problem

    assert data_folder_problem(paths) is None
    for code, words in ((errno.EROFS, "cannot be written"), (errno.EACCES, "cannot be written"),
                        (errno.ENOSPC, "disk is full")):
        def refuse(*_args, code=code, **_kwargs):  # noqa: ANN002, ANN003, ANN202
            raise OSError(code, "refused")

        monkeypatch.setattr(tempfile, "mkstemp", refuse)
        assert words in data_folder_problem(paths)
