"""Backups: archive create/validate/restore, automatic backups and their rotation. No Qt."""

from lovebridge.core.backup.create import BACKUP_SUFFIX, BackupResult, create_backup
from lovebridge.core.backup.export import export_backup, export_staged
from lovebridge.core.backup.manifest import BackupError, BackupRefusedError, Manifest
from lovebridge.core.backup.pool import PoolIncompleteError, prune_pool
from lovebridge.core.backup.rotation import BackupEntry, list_backups, plan_rotation, rotate
from lovebridge.core.backup.service import (
    RestoreResult,
    apply_restore,
    automatic_backup_due,
    make_automatic_backup,
    newest_good_backup,
    restore_backup,
    stage_restore,
)
from lovebridge.core.backup.startup import prepare_data_folder
from lovebridge.core.backup.swap import finish_interrupted_restore
from lovebridge.core.backup.validate import StagedBackup, read_manifest, validate_and_stage

__all__ = [
    "BACKUP_SUFFIX",
    "BackupEntry",
    "BackupError",
    "BackupRefusedError",
    "BackupResult",
    "Manifest",
    "PoolIncompleteError",
    "RestoreResult",
    "StagedBackup",
    "apply_restore",
    "automatic_backup_due",
    "create_backup",
    "export_backup",
    "export_staged",
    "finish_interrupted_restore",
    "list_backups",
    "make_automatic_backup",
    "newest_good_backup",
    "plan_rotation",
    "prepare_data_folder",
    "prune_pool",
    "read_manifest",
    "restore_backup",
    "rotate",
    "stage_restore",
    "validate_and_stage",
]
