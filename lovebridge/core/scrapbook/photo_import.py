"""Bringing photos into the library: check, thumbnail, copy (crash-safe), then record."""

from __future__ import annotations

import hashlib
import logging
import os
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from lovebridge.core.context import AppContext
from lovebridge.core.scrapbook import images
from lovebridge.core.scrapbook.records import ImportReport, PhotoRef
from lovebridge.store.errors import StoreError, StoreFullError
from lovebridge.store.file_cipher import TamperedFileError
from lovebridge.store.guards import (
    SPACE_MARGIN_BYTES,
    clear_error_for,
    disk_full_error,
    require_free_space,
    write_error_kind,
)
from lovebridge.store.media import write_atomically
from lovebridge.store.models import Photo

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
MAX_FILES_PER_IMPORT = 20_000
# Beside each photo's own bytes: its thumbnail, its row, the seal when the lock is on.
PER_PHOTO_OVERHEAD_BYTES = 96 * 1024
IMPORT_DOING = "import these photos"


def source_size(source: images.PhotoSource) -> int:
    if isinstance(source, Path):
        try:
            return source.stat().st_size
        except OSError:
            return 0
    return len(source)


def space_for(sizes: list[int]) -> int:
    """About how much free space importing pictures of these sizes takes."""
    return sum(sizes) + PER_PHOTO_OVERHEAD_BYTES * len(sizes) + SPACE_MARGIN_BYTES


def thumbnail_path(ctx: AppContext, sha256: str, side: int = images.THUMBNAIL_SIDE) -> Path:
    """Where the cached thumbnail of a stored photo lives (a cache: safe to delete)."""
    return ctx.paths.thumbnails / sha256[:2] / f"{sha256}-{side}.jpg"


def stored_photo(ctx: AppContext, photo: PhotoRef) -> bytes:
    """The original bytes of a library photo; a damaged or altered file is refused clearly."""
    try:
        return ctx.media.read_bytes(photo.sha256, photo.extension)
    except TamperedFileError as exc:
        raise images.PhotoRefusedError(
            "This photo's file is damaged or was changed outside LoveBridge, so it is not shown."
        ) from exc


def save_thumbnail(ctx: AppContext, source: images.PhotoSource, sha256: str,
                   side: int = images.THUMBNAIL_SIDE) -> bytes:
    """Make the upright JPEG thumbnail of `source` and cache it (sealed while locked)."""
    data = images.encoded_jpeg(source, side, quality=images.THUMBNAIL_QUALITY)
    target = thumbnail_path(ctx, sha256, side)
    write_atomically(target, ctx.media.seal(thumbnail_identity(target), data))
    return data


def thumbnail_identity(target: Path) -> str:
    return f"thumb/{target.name}"


def thumbnail_bytes(ctx: AppContext, photo: PhotoRef, side: int = images.THUMBNAIL_SIDE) -> bytes:
    """JPEG bytes of `photo`'s thumbnail: from the cache, or made from the original."""
    target = thumbnail_path(ctx, photo.sha256, side)
    try:
        return ctx.media.unseal(thumbnail_identity(target), target.read_bytes())
    except FileNotFoundError:
        pass
    except TamperedFileError:
        logger.warning("a cached thumbnail was unreadable; making it again")
    return save_thumbnail(ctx, stored_photo(ctx, photo), photo.sha256, side)


