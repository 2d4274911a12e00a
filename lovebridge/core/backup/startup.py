"""Tidying the data folder before the store opens: interrupted restores, half-written files."""

from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass

from lovebridge.core.backup.pool import clean_pool_leftovers
from lovebridge.core.backup.swap import finish_interrupted_restore
from lovebridge.paths import Paths
from lovebridge.store.media import MediaStore

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Tidied:
    """What start-up found and fixed."""

    restore_outcome: str | None
    leftover_photo_files: int


def sweep_plain_leftovers(paths: Paths) -> int:
    """Remove what a crash may have left readable: pasted pictures an older LoveBridge wrote to
    `cache/pasted/`, half-written thumbnails (`.incoming-*`); make the cache folders private."""
    found = 0
    pasted = paths.cache / "pasted"
    if pasted.is_dir():
        found += sum(1 for p in pasted.rglob("*") if p.is_file())
        shutil.rmtree(pasted, ignore_errors=True)
    thumbnails = paths.thumbnails
    if thumbnails.is_dir():
        for path in [*thumbnails.glob(".incoming-*"), *thumbnails.glob("*/.incoming-*")]:
            path.unlink(missing_ok=True)
            found += 1
    if os.name == "posix":
        for folder in (thumbnails, paths.backups / "pool"):
            if folder.is_dir():
                os.chmod(folder, 0o700)
    return found


def prepare_data_folder(paths: Paths) -> Tidied:
    """Finish or roll back an interrupted restore and remove half-written photo files (in the
    library, and in the backups folder and its photo pool)."""
    outcome = finish_interrupted_restore(paths)
    leftovers = MediaStore(paths.photos).clean_leftovers()
    if leftovers:
        logger.info("removed %d half-written photo file(s) left by a crash", leftovers)
    pooled = clean_pool_leftovers(paths)
    if pooled:
        logger.info("removed %d half-written backup file(s) left by a crash", pooled)
    swept = sweep_plain_leftovers(paths)
    if swept:
        logger.info("removed %d temporary file(s) left by a crash", swept)
    return Tidied(outcome, leftovers)
