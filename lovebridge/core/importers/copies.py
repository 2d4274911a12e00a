"""The photo files of a few memories, copied into the library together before their commit.

Each photo is streamed once, a megabyte at a time, from its folder into a temp file in the
library while being hashed: the hash is checked against the one the plan read (so the bytes
are the very ones the plan decoded and found whole) and names the stored file. A photo the
library already holds is not read at all. The caller makes the batch durable (one sync for
all its files, see DurableBatch) before the memories that point at them are committed. No
thumbnail is made here: the Scrapbook makes a missing one the first time a card shows it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lovebridge.core.context import AppContext
from lovebridge.core.importers.filehash import CHUNK, file_facts
from lovebridge.core.importers.plan import CandidatePhoto, Problem
from lovebridge.core.scrapbook import images
from lovebridge.store.media import DurableBatch

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


class _SourceChangedError(Exception):
    """The file's bytes are no longer those the plan read."""


class _SourceReadError(Exception):
    """The photo's own file could not be read (not the library's fault)."""


def copy_photos(ctx: AppContext, batch: DurableBatch, candidates: list[CandidatePhoto],
                problems: list[Problem],
                step: Callable[[int], None] = lambda _count: None) -> list[CopiedPhoto]:
    """Copy `candidates` into `batch`; a photo that cannot be copied is a problem.

    `step(count)` follows the progress; if it raises (a cancel), the error passes on and the
    caller drops what this call added to the batch.
    """
    copied: list[CopiedPhoto] = []
    for count, candidate in enumerate(candidates, start=1):
        photo = _copy_one(ctx, batch, candidate, problems)
        step(count)
        if photo is not None:
            copied.append(photo)
    return copied


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
    chunks = _checked_chunks(candidate.path, candidate.sha256, keep)
    try:
        ctx.media.add_chunks_to_batch(batch, chunks, info.extension, stored_sha)
    except _SourceChangedError:
        problems.append(Problem(candidate.name, CHANGED))
        return None
    except _SourceReadError as exc:
        reason = exc.__cause__
        problems.append(Problem(candidate.name, "could not be copied "
                                f"({getattr(reason, 'strerror', None) or reason})"))
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


def _checked_chunks(path: Path, sha256: str, keep: int | None) -> Iterator[bytes]:
    """The bytes to store (the first `keep` when set), a chunk at a time; raises
    _SourceChangedError at the end if the whole file no longer hashes to `sha256`."""
    digest = hashlib.sha256()
    left = keep
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
                if left is None:
                    yield chunk
                elif left > 0:
                    part = chunk[:left]
                    left -= len(part)
                    yield part
    except OSError as exc:
        raise _SourceReadError from exc
    if digest.hexdigest() != sha256 or (left is not None and left > 0):
        raise _SourceChangedError
