"""Walking a folder for photo files: recursive, symlink loops and unreadable folders reported."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lovebridge.core.scrapbook.images import looks_like_photo

MAX_FILES = 200_000  # a lifetime of phone photos; past it the rest are reported, not read


@dataclass(frozen=True)
class Skipped:
    """A folder or file the walk could not use, and why."""

    path: Path
    reason: str


def walk_photos(root: Path, skipped: list[Skipped], limit: int = MAX_FILES) -> Iterator[Path]:
    """Photo files under `root` in a stable order (sorted, depth first), each real file once.

    Symbolic links to folders are followed once: a folder already visited (by its device and
    inode) is reported as a loop instead of being walked again. Hidden files are left out.
    """
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[tuple[int, int]] = set()
    count = 0
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            info = folder.stat()
        except OSError as exc:
            skipped.append(Skipped(folder, f"could not be opened ({exc.strerror or exc})"))
            continue
        identity = (info.st_dev, info.st_ino)
        if identity in seen_dirs:
            skipped.append(Skipped(folder, "is a link back to a folder already read (a loop)"))
            continue
        seen_dirs.add(identity)
        try:
            with os.scandir(folder) as entries:
                listing = sorted(entries, key=lambda e: e.name)
        except OSError as exc:
            skipped.append(Skipped(folder, f"could not be read ({exc.strerror or exc})"))
            continue
        subfolders: list[Path] = []
        for entry in listing:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                if entry.is_dir():  # follows links; loops are caught above
                    subfolders.append(path)
                    continue
                if not entry.is_file() or not looks_like_photo(path):
                    continue
                stat = entry.stat()
            except OSError as exc:
                skipped.append(Skipped(path, f"could not be read ({exc.strerror or exc})"))
                continue
            key = (stat.st_dev, stat.st_ino)
            if key in seen_files:  # the same file reached through a link
                continue
            seen_files.add(key)
            if count >= limit:
                skipped.append(Skipped(root, f"has more than {limit:,} photos; the rest wait "
                                             "for another import"))
                return
            count += 1
            yield path
        stack.extend(reversed(subfolders))
