"""A stand-in for the sync service between laptops' copies of the shared folder, for the model
test: it delivers files late, twice, out of order, half-written, or as conflict copies.

The real service is proven in test_sync_syncthing.py; this one lets a test choose the worst
order of events, which a real service only produces by chance.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def files_of(folder: Path) -> dict[str, Path]:
    """Relative path -> file, for every finished file in a laptop's copy of the folder."""
    found = {}
    for path in folder.rglob("*"):
        if path.is_file() and not path.name.startswith((".incoming-", ".owner")):
            found[str(path.relative_to(folder))] = path
    return found


def owner_copy(rel: str, copies: list[Path]) -> Path:
    """The copy whose laptop wrote this file: the only one that holds it whole for sure.

    A file sits under `LoveBridge/<pairing>/<device>/...`; the owner is the copy holding that
    device's record (written there by the laptop itself). The pairing record belongs to the
    laptop that started sharing (the first copy).
    """
    parts = Path(rel).parts
    if len(parts) >= 3:
        for copy in copies:
            if (copy / parts[0] / parts[1] / parts[2] / "device.lbd").is_file() and \
                    _is_origin(copy, parts):
                return copy
    return copies[0]


def _is_origin(copy: Path, parts: tuple[str, ...]) -> bool:
    marker = copy / ".owner"
    return marker.is_file() and marker.read_text() == parts[2]


def undelivered(src: Path, dst: Path, copies: list[Path]) -> list[str]:
    """Files `src` holds whole that `dst` lacks or holds torn (a sync service relays only what
    it has completely)."""
    there = files_of(dst)
    out = []
    for rel, path in sorted(files_of(src).items()):
        if rel == ".owner":
            continue
        origin = owner_copy(rel, copies) / rel
        whole = origin.is_file() and origin.stat().st_size == path.stat().st_size
        other = there.get(rel)
        if whole and (other is None or other.stat().st_size != path.stat().st_size):
            out.append(rel)
    return out


def deliver(src: Path, dst: Path, rel: str, mode: str = "whole") -> None:
    """Copy one file as a sync service might: whole, half (torn), or as a conflict copy."""
    source, target = src / rel, dst / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    if mode == "half":
        data = source.read_bytes()
        target.write_bytes(data[: len(data) // 2])
    elif mode == "conflict":
        stem, dot, ext = target.name.partition(".")
        conflict = target.with_name(f"{stem}.sync-conflict-20261202-101010-ABCDEFG{dot}{ext}")
        shutil.copyfile(source, conflict)
    else:
        temp = target.with_name(f".syncthing.{target.name}.tmp")
        shutil.copyfile(source, temp)
        os.replace(temp, target)


def deliver_all(copies: list[Path]) -> None:
    for src in copies:
        for dst in copies:
            if src != dst:
                for rel in undelivered(src, dst, copies):
                    deliver(src, dst, rel)


def mark_owner(copy: Path, device: str) -> None:
    """Note which laptop's device this copy of the folder belongs to (for `owner_copy`)."""
    (copy / ".owner").write_text(device)
