"""Writing accepted proposals: each memory, its photos, places and ledger in one transaction.

The photos of a memory are copied first (content-addressed, written under temp names and made
durable together, so a copy left by a killed run is simply found again; see copies.py); then
the memory, its photo rows and placements, its places and the ledger rows are committed
together. A run killed at any point leaves whole memories only, and running
the import again skips everything the ledger already holds.
"""

from __future__ import annotations

import html
import logging

from sqlalchemy import select
from sqlalchemy.orm import Session

from lovebridge.core.context import AppContext
from lovebridge.core.importers import ledger
from lovebridge.core.importers.copies import CopiedPhoto, copy_photos
from lovebridge.core.importers.job import NO_CONTROL, JobControl
from lovebridge.core.importers.plan import (
    AcceptOutcome,
    CandidatePhoto,
    ImportPlan,
    ProposedMemory,
)
from lovebridge.core.scrapbook.records import MemoryDraft
from lovebridge.core.scrapbook.service import MemoryService
from lovebridge.store.errors import StoreFullError
from lovebridge.store.guards import SPACE_MARGIN_BYTES, disk_full_error, require_free_space
from lovebridge.store.models import Memory as MemoryRow
from lovebridge.store.models import MemoryPhoto, MemoryPlace, Photo

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
    total = sum(len(p.photos) + (len(p.bursts) if include_bursts else 0) + 1 for p in chosen)
    done = 0
    service = MemoryService(ctx)
    wanted = [proposal.photos + (proposal.bursts if include_bursts else [])
              for proposal in chosen]
    # The room for every new photo is checked before the first one is copied.
    require_free_space(ctx.paths.data, space_for_new(ctx, [c for p in wanted for c in p]),
                       IMPORT_DOING)
    for number, (proposal, photos) in enumerate(zip(chosen, wanted, strict=True)):
        control.step(done, total)
        start = done
        try:
            copied = copy_photos(ctx, photos, outcome.problems,
                                 lambda count, base=start: control.step(base + count, total))
        except StoreFullError as exc:  # the disk filled up meanwhile: say how much is left
            left = [c for p in wanted[number:] for c in p]
            raise disk_full_error(ctx.paths.data, space_for_new(ctx, left), IMPORT_DOING,
                                  f"the {outcome.memories} memories written before are kept; "
                                  "running the import again carries on") from exc
        done += len(photos)
        if not copied and not proposal.ledger_keys:  # every photo refused
            done += 1
            continue
        keys = proposal.ledger_keys + [
            ledger.photo_key(c.sha256) for c in proposal.photos + proposal.bursts]
        _save(service, proposal, copied, keys)
        outcome.memories += 1
        outcome.photos += len(copied)
        done += 1
    control.step(total, total)
    outcome.extras = [extra(ctx) for extra in plan.extras]
    logger.info("import wrote %d memories with %d photos", outcome.memories, outcome.photos)
    return outcome


IMPORT_DOING = "import these memories"
PER_PHOTO_OVERHEAD_BYTES = 8 * 1024  # its row, its placement, its ledger row


def space_for_new(ctx: AppContext, candidates: list[CandidatePhoto]) -> int:
    """About how much free space copying the candidates the library lacks takes."""
    sizes: dict[str, int] = {}
    for candidate in candidates:
        extension = (candidate.info.extension if candidate.info is not None
                     else candidate.path.suffix.lstrip(".").lower())
        if candidate.sha256 not in sizes and not ctx.media.contains(candidate.sha256, extension):
            sizes[candidate.sha256] = candidate.byte_size or _size_of(candidate)
    return (sum(sizes.values()) + PER_PHOTO_OVERHEAD_BYTES * len(sizes)
            + SPACE_MARGIN_BYTES)


def _size_of(candidate: CandidatePhoto) -> int:
    try:
        return candidate.path.stat().st_size
    except OSError:
        return 0


def _save(service: MemoryService, proposal: ProposedMemory, copied: list[CopiedPhoto],
          keys: list[str]) -> None:
    """The memory, its photo rows and placements, its places and its ledger rows: one commit."""
    draft = MemoryDraft(
        title=proposal.title[:200], when=proposal.when, place=proposal.place_label[:200],
        story_html=story_html(proposal.story_text), story_text=proposal.story_text,
        tags=tuple(proposal.tags), favourite=proposal.favourite,
    )

    def also(session: Session, row: MemoryRow) -> None:
        rows = _photo_rows(session, copied)
        for position, photo in enumerate(copied):
            row.photos.append(MemoryPhoto(
                photo=rows[photo.sha256], position=position,
                caption=photo.candidate.caption.strip()))
        for position, place in enumerate(proposal.places[:20]):
            session.add(MemoryPlace(
                memory_id=row.id, position=position, name=place.name[:200],
                country=place.country[:100], latitude=place.latitude,
                longitude=place.longitude))
        ledger.record(session, keys, proposal.source, row.id)
        session.flush()

    service.add_quietly(draft, also=also)


def _photo_rows(session: Session, copied: list[CopiedPhoto]) -> dict[str, Photo]:
    """The library's row for each copied photo: the one it already has, or a new one."""
    shas = list(dict.fromkeys(photo.sha256 for photo in copied))
    rows = {row.sha256: row for row in session.scalars(select(Photo).where(Photo.sha256.in_(shas)))}
    for photo in copied:
        if photo.sha256 not in rows:
            info = photo.info
            rows[photo.sha256] = Photo(
                sha256=photo.sha256, extension=photo.extension, byte_size=photo.byte_size,
                width=info.width, height=info.height, orientation=info.orientation,
                taken_at=info.taken_at, original_name=photo.candidate.path.name[:255])
            session.add(rows[photo.sha256])
    session.flush()
    return rows