def collect_photo_files(paths: Iterable[Path]) -> list[Path]:
    """Files named by the user, with folders opened (recursively) for their photo files."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(
                    Path(root) / name
                    for name in sorted(files)
                    if not name.startswith(".") and images.looks_like_photo(Path(name))
                )
        else:
            found.append(path)
        if len(found) >= MAX_FILES_PER_IMPORT:
            break
    return found[:MAX_FILES_PER_IMPORT]


WALKED_ABOVE_BYTES = 8 * 1024 * 1024


def photo_bytes(path: Path, info: images.PhotoInfo) -> bytes:
    """A photo file's bytes up to the end of its picture. A large JPEG's end is found by
    walking the file in chunks first, so junk after it (300 MB of it, say) is never read."""
    with path.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if info.extension != "jpg" or size < WALKED_ABOVE_BYTES:
            return handle.read()
        end = images.jpeg_end_in_file(handle, size)
        handle.seek(0)
        return handle.read(end if end is not None else size)


def photo_ref(row: Photo) -> PhotoRef:
    return PhotoRef(row.id, row.sha256, row.extension, row.width, row.height, row.orientation,
                    row.taken_at, row.original_name)


class PhotoImporter:
    """Imports files one by one: a bad file is refused with a reason, the rest go on."""

    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    def import_files(self, paths: Iterable[Path], report: Progress | None = None) -> ImportReport:
        files = collect_photo_files(paths)
        return self._import_each([(path.name, path) for path in files], report)

    def import_data(self, items: list[tuple[str, bytes]],
                    report: Progress | None = None) -> ImportReport:
        """Import pictures held in memory (pasted or dropped image data): never a plain file."""
        return self._import_each(list(items), report)

    def _import_each(self, items: list[tuple[str, images.PhotoSource]],
                     report: Progress | None) -> ImportReport:
        outcome = ImportReport()
        sizes = [source_size(source) for _name, source in items]
        # Refused before anything is written when the disk cannot take them all.
        require_free_space(self._ctx.paths.data, space_for(sizes), IMPORT_DOING)
        for done, (name, source) in enumerate(items, start=1):
            try:
                photo, existed = self.import_one(source, name)
            except images.PhotoRefusedError as exc:
                outcome.refused.append(str(exc))
            except OSError as exc:
                kind = write_error_kind(exc)
                if kind is StoreFullError:  # no fault of this photo: stop, say how much
                    raise self._full(sizes[done - 1:], len(outcome.photos)) from exc
                if kind is not None:
                    raise clear_error_for(kind) from exc
                outcome.refused.append(
                    f"{name} could not be copied ({exc.strerror or 'disk problem'})."
                )
            except StoreFullError as exc:  # the database cannot grow: the same, said the same
                raise self._full(sizes[done - 1:], len(outcome.photos)) from exc
            except StoreError:
                raise  # the library itself cannot take more (read-only): stop, say so
            except Exception:  # one odd file never ends the import of the others
                logger.warning("a photo could not be imported", exc_info=True)
                outcome.refused.append(f"{name} could not be read as a photo.")
            else:
                outcome.photos.append(photo)
                outcome.already_there += int(existed)
            if report is not None:
                report(done, len(items))
        logger.info("imported %d photo(s), refused %d", len(outcome.photos), len(outcome.refused))
        return outcome

    def _full(self, left: list[int], kept: int) -> StoreFullError:
        after = (f"the {kept} photo(s) added before it are kept" if kept else
                 "nothing was added")
        return disk_full_error(self._ctx.paths.data, space_for(left), IMPORT_DOING, after)

    def import_one(self, path: images.PhotoSource, name: str | None = None
                   ) -> tuple[PhotoRef, bool]:
        """Import one file (or picture in memory); returns the photo and whether the library
        already had it. Junk after a JPEG's end (and an MPO's further frames) is not kept."""
        name = name or images.source_name(path)
        try:
            return self._import_one(path, name)
        except images.PhotoRefusedError as exc:  # bytes are "This photo": say which one
            text = str(exc)
            if text.startswith("This photo"):
                raise images.PhotoRefusedError(name + text[len("This photo"):]) from exc
            raise

    def _import_one(self, path: images.PhotoSource, name: str) -> tuple[PhotoRef, bool]:
        info = images.read_info(path)
        data = photo_bytes(path, info) if isinstance(path, Path) else path
        data = images.without_trailing_data(data, info)
        sha = hashlib.sha256(data).hexdigest()
        with self._ctx.store.session_scope() as session:
            existing = session.scalar(select(Photo).where(Photo.sha256 == sha))
            if existing is not None and self._ctx.media.contains(sha, existing.extension):
                return photo_ref(existing), True
        # The scaled decode both proves the file is whole and makes the thumbnail.
        if not thumbnail_path(self._ctx, sha).exists():
            save_thumbnail(self._ctx, data, sha)
        stored = self._ctx.media.add_bytes(data, info.extension)
        sha = stored.sha256
        # Only now, with the file durably in the library, is the row pointing to it committed.
        with self._ctx.store.session_scope() as session:
            row = session.scalar(select(Photo).where(Photo.sha256 == sha))
            if row is None:
                row = Photo(
                    sha256=sha, extension=stored.extension, byte_size=stored.byte_size,
                    width=info.width, height=info.height, orientation=info.orientation,
                    taken_at=info.taken_at, original_name=name[:255],
                )
                session.add(row)
                session.flush()
            return photo_ref(row), False


def day_of(photo: PhotoRef) -> date | None:
    """The local calendar day a photo was taken, if its EXIF says."""
    return photo.taken_at.astimezone().date() if photo.taken_at else None


def group_by_day(photos: Iterable[PhotoRef]) -> dict[date | None, list[PhotoRef]]:
    """Photos by the day they were taken, oldest day first (undated photos last)."""
    groups: dict[date | None, list[PhotoRef]] = defaultdict(list)
    for photo in photos:
        groups[day_of(photo)].append(photo)
    dated = sorted(d for d in groups if d is not None)
    ordered = {d: sorted(groups[d], key=lambda p: p.taken_at or datetime.min) for d in dated}
    if None in groups:
        ordered[None] = groups[None]
    return ordered


def photos_taken_between(
    folder: Path, start: datetime | None, end: datetime | None, report: Progress | None = None
) -> list[Path]:
    """Photo files in `folder` whose EXIF time falls between `start` and `end` (headers only)."""
    files = collect_photo_files([folder])
    chosen: list[Path] = []
    for done, path in enumerate(files, start=1):
        try:
            taken = images.read_info(path).taken_at
        except images.PhotoRefusedError:
            taken = None
        in_window = taken is not None and (start is None or taken >= start) and (
            end is None or taken <= end)
        if in_window:
            chosen.append(path)
        if report is not None:
            report(done, len(files))
    return chosen
