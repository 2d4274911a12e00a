"""Checks on the data folder made before anything is opened — light enough to run before the
first window paints (no SQLAlchemy, no archive code)."""

from __future__ import annotations

import logging
import os
import tempfile

from lovebridge.paths import Paths
from lovebridge.store.guards import READ_ONLY_MESSAGE, classify_os_error, clear_error_for

logger = logging.getLogger(__name__)

# Written by a restore while it swaps files (lovebridge/core/backup/swap.py); while it exists,
# the folder is mid-restore and must be finished or rolled back before anything reads it.
RESTORE_JOURNAL_NAME = "restore-journal.json"


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


def restore_interrupted(paths: Paths) -> bool:
    """True when a restore was cut short: it must be finished or undone before the lock check."""
    return (paths.data / RESTORE_JOURNAL_NAME).exists()
