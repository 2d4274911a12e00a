"""The open export: everything the couple has, as Markdown and JSON anyone can read.

Layout (also written into the export as README.txt, see `export_readme.py`):

    lovebridge-export.json           format, version, time of export, counts
    README.txt                       what every file is
    memories/<date> <title>/         memory.md (readable), memory.json (every field),
                                     photos/<nn> <original name> (the original files)
    notes/<date> <title>.md          one per note; notes.json holds every field
    plans/plans.ics                  every plan, for any calendar (iCalendar, RFC 5545)
    plans/plans.json                 the same plans with LoveBridge's own fields
    check-ins/check-ins.md, .json    the check-ins with their notes
    couple.json                      names, together since, special days, inside jokes

A target ending in ".zip" gets a ZIP of the same folder. The export is written beside the
target under a temporary name and renamed when complete, so a half-written export never
looks finished.
"""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from lovebridge.core.context import AppContext
from lovebridge.core.export_readme import README
from lovebridge.core.importers.job import NO_CONTROL, JobControl
from lovebridge.core.write.messages import local_today
from lovebridge.core.write.sealing import Viewer
from lovebridge.store.media import replace_file
from lovebridge.store.models import (
    CheckIn,
    InsideJoke,
    Memory,
    MemoryPhoto,
    MemoryPlace,
    Message,
    Profile,
    SpecialDate,
)

FORMAT = "lovebridge-export"
VERSION = 1
MANIFEST = "lovebridge-export.json"


@dataclass
class ExportOutcome:
    target: Path
    memories: int = 0
    photos: int = 0
    notes: int = 0
    plans: int = 0
    check_ins: int = 0


