"""Import a folder of photos: scan, read EXIF time and GPS, find copies, suggest memories."""

from __future__ import annotations

import itertools
import logging
import os
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PIL import Image

from lovebridge.core.context import AppContext
from lovebridge.core.importers import dhash, ledger
from lovebridge.core.importers.exif_gps import gps_position
from lovebridge.core.importers.filehash import file_facts
from lovebridge.core.importers.grouping import group_photos, may_be_near_copies
from lovebridge.core.importers.job import NO_CONTROL, JobControl
from lovebridge.core.importers.places import load_in_background, place_finder
from lovebridge.core.importers.plan import CandidatePhoto, ImportPlan, Place
from lovebridge.core.importers.scan import Skipped, walk_photos
from lovebridge.core.scrapbook import images
from lovebridge.store.media import FileVersion

logger = logging.getLogger(__name__)


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


DECODERS = 2  # photos decoded at once for their near-copy hash: decoding lets go of Python's lock
READ_AHEAD = 8  # files the kernel is asked to start reading before their turn


def read_candidates(files: list[Path], near_copy_hash: bool = True,
                    ) -> Iterator[tuple[Path, CandidatePhoto | Exception]]:
    """`read_candidate` of each file, in order (a refused or unreadable file gives its error
    instead).

    One after another on this thread: reading a header and its EXIF is Python's own work,
    which threads would only take turns at (measured slower with two than with one). The
    disk is kept busy instead by asking the kernel to read the next few files ahead.
    """
    for path in files[1:READ_AHEAD]:
        read_ahead(path)
    for index, path in enumerate(files):
        if index + READ_AHEAD < len(files):
            read_ahead(files[index + READ_AHEAD])
        try:
            result: CandidatePhoto | Exception = read_candidate(path, near_copy_hash)
        except (images.PhotoRefusedError, OSError) as exc:
            result = exc
        yield path, result


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


def decode_near_copy_hashes(photos: list[CandidatePhoto]
                            ) -> Iterator[tuple[Path, None | Exception]]:
    """`add_near_copy_hash` for each photo, a few decoded at once on worker threads (the
    decoder runs without Python's lock), in order; at most 2 x DECODERS in flight, so
    memory does not grow with the folder and stopping early waits only for those."""
    with ThreadPoolExecutor(max_workers=DECODERS) as pool:
        ahead: deque[tuple[CandidatePhoto, Future[None]]] = deque()
        waiting = iter(photos)
        for photo in itertools.islice(waiting, 2 * DECODERS):
            ahead.append((photo, pool.submit(add_near_copy_hash, photo)))
        while ahead:
            photo, future = ahead.popleft()
            following = next(waiting, None)
            if following is not None:
                ahead.append((following, pool.submit(add_near_copy_hash, following)))
            try:
                future.result()
                result: None | Exception = None
            except (images.PhotoRefusedError, OSError) as exc:
                result = exc
            yield photo.path, result


class PlaceNamer:
    """Place names for GPS positions, remembered per ~1 km square (photos cluster).

    `name` names a photo at once; `later` gathers photos (and starts loading the town table
    in the background at the first one), and `name_gathered` names them all in one pass.
    """

    def __init__(self) -> None:
        self._known: dict[tuple[float, float], Place | None] = {}
        self._waiting: list[CandidatePhoto] = []

    def name(self, photo: CandidatePhoto) -> None:
        if not photo.has_gps:
            return
        key = (round(photo.latitude, 2), round(photo.longitude, 2))  # type: ignore[arg-type]
        if key not in self._known:
            self._known[key] = place_finder().find(*key)
        photo.place = self._known[key]

    def later(self, photo: CandidatePhoto) -> None:
        if not photo.has_gps:
            return
        if not self._waiting:
            load_in_background()
        self._waiting.append(photo)

    def name_gathered(self) -> None:
        for photo in self._waiting:
            self.name(photo)
        self._waiting.clear()


def plan_folder(ctx: AppContext, folder: Path, control: JobControl = NO_CONTROL) -> ImportPlan:
    """Suggested memories from every photo under `folder`; nothing is written."""
    plan = ImportPlan(source="folder")
    skipped: list[Skipped] = []
    files = list(walk_photos(folder, skipped))
    for item in skipped:
        plan.refuse(_shown(item.path, folder), item.reason)
    known = ledger.known_keys(ctx)
    seen: dict[str, Path] = {}
    candidates: list[CandidatePhoto] = []
    namer = PlaceNamer()
    # Decoding a photo for its near-copy hash is the slowest step of all: a JPEG shown whole
    # by its end marker is decoded only if a photo was taken within seconds of it (see
    # grouping.may_be_near_copies), the only ones whose hash is ever compared.
    for done, (path, candidate) in enumerate(read_candidates(files, False), start=1):
        control.step(done - 1, len(files))
        shown = _shown(path, folder)
        if isinstance(candidate, images.PhotoRefusedError):
            plan.refuse(shown, _reason(str(candidate), path.name))
            continue
        if isinstance(candidate, OSError):
            plan.refuse(shown, f"could not be read ({candidate.strerror or candidate})")
            continue
        if ledger.photo_key(candidate.sha256) in known:
            plan.skipped_known += 1
            continue
        if candidate.sha256 in seen:
            plan.duplicates += 1
            plan.refuse(shown, f"is the same photo as {_shown(seen[candidate.sha256], folder)}")
            continue
        seen[candidate.sha256] = path
        namer.later(candidate)
        candidates.append(candidate)
    candidates = _with_near_copy_hashes(candidates, plan, folder, control, len(files))
    namer.name_gathered()
    control.step(len(files), len(files))
    plan.proposals = group_photos(candidates)
    logger.info("folder import: %d files, %d suggested memories, %d not usable",
                len(files), len(plan.proposals), len(plan.problems))
    return plan


def _with_near_copy_hashes(candidates: list[CandidatePhoto], plan: ImportPlan, folder: Path,
                           control: JobControl, total: int) -> list[CandidatePhoto]:
    """The candidates, those that may be near-copies decoded for their hash (a picture that
    does not decode is refused, as when it is read)."""
    close = [photo for photo in may_be_near_copies(candidates) if photo.dhash is None]
    refused: set[Path] = set()
    for path, result in decode_near_copy_hashes(close):
        control.step(total - 1, total)
        if result is not None:
            refused.add(path)
            message = (_reason(str(result), path.name)
                       if isinstance(result, images.PhotoRefusedError)
                       else f"could not be read ({result.strerror or result})")
            plan.refuse(_shown(path, folder), message)
    return [c for c in candidates if c.path not in refused]


def _shown(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root)) or path.name
    except ValueError:
        return str(path)


def _reason(message: str, name: str) -> str:
    """A refusal message without the file name in front (the report shows the path)."""
    return message[len(name):].strip() if message.startswith(name) else message
