"""Journey's JSON export: a ZIP of one `<id>.json` per entry, with the entry's photo files.

An entry has `id`, `date_journal` (milliseconds since 1970), `timezone`, `text` (HTML or
Markdown), `lat`/`lon` and `address`, `tags`, `favourite` and `photos` (file names inside the
ZIP). One entry becomes one memory.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from lovebridge.core.importers import ledger
from lovebridge.core.importers.archive import ArchiveError, ExportSource
from lovebridge.core.importers.entries import Entry, add_entry, html_to_text, unmapped_fields
from lovebridge.core.importers.folder import PlaceNamer
from lovebridge.core.importers.job import NO_CONTROL, JobControl
from lovebridge.core.importers.places import place_finder
from lovebridge.core.importers.plan import ImportPlan, Place

MAPPED = {"id", "date_journal", "date_modified", "timezone", "text", "preview_text", "lat",
          "lon", "address", "tags", "favourite", "photos", "type", "deleted"}
NO_POSITION = 1.7976931348623157e308  # what Journey writes when an entry has no place


def entry_files(names: list[str]) -> list[str]:
    return sorted(n for n in names if n.lower().endswith(".json"))


def _when(raw: dict) -> datetime:
    moment = datetime.fromtimestamp(int(raw["date_journal"]) / 1000, tz=UTC)
    try:
        return moment.astimezone(ZoneInfo(str(raw.get("timezone") or "UTC")))
    except (ZoneInfoNotFoundError, ValueError):
        return moment.astimezone()


def _place(raw: dict) -> Place | None:
    lat, lon = raw.get("lat"), raw.get("lon")
    usable = (isinstance(lat, int | float) and isinstance(lon, int | float)
              and abs(lat) <= 90 and abs(lon) <= 180 and (lat, lon) != (0, 0))
    if usable:
        found = place_finder().find(float(lat), float(lon))
        if found is not None:
            return found
    address = str(raw.get("address") or "").strip()
    if address:
        return Place(address[:200], "", float(lat) if usable else None,
                     float(lon) if usable else None)
    return None


def plan_journey(ctx, source: ExportSource, staging: Path,  # noqa: ANN001 - AppContext
                 control: JobControl = NO_CONTROL) -> ImportPlan:
    plan = ImportPlan(source="journey")
    names = source.names()
    by_name = {Path(n).name: n for n in names}
    files = entry_files(names)
    known = ledger.known_keys(ctx)
    namer = PlaceNamer()
    unmapped: Counter[str] = Counter()
    readable: list[Entry] = []
    total = 2 * len(files)  # reading the entries, then copying their photos out
    for done, name in enumerate(files):
        control.step(done, total)
        try:
            raw = json.loads(source.read_bytes(name))
            if not isinstance(raw, dict):
                raise TypeError
            entry = _entry(raw, by_name, plan, unmapped)
        except ArchiveError as exc:
            plan.refuse(name, str(exc))
            continue
        except (ValueError, KeyError, TypeError, OverflowError, OSError):
            plan.refuse(name, "is not a readable Journey entry (damaged JSON or no date)")
            continue
        if entry is not None:
            readable.append(entry)
    # Only the photos of entries not imported before are copied out: the room is for them.
    source.expect_copies(n for e in readable if e.key not in known for n in e.photos)
    for done, entry in enumerate(readable):
        control.step(len(files) + done * len(files) // max(len(readable), 1), total)
        add_entry(plan, entry, source, staging, known, namer, "Journey")
    control.step(total, total)
    unmapped_fields(plan, unmapped, "Journey")
    return plan


def _entry(raw: dict, by_name: dict[str, str], plan: ImportPlan,
           unmapped: Counter[str]) -> Entry | None:
    if raw.get("deleted"):
        return None
    when = _when(raw)
    label = f"Journey entry of {when:%d %B %Y}"
    photos = []
    for photo in raw.get("photos") or []:
        member = by_name.get(Path(str(photo)).name)
        if member is None:
            plan.refuse(label, f"names a photo ({photo}) that is not in the export")
        else:
            photos.append(member)
    text = str(raw.get("text") or "")
    if raw.get("type") == "html" or text.lstrip().startswith("<"):
        text = html_to_text(text)
    for key, value in raw.items():
        if key not in MAPPED and value not in (None, "", [], {}, 0, NO_POSITION):
            unmapped[key] += 1
    tags = [str(t)[:60] for t in raw.get("tags") or [] if isinstance(t, str | int)]
    return Entry(key=f"journey:{str(raw['id'])[:100]}", label=label, when=when, text=text,
                 place=_place(raw), tags=tags, favourite=bool(raw.get("favourite")),
                 photos=photos)
