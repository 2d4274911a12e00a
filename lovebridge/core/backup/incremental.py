"""Automatic backups that copy each photo once: the database in the archive, photos in the pool.

An automatic backup is a small `.lovebridge` archive (format 2) holding the database snapshot and
a manifest that lists every photo file of the library with its SHA-256 and size; the photos
themselves live once each in the backups folder's pool (pool.py). Order of writing: new photos
into the pool (each complete and renamed into place), then the archive (complete, sealed when
the lock is on, renamed into place), then its list of needed hashes. A crash at any point leaves
either no archive or a whole one whose every photo is already in the pool.
"""

from __future__ import annotations

import io
import logging
import shutil
import stat
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path

from lovebridge.core.backup.create import (
    WORK_PREFIX,
    BackupResult,
    Progress,
    _copy_member,
    photo_files,
    progress_counter,
    snapshot_database,
)
from lovebridge.core.backup.manifest import (
    DATABASE_MEMBER,
    MANIFEST_NAME,
    BackupError,
)
from lovebridge.core.backup.pool import pool_photos, unpooled_bytes, write_refs
from lovebridge.core.backup.sealed import backup_identity
from lovebridge.paths import Paths
from lovebridge.store.db import Store
from lovebridge.store.errors import StoreFullError
from lovebridge.store.file_cipher import encrypt_bytes
from lovebridge.store.guards import (
    SPACE_MARGIN_BYTES,
    classify_os_error,
    clear_error_for,
    disk_full_error,
    require_free_space,
)
from lovebridge.store.media import write_atomically

logger = logging.getLogger(__name__)


BACKUP_DOING = "make this automatic backup"


def space_for_pooled_backup(store: Store, paths: Paths, photos: list[Path]) -> int:
    """About how much free space an automatic backup takes: the database twice (its snapshot
    and the archive), the photos not in the pool yet, and a margin."""
    database = store.path.stat().st_size if store.path.exists() else 0
    wal = store.path.with_name(store.path.name + "-wal")
    database += wal.stat().st_size if wal.exists() else 0
    return 2 * database + unpooled_bytes(paths, photos) + SPACE_MARGIN_BYTES


def create_pooled_backup(
    store: Store,
    paths: Paths,
    target: Path,
    *,
    now: datetime,
    kind: str,
    file_key: bytes | None = None,
    progress: Progress | None = None,
) -> BackupResult:
    """Write an automatic backup into the backups folder; photos go to the pool, once each.

    `target` must be inside `paths.backups`. With `file_key` (the lock is on) the archive, the
    new pool files and the list of needed hashes are sealed before they reach the disk.
    """
    photos = photo_files(paths.photos)
    # Checked before anything is written: a backup that cannot fit is skipped, never half-made.
    needed = space_for_pooled_backup(store, paths, photos)
    require_free_space(paths.backups, needed, BACKUP_DOING)
    work = Path(tempfile.mkdtemp(prefix=WORK_PREFIX, dir=paths.data))
    try:
        snapshot, describe = snapshot_database(store, work, now, kind)
        advance = progress_counter(progress, len(photos) + 1)

        pooled, written = pool_photos(paths, file_key, advance, photos)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", allowZip64=True) as archive:
            members = {DATABASE_MEMBER: _copy_member(
                snapshot, archive, DATABASE_MEMBER, zipfile.ZIP_DEFLATED, lambda _n: None
            )}
            manifest = describe(members, pooled=pooled)
            info = zipfile.ZipInfo(MANIFEST_NAME, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (stat.S_IFREG | 0o600) << 16
            archive.writestr(info, manifest.to_json())
        data = buffer.getvalue()
        del buffer
        if file_key is not None:
            # Sealed before it touches the disk: nothing readable rests there, even briefly.
            data = encrypt_bytes(file_key, backup_identity(paths, target), data)
        write_atomically(target, data)
        advance(1)
        write_refs(paths, target, (info.sha256 for info in pooled.values()), file_key)
    except OSError as exc:
        kind_of_error = classify_os_error(exc)
        if kind_of_error is StoreFullError:
            raise disk_full_error(paths.backups, needed, BACKUP_DOING,
                                  "the backups made before are kept") from exc
        if kind_of_error is not None:
            raise BackupError(
                "The backup could not be written: " + str(clear_error_for(kind_of_error))
            ) from exc
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    size = len(data)
    logger.info("automatic backup written (%s, %d photos listed, %d new photo bytes pooled, "
                "%d bytes)", kind, len(pooled), written, size)
    return BackupResult(target, manifest, size, photo_bytes_written=written)
