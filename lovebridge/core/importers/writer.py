"""Writing accepted proposals: memories, their photos, places and ledger rows, a few at a time.

The photos of a few memories are copied first (content-addressed, written under temp names
and made durable together, so a copy left by a killed run is simply found again; see
copies.py and DurableBatch); then those memories, their photo rows and placements, their
places and the ledger rows are committed in one transaction (those beside the memories with
one statement per table for the whole group: see rows.py). A run killed at any point
leaves whole memories only, and running the import again skips everything the ledger holds.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from sqlalchemy.orm import Session

from lovebridge.core.context import AppContext
from lovebridge.core.importers import ledger, rows
from lovebridge.core.importers.copies import CopiedPhoto, copy_photos
from lovebridge.core.importers.job import NO_CONTROL, ImportCancelledError, JobControl
from lovebridge.core.importers.plan import (
    AcceptOutcome,
    CandidatePhoto,
    ImportPlan,
    ProposedMemory,
)
from lovebridge.core.scrapbook.records import MemoryDraft
from lovebridge.core.scrapbook.service import MemoryService
from lovebridge.store.change_capture import CaptureSwitch
from lovebridge.store.errors import StoreFullError
from lovebridge.store.guards import (
    SPACE_MARGIN_BYTES,
    disk_full_error,
    require_free_space,
    translated_write_errors,
)
from lovebridge.store.media import DurableBatch
from lovebridge.store.models import Memory as MemoryRow

logger = logging.getLogger(__name__)


def story_html(text: str) -> str:
    """Plain imported text as the editor's HTML: one paragraph per blank-line block."""
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    return "".join(f"<p>{html.escape(b).replace(chr(10), '<br>')}</p>" for b in blocks)


def accept(ctx: AppContext, plan: ImportPlan, control: JobControl = NO_CONTROL,
           include_bursts: bool = False) -> AcceptOutcome:
    """Write every accepted proposal of `plan`; a cancel stops between two memories (one
    pressed while a memory's photos are being copied drops that memory's copies too)."""
    outcome = AcceptOutcome()
    chosen = [p for p in plan.proposals if p.accepted and (p.photos or p.ledger_keys)]
    wanted = [proposal.photos + (proposal.bursts if include_bursts else [])
              for proposal in chosen]
    # The room for every new photo is checked before the first one is copied.
    require_free_space(ctx.paths.data, space_for_new(ctx, [c for p in wanted for c in p]),
                       IMPORT_DOING)
    progress = _Progress(control, sum(len(photos) + 1 for photos in wanted))
    pairs = list(zip(chosen, wanted, strict=True))
    committer = _Committer(ctx, outcome)
    try:
        for first, group in _groups(pairs):
            batch, ready, cancelled = _copy_group(ctx, group, outcome, progress)
            committer.commit(first + len(group), batch, ready)
            if cancelled:
                committer.wait()
                raise ImportCancelledError
        committer.wait()
    except StoreFullError as exc:  # the disk filled up meanwhile: say how much is left
        committer.abandon()
        left = [c for _proposal, photos in pairs[committer.written:] for c in photos]
        raise disk_full_error(ctx.paths.data, space_for_new(ctx, left), IMPORT_DOING,
                              f"the {outcome.memories} memories written before are kept; "
                              "running the import again carries on") from exc
    finally:
        committer.close()
    control.step(progress.total, progress.total)
    outcome.extras = [extra(ctx) for extra in plan.extras]
    logger.info("import wrote %d memories with %d photos", outcome.memories, outcome.photos)
    return outcome


# Memories are written a few at a time: their files copied, made durable together (one sync),
# then the memories committed in one transaction. A killed run loses at most one group's
# work, and whole memories only; its copied files are found again by the re-run.
GROUP_PHOTOS = 400
GROUP_BYTES = 256 * 1024 * 1024

_Pair = tuple[ProposedMemory, list[CandidatePhoto]]
# A memory ready to write: its proposal, its copied photos and the ledger keys it records.
_Ready = tuple[ProposedMemory, list[CopiedPhoto], list[str]]


class _Progress:
    """Photos copied plus memories written, reported through the job's control."""

    def __init__(self, control: JobControl, total: int) -> None:
        self.control, self.total, self.done = control, total, 0

    def step(self, extra: int = 0) -> None:
        self.control.step(self.done + extra, self.total)


def _groups(pairs: list[_Pair]) -> list[tuple[int, list[_Pair]]]:
    """Consecutive memories, at most about GROUP_PHOTOS photos / GROUP_BYTES a group (a
    bigger memory is a group of its own); with the index of each group's first memory."""
    groups: list[tuple[int, list[_Pair]]] = []
    photos = size = 0
    for index, pair in enumerate(pairs):
        count, volume = len(pair[1]), sum(c.byte_size for c in pair[1])
        if not groups or photos + count > GROUP_PHOTOS or size + volume > GROUP_BYTES:
            groups.append((index, []))
            photos = size = 0
        groups[-1][1].append(pair)
        photos, size = photos + count, size + volume
    return groups


def _copy_group(ctx: AppContext, group: list[_Pair], outcome: AcceptOutcome,
                progress: _Progress) -> tuple[DurableBatch, list[_Ready], bool]:
    """Copy the group's photos into a batch: (the batch, the memories to write, whether
    Cancel was pressed). On a cancel the memories copied whole are kept for writing and
    the one being copied is dropped, its files too."""
    batch = DurableBatch()
    ready: list[_Ready] = []
    try:
        for proposal, photos in group:
            progress.step()
            mark = batch.mark()
            try:
                copied = copy_photos(ctx, batch, photos, outcome.problems, progress.step)
            except ImportCancelledError:
                batch.discard_after(mark)
                return batch, ready, True
            progress.done += len(photos) + 1
            if copied or proposal.ledger_keys:  # else every photo was refused
                ready.append((proposal, copied, _ledger_keys(proposal, photos, copied)))
    except ImportCancelledError:
        return batch, ready, True
    except BaseException:
        batch.discard()
        raise
    return batch, ready, False


