"""Tidying the data folder before the store opens: interrupted restores, half-written files."""

from __future__ import annotations

import logging
import os
import tempfile
from dataclasses import dataclass

from lovebridge.core.backup.pool import clean_pool_leftovers
from lovebridge.core.backup.swap import finish_interrupted_restore
from lovebridge.paths import Paths
from lovebridge.store.guards import READ_ONLY_MESSAGE, classify_os_error, clear_error_for
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


def data_folder_problem(paths: Paths) -> str | None:
    """A sentence for the person when the data folder cannot be created or written, else None."""
    try:
        paths.ensure()
        handle, probe = tempfile.mkstemp(prefix=".write-probe-", dir=paths.data)
        os.close(handle)
        os.unlink(probe)
    except OSError as exc:
        kind = classify_os_error(exc)
        logger.error("data folder not writable: %s", type(exc).__name__)
        return str(clear_error_for(kind)) if kind is not None else READ_ONLY_MESSAGE
    return None
