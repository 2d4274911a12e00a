"""Import a folder of photos: scan, read EXIF time and GPS, find copies, suggest memories."""

from __future__ import annotations

import itertools
import logging
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import closing
from pathlib import Path

from lovebridge.core.context import AppContext
from lovebridge.core.importers import ledger
from lovebridge.core.importers.grouping import group_photos, may_be_near_copies
from lovebridge.core.importers.job import NO_CONTROL, JobControl
from lovebridge.core.importers.photo_reading import add_near_copy_hash
from lovebridge.core.importers.places import load_in_background, place_finder
from lovebridge.core.importers.plan import CandidatePhoto, ImportPlan, Place
from lovebridge.core.importers.scan import Skipped, walk_photos
from lovebridge.core.importers.second_reader import read_candidates
from lovebridge.core.scrapbook import images

logger = logging.getLogger(__name__)


DECODERS = 2  # photos decoded at once for their near-copy hash: decoding lets go of Python's lock


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
    # Closed at once on a cancel (control.step raises): that stops the second reader.
    with closing(read_candidates(files, False)) as reading:
        for path, candidate, done in reading:
            control.step(done - 1, len(files))
            if isinstance(candidate, images.PhotoRefusedError):
                plan.refuse(_shown(path, folder), _reason(str(candidate), path.name))
                continue
            if isinstance(candidate, OSError):
                plan.refuse(_shown(path, folder),
                            f"could not be read ({candidate.strerror or candidate})")
                continue
            if ledger.photo_key(candidate.sha256) in known:
                plan.skipped_known += 1
                continue
            if candidate.sha256 in seen:
                plan.duplicates += 1
                plan.refuse(_shown(path, folder),
                            f"is the same photo as {_shown(seen[candidate.sha256], folder)}")
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
