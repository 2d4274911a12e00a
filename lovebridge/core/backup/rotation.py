"""Automatic backups: their names, which to keep (7 daily, 4 weekly), and listing them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from lovebridge.core.backup.create import BACKUP_SUFFIX

AUTO_KIND = "automatic"
PRE_RESTORE_KIND = "before-restore"
KIND_PREFIXES = {AUTO_KIND: "auto-", PRE_RESTORE_KIND: "before-restore-"}
NAME_RE = re.compile(r"^(auto|before-restore)-(\d{8}-\d{6})(?:-(\d+))?\.lovebridge$")
KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_PRE_RESTORE = 3


@dataclass(frozen=True)
class BackupEntry:
    """One automatic backup file in the backups folder."""

    path: Path
    kind: str
    taken_at: datetime  # naive local time, as written in the name
    size: int
    sequence: int = 1  # several backups within one second are numbered


def backup_name(kind: str, local_time: datetime, counter: int = 1) -> str:
    """`auto-20261123-183000.lovebridge` (local time, so the user recognises the day)."""
    stamp = local_time.strftime("%Y%m%d-%H%M%S")
    suffix = f"-{counter}" if counter > 1 else ""
    return f"{KIND_PREFIXES[kind]}{stamp}{suffix}{BACKUP_SUFFIX}"


def parse_backup_name(name: str) -> tuple[str, datetime, int] | None:
    """(kind, local time, sequence) from an automatic backup's file name, else None."""
    match = NAME_RE.match(name)
    if match is None:
        return None
    kind = AUTO_KIND if match.group(1) == "auto" else PRE_RESTORE_KIND
    try:
        taken_at = datetime.strptime(match.group(2), "%Y%m%d-%H%M%S")
    except ValueError:
        return None
    return kind, taken_at, int(match.group(3) or 1)


def list_backups(folder: Path) -> list[BackupEntry]:
    """Automatic and before-restore backups in `folder`, newest first."""
    entries = []
    if folder.exists():
        for path in folder.iterdir():
            parsed = parse_backup_name(path.name)
            if parsed is not None and path.is_file():
                kind, taken_at, sequence = parsed
                entries.append(BackupEntry(path, kind, taken_at, path.stat().st_size, sequence))
    return sorted(entries, key=lambda e: (e.taken_at, e.sequence), reverse=True)


def plan_rotation(times: Iterable[datetime], daily: int = KEEP_DAILY,
                  weekly: int = KEEP_WEEKLY) -> set[datetime]:
    """The backup times to keep: the newest of each of the last `daily` days that have one,
    and the newest of each of the last `weekly` ISO weeks that have one (the two overlap)."""
    newest_first = sorted(set(times), reverse=True)
    keep: set[datetime] = set()
    for bucket_of, limit in ((lambda t: t.date(), daily),
                             (lambda t: t.isocalendar()[:2], weekly)):
        seen = []
        for moment in newest_first:
            bucket = bucket_of(moment)
            if bucket in seen:
                continue
            if len(seen) == limit:
                break
            seen.append(bucket)
            keep.add(moment)
    return keep


def rotate(folder: Path) -> list[Path]:
    """Delete automatic backups the rotation no longer keeps; returns what was removed."""
    entries = list_backups(folder)
    autos = [e for e in entries if e.kind == AUTO_KIND]
    keep = plan_rotation(e.taken_at for e in autos)
    # Two backups in the same second differ only by counter: keep the newest name of that second.
    kept_names = {
        max((e for e in autos if e.taken_at == moment), key=lambda e: e.sequence).path.name
        for moment in keep
    }
    removed = [e.path for e in autos if e.path.name not in kept_names]
    removed += [e.path for e in entries if e.kind == PRE_RESTORE_KIND][KEEP_PRE_RESTORE:]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed
