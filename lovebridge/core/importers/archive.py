"""Reading an export safely: a ZIP or a folder, with limits on size, ratio and names.

Nothing is ever written at a path taken from the archive: a photo is copied out to a
staging folder inside the data folder under a name made here, so "../" and absolute names
cannot reach anywhere else. ZIP bombs are stopped by a total size limit, a per-file limit and
a compression-ratio limit, checked against what is really read, not only what headers claim.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import stat
import time
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath

from lovebridge.core.scrapbook.images import looks_like_photo
from lovebridge.store.errors import StoreFullError
from lovebridge.store.guards import (
    SPACE_MARGIN_BYTES,
    disk_full_error,
    require_free_space,
    write_error_kind,
)
from lovebridge.store.media import replace_file

STAGING_DOING = "copy the photos out of this export"
MAX_MEMBERS = 200_000
MAX_MEMBER_BYTES = 512 * 1024 * 1024  # a long phone video is larger, and is not imported
MAX_TOTAL_BYTES = 16 * 1024 * 1024 * 1024
MAX_RATIO = 200  # photos hardly compress; text compresses ~10x; 200x is a bomb
RATIO_FLOOR = 1024 * 1024  # small files may compress well, whatever their ratio
MAX_JSON_BYTES = 64 * 1024 * 1024
CHUNK = 1024 * 1024


class ArchiveError(ValueError):
    """The archive (or one item in it) cannot be read safely; the message says why."""


def clean_name(name: str) -> str | None:
    """A member name as a safe relative POSIX path, or None for absolute and "../" names."""
    name = name.replace("\\", "/")
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or (path.parts and ":" in path.parts[0]):
        return None
    parts = [p for p in path.parts if p not in ("", ".")]
    return "/".join(parts) if parts else None


class ExportSource:
    """What the importers read: names of the items in an export, and their bytes."""

    def names(self) -> list[str]:  # pragma: no cover - interface
        raise NotImplementedError

    def open_chunks(self, name: str) -> Iterator[bytes]:  # pragma: no cover - interface
        raise NotImplementedError

    def size_of(self, name: str) -> int:  # pragma: no cover - interface
        raise NotImplementedError

    def close(self) -> None:
        pass

    def read_bytes(self, name: str, limit: int = MAX_JSON_BYTES) -> bytes:
        data = bytearray()
        for chunk in self.open_chunks(name):
            data += chunk
            if len(data) > limit:
                raise ArchiveError(f"{name} is larger than LoveBridge reads ({limit:,} bytes)")
        return bytes(data)

    _still_to_copy: int | None = None  # bytes of photos not copied out yet (room checks)
    _room_checked = False

    def expect_copies(self, names: Iterable[str]) -> None:
        """Say which photos will be copied out (those of entries not imported yet), so the
        room check counts only them; without it, every photo of the export is counted."""
        self._still_to_copy = sum(self.size_of(n) for n in dict.fromkeys(names)
                                  if looks_like_photo(Path(n)))

    def _check_room(self, staging: Path) -> None:
        """Before the first photo is copied out: room for all of them, or a clear refusal."""
        if self._room_checked:
            return
        if self._still_to_copy is None:
            self._still_to_copy = sum(self.size_of(n) for n in self.names()
                                      if looks_like_photo(Path(n)))
        self._room_checked = True
        require_free_space(staging, self._still_to_copy + SPACE_MARGIN_BYTES, STAGING_DOING)

    def extract(self, name: str, staging: Path) -> Path:
        """Copy one item into `staging` under a made-up name; returns where it went.

        A full disk stops the whole import (StoreFullError, saying how much room is left to
        find), never refuses the photos one by one."""
        self._check_room(staging)
        suffix = PurePosixPath(name).suffix.lower()[:10]
        digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:24]
        target = staging / f"{digest}{suffix}"
        partial = target.with_name(target.name + ".part")
        written = 0
        try:
            with open(partial, "wb") as out:
                for chunk in self.open_chunks(name):
                    written += len(chunk)
                    if written > MAX_MEMBER_BYTES:
                        raise ArchiveError(f"{name} is larger than LoveBridge reads")
                    out.write(chunk)
            replace_file(partial, target)
        except OSError as exc:
            if write_error_kind(exc) is StoreFullError:
                still = max(self._still_to_copy or 0, written)
                raise disk_full_error(staging, still + SPACE_MARGIN_BYTES, STAGING_DOING) from exc
            raise
        finally:
            partial.unlink(missing_ok=True)
        self._still_to_copy = max((self._still_to_copy or 0) - written, 0)
        return target


class ZipSource(ExportSource):
    """A ZIP export, checked before anything is read: names, sizes, ratios, links."""

    def __init__(self, path: Path) -> None:
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise ArchiveError(f"{path.name} is not a ZIP archive LoveBridge can read") from exc
        self.refused: list[tuple[str, str]] = []
        self._members: dict[str, zipfile.ZipInfo] = {}
        infos = self._zip.infolist()
        if len(infos) > MAX_MEMBERS:
            self._zip.close()
            raise ArchiveError(f"{path.name} holds more than {MAX_MEMBERS:,} files")
        total = 0
        for info in infos:
            if info.is_dir():
                continue
            name = clean_name(info.filename)
            mode = info.external_attr >> 16
            if name is None:
                self.refused.append((info.filename, "points outside the export; not read"))
            elif stat.S_ISLNK(mode):
                self.refused.append((info.filename, "is a link, not a file; not read"))
            elif info.file_size > MAX_MEMBER_BYTES:
                self.refused.append((name, "is too large to import"))
            elif info.file_size > RATIO_FLOOR and (
                    info.file_size > MAX_RATIO * max(1, info.compress_size)):
                self.refused.append((name, "unpacks to far more than its size (a ZIP bomb?)"))
            else:
                total += info.file_size
                self._members.setdefault(name, info)
        if total > MAX_TOTAL_BYTES:
            self._zip.close()
            raise ArchiveError(f"{path.name} unpacks to more than "
                               f"{MAX_TOTAL_BYTES // 1024 ** 3} GB")
        self._budget = MAX_TOTAL_BYTES

    def names(self) -> list[str]:
        return list(self._members)

    def size_of(self, name: str) -> int:
        return self._members[name].file_size

    def open_chunks(self, name: str) -> Iterator[bytes]:
        info = self._members.get(name)
        if info is None:
            raise ArchiveError(f"{name} is not in the export")
        read = 0
        try:
            with self._zip.open(info) as handle:
                while chunk := handle.read(CHUNK):
                    read += len(chunk)
                    self._budget -= len(chunk)
                    if read > info.file_size or self._budget < 0:
                        raise ArchiveError(f"{name} unpacks to more than its header says")
                    yield chunk
        except (zipfile.BadZipFile, OSError, EOFError, ValueError,
                NotImplementedError, RuntimeError) as exc:
            if isinstance(exc, ArchiveError):
                raise
            raise ArchiveError(f"{name} is damaged in the archive") from exc

    def close(self) -> None:
        self._zip.close()


class FolderSource(ExportSource):
    """An export already unpacked into a folder; links leading outside it are not followed."""

    def __init__(self, root: Path) -> None:
        self._root = root.resolve()
        self.refused: list[tuple[str, str]] = []
        self._files: dict[str, Path] = {}
        for folder, dirs, files in os.walk(self._root):  # does not follow folder links
            dirs.sort()
            for file_name in sorted(files):
                path = Path(folder) / file_name
                relative = path.relative_to(self._root).as_posix()
                if path.is_symlink():
                    self.refused.append((relative, "is a link, not a file; not read"))
                    continue
                self._files[relative] = path
                if len(self._files) > MAX_MEMBERS:
                    raise ArchiveError(f"{root.name} holds more than {MAX_MEMBERS:,} files")

    def names(self) -> list[str]:
        return list(self._files)

    def size_of(self, name: str) -> int:
        return self._files[name].stat().st_size

    def open_chunks(self, name: str) -> Iterator[bytes]:
        path = self._files.get(name)
        if path is None:
            raise ArchiveError(f"{name} is not in the export")
        try:
            with open(path, "rb") as handle:
                while chunk := handle.read(CHUNK):
                    yield chunk
        except OSError as exc:
            raise ArchiveError(f"{name} could not be read ({exc.strerror or exc})") from exc


def open_source(path: Path) -> ExportSource:
    if path.is_dir():
        return FolderSource(path)
    return ZipSource(path)


def new_staging(data_folder: Path) -> Path:
    """A fresh private folder for photos copied out of an export (inside the data folder)."""
    root = data_folder / "import-staging"
    root.mkdir(mode=0o700, exist_ok=True)
    for old in root.iterdir():  # what an earlier import, killed a day ago or more, left
        with contextlib.suppress(OSError):
            if time.time() - old.stat().st_mtime > 86_400:
                shutil.rmtree(old, ignore_errors=True)
    staging = root / os.urandom(6).hex()
    staging.mkdir(mode=0o700)
    return staging


def remove_staging(staging: Path | None) -> None:
    if staging is not None:
        shutil.rmtree(staging, ignore_errors=True)
