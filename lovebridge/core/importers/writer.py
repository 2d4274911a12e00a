"""Writing accepted proposals: each memory, its photos, places and ledger in one transaction.

Photos are copied first (content-addressed and crash-safe, so a copy left by a killed run is
simply found again); then the memory, its photo placements, its places and the ledger rows
are committed together. A run killed at any point leaves whole memories only, and running
the import again skips everything the ledger already holds.
"""

from __future__ import annotations

import html
import logging

from sqlalchemy.orm import Session

from lovebridge.core.context import AppContext
from lovebridge.core.importers import ledger
from lovebridge.core.importers.job import NO_CONTROL, JobControl
from lovebridge.core.importers.plan import AcceptOutcome, ImportPlan, Problem, ProposedMemory
from lovebridge.core.scrapbook.images import PhotoRefusedError
from lovebridge.core.scrapbook.photo_import import PhotoImporter
from lovebridge.core.scrapbook.records import MemoryDraft, PhotoPlacement
from lovebridge.core.scrapbook.service import MemoryService
from lovebridge.store.models import Memory as MemoryRow
from lovebridge.store.models import MemoryPlace

logger = logging.getLogger(__name__)


def story_html(text: str) -> str:
    """Plain imported text as the editor's HTML: one paragraph per blank-line block."""
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    return "".join(f"<p>{html.escape(b).replace(chr(10), '<br>')}</p>" for b in blocks)


def accept(ctx: AppContext, plan: ImportPlan, control: JobControl = NO_CONTROL,
           include_bursts: bool = False) -> AcceptOutcome:
    """Write every accepted proposal of `plan`; a cancel stops between two memories."""
    outcome = AcceptOutcome()
    chosen = [p for p in plan.proposals if p.accepted and (p.photos or p.ledger_keys)]
    total = sum(len(p.photos) + (len(p.bursts) if include_bursts else 0) + 1 for p in chosen)
    done = 0
    importer = PhotoImporter(ctx)
    service = MemoryService(ctx)
    for proposal in chosen:
        control.step(done, total)
        placements: list[PhotoPlacement] = []
        photos = proposal.photos + (proposal.bursts if include_bursts else [])
        for candidate in photos:
            try:
                ref, _existed = importer.import_one(candidate.path)
            except PhotoRefusedError as exc:
                outcome.problems.append(Problem(candidate.name, str(exc)))
            except OSError as exc:
                outcome.problems.append(
                    Problem(candidate.name, f"could not be copied ({exc.strerror or exc})"))
            else:
                placements.append(PhotoPlacement(ref.photo_id, candidate.caption))
            done += 1
            control.step(done, total)
        if not placements and not proposal.ledger_keys:  # every photo refused
            done += 1
            continue
        keys = proposal.ledger_keys + [
            ledger.photo_key(c.sha256) for c in proposal.photos + proposal.bursts]
        _save(service, proposal, placements, keys)
        outcome.memories += 1
        outcome.photos += len(placements)
        done += 1
    control.step(total, total)
    outcome.extras = [extra(ctx) for extra in plan.extras]
    logger.info("import wrote %d memories with %d photos", outcome.memories, outcome.photos)
    return outcome


def _save(service: MemoryService, proposal: ProposedMemory, placements: list[PhotoPlacement],
          keys: list[str]) -> None:
    draft = MemoryDraft(
        title=proposal.title[:200], when=proposal.when, place=proposal.place_label[:200],
        story_html=story_html(proposal.story_text), story_text=proposal.story_text,
        tags=tuple(proposal.tags), favourite=proposal.favourite, photos=tuple(placements),
    )

    def also(session: Session, row: MemoryRow) -> None:
        for position, place in enumerate(proposal.places[:20]):
            session.add(MemoryPlace(
                memory_id=row.id, position=position, name=place.name[:200],
                country=place.country[:100], latitude=place.latitude,
                longitude=place.longitude))
        ledger.record(session, keys, proposal.source, row.id)

    service.save(draft, also=also)
