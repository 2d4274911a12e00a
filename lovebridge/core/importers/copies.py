"""The photo files of one memory, copied into the library together before its transaction.

Each photo is read once and hashed once: the hash is checked against the one the plan read
(so the bytes are the very ones the plan decoded and found whole) and names the stored file.
Files are written under temp names, then made durable together (one fsync per file, one per
folder touched); only after that is the memory that points at them committed. No thumbnail is
made here: the Scrapbook makes a missing one the first time a card shows the photo.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from lovebridge.core.context import AppContext
from lovebridge.core.importers.plan import CandidatePhoto, Problem
from lovebridge.core.scrapbook import images
from lovebridge.store.guards import translated_write_errors
from lovebridge.store.media import DurableBatch

BATCH_FILES = 64  # files held open at once; a bigger memory is made durable in several steps
BATCH_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True)
class CopiedPhoto:
    """A photo whose file is durably in the library, ready to be recorded with its memory."""

    candidate: CandidatePhoto
    sha256: str
    extension: str
    byte_size: int
    info: images.PhotoInfo


def copy_photos(ctx: AppContext, candidates: list[CandidatePhoto], problems: list[Problem],
                step: Callable[[int], None] = lambda _count: None) -> list[CopiedPhoto]:
    """Copy `candidates` into the library, durably; a photo that cannot be is a problem.

    `step(count)` follows the progress; if it raises (a cancel), files not yet made durable
    are removed and the rest stay as files no memory points at yet (a re-run finds them).
    """
    copied: list[CopiedPhoto] = []
    batch = DurableBatch()
    queued = 0
    try:
        for count, candidate in enumerate(candidates, start=1):
            photo = _copy_one(ctx, batch, candidate, problems)
            step(count)
            if photo is None:
                continue
            copied.append(photo)
            queued += photo.byte_size
            if len(batch) >= BATCH_FILES or queued >= BATCH_BYTES:
                _finish(batch)
                queued = 0
        _finish(batch)
    finally:
        batch.discard()  # only when something went wrong: a finished batch holds nothing
    return copied


def _finish(batch: DurableBatch) -> None:
    with translated_write_errors():  # a full disk stops the import with a clear message
        batch.finish()


def _copy_one(ctx: AppContext, batch: DurableBatch, candidate: CandidatePhoto,
              problems: list[Problem]) -> CopiedPhoto | None:
    try:
        data = candidate.path.read_bytes()
    except OSError as exc:
        problems.append(Problem(candidate.name, f"could not be copied ({exc.strerror or exc})"))
        return None
    if hashlib.sha256(data).hexdigest() != candidate.sha256:
        problems.append(Problem(
            candidate.name, "changed after the folder was looked at; import it again to bring "
            "in the new version"))
        return None
    try:  # the same bytes as planned, so the same header facts
        info = candidate.info or images.read_info(data)
    except images.PhotoRefusedError as exc:
        problems.append(Problem(candidate.name, str(exc).replace("This photo ", "", 1)))
        return None
    kept = images.without_trailing_data(data, info)  # junk after a JPEG's end is not kept
    sha = candidate.sha256 if kept is data else hashlib.sha256(kept).hexdigest()
    try:
        stored = ctx.media.add_to_batch(batch, kept, info.extension, sha)
    except OSError as exc:
        problems.append(Problem(candidate.name, f"could not be copied ({exc.strerror or exc})"))
        return None
    return CopiedPhoto(candidate, stored.sha256, stored.extension, stored.byte_size, info)
