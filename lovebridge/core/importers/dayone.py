"""Day One's JSON export: a ZIP with one `<Journal>.json` per journal and a `photos/` folder.

Each entry has `uuid`, `creationDate` (ISO, UTC), `timeZone`, `text` (Markdown, with photos
shown as `![](dayone-moment://<identifier>)`), `tags`, `starred`, `location` (`localityName`,
`placeName`, `country`, `latitude`, `longitude`) and `photos` (`identifier`, `md5`, `type`);
a photo's file is `photos/<md5>.<type>`. One entry becomes one memory.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from lovebridge.core.importers import ledger
from lovebridge.core.importers.archive import ArchiveError, ExportSource
from lovebridge.core.importers.entries import Entry, add_entry, unmapped_fields
from lovebridge.core.importers.folder import PlaceNamer
from lovebridge.core.importers.job import NO_CONTROL, JobControl
from lovebridge.core.importers.plan import ImportPlan, Place

MAPPED = {"uuid", "creationDate", "modifiedDate", "timeZone", "text", "richText", "tags",
          "starred", "location", "photos", "duration", "creationDevice", "creationDeviceType",
          "creationDeviceModel", "creationOSName", "creationOSVersion", "editingTime",
          "isAllDay", "isPinned", "pinned", "sourceString", "userActivity"}
_MOMENT = re.compile(r"!\[[^\]]*\]\(dayone-moment:/*[^)]*\)")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~])")


def clean_text(text: str) -> str:
    """Day One Markdown as plain text: photo markers out, backslash escapes undone."""
    return _ESCAPED.sub(r"\1", _MOMENT.sub("", text)).strip()


def _when(entry: dict) -> datetime:
    raw = str(entry["creationDate"])
    moment = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(ZoneInfo(str(entry.get("timeZone") or "UTC")))
    except (ZoneInfoNotFoundError, ValueError):
        return moment.astimezone()


def _place(location: object) -> Place | None:
    if not isinstance(location, dict):
        return None
    name = location.get("localityName") or location.get("placeName")
    lat, lon = location.get("latitude"), location.get("longitude")
    coords = (float(lat), float(lon)) if isinstance(lat, int | float) and isinstance(
        lon, int | float) else (None, None)
    if not name:
        return None
    return Place(str(name)[:200], str(location.get("country") or "")[:100], *coords)


def plan_dayone(ctx, source: ExportSource, staging: Path,  # noqa: ANN001 - AppContext
                control: JobControl = NO_CONTROL) -> ImportPlan:
    plan = ImportPlan(source="dayone")
    names = source.names()
    by_md5 = {Path(n).stem.lower(): n for n in names if Path(n).parent.name == "photos"}
    journals = journal_files(names)
    known = ledger.known_keys(ctx)
    namer = PlaceNamer()
    unmapped: Counter[str] = Counter()
    entries: list[tuple[str, dict]] = []
    for journal in journals:
        try:
            document = json.loads(source.read_bytes(journal))
            found = document["entries"]
            if not isinstance(found, list):
                raise TypeError
        except (ArchiveError, ValueError, KeyError, TypeError) as exc:
            plan.refuse(journal, f"is not a Day One journal ({_why(exc)})")
            continue
        entries.extend((journal, e) for e in found)
    readable: list[Entry] = []
    for done, (journal, raw) in enumerate(entries):
        try:
            readable.append(_entry(raw, by_md5, plan, unmapped))
        except (KeyError, TypeError, ValueError, AttributeError):
            plan.refuse(f"{journal}: entry {done + 1}", "has no readable date or id; left out")
    # Only the photos of entries not imported before are copied out: the room is for them.
    source.expect_copies(n for e in readable if e.key not in known for n in e.photos)
    for done, entry in enumerate(readable):
        control.step(done, len(readable))
        add_entry(plan, entry, source, staging, known, namer, "Day One")
    control.step(len(readable), len(readable))
    unmapped_fields(plan, unmapped, "Day One")
    return plan


def journal_files(names: list[str]) -> list[str]:
    """The journals: JSON files at the top (or inside one wrapping folder), not photos."""
    return [n for n in names if n.lower().endswith(".json") and n.count("/") <= 1
            and Path(n).parent.name != "photos"]


def _entry(raw: dict, by_md5: dict[str, str], plan: ImportPlan,
           unmapped: Counter[str]) -> Entry:
    uuid = str(raw["uuid"])[:100]
    when = _when(raw)
    label = f"Day One entry of {when:%d %B %Y}"
    photos: list[str] = []
    for photo in raw.get("photos") or []:
        md5 = str(photo.get("md5", "")).lower()
        if md5 in by_md5:
            photos.append(by_md5[md5])
        else:
            plan.refuse(label, f"names a photo ({md5 or 'no md5'}) that is not in the export")
    for kind in ("videos", "audios", "pdfAttachments"):
        if raw.get(kind):
            unmapped[f"{kind} ({len(raw[kind])})"] += 1
    for key, value in raw.items():
        if key not in MAPPED and key not in ("videos", "audios", "pdfAttachments") and value:
            unmapped[key] += 1
    tags = [str(t)[:60] for t in raw.get("tags") or [] if isinstance(t, str | int)]
    return Entry(key=f"dayone:{uuid}", label=label, when=when,
                 text=clean_text(str(raw.get("text") or "")), place=_place(raw.get("location")),
                 tags=tags, favourite=bool(raw.get("starred")), photos=photos)


def _why(exc: Exception) -> str:
    if isinstance(exc, ArchiveError):
        return str(exc)
    if isinstance(exc, ValueError):
        return "the JSON is damaged"
    return "no entries list"
