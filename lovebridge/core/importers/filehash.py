"""Hashing a photo file in chunks: the whole file, and the part kept when junk follows a JPEG.

Photos are read a megabyte at a time, so memory stays the same whatever a file's size.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from lovebridge.core.scrapbook import images
from lovebridge.store.media import read_chunks


@dataclass(frozen=True)
class FileFacts:
    """What hashing a photo file found."""

    sha256: str  # of the whole file: what the ledger remembers
    size: int
    keep_bytes: int | None  # a JPEG with junk after its end is stored cut to this length
    stored_sha256: str  # of the bytes stored
    complete: bool = True  # False for a JPEG whose end marker is missing (cut short?)


def hash_stream(handle: BinaryIO, limit: int | None = None) -> str:
    """SHA-256 of the rest of `handle` (or of its next `limit` bytes), read in chunks."""
    digest = hashlib.sha256()
    for chunk in read_chunks(handle, limit):
        digest.update(chunk)
    return digest.hexdigest()


def file_facts(path: Path, info: images.PhotoInfo) -> FileFacts:
    """Hash `path` (and, for a JPEG with junk after its end, the part that is kept)."""
    with path.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        sha = hash_stream(handle)
        if info.extension != "jpg":
            return FileFacts(sha, size, None, sha)
        end = images.jpeg_end_in_file(handle, size)
        if end is None or end >= size:
            return FileFacts(sha, size, None, sha, complete=end is not None)
        handle.seek(0)
        return FileFacts(sha, size, end, hash_stream(handle, end))
