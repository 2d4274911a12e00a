"""Making a backup: an online-API snapshot of the database, the photos, and a manifest."""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from lovebridge import __version__
from lovebridge.core.backup.manifest import (
    DATABASE_MEMBER,
    MANIFEST_NAME,
    PHOTOS_PREFIX,
    BackupError,
    Manifest,
    MemberInfo,
)
from lovebridge.paths import Paths
from lovebridge.store.errors import StoreFullError
from lovebridge.store.guards import (
    SPACE_MARGIN_BYTES,
    classify_os_error,
    clear_error_for,
    disk_full_message,
    free_bytes,
    write_error_kind,
)
from lovebridge.store.media import CHUNK, fsync_directory, replace_file

if TYPE_CHECKING:  # the data-folder tidying at start-up needs no SQLAlchemy
    from lovebridge.store.db import Store

logger = logging.getLogger(__name__)

BACKUP_SUFFIX = ".lovebridge"
WORK_PREFIX = ".backup-work-"
PARTIAL_PREFIX = ".partial-"

Progress = Callable[[int, int], None]


def progress_counter(progress: Progress | None, total: int,
                     unit: int = 1) -> Callable[[int], None]:
    """An `advance(amount)` that keeps a running count and reports it to `progress` as
    (done, total) in `unit`s (1024 for bytes, so the numbers stay small), never past `total`."""
    done = 0

    def advance(amount: int) -> None:
        nonlocal done
        done += amount
        if progress is not None:
            progress(min(done, total) // unit, max(total // unit, 1))

    return advance


@dataclass(frozen=True)
class BackupResult:
    """A finished backup: where it is, what it holds, how big it is."""

    path: Path
    manifest: Manifest
    size: int
    photo_bytes_written: int | None = None  # photo bytes copied (pooled backups say; else all)


def photo_files(photos: Path) -> list[Path]:
    """Every finished photo file in the library (half-written `.incoming-*` files are skipped)."""
    if not photos.exists():
        return []
    return sorted(
        path for path in photos.rglob("*")
        if path.is_file() and not path.is_symlink() and not path.name.startswith(".incoming-")
    )


def table_counts(connection) -> dict[str, int]:  # noqa: ANN001 - a DB-API connection
    """Rows per table of a database (every table, whichever room made it)."""
    names = [
        row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    return {
        name: connection.execute('SELECT count(*) FROM "' + name.replace('"', '""') + '"')
        .fetchone()[0]
        for name in names
    }


def schema_revision_of(connection) -> str:  # noqa: ANN001
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else ""


def snapshot_database(
    store: Store, work: Path, now: datetime, kind: str
) -> tuple[Path, Callable[..., Manifest]]:
    """A consistent copy of the database in `work`, and a maker of the manifest describing it.

    The maker takes the archive's `members` (and, for a pooled backup, `pooled=`); the
    schema revision and row counts are read from the copy, so they match what is archived.
    """
    snapshot = store.snapshot_to(work / DATABASE_MEMBER)
    connection = store.connect_to(snapshot)
    try:
        counts = table_counts(connection)
        revision = schema_revision_of(connection)
    finally:
        connection.close()

    def describe(members: dict[str, MemberInfo], **extra: object) -> Manifest:
        return Manifest(schema_revision=revision, app_version=__version__, created_at=now,
                        encrypted=store.encrypted, kind=kind, counts=counts, members=members,
                        **extra)

    return snapshot, describe


def _copy_member(source: Path, archive: zipfile.ZipFile, name: str, compress: int,
                 advance: Callable[[int], None]) -> MemberInfo:
    """Stream one file into the archive, hashing the bytes as they go in."""
    digest = hashlib.sha256()
    size = 0
    info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
    info.compress_type = compress
    info.external_attr = (stat.S_IFREG | 0o600) << 16
    with source.open("rb") as handle, archive.open(info, "w", force_zip64=True) as out:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            out.write(chunk)
            size += len(chunk)
            advance(len(chunk))
    return MemberInfo(digest.hexdigest(), size)


def create_backup(
    store: Store,
    paths: Paths,
    target: Path,
    *,
    now: datetime,
    kind: str = "manual",
    progress: Progress | None = None,
) -> BackupResult:
    """Write one `.lovebridge` archive of the database and the photos to `target`.

    The archive is written under a temporary name and renamed into place when complete, so a
    crash or a full disk never leaves a half backup under the real name. Photos are copied as
    stored (already encrypted when the privacy lock is on); the database snapshot is encrypted
    with the store's key by `Store.snapshot_to`.
    """
    check_space_for_backup(store.path, paths.photos, Path(target).parent, paths.data)
    work = Path(tempfile.mkdtemp(prefix=WORK_PREFIX, dir=paths.data))
    try:
        try:
            snapshot, describe = snapshot_database(store, work, now, kind)
        except Exception as exc:  # a full disk under the snapshot: say so, never a traceback
            if write_error_kind(exc) is StoreFullError:
                raise BackupError(disk_full_message(
                    paths.data, store.path.stat().st_size, "write this backup")) from exc
            raise
        return write_archive(target, snapshot, paths.photos, describe, progress)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def check_space_for_backup(database: Path, photos: Path, target_folder: Path,
                           data: Path) -> None:
    """Refuse, before writing anything, a backup the disk has no room for (with how much)."""
    db_size = database.stat().st_size if database.exists() else 0
    photo_size = sum(p.stat().st_size for p in photo_files(photos))
    margin = SPACE_MARGIN_BYTES
    needs = {data: db_size + margin}
    folder = target_folder if target_folder.exists() else target_folder.parent
    needs[folder] = needs.get(folder, 0) + db_size + photo_size + margin
    for place, needed in needs.items():
        free = free_bytes(place)
        if free is not None and free < needed:
            raise BackupError(disk_full_message(place, needed, "write this backup"))


def write_archive(
    target: Path,
    database: Path,
    photos_root: Path,
    describe: Callable[[dict[str, MemberInfo]], Manifest],
    progress: Progress | None = None,
) -> BackupResult:
    """Write a self-contained archive of `database` and every file under `photos_root`.

    Used by `create_backup` and to export an automatic backup as one file (export.py).
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    # A unique temporary name: two backups started in the same second never share a file.
    handle, partial_name = tempfile.mkstemp(prefix=PARTIAL_PREFIX, suffix=target.name,
                                            dir=target.parent)
    os.close(handle)
    partial = Path(partial_name)
    total = 0
    try:
        photos = photo_files(photos_root)
        total = database.stat().st_size + sum(p.stat().st_size for p in photos)
        advance = progress_counter(progress, total, unit=1024)

        members: dict[str, MemberInfo] = {}
        with zipfile.ZipFile(partial, "w", allowZip64=True) as archive:
            members[DATABASE_MEMBER] = _copy_member(
                database, archive, DATABASE_MEMBER, zipfile.ZIP_DEFLATED, advance
            )
            for photo in photos:
                name = PHOTOS_PREFIX + photo.relative_to(photos_root).as_posix()
                # Photos are already compressed (JPEG, PNG, HEIC): storing them is much faster.
                members[name] = _copy_member(photo, archive, name, zipfile.ZIP_STORED, advance)
            manifest = describe(members)
            info = zipfile.ZipInfo(MANIFEST_NAME, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (stat.S_IFREG | 0o600) << 16
            archive.writestr(info, manifest.to_json())
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())
        if os.name == "posix":
            os.chmod(partial, 0o600)
        replace_file(partial, target)
        fsync_directory(target.parent)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        kind_of_error = classify_os_error(exc)
        if kind_of_error is StoreFullError:  # filled up part-way: say how much it takes
            raise BackupError(disk_full_message(target.parent, total + SPACE_MARGIN_BYTES,
                                                "write this backup")) from exc
        if kind_of_error is not None:
            raise BackupError(
                "The backup could not be written: " + str(clear_error_for(kind_of_error))
            ) from exc
        raise
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    size = target.stat().st_size
    logger.info("backup written (%s, %d members, %d bytes)", manifest.kind, len(members), size)
    return BackupResult(target, manifest, size)
