"""Reading one photo file for an import: its header, EXIF time and GPS, hash and, when asked,
its near-copy hash. Nothing here needs the library or SQLAlchemy: the second reader process
(second_reader.py) imports only this to read half of a big folder.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from PIL import Image

from lovebridge.core.importers import dhash
from lovebridge.core.importers.exif_gps import gps_position
from lovebridge.core.importers.filehash import file_facts
from lovebridge.core.importers.plan import CandidatePhoto
from lovebridge.core.scrapbook import images
from lovebridge.store.media import FileVersion

READ_AHEAD = 8  # files the kernel is asked to start reading before their turn


def read_candidate(path: Path, near_copy_hash: bool = True) -> CandidatePhoto:
    """Hash and read one photo file; a file that is not a whole photo raises PhotoRefusedError.

    The header (kind, size, time, GPS) is read once, then the file is hashed in chunks,
    never held whole in memory, and a JPEG's end is found (junk after it is not stored).
    A 1/8-scale decode gives the near-copy hash, and proves the picture data is there (a
    truncated file fails here, before anything is imported). With `near_copy_hash` False
    the decode is left for `add_near_copy_hash`, for a JPEG whose end marker shows it whole
    (any other file is decoded now). A file that changes meanwhile is refused, so the hash
    the import checks later is of the very bytes that were read.
    """
    name = path.name
    read_at = time.time_ns()
    before = FileVersion.of(path.stat())  # before the header is read: a change from here on is seen
    with images.open_checked(path) as image:
        try:
            info = images.info_of(image, name)
            position = gps_position(image)
            if image.format == "JPEG":
                image.draft("L", dhash.DECODE_SIZE)
            # No photo needing more memory than the viewer allows is decoded, nor imported.
            images.check_decode_budget(image, name)
        except images.PhotoRefusedError:
            raise
        except (*images.BROKEN_FILE_ERRORS, Image.DecompressionBombError) as exc:
            raise _damaged(name) from exc
        facts = file_facts(path, info)
        picture_hash = None
        if near_copy_hash or not facts.complete or info.extension != "jpg":
            picture_hash = _decoded_hash(image, name)
    if FileVersion.of(path.stat()) != before or facts.size != before.size:
        raise images.PhotoRefusedError(
            f"{name} changed while it was being read; import it again to bring it in.")
    lat, lon = position if position else (None, None)
    return CandidatePhoto(path=path, sha256=facts.sha256, taken_at=info.taken_at, latitude=lat,
                          longitude=lon, dhash=picture_hash, byte_size=facts.size,
                          info=info, keep_bytes=facts.keep_bytes,
                          stored_sha256=facts.stored_sha256, version=before.settled(read_at))


def add_near_copy_hash(photo: CandidatePhoto) -> None:
    """Decode a photo read without it (at 1/8 scale) for its near-copy hash; a picture
    that does not decode raises PhotoRefusedError."""
    if photo.dhash is not None:
        return
    name = photo.path.name
    with images.open_checked(photo.path) as image:
        if image.format == "JPEG":
            image.draft("L", dhash.DECODE_SIZE)
        photo.dhash = _decoded_hash(image, name)


def _decoded_hash(image: Image.Image, name: str) -> int:
    try:
        return dhash.dhash(image)
    except (*images.BROKEN_FILE_ERRORS, Image.DecompressionBombError) as exc:
        raise _damaged(name) from exc


def _damaged(name: str) -> images.PhotoRefusedError:
    return images.PhotoRefusedError(f"{name} is damaged or incomplete and could not be read.")


def read_or_error(path: Path, near_copy_hash: bool) -> CandidatePhoto | Exception:
    """`read_candidate`, or the error that says why the file is refused or unreadable."""
    try:
        return read_candidate(path, near_copy_hash)
    except (images.PhotoRefusedError, OSError) as exc:
        return exc


def read_ahead(path: Path) -> None:
    """Ask the kernel to start reading `path` now, without waiting (where it can be asked)."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is None:
        return
    try:
        descriptor = os.open(path, os.O_RDONLY)
    except OSError:
        return  # said when its turn comes
    try:
        advise(descriptor, 0, 0, os.POSIX_FADV_WILLNEED)
    except OSError:
        pass
    finally:
        os.close(descriptor)
