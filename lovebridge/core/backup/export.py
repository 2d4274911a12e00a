"""An automatic backup exported as one self-contained file, to keep on another disk.

Automatic backups keep their photos in the backups folder's shared pool; exporting one checks
it completely (like a restore does), then writes a format-1 archive that holds the database and
every photo, exactly what File › Back up… writes, so it restores anywhere on its own.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from lovebridge.core.backup.create import BackupResult, Progress, write_archive
from lovebridge.core.backup.manifest import MemberInfo
from lovebridge.core.backup.service import stage_restore
from lovebridge.core.backup.validate import StagedBackup
from lovebridge.paths import Paths
from lovebridge.store.db import Store

logger = logging.getLogger(__name__)


def export_staged(staged: StagedBackup, target: Path,
                  progress: Progress | None = None) -> BackupResult:
    """Write the checked, unpacked backup in `staged` to `target` as one self-contained file."""

    def describe(members: dict[str, MemberInfo]):  # noqa: ANN202 - a Manifest
        return replace(staged.manifest, members=members, pooled=None)

    result = write_archive(target, staged.database, staged.photos, describe, progress)
    logger.info("automatic backup exported as one file (%d bytes)", result.size)
    return result


def export_backup(archive: Path, paths: Paths, store: Store | None, target: Path, *,
                  file_key: bytes | None = None,
                  progress: Progress | None = None) -> BackupResult:
    """Check `archive` completely, then write it to `target` as one self-contained file."""
    staged = stage_restore(archive, paths, store, None, file_key)
    try:
        return export_staged(staged, target, progress)
    finally:
        staged.discard()
