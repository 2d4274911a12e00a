"""Backups and restores as whole operations: automatic backups, and restore with a safety copy."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from lovebridge.core.backup.create import BackupResult, Progress, photo_files
from lovebridge.core.backup.incremental import create_pooled_backup, space_for_pooled_backup
from lovebridge.core.backup.manifest import Manifest
from lovebridge.core.backup.pool import check_pooled, pool_roots, prune_pool
from lovebridge.core.backup.rotation import (
    AUTO_KIND,
    PRE_RESTORE_KIND,
    BackupEntry,
    backup_name,
    list_backups,
    rotate,
)
from lovebridge.core.backup.sealed import opened_backup
from lovebridge.core.backup.swap import finish_interrupted_restore, swap_in
from lovebridge.core.backup.validate import (
    StagedBackup,
    plain_opener,
    validate_and_stage,
    verify_archive,
)
from lovebridge.paths import Paths
from lovebridge.store.db import Store, connect

logger = logging.getLogger(__name__)

# One automatic backup at a time in this process: a pruning pass must never run between another
# backup's copying of new photos into the pool and the writing of the archive that needs them.
_automatic_lock = threading.Lock()


@contextmanager
def automatic_backups_held() -> Iterator[None]:
    """No automatic backup runs while inside (one running is waited for first): turning the
    lock on or off converts the files a backup would be reading."""
    with _automatic_lock:
        yield


@dataclass(frozen=True)
class RestoreResult:
    """A finished restore: what came back, and the safety copy of what was there before."""

    manifest: Manifest
    safety_backup: Path | None


def automatic_backup_due(paths: Paths, now: datetime) -> bool:
    """True when no automatic backup was made yet on today's (local) date."""
    today = now.astimezone().date()
    return not any(
        entry.kind == AUTO_KIND and entry.taken_at.date() == today
        for entry in list_backups(paths.backups)
    )


def make_automatic_backup(
    store: Store, paths: Paths, now: datetime, *, kind: str = AUTO_KIND,
    progress: Progress | None = None, file_key: bytes | None = None,
) -> BackupResult:
    """Write an automatic backup into the backups folder, then rotate and prune the pool.

    The archive holds the database; photos go once each into the shared pool (incremental.py).
    With the privacy lock on (`file_key`), everything written is sealed like every file in
    that folder.
    """
    with _automatic_lock:
        local = now.astimezone().replace(tzinfo=None)
        counter = 1
        while (paths.backups / backup_name(kind, local, counter)).exists():
            counter += 1
        target = paths.backups / backup_name(kind, local, counter)
        paths.backups.mkdir(parents=True, exist_ok=True, mode=0o700)
        result = create_pooled_backup(store, paths, target, now=now, kind=kind,
                                      file_key=file_key, progress=progress)
        removed = rotate(paths.backups)
        if removed:
            logger.info("rotation removed %d old automatic backup(s)", len(removed))
        prune_pool(paths, file_key)
    return result


def newest_good_backup(
    paths: Paths, file_key: bytes | None = None
) -> tuple[BackupEntry, Manifest] | None:
    """The newest automatic backup whose every checksum matches, its pooled photos included
    (restoring checks the rest)."""
    verified: set[str] = set()  # a photo shared by several backups is read once
    for entry in list_backups(paths.backups):
        try:
            with opened_backup(entry.path, paths, file_key) as readable:
                manifest = verify_archive(readable)
            if manifest.is_pooled:
                check_pooled(manifest.pooled, pool_roots(paths, entry.path), file_key,
                             verified=verified)
            return entry, manifest
        except Exception:  # a damaged backup is skipped; an older one may be fine
            logger.warning("skipping unreadable backup %s", entry.path.name)
    return None


def stage_restore(archive: Path, paths: Paths, store: Store | None,
                  progress: Progress | None = None,
                  file_key: bytes | None = None,
                  db_key: bytes | None = None) -> StagedBackup:
    """Check `archive` completely and unpack it beside the data; nothing current is touched.

    Without an open `store` (the database is damaged), `db_key` opens the backup's database
    when the lock is on.
    """
    if store is not None:
        opener, encrypted = store.connect_to, store.encrypted
    elif db_key is not None:
        opener, encrypted = (lambda path: connect(path, db_key)), True
    else:
        opener, encrypted = plain_opener, False
    # With an open store, a safety copy of what is there now is made before the swap: its
    # room is set aside, so a restore the disk cannot hold is refused before anything is written.
    reserve = 0 if store is None else space_for_pooled_backup(store, paths,
                                                              photo_files(paths.photos))
    with opened_backup(archive, paths, file_key) as readable:
        return validate_and_stage(
            readable,
            paths.data,
            opener=opener,
            encrypted=encrypted,
            progress=progress,
            pool_roots=pool_roots(paths, archive),
            file_key=file_key,
            reserve=reserve,
        )


def apply_restore(
    staged: StagedBackup,
    paths: Paths,
    store: Store | None,
    *,
    now: datetime,
    before_swap: Callable[[], None] | None = None,
    keep_current_photos: bool = False,
    file_key: bytes | None = None,
) -> RestoreResult:
    """Back up what is there now, swap the staged backup in, and bring the store back.

    With an open `store`: a before-restore backup is made first, the store is suspended for
    the swap, then resumed and migrated. With `store=None` (the database is
    damaged and already kept aside) the swap happens without a safety copy.
    """
    try:
        safety = None
        if store is not None:
            safety = make_automatic_backup(store, paths, now, kind=PRE_RESTORE_KIND,
                                           file_key=file_key).path
        if before_swap is not None:
            before_swap()
    except BaseException:
        staged.discard()
        raise
    if store is not None:
        store.suspend()  # waits for running sessions; autosaves cannot touch the file meanwhile
    try:
        swap_in(paths, staged, keep_current_photos=keep_current_photos)
    except Exception:
        finish_interrupted_restore(paths)  # an ordinary failure: put the current data back
        staged.discard()
        raise
    finally:
        if store is not None:
            store.resume()
    if store is not None:
        from lovebridge.store.migrate import upgrade_to_head

        upgrade_to_head(store)
    logger.info("restore finished")
    return RestoreResult(staged.manifest, safety)


def restore_backup(
    archive: Path,
    paths: Paths,
    store: Store | None,
    *,
    now: datetime,
    progress: Progress | None = None,
    before_swap: Callable[[], None] | None = None,
    keep_current_photos: bool = False,
    file_key: bytes | None = None,
    db_key: bytes | None = None,
) -> RestoreResult:
    """Check the archive completely, then `apply_restore` it (see there)."""
    staged = stage_restore(archive, paths, store, progress, file_key, db_key)
    return apply_restore(staged, paths, store, now=now, before_swap=before_swap,
                         keep_current_photos=keep_current_photos, file_key=file_key)
