"""The shared folder: where each laptop writes (only its own sub-folder) and what it may read.

    <folder>/LoveBridge/<pairing>/pairing.json             salt and a check for the pairing code
    <folder>/LoveBridge/<pairing>/<device>/device.lbd      the device's name and signing key
    <folder>/LoveBridge/<pairing>/<device>/progress.lbd    how far it has applied each partner
    <folder>/LoveBridge/<pairing>/<device>/batches/0000000042.lbb
    <folder>/LoveBridge/<pairing>/<device>/blobs/<keyed name>.lbp
    <folder>/LoveBridge/<pairing>/<device>/snapshots/000003.lbs

Every file is written whole (temporary name, fsync, rename) and, but for the progress record
(replaced whole by its one writer), never changed afterwards, so the sync service never sees two
writers for one file. Anything else found here is classified, never
trusted: a conflict copy made by the sync service, a half-copied temporary file, a stranger.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from lovebridge.store.media import write_atomically, write_atomically_with

TOP = "LoveBridge"
DEVICE_ID = re.compile(r"^[0-9a-f]{16}$")
PAIRING_ID = re.compile(r"^[0-9a-f]{12}$")
BATCH_NAME = re.compile(r"^(\d{10})\.lbb$")
BLOB_NAME = re.compile(r"^([0-9a-f]{40})\.lbp$")
SNAPSHOT_NAME = re.compile(r"^(\d{6})\.lbs$")
# What sync services leave while copying or when two writers clash.
IN_PROGRESS = re.compile(
    r"^(\.incoming-|\.syncthing\.|~|\.~)|(\.tmp|\.part|\.partial|\.crdownload)$")
CONFLICT_COPY = re.compile(r"sync-conflict|conflicted copy|conflict|\(\d+\)|copy", re.IGNORECASE)

MAX_BATCH_BYTES = 64 * 1024 * 1024
MAX_BLOB_BYTES = 512 * 1024 * 1024
MAX_DEVICE_BYTES = 64 * 1024
MAX_SNAPSHOT_BYTES = 4 * 1024 * 1024 * 1024


@dataclass(frozen=True)
class Layout:
    """Paths inside one pairing's folder."""

    root: Path  # <folder>/LoveBridge/<pairing>

    @classmethod
    def of(cls, folder: Path, pairing: str) -> Layout:
        return cls(Path(folder) / TOP / pairing)

    @property
    def pairing_file(self) -> Path:
        return self.root / "pairing.json"

    def device(self, device: str) -> Path:
        return self.root / device

    def device_record(self, device: str) -> Path:
        return self.device(device) / "device.lbd"

    def progress(self, device: str) -> Path:
        return self.device(device) / "progress.lbd"

    def batch(self, device: str, seq: int) -> Path:
        return self.device(device) / "batches" / f"{seq:010d}.lbb"

    def blob(self, device: str, name: str) -> Path:
        return self.device(device) / "blobs" / f"{name}.lbp"

    def snapshot(self, device: str, snapshot: int) -> Path:
        return self.device(device) / "snapshots" / f"{snapshot:06d}.lbs"

    def other_devices(self, own: str) -> tuple[list[str], list[Path]]:
        """(partner device ids, entries that are not LoveBridge device folders)."""
        devices, strangers = [], []
        if not self.root.is_dir():
            return devices, strangers
        for entry in sorted(self.root.iterdir()):
            if entry.name == "pairing.json" or entry.name == own or IN_PROGRESS.search(entry.name):
                continue
            if entry.is_dir() and DEVICE_ID.match(entry.name):
                devices.append(entry.name)
            else:
                strangers.append(entry)
        return devices, strangers


def pairings(folder: Path) -> list[Path]:
    """The pairing folders found in a shared folder, newest first."""
    top = Path(folder) / TOP
    if not top.is_dir():
        return []
    found = [p for p in top.iterdir()
             if PAIRING_ID.match(p.name) and (p / "pairing.json").is_file()]
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def classify(name: str, pattern: re.Pattern) -> str:
    """'ok', 'in-progress' (leave it, look again later) or 'conflict' / 'foreign' (set aside)."""
    if pattern.match(name):
        return "ok"
    if IN_PROGRESS.search(name):
        return "in-progress"
    if CONFLICT_COPY.search(name):
        return "conflict"
    return "foreign"


def write_whole(path: Path, data: bytes) -> None:
    """Write a file in one piece: temporary name, fsync, rename (never half a file)."""
    write_atomically(path, data)


def write_whole_with(path: Path, fill: Callable[[BinaryIO], None]) -> None:
    """Like `write_whole`, for a file written piece by piece by `fill(handle)` (a snapshot)."""
    write_atomically_with(path, fill)
