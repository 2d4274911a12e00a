"""Google Photos from Google Takeout: photos with JSON sidecars, in year and album folders.

A sidecar (`IMG_1.jpg.json`, `IMG_1.jpg.supplemental-metadata.json`, or a name Takeout cut
short) holds `title` (the photo's file name), `description`, `photoTakenTime.timestamp`
(seconds, UTC) and `geoData` / `geoDataExif` (`latitude`, `longitude`; 0.0 when unknown).
An album folder has `metadata.json` with the album's `title`. The photos are grouped into
memories by the same rule as a photo folder; album names become tags.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from lovebridge.core.importers import ledger
from lovebridge.core.importers.archive import ArchiveError, ExportSource
from lovebridge.core.importers.entries import reason_of, unmapped_fields
from lovebridge.core.importers.folder import PlaceNamer
from lovebridge.core.importers.grouping import group_photos
from lovebridge.core.importers.job import NO_CONTROL, JobControl
from lovebridge.core.importers.photo_reading import read_candidate
from lovebridge.core.importers.plan import CandidatePhoto, ImportPlan
from lovebridge.core.scrapbook.images import PhotoRefusedError, looks_like_photo

MAPPED = {"title", "description", "photoTakenTime", "creationTime", "geoData", "geoDataExif",
          "url", "imageViews", "googlePhotosOrigin", "appSource", "photoLastModifiedTime"}
YEAR_FOLDER = re.compile(r"^Photos from \d{4}$")
MEDIA = re.compile(r"\.(mp4|mov|m4v|3gp|avi|mkv|mpg|mpeg)$", re.IGNORECASE)


def is_takeout(names: list[str]) -> bool:
    return any("Google Photos/" in n or n.endswith(".supplemental-metadata.json")
               for n in names)


def _sidecars(source: ExportSource, names: list[str], plan: ImportPlan
              ) -> dict[str, dict[str, tuple[str, dict]]]:
    """Per folder: sidecar file name -> (name, parsed JSON); album metadata kept apart."""
    folders: dict[str, dict[str, tuple[str, dict]]] = {}
    for name in names:
        if not name.lower().endswith(".json"):
            continue
        path = PurePosixPath(name)
        try:
            data = json.loads(source.read_bytes(name, limit=1024 * 1024))
            if not isinstance(data, dict):
                raise TypeError
        except (ArchiveError, ValueError, TypeError):
            plan.refuse(name, "is a damaged description file; the photo's own data is used")
            continue
        folders.setdefault(str(path.parent), {})[path.name] = (name, data)
    return folders


def _sidecar_for(photo: PurePosixPath, folder: dict[str, tuple[str, dict]]) -> dict | None:
    stem = re.sub(r"-(edited|bearbeitet|modifié)$", "", photo.stem)
    original = stem + photo.suffix
    for file_name, (_name, data) in folder.items():
        if file_name == "metadata.json":
            continue
        if file_name.startswith(original + ".") or file_name == f"{stem}.json" or (
                data.get("title") == original):
            return data
    for file_name, (_name, data) in folder.items():  # Takeout cut the name short
        base = file_name.removesuffix(".json").split(".supplemental")[0]
        if len(base) >= 30 and original.startswith(base.rstrip(".")):
            return data
    return None


def _apply(candidate: CandidatePhoto, data: dict, unmapped: Counter[str]) -> None:
    taken = (data.get("photoTakenTime") or {}).get("timestamp")
    if taken not in (None, ""):
        candidate.taken_at = datetime.fromtimestamp(int(taken), tz=UTC).astimezone()
    for key in ("geoData", "geoDataExif"):
        geo = data.get(key) or {}
        lat, lon = geo.get("latitude"), geo.get("longitude")
        if isinstance(lat, int | float) and isinstance(lon, int | float) and (lat, lon) != (
                0, 0) and abs(lat) <= 90 and abs(lon) <= 180:
            candidate.latitude, candidate.longitude = float(lat), float(lon)
            break
    candidate.caption = str(data.get("description") or "").strip()[:2000]
    for key, value in data.items():
        if key not in MAPPED and value:
            unmapped[key] += 1


def plan_takeout(ctx, source: ExportSource, staging: Path,  # noqa: ANN001 - AppContext
                 control: JobControl = NO_CONTROL) -> ImportPlan:
    plan = ImportPlan(source="takeout")
    names = source.names()
    folders = _sidecars(source, names, plan)
    known = ledger.known_keys(ctx)
    namer = PlaceNamer()
    unmapped: Counter[str] = Counter()
    photos = [n for n in names if looks_like_photo(Path(n))]
    videos = [n for n in names if MEDIA.search(n)]
    if videos:
        plan.unmapped.append(f"{len(videos)} videos: not imported (LoveBridge keeps photos)")
    by_hash: dict[str, CandidatePhoto] = {}
    for done, name in enumerate(photos):
        control.step(done, len(photos))
        path = PurePosixPath(name)
        folder = folders.get(str(path.parent), {})
        album = _album(path, folder)
        try:
            candidate = read_candidate(source.extract(name, staging))
        except (ArchiveError, PhotoRefusedError, OSError) as exc:
            plan.refuse(name, reason_of(str(exc)))
            continue
        candidate.shown_name = path.name
        if candidate.sha256 in by_hash:  # the same photo in a year folder and an album
            twin = by_hash[candidate.sha256]
            twin.tags.extend(t for t in album if t not in twin.tags)
            plan.duplicates += 1
            candidate.path.unlink(missing_ok=True)
            continue
        if ledger.photo_key(candidate.sha256) in known:
            plan.skipped_known += 1
            candidate.path.unlink(missing_ok=True)
            continue
        sidecar = _sidecar_for(path, folder)
        if sidecar is not None:
            try:
                _apply(candidate, sidecar, unmapped)
            except (TypeError, ValueError, OverflowError, OSError, AttributeError):
                plan.refuse(name, "has a description file with a bad date; the photo's own "
                                  "date is used")
        candidate.tags = list(album)
        namer.name(candidate)
        by_hash[candidate.sha256] = candidate
    control.step(len(photos), len(photos))
    plan.proposals = group_photos(list(by_hash.values()))
    for proposal in plan.proposals:
        proposal.source = "takeout"
    unmapped_fields(plan, unmapped, "Google Photos")
    return plan


def _album(path: PurePosixPath, folder: dict[str, tuple[str, dict]]) -> list[str]:
    if YEAR_FOLDER.match(path.parent.name) or path.parent.name in ("", "Google Photos"):
        return []
    meta = folder.get("metadata.json")
    title = str(meta[1].get("title") or "") if meta else ""
    return [(title or path.parent.name)[:60]]
