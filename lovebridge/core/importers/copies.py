"""The photo files of a few memories, copied into the library together before their commit.

Each photo is copied in the kernel where it can (no pass through Python's memory) or a chunk
at a time, and the copy is hashed: it must be the hash the plan read (so the bytes stored are
the very ones the plan decoded and found whole), which names the stored file. A photo the
library already holds is not read at all. The caller makes the batch durable (one sync for
all its files, see DurableBatch) before the memories that point at them are committed. No
thumbnail is made here: the Scrapbook makes a missing one the first time a card shows it.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from lovebridge.core.context import AppContext
from lovebridge.core.importers.filehash import file_facts
from lovebridge.core.importers.plan import CandidatePhoto, Problem
from lovebridge.core.scrapbook import images
from lovebridge.store.media import CopySourceError, DurableBatch, SourceChangedError

CHANGED = ("changed after the folder was looked at; import it again to bring in the new "
           "version")


@dataclass(frozen=True)
class CopiedPhoto:
    """A photo whose file is in the library (durable once its batch is finished)."""

    candidate: CandidatePhoto
    sha256: str
    extension: str
    byte_size: int
    info: images.PhotoInfo


COPIERS = 2  # photos copied at once: the copies wait on the disk, not on Python


def copy_photos(ctx: AppContext, batch: DurableBatch, candidates: list[CandidatePhoto],
                problems: list[Problem],
                step: Callable[[int], None] = lambda _count: None) -> list[CopiedPhoto]:
    """Copy `candidates` into `batch`; a photo that cannot be copied is a problem.

    A couple of copies run at once, a few ahead (results are taken in order). `step(count)`
    follows the progress; if it raises (a cancel), the copies under way are finished first,
    then the error passes on and the caller drops what this call added to the batch.
    """
    copied: list[CopiedPhoto] = []
    with ThreadPoolExecutor(max_workers=COPIERS) as pool:
        ahead: deque[Future[tuple[CopiedPhoto | None, list[Problem]]]] = deque()
        waiting = iter(candidates)
        for candidate in itertools.islice(waiting, 2 * COPIERS):
            ahead.append(pool.submit(_copy_with_problems, ctx, batch, candidate))
        count = 0
        while ahead:
            photo, found = ahead.popleft().result()
            following = next(waiting, None)
            if following is not None:
                ahead.append(pool.submit(_copy_with_problems, ctx, batch, following))
            problems.extend(found)
            count += 1
            step(count)
            if photo is not None:
                copied.append(photo)
    return copied


def _copy_with_problems(ctx: AppContext, batch: DurableBatch, candidate: CandidatePhoto
                        ) -> tuple[CopiedPhoto | None, list[Problem]]:
    found: list[Problem] = []
    return _copy_one(ctx, batch, candidate, found), found


def _copy_one(ctx: AppContext, batch: DurableBatch, candidate: CandidatePhoto,
              problems: list[Problem]) -> CopiedPhoto | None:
    try:
        info, keep, stored_sha = _planned(candidate)
    except images.PhotoRefusedError as exc:
        problems.append(Problem(candidate.name, str(exc).replace("This photo ", "", 1)))
        return None
    except OSError as exc:
        problems.append(Problem(candidate.name, f"could not be copied ({exc.strerror or exc})"))
        return None
    try:
        ctx.media.copy_file_to_batch(batch, candidate.path, info.extension, stored_sha, keep,
                                     candidate.version)
    except SourceChangedError:
        problems.append(Problem(candidate.name, CHANGED))
        return None
    except CopySourceError as exc:
        problems.append(Problem(candidate.name, f"could not be copied ({exc})"))
        return None
    except OSError as exc:  # not full, not read-only (those stop the import): this photo only
        problems.append(Problem(candidate.name, f"could not be copied ({exc.strerror or exc})"))
        return None
    size = keep if keep is not None else candidate.byte_size
    return CopiedPhoto(candidate, stored_sha, info.extension, size, info)


def _planned(candidate: CandidatePhoto) -> tuple[images.PhotoInfo, int | None, str]:
    """The header facts, the length kept and the stored hash, read while planning (or now,
    for a candidate made without them)."""
    if candidate.info is not None and candidate.stored_sha256:
        return candidate.info, candidate.keep_bytes, candidate.stored_sha256
    info = candidate.info or images.read_info(candidate.path)
    facts = file_facts(candidate.path, info)
    if facts.sha256 != candidate.sha256:
        raise images.PhotoRefusedError(f"This photo {CHANGED}")
    candidate.byte_size = facts.size
    return info, facts.keep_bytes, facts.stored_sha256
