"""Tidying the data folder before the store opens: interrupted restores, half-written files."""

from __future__ import annotations

import logging
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
    return Tidied(outcome, leftovers)
