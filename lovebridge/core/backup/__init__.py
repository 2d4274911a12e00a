"""Backups: archive create/validate/restore, automatic backups and their rotation. No Qt.

The names below load on first use (PEP 562): start-up checks reach `startup` and `swap`
without importing the archive code (and SQLAlchemy) before the window paints.
"""

from __future__ import annotations

from lovebridge.lazy import lazy_exports

_HOMES = {
    "BACKUP_SUFFIX": "lovebridge.core.backup.create",
    "BackupEntry": "lovebridge.core.backup.rotation",
    "BackupError": "lovebridge.core.backup.manifest",
    "BackupRefusedError": "lovebridge.core.backup.manifest",
    "BackupResult": "lovebridge.core.backup.create",
    "Manifest": "lovebridge.core.backup.manifest",
    "PoolIncompleteError": "lovebridge.core.backup.pool",
    "RestoreResult": "lovebridge.core.backup.service",
    "StagedBackup": "lovebridge.core.backup.validate",
    "apply_restore": "lovebridge.core.backup.service",
    "automatic_backup_due": "lovebridge.core.backup.service",
    "automatic_backups_held": "lovebridge.core.backup.service",
    "create_backup": "lovebridge.core.backup.create",
    "export_backup": "lovebridge.core.backup.export",
    "export_staged": "lovebridge.core.backup.export",
    "finish_interrupted_restore": "lovebridge.core.backup.swap",
    "list_backups": "lovebridge.core.backup.rotation",
    "make_automatic_backup": "lovebridge.core.backup.service",
    "newest_good_backup": "lovebridge.core.backup.service",
    "plan_rotation": "lovebridge.core.backup.rotation",
    "prepare_data_folder": "lovebridge.core.backup.startup",
    "prune_pool": "lovebridge.core.backup.pool",
    "read_manifest": "lovebridge.core.backup.manifest",
    "restore_backup": "lovebridge.core.backup.service",
    "rotate": "lovebridge.core.backup.rotation",
    "stage_restore": "lovebridge.core.backup.service",
    "validate_and_stage": "lovebridge.core.backup.validate",
}

__all__ = sorted(_HOMES)
__getattr__ = lazy_exports(__name__, _HOMES)
