"""`lovebridge backup create FILE | list | restore FILE | export BACKUP FILE`: backups from the
command line."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from lovebridge.cli.language import N_, _, number_text
from lovebridge.core.backup import (
    BACKUP_SUFFIX,
    BackupError,
    create_backup,
    export_backup,
    list_backups,
    read_manifest,
    restore_backup,
)
from lovebridge.core.backup.rotation import AUTO_KIND, PRE_RESTORE_KIND
from lovebridge.core.backup.sealed import is_sealed
from lovebridge.core.privacy.lock import LockState, lock_state
from lovebridge.paths import resolve_paths
from lovebridge.store import StoreError
from lovebridge.store.recovery import set_aside_damaged

from .common import fail, run_with_store

if TYPE_CHECKING:
    from lovebridge.core.context import AppContext
    from lovebridge.store.db import Store

# How `backup list` names each kind of automatic backup.
KIND_WORDS = {AUTO_KIND: N_("automatic"), PRE_RESTORE_KIND: N_("before-restore")}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("backup", help=_("make, list or restore backups"))
    actions = parser.add_subparsers(dest="backup_command", metavar=_("ACTION"), required=True)
    where = _("where to write it (ends in {suffix})").format(suffix=BACKUP_SUFFIX)
    create = actions.add_parser("create", help=_("write a backup of everything to FILE"))
    create.add_argument("file", metavar=_("FILE"), help=where)
    create.set_defaults(func=run_create)
    listing = actions.add_parser("list", help=_("list the automatic backups in the data folder"))
    listing.set_defaults(func=run_list)
    restore = actions.add_parser(
        "restore", help=_("check FILE completely, back up what is there now, then restore FILE")
    )
    restore.add_argument("file", metavar=_("FILE"), help=_("the backup to restore"))
    restore.set_defaults(func=run_restore)
    export = actions.add_parser(
        "export", help=_("check an automatic backup, then write it as one self-contained FILE "
                         "(automatic backups keep their photos once, in the backups folder)")
    )
    export.add_argument("backup", metavar=_("BACKUP"),
                        help=_("the automatic backup: a file, or its name as `backup list` shows"))
    export.add_argument("file", metavar=_("FILE"), help=where)
    export.set_defaults(func=run_export)


def _now() -> datetime:
    return datetime.now(UTC)


def _progress_printer(label: str):  # noqa: ANN202
    last = [-1]

    def report(done: int, total: int) -> None:
        percent = 100 * done // max(total, 1)
        if percent // 10 != last[0] // 10 and sys.stderr.isatty():
            print(_("{label} {percent}%").format(label=label, percent=percent),
                  file=sys.stderr)
        last[0] = percent

    return report


def _archive_path(name: str) -> Path:
    """FILE as given, with the backup suffix added when it is missing."""
    target = Path(name).expanduser()
    if target.suffix != BACKUP_SUFFIX:
        target = target.with_name(target.name + BACKUP_SUFFIX)
    return target


def run_create(args: argparse.Namespace) -> int:
    target = _archive_path(args.file)

    def create(ctx: AppContext) -> int:
        result = create_backup(ctx.store, ctx.paths, target.resolve(), now=_now(),
                               progress=_progress_printer(_("Backing up")))
        counts = result.manifest.counts
        print(_("Backup written to {path} ({size} MB). Notes: {notes}, memories: {memories}, "
                "photo files: {photos}, plans: {plans}.").format(
            path=result.path, size=number_text(result.size / 1e6, 1),
            notes=number_text(counts.get("message", 0)),
            memories=number_text(counts.get("memory", 0)),
            photos=number_text(result.manifest.photo_count),
            plans=number_text(counts.get("plan", 0))))
        return 0

    return run_with_store(args, create)


def run_list(args: argparse.Namespace) -> int:
    paths = resolve_paths(args.data_dir).ensure()
    entries = list_backups(paths.backups)
    print(_("Backups in {folder}:").format(folder=paths.backups))
    if not entries:
        print(_("  (none yet — LoveBridge makes one each day it is used, and when it closes)"))
    for entry in entries:
        print(f"  {entry.taken_at:%Y-%m-%d %H:%M}  {_(KIND_WORDS.get(entry.kind, entry.kind)):<15} "
              f"{number_text(entry.size / 1e6, 1):>8} MB  {_entry_summary(entry.path)}  "
              f"{entry.path.name}")
    return 0


def _entry_summary(path: Path) -> str:
    """What one backup holds, as `backup list` shows it."""
    if is_sealed(path):
        return _("encrypted by the privacy lock")
    try:
        manifest = read_manifest(path)
    except BackupError:
        return _("unreadable")
    summary = _("notes: {notes}, memories: {memories}, photo files: {photos}").format(
        notes=number_text(manifest.counts.get("message", 0)),
        memories=number_text(manifest.counts.get("memory", 0)),
        photos=number_text(manifest.photo_count))
    if manifest.is_pooled:
        summary += _(" (kept once in the backups folder)")
    return summary


def run_restore(args: argparse.Namespace) -> int:
    archive = Path(args.file).expanduser().resolve()
    if not archive.is_file():
        return fail(_("{path} is not a file.").format(path=archive))
    paths = resolve_paths(args.data_dir).ensure()

    def restore(store: Store | None, file_key: bytes | None, damaged: Path | None) -> int:
        result = restore_backup(archive, paths, store, now=_now(),
                                progress=_progress_printer(_("Checking and restoring")),
                                keep_current_photos=store is None, file_key=file_key)
        when = result.manifest.created_at.astimezone()
        print(_("Restored the backup from {when}.").format(when=f"{when:%Y-%m-%d %H:%M}"))
        if result.safety_backup is not None:
            print(_("What was there before is kept in {path}.").format(path=result.safety_backup))
        if damaged is not None:
            print(_("The damaged database is kept in {path}.").format(path=damaged))
        return 0

    def over_damaged() -> int:
        """A damaged database is what a restore is for: keep it aside, put the backup in."""
        if lock_state(paths) is LockState.ON:
            return fail(_("The database is damaged. An encrypted LoveBridge cannot be repaired "
                          "from the command line; nothing was changed."))
        damaged = set_aside_damaged(paths.database, paths.backups, _now())
        try:
            return restore(None, None, damaged)
        except (BackupError, StoreError) as exc:
            return fail(str(exc))

    return run_with_store(args, lambda ctx: restore(ctx.store, ctx.file_key, None),
                          on_damaged=over_damaged)


def run_export(args: argparse.Namespace) -> int:
    paths = resolve_paths(args.data_dir).ensure()
    archive = Path(args.backup).expanduser()
    if not archive.is_file() and (paths.backups / args.backup).is_file():
        archive = paths.backups / args.backup  # named as `backup list` shows it
    if not archive.is_file():
        return fail(_("{path} is not a backup file (see `lovebridge backup list`).").format(
            path=args.backup))
    target = _archive_path(args.file)

    def export(ctx: AppContext) -> int:
        result = export_backup(archive.resolve(), ctx.paths, ctx.store, target.resolve(),
                               file_key=ctx.file_key, progress=_progress_printer(_("Exporting")))
        print(_("Backup written to {path} ({size} MB, photo files: {photos}): one file, "
                "complete on its own.").format(
            path=result.path, size=number_text(result.size / 1e6, 1),
            photos=number_text(result.manifest.photo_count)))
        return 0

    return run_with_store(args, export)
