"""Reading LoveBridge's own open export back: memories, notes, plans and check-ins.

Memories go through the usual review; notes, plans (from plans.ics) and check-ins are
added after it, each only if the library does not already hold it (same uuid or UID).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path, PurePosixPath

from sqlalchemy import select

from lovebridge.core.context import AppContext
from lovebridge.core.importers import ledger
from lovebridge.core.importers.archive import ArchiveError, ExportSource
from lovebridge.core.importers.entries import reason_of
from lovebridge.core.importers.job import NO_CONTROL, JobControl
from lovebridge.core.importers.photo_reading import read_candidate
from lovebridge.core.importers.plan import ExtraOutcome, ImportPlan, Place, ProposedMemory
from lovebridge.core.scrapbook.images import PhotoRefusedError
from lovebridge.core.scrapbook.records import MemoryDate
from lovebridge.store.models import CheckIn, Memory, Message

MANIFEST = "lovebridge-export.json"


def manifest_prefix(names: list[str]) -> str | None:
    """"" or "<folder>/" where the export's manifest sits; None when it is not one."""
    for name in names:
        if name == MANIFEST or (name.count("/") == 1 and name.endswith("/" + MANIFEST)):
            return name[: -len(MANIFEST)]
    return None


def _moment(value: object) -> datetime | None:
    return datetime.fromisoformat(str(value)) if value else None


def plan_reopen(ctx: AppContext, source: ExportSource, staging: Path,
                control: JobControl = NO_CONTROL) -> ImportPlan:
    plan = ImportPlan(source="lovebridge")
    names = source.names()
    prefix = manifest_prefix(names) or ""
    known = ledger.known_keys(ctx)
    with ctx.store.session_scope() as session:  # exported from this very library
        known.update(f"lovebridge:{uuid}" for uuid in session.scalars(select(Memory.uuid)))
    memories = [n for n in names if n.startswith(prefix + "memories/")
                and n.endswith("/memory.json")]
    for done, name in enumerate(memories):
        control.step(done, len(memories))
        try:
            record = json.loads(source.read_bytes(name))
            key = f"lovebridge:{record['uuid']}"
            parts = record["date_parts"]
            when = MemoryDate(int(parts["year"]), parts.get("month"), parts.get("day"))
        except (ArchiveError, ValueError, KeyError, TypeError) as exc:
            plan.refuse(name, f"is not a readable memory ({type(exc).__name__})")
            continue
        if key in known:
            plan.skipped_known += 1
            continue
        folder = str(PurePosixPath(name).parent)
        photos = []
        for item in record.get("photos") or []:
            member = f"{folder}/{item.get('file', '')}"
            try:
                candidate = read_candidate(source.extract(member, staging))
            except (ArchiveError, PhotoRefusedError, OSError) as exc:
                plan.refuse(member, reason_of(str(exc)))
                continue
            candidate.caption = str(item.get("caption") or "")
            candidate.shown_name = str(item.get("original_name") or PurePosixPath(member).name)
            photos.append(candidate)
        places = [Place(str(p.get("name", ""))[:200], str(p.get("country") or ""),
                        p.get("latitude"), p.get("longitude"))
                  for p in record.get("places") or [] if p.get("name")]
        plan.proposals.append(ProposedMemory(
            title=str(record.get("title") or when.label()), when=when, photos=photos,
            places=places, story_text=str(record.get("story_text") or ""),
            tags=[str(t) for t in record.get("tags") or []],
            favourite=bool(record.get("favourite")), ledger_keys=[key], source="lovebridge"))
    control.step(len(memories), len(memories))
    _extras(plan, source, prefix, names)
    return plan


def _extras(plan: ImportPlan, source: ExportSource, prefix: str, names: list[str]) -> None:
    def read(name: str) -> object:
        if prefix + name not in names:
            return None
        try:
            return json.loads(source.read_bytes(prefix + name))
        except (ArchiveError, ValueError) as exc:
            plan.refuse(name, f"could not be read ({exc})")
            return None

    notes = read("notes/notes.json")
    check_ins = read("check-ins/check-ins.json")
    calendar = None
    if prefix + "plans/plans.ics" in names:
        try:
            calendar = source.read_bytes(prefix + "plans/plans.ics")
        except ArchiveError as exc:
            plan.refuse("plans/plans.ics", str(exc))
    if isinstance(notes, list):
        # A note that was still sealed left without its words: brought back, its empty copy
        # would overwrite the sender's words once sharing starts again. It stays out.
        kept = [r for r in notes if not (isinstance(r, dict) and r.get("sealed") is True)]
        plan.extras.append(lambda ctx: _add_notes(ctx, kept))
        if sealed := len(notes) - len(kept):
            plan.unmapped.append(
                f"{sealed} sealed note{'' if sealed == 1 else 's'} left out: exported "
                "before opening, without words (sharing brings them back from the sender)")
    if isinstance(check_ins, list):
        plan.extras.append(lambda ctx: _add_check_ins(ctx, check_ins))
        plan.unmapped.append("check-ins come back without their link to a plan")
    if calendar is not None:
        plan.extras.append(lambda ctx: _add_plans(ctx, calendar))
    if prefix + "couple.json" in names:
        plan.unmapped.append("couple.json: names and special days are left as they are")


def _add_missing(ctx: AppContext, model: type, records: list, make: Callable[[dict], object],
                 kind: str) -> ExtraOutcome:
    """Add a row for each record whose uuid the library does not hold yet."""
    added = 0
    with ctx.store.session_scope() as session:
        have = set(session.scalars(select(model.uuid)))
        for record in records:
            if isinstance(record, dict) and record.get("uuid") and record["uuid"] not in have:
                session.add(make(record))
                added += 1
    return ExtraOutcome(kind, added)


def _add_notes(ctx: AppContext, records: list) -> ExtraOutcome:
    return _add_missing(ctx, Message, records, lambda r: Message(
        uuid=str(r["uuid"])[:36], title=str(r.get("title") or "")[:200],
        author=r.get("author") if r.get("author") in ("a", "b") else "a",
        category=r.get("category"), channel=str(r.get("channel") or "print")[:20],
        status=str(r.get("status") or "draft")[:12],
        body_text=str(r.get("body_text") or ""), body_html=str(r.get("body_html") or ""),
        created_at=_moment(r.get("created_at")) or ctx.now(),
        given_at=_moment(r.get("given_at")), memory_uuid=r.get("memory_uuid")), "note")


def _add_check_ins(ctx: AppContext, records: list) -> ExtraOutcome:
    return _add_missing(ctx, CheckIn, records, lambda r: CheckIn(
        uuid=str(r["uuid"])[:36], prompts_json=json.dumps(r.get("prompts") or []),
        notes_html=str(r.get("notes_html") or ""),
        created_at=_moment(r.get("created_at")) or ctx.now(),
        occurrence_start=_moment(r.get("occurrence_start"))), "check-in")


def _add_plans(ctx: AppContext, calendar: bytes) -> ExtraOutcome:
    from lovebridge.core.dates.ical import IcsImportError, import_calendar
    from lovebridge.core.dates.plans import PlanService

    try:
        report = import_calendar(PlanService(ctx.store, ctx.clock), calendar)
    except IcsImportError as exc:
        return ExtraOutcome("plan", error=str(exc))
    return ExtraOutcome("plan", report.imported, calendar=report)