class _Committer:
    """Makes each group's files durable in a thread of its own while the next group's photos
    are copied, and writes each group's memories on the calling thread once its files are
    durable, while the group after it is being made durable. Groups are written in order,
    each only after the one before it.

    (Writing the memories in that thread as well was measured slower: the rows' Python work
    and the copies' took turns at Python's lock, and copying took twice as long. Syncing
    waits on the disk and lets go of the lock.)
    """

    def __init__(self, ctx: AppContext, outcome: AcceptOutcome) -> None:
        self._ctx, self._outcome = ctx, outcome
        self._service = MemoryService(ctx)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="import-sync")
        self._syncing: tuple[int, list[_Ready], Future[None]] | None = None
        self.written = 0  # memories of the plan (index into its pairs) committed so far

    def commit(self, upto: int, batch: DurableBatch, ready: list[_Ready]) -> None:
        """Start making `batch` durable, then write the group handed over before it (its
        files are durable by then). Its error is raised; `batch` is then dropped."""
        try:
            before = self._durable()
        except BaseException:
            batch.discard()
            raise
        self._syncing = (upto, ready, self._pool.submit(_make_durable, batch))
        if before is not None:
            self._write(*before)

    def wait(self) -> None:
        """Until every group handed over is durable and written; an error is raised."""
        done = self._durable()
        if done is not None:
            self._write(*done)

    def abandon(self) -> None:
        """After an error: wait until no group is being synced, and write nothing more (a
        group synced meanwhile leaves files that a re-run finds again)."""
        try:
            self._durable()
        except BaseException as exc:  # another error is being reported: this one is logged
            logger.warning("import: a group's sync failed too (%s)", type(exc).__name__)

    def close(self) -> None:
        self.abandon()
        self._pool.shutdown(wait=True)

    def _durable(self) -> tuple[int, list[_Ready]] | None:
        """The group being synced, once its files are durable; None when there is none."""
        syncing, self._syncing = self._syncing, None
        if syncing is None:
            return None
        upto, ready, future = syncing
        future.result()
        return upto, ready

    def _write(self, upto: int, ready: list[_Ready]) -> None:
        if ready:
            self._service.add_all_quietly(
                [(_draft(proposal), None) for proposal, _copied, _keys in ready],
                _rows_of(self._ctx.store.capture, ready))
            self._outcome.memories += len(ready)
            self._outcome.photos += sum(len(copied) for _proposal, copied, _keys in ready)
        self.written = upto


def _make_durable(batch: DurableBatch) -> None:
    try:
        with translated_write_errors():  # a full disk stops the import with a clear message
            batch.finish()
    finally:
        batch.discard()  # only when finishing failed: a finished batch holds nothing


IMPORT_DOING = "import these memories"
PER_PHOTO_OVERHEAD_BYTES = 8 * 1024  # its row, its placement, its ledger row


def space_for_new(ctx: AppContext, candidates: list[CandidatePhoto]) -> int:
    """About how much free space copying the candidates the library lacks takes."""
    sizes: dict[str, int] = {}
    for candidate in candidates:
        extension = (candidate.info.extension if candidate.info is not None
                     else candidate.path.suffix.lstrip(".").lower())
        stored = candidate.stored_sha256 or candidate.sha256
        if stored not in sizes and not ctx.media.contains(stored, extension):
            sizes[stored] = candidate.keep_bytes or candidate.byte_size or _size_of(candidate)
    return (sum(sizes.values()) + PER_PHOTO_OVERHEAD_BYTES * len(sizes)
            + SPACE_MARGIN_BYTES)


def _size_of(candidate: CandidatePhoto) -> int:
    try:
        return candidate.path.stat().st_size
    except OSError:
        return 0


def _draft(proposal: ProposedMemory) -> MemoryDraft:
    return MemoryDraft(
        title=proposal.title[:200], when=proposal.when, place=proposal.place_label[:200],
        story_html=story_html(proposal.story_text), story_text=proposal.story_text,
        tags=tuple(proposal.tags), favourite=proposal.favourite,
    )


def _rows_of(switch: CaptureSwitch,
             ready: list[_Ready]) -> Callable[[Session, list[MemoryRow]], None]:
    """What to write in the memories' transaction once they have their ids: their photo
    rows and placements, their places and their ledger rows (see rows.py)."""

    def write(session: Session, memories: list[MemoryRow]) -> None:
        rows.write(session, switch, [
            rows.MemoryRows(memory.id, copied, proposal.places, keys, proposal.source)
            for (proposal, copied, keys), memory in zip(ready, memories, strict=True)])

    return write


def _ledger_keys(proposal: ProposedMemory, tried: list[CandidatePhoto],
                 copied: list[CopiedPhoto]) -> list[str]:
    """What the ledger remembers of a memory: its own keys, and each of its photos but those
    that were tried and could not be copied (a re-run offers them again). Bursts left out on
    purpose are remembered, so a re-run does not offer them again."""
    failed = {c.path for c in tried} - {photo.candidate.path for photo in copied}
    return proposal.ledger_keys + [ledger.photo_key(c.sha256)
                                   for c in proposal.photos + proposal.bursts
                                   if c.path not in failed]
