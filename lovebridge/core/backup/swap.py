"""Swapping a staged backup in atomically, and finishing or undoing a swap a crash interrupted.

A small journal file records the swap. The current database and photos are renamed aside, the
staged ones renamed in, everything fsynced, and only then the aside copies removed. If the app
dies in between, `finish_interrupted_restore` at the next start puts the aside copies back (or
just tidies up when the swap had completed).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
from pathlib import Path

from lovebridge.core.backup.create import PARTIAL_PREFIX, WORK_PREFIX
from lovebridge.core.backup.validate import STAGING_PREFIX, StagedBackup
from lovebridge.core.data_folder import RESTORE_JOURNAL_NAME
from lovebridge.paths import DB_FILENAME, Paths
from lovebridge.store.media import fsync_directory, write_atomically

logger = logging.getLogger(__name__)

JOURNAL_NAME = RESTORE_JOURNAL_NAME  # the name core/data_folder.py checks before anything opens
ASIDE_PREFIX = ".restore-aside-"
DB_NAMES = (DB_FILENAME, DB_FILENAME + "-wal", DB_FILENAME + "-shm")
SWAPPED_NAMES = (*DB_NAMES, "photos")
RESCUE_PREFIX = ".rescue-"
ADOPT_NAME = f".adopt-{DB_FILENAME}"  # a rescued copy being put in place (store/recovery.py)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def _write_journal(paths: Paths, state: str, staging: Path, aside: Path) -> None:
    record = {"state": state, "staging": staging.name, "aside": aside.name}
    write_atomically(paths.data / JOURNAL_NAME, json.dumps(record).encode("utf-8"))


def swap_in(paths: Paths, staged: StagedBackup, *, keep_current_photos: bool = False) -> None:
    """Replace the database and photo library with the staged ones (the store must be closed).

    With `keep_current_photos`, photo files the backup lacks are carried over (used when the
    database was damaged: newer photos may still be wanted by a rescued copy).
    """
    aside = Path(tempfile.mkdtemp(prefix=ASIDE_PREFIX, dir=paths.data))
    _write_journal(paths, "swapping", staged.folder, aside)
    for name in SWAPPED_NAMES:
        if (paths.data / name).exists():
            os.rename(paths.data / name, aside / name)
    fsync_directory(aside)
    os.rename(staged.database, paths.database)
    os.rename(staged.photos, paths.photos)
    fsync_directory(paths.data)
    _write_journal(paths, "swapped", staged.folder, aside)
    logger.info("restore swapped in")
    if keep_current_photos and (aside / "photos").exists():
        _carry_over_photos(aside / "photos", paths.photos)
    _clean_up(paths, staged.folder, aside)


def _carry_over_photos(old: Path, new: Path) -> None:
    for path in old.rglob("*"):
        if path.is_file() and not path.name.startswith(".incoming-"):
            destination = new / path.relative_to(old)
            if not destination.exists():
                destination.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                os.rename(path, destination)


def _clean_up(paths: Paths, staging: Path, aside: Path) -> None:
    shutil.rmtree(aside, ignore_errors=True)
    shutil.rmtree(staging, ignore_errors=True)
    (paths.data / JOURNAL_NAME).unlink(missing_ok=True)
    fsync_directory(paths.data)


def finish_interrupted_restore(paths: Paths) -> str | None:
    """At start-up: roll back a swap a crash cut short, or tidy up one that completed.

    Returns "rolled back", "finished" or None when there was nothing to do. Leftover staging
    and work folders from an interrupted backup or restore are removed too.
    """
    outcome = None
    journal = paths.data / JOURNAL_NAME
    if journal.exists():
        try:
            record = json.loads(journal.read_text(encoding="utf-8"))
            state, aside_name = record["state"], record["aside"]
        except (ValueError, KeyError, TypeError):
            state, aside_name = "swapping", None
        asides = (
            [paths.data / aside_name] if aside_name and "/" not in aside_name
            else sorted(paths.data.glob(ASIDE_PREFIX + "*"))
        )
        if state == "swapped":
            outcome = "finished"
        else:
            for aside in asides:
                for name in SWAPPED_NAMES:
                    if (aside / name).exists():
                        _remove(paths.data / name)
                        os.rename(aside / name, paths.data / name)
            fsync_directory(paths.data)
            outcome = "rolled back"
        logger.warning("an interrupted restore was %s", outcome)
    for prefix in (ASIDE_PREFIX, STAGING_PREFIX, WORK_PREFIX, RESCUE_PREFIX):
        for leftover in paths.data.glob(prefix + "*"):
            _remove(leftover)
    if paths.backups.exists():
        for prefix in (PARTIAL_PREFIX, RESCUE_PREFIX):
            for leftover in paths.backups.glob(prefix + "*"):
                _remove(leftover)
    (paths.data / ADOPT_NAME).unlink(missing_ok=True)
    journal.unlink(missing_ok=True)
    return outcome