def slug(text: str, limit: int = 60) -> str:
    """A file-name-safe version of a title (letters of any language kept)."""
    cleaned = re.sub(r"[^\w\s.,'()-]", "", text, flags=re.UNICODE)
    cleaned = " ".join(cleaned.split()).strip(" .")[:limit].strip(" .")
    return cleaned or "untitled"


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _write_json(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def export_everything(ctx: AppContext, target: Path,
                      control: JobControl = NO_CONTROL) -> ExportOutcome:
    """Write the open export to `target` (a new folder, or a .zip file)."""
    as_zip = target.suffix.lower() == ".zip"
    folder_name = target.stem if as_zip else target.name
    work = target.with_name(f".{target.name}.partial")
    shutil.rmtree(work, ignore_errors=True)
    root = work / folder_name if as_zip else work
    root.mkdir(parents=True)
    try:
        outcome = ExportOutcome(target)
        _memories(ctx, root, outcome, control)
        _notes(ctx, root, outcome)
        _plans(ctx, root, outcome)
        _check_ins(ctx, root, outcome)
        _couple(ctx, root)
        (root / "README.txt").write_text(README, encoding="utf-8")
        _write_json(root / MANIFEST, {
            "format": FORMAT, "version": VERSION, "exported_at": ctx.now().isoformat(),
            "memories": outcome.memories, "photos": outcome.photos, "notes": outcome.notes,
            "plans": outcome.plans, "check_ins": outcome.check_ins,
        })
        if as_zip:
            _zip_folder(root, target)
        else:
            if target.exists():
                raise FileExistsError(f"{target} already exists")
            replace_file(work, target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return outcome


def _zip_folder(root: Path, target: Path) -> None:
    partial = target.with_name(target.name + ".partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(root.rglob("*")):
            if path.is_file():
                stored = path.suffix.lower() in (".jpg", ".jpeg", ".heic", ".png", ".webp")
                archive.write(path, path.relative_to(root.parent).as_posix(),
                              zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
    replace_file(partial, target)


def _memories(ctx: AppContext, root: Path, outcome: ExportOutcome, control: JobControl) -> None:
    with ctx.store.session_scope() as session:
        ids = list(session.scalars(select(Memory.id).where(Memory.trashed_at.is_(None))
                                   .order_by(Memory.date_year, Memory.date_month,
                                             Memory.date_day, Memory.id)))
    used: set[str] = set()
    for done, memory_id in enumerate(ids):
        control.step(done, len(ids))
        with ctx.store.session_scope() as session:  # one memory at a time: memory bounded
            row = session.scalar(select(Memory).where(Memory.id == memory_id).options(
                selectinload(Memory.photos).selectinload(MemoryPhoto.photo),
                selectinload(Memory.tags)))
            places = session.execute(
                select(MemoryPlace).where(MemoryPlace.memory_id == memory_id)
                .order_by(MemoryPlace.position)).scalars().all()
            record = _memory_record(row, places)
            files = [(mp.photo.sha256, mp.photo.extension) for mp in row.photos
                     if mp.trashed_at is None]
        name = _unique(f"{record['date']} {slug(record['title'])}", used)
        folder = root / "memories" / name
        (folder / "photos").mkdir(parents=True)
        for item, (sha, extension) in zip(record["photos"], files, strict=True):
            (folder / item["file"]).write_bytes(ctx.media.read_bytes(sha, extension))
            outcome.photos += 1
        _write_json(folder / "memory.json", record)
        (folder / "memory.md").write_text(_memory_markdown(record), encoding="utf-8")
        outcome.memories += 1
    control.step(len(ids), len(ids))


def _unique(name: str, used: set[str]) -> str:
    candidate, number = name, 2
    while candidate.casefold() in used:
        candidate = f"{name} ({number})"
        number += 1
    used.add(candidate.casefold())
    return candidate


def _memory_record(row: Memory, places: list[MemoryPlace]) -> dict:
    when = "-".join(f"{part:02}" for part in (row.date_year, row.date_month, row.date_day)
                    if part is not None)
    photos = []
    for number, placed in enumerate((mp for mp in row.photos if mp.trashed_at is None), 1):
        photo = placed.photo
        original = slug(Path(photo.original_name).stem or "photo", 40)
        photos.append({
            "file": f"photos/{number:02} {original}.{photo.extension}",
            "caption": placed.caption, "sha256": photo.sha256,
            "taken_at": _iso(photo.taken_at), "original_name": photo.original_name,
            "width": photo.width, "height": photo.height,
        })
    return {
        "uuid": row.uuid, "title": row.title, "date": when,
        "date_parts": {"year": row.date_year, "month": row.date_month, "day": row.date_day},
        "place": row.place,
        "places": [{"name": p.name, "country": p.country, "latitude": p.latitude,
                    "longitude": p.longitude} for p in places],
        "story_text": row.story_text, "story_html": row.story_html,
        "tags": [t.name for t in row.tags], "mood": row.mood, "favourite": row.favourite,
        "added_by": row.added_by, "created_at": _iso(row.created_at), "photos": photos,
    }


def _memory_markdown(record: dict) -> str:
    lines = [f"# {record['title']}", "", f"**Date:** {record['date']}  "]
    if record["place"]:
        lines.append(f"**Place:** {record['place']}  ")
    if record["tags"]:
        lines.append("**Tags:** " + ", ".join(record["tags"]) + "  ")
    lines += ["", record["story_text"], ""]
    for photo in record["photos"]:
        lines.append(f"![{photo['caption']}](<{photo['file']}>)")
        if photo["caption"]:
            lines += [f"*{photo['caption']}*", ""]
    return "\n".join(lines).rstrip() + "\n"


def _notes(ctx: AppContext, root: Path, outcome: ExportOutcome) -> None:
    folder = root / "notes"
    folder.mkdir()
    records = []
    used: set[str] = set()
    with ctx.store.session_scope() as session:
        rows = session.scalars(select(Message).where(Message.trashed_at.is_(None))
                               .order_by(Message.created_at)).all()
        viewer = Viewer.of(session, local_today(ctx.now))
        for row in rows:
            # A note from the partner still sealed here leaves without its words.
            sealed = viewer.sealed(row.author, row.sent_to_partner_at, row.opens_on)
            title, text, html = ("", "", "") if sealed else (row.title, row.body_text,
                                                              row.body_html)
            record = {
                "uuid": row.uuid, "title": title, "author": row.author,
                "category": row.category, "channel": row.channel, "status": row.status,
                "body_text": text, "body_html": html,
                "created_at": _iso(row.created_at), "given_at": _iso(row.given_at),
                "memory_uuid": row.memory_uuid, "reply_to": row.reply_to,
                "sent_to_partner_at": _iso(row.sent_to_partner_at),
                "read_at": _iso(row.read_at),
                "opens_on": row.opens_on.isoformat() if row.opens_on else None,
                "sealed": sealed,
            }
            name = _unique(f"{row.created_at:%Y-%m-%d} {slug(title or 'note')}", used)
            record["file"] = f"notes/{name}.md"
            if sealed:
                text = f"(Sealed: this note opens on {row.opens_on:%d %B %Y}.)"
            (folder / f"{name}.md").write_text(
                f"# {title or 'A note'}\n\n*{row.status}, {row.created_at:%d %B %Y}*\n\n"
                f"{text}\n", encoding="utf-8")
            records.append(record)
    _write_json(folder / "notes.json", records)
    outcome.notes = len(records)


def _plans(ctx: AppContext, root: Path, outcome: ExportOutcome) -> None:
    from lovebridge.core.dates.ical import export_calendar
    from lovebridge.core.dates.plans import PlanService

    plans = PlanService(ctx.store, ctx.clock).plans()
    folder = root / "plans"
    folder.mkdir()
    (folder / "plans.ics").write_bytes(export_calendar(plans, ctx.now()))
    _write_json(folder / "plans.json", [{
        "uuid": p.uuid, "title": p.title, "kind": p.kind, "starts_at": _iso(p.starts_at),
        "ends_at": _iso(p.ends_at), "timezone": p.timezone, "all_day": p.all_day,
        "place": p.place, "budget": p.budget, "notes": p.notes, "status": p.status,
        "reminder_minutes": p.reminder_minutes, "rrule": p.rrule,
        "memory_uuid": p.memory_uuid,
    } for p in plans])
    outcome.plans = len(plans)


def _check_ins(ctx: AppContext, root: Path, outcome: ExportOutcome) -> None:
    from lovebridge.core.importers.entries import html_to_text

    folder = root / "check-ins"
    folder.mkdir()
    with ctx.store.session_scope() as session:
        rows = session.scalars(select(CheckIn).order_by(CheckIn.created_at)).all()
        records = [{
            "uuid": r.uuid, "created_at": _iso(r.created_at),
            "occurrence_start": _iso(r.occurrence_start),
            "prompts": json.loads(r.prompts_json or "[]"), "notes_html": r.notes_html,
            "notes_text": html_to_text(r.notes_html or ""),
        } for r in rows]
    _write_json(folder / "check-ins.json", records)
    text = ["# Check-ins", ""]
    for record in records:
        text += [f"## {record['created_at'][:10]}", "", record["notes_text"], ""]
    (folder / "check-ins.md").write_text("\n".join(text), encoding="utf-8")
    outcome.check_ins = len(records)


def _couple(ctx: AppContext, root: Path) -> None:
    with ctx.store.session_scope() as session:
        profile = session.scalars(select(Profile)).first()
        data = {
            "partner_a": profile.partner_a if profile else "",
            "partner_b": profile.partner_b if profile else "",
            "together_since": profile.together_since.isoformat()
            if profile and profile.together_since else None,
            "special_days": [{"label": d.label, "day": d.day.isoformat(), "kind": d.kind,
                              "yearly": d.yearly} for d in session.scalars(select(SpecialDate))],
            "inside_jokes": [j.text for j in session.scalars(select(InsideJoke))],
        }
    _write_json(root / "couple.json", data)
