"""Photo files, stored once each under the SHA-256 of their bytes, written crash-safely."""

from __future__ import annotations

import functools
import hashlib
import os
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TypeVar

from lovebridge.store.file_cipher import (
    TamperedFileError,
    decrypt_bytes,
    encrypt_bytes,
    is_encrypted,
)
from lovebridge.store.guards import translated_write_errors

CHUNK = 1 << 20
_T = TypeVar("_T")


@dataclass(frozen=True)
class StoredFile:
    """What the media store knows of one file it holds."""

    sha256: str
    extension: str
    byte_size: int
    path: Path


def sha256_of_file(path: Path) -> str:
    """Hex SHA-256 of a file, read in chunks (photos can be large)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def fsync_directory(folder: Path) -> None:
    """Make a rename inside `folder` durable (POSIX; a no-op where directories cannot be opened)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def make_private_folders(folder: Path) -> None:
    """Create `folder` and any missing parents, each with mode 0700 (mkdir's `parents=True`
    would give the in-between ones the umask's 0755)."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir(mode=0o700, exist_ok=True)


# Windows refuses to replace a file that another program holds open — an antivirus scan, the
# sync service, a photo viewer — with "access denied" (PermissionError). Such holds last moments,
# so the rename is tried again a few times, about 2.5 s in all, before the error is passed on.
ON_WINDOWS = os.name == "nt"
REPLACE_ATTEMPTS = 7


def replace_file(
    source: str | os.PathLike[str],
    target: str | os.PathLike[str],
    *,
    windows: bool | None = None,
    pause: Callable[[float], None] | None = None,
) -> None:
    """`os.replace(source, target)`, patient with Windows' brief holds on an open target."""
    windows = ON_WINDOWS if windows is None else windows
    for attempt in range(REPLACE_ATTEMPTS):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if not windows or attempt == REPLACE_ATTEMPTS - 1:
                raise
            (pause or time.sleep)(0.04 * 2**attempt)


def write_atomically(target: Path, data: bytes) -> None:
    """Write `data` to a temp file beside `target`, fsync it, then rename it into place.

    A crash at any moment leaves either no file or the complete file, never a torn one.
    Every folder it has to create is private (0700), the in-between ones included.
    """
    make_private_folders(target.parent)
    fd, temp_name = tempfile.mkstemp(prefix=".incoming-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, 0o600)
        replace_file(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    fsync_directory(target.parent)


SYNC_THREADS = 8


def _sync_all(sync: Callable[[_T], None], items: list[_T]) -> None:
    """`sync(item)` for every item, several at once; the first error is raised."""
    if len(items) <= 1:
        for item in items:
            sync(item)
        return
    with ThreadPoolExecutor(max_workers=min(SYNC_THREADS, len(items))) as pool:
        for _ in pool.map(sync, items):
            pass


SYNCFS_FROM_FILES = 8  # fewer files are cheaper to fsync one by one than the whole file system


@functools.cache
def _syncfs() -> Callable[[int], None] | None:
    """Linux's syncfs(2) (not in Python's os module): every dirty page and name of the file
    system holding a file descriptor reaches the disk. None where there is no such call."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes  # only when a batch of files is made durable, never at start-up

    try:
        function = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None
    function.argtypes, function.restype = [ctypes.c_int], ctypes.c_int

    def syncfs(fd: int) -> None:
        if function(fd) != 0:
            number = ctypes.get_errno()
            raise OSError(number, os.strerror(number))

    return syncfs


def _whole_file_system_sync(pending: list) -> Callable[[int], None] | None:
    """syncfs when it serves: many files, all on one file system (else None: fsync each)."""
    syncfs = _syncfs()
    if syncfs is None or len(pending) < SYNCFS_FROM_FILES:
        return None
    devices = {os.fstat(handle.fileno()).st_dev for handle, _temp, _target in pending}
    return syncfs if len(devices) == 1 else None


class DurableBatch:
    """Several files written crash-safely together: one fsync per file and one per folder, or
    on Linux, for many files on one file system, one syncfs for all their bytes and one for all
    their names.

    `add` writes each file to a temp name beside its target (nothing is renamed yet);
    `finish` fsyncs every temp file, renames each into place, then fsyncs each folder touched
    once. A crash before `finish` returns leaves only temp files (`.incoming-*`, swept on
    opening) or whole files: never a torn one under a real name. Call `finish` before
    committing anything that points at the files; `discard` removes what was not finished.
    """

    def __init__(self) -> None:
        self._pending: list[tuple[BinaryIO, str, Path]] = []
        self._targets: set[Path] = set()

    def __len__(self) -> int:
        return len(self._pending)

    def has(self, target: Path) -> bool:
        return target in self._targets

    def add(self, target: Path, data: bytes) -> None:
        make_private_folders(target.parent)
        fd, temp_name = tempfile.mkstemp(prefix=".incoming-", dir=target.parent)
        handle = os.fdopen(fd, "wb")
        self._pending.append((handle, temp_name, target))
        self._targets.add(target)
        handle.write(data)
        handle.flush()

    def finish(self) -> None:
        try:
            whole_disk = _whole_file_system_sync(self._pending)
            if whole_disk is not None:
                # One sync of the file system for every file's bytes, and one more for every
                # folder's new names, instead of one fsync per file and per folder (a first sync
                # brings hundreds of photos into as many folders).
                whole_disk(self._pending[0][0].fileno())
            else:
                # fsync from several threads at once: the file system gathers them into shared
                # journal commits (about 4x faster for a memory's photos than one after another).
                _sync_all(os.fsync, [handle.fileno() for handle, _temp, _target in self._pending])
            for handle, temp_name, _target in self._pending:
                handle.close()
                os.chmod(temp_name, 0o600)
            folders: dict[Path, None] = {}
            for _handle, temp_name, target in self._pending:
                replace_file(temp_name, target)
                folders[target.parent] = None
            if whole_disk is not None and folders:
                fd = os.open(next(iter(folders)), os.O_RDONLY)
                try:
                    whole_disk(fd)
                finally:
                    os.close(fd)
            else:
                _sync_all(fsync_directory, list(folders))
        except BaseException:
            self.discard()
            raise
        self._pending.clear()
        self._targets.clear()

    def discard(self) -> None:
        for handle, temp_name, _target in self._pending:
            handle.close()
            Path(temp_name).unlink(missing_ok=True)
        self._pending.clear()
        self._targets.clear()


class MediaStore:
    """The photo library folder: `root/ab/<sha256>.<ext>`; originals are stored unchanged.

    With a `file_key` (the lock is on) files are written AES-GCM encrypted and read back
    decrypted; the name stays the hash of the original bytes, so a photo is still kept once.
    """

    def __init__(self, root: Path, file_key: bytes | None = None) -> None:
        self.root = root
        self.file_key = file_key

    @staticmethod
    def identity(sha256: str, extension: str) -> str:
        """What an encrypted photo file is bound to: moving it elsewhere breaks authentication."""
        return f"photo/{sha256}.{extension.lower().lstrip('.')}"

    def path_for(self, sha256: str, extension: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}.{extension.lower().lstrip('.')}"

    def contains(self, sha256: str, extension: str) -> bool:
        return self.path_for(sha256, extension).exists()

    def add_bytes(self, data: bytes, extension: str) -> StoredFile:
        """Store `data` (idempotent: the same bytes are kept once) and say where it lives."""
        sha256 = hashlib.sha256(data).hexdigest()
        target = self.path_for(sha256, extension)
        if not target.exists():
            with translated_write_errors():  # full disk / read-only folder: a clear StoreError
                self._write(target, self.seal(self.identity(sha256, extension), data))
        return StoredFile(sha256, extension.lower().lstrip("."), len(data), target)

    def add_to_batch(self, batch: DurableBatch, data: bytes, extension: str,
                     sha256: str) -> StoredFile:
        """Queue `data` (whose SHA-256 the caller has just computed) in `batch`, sealed while
        locked; nothing is queued when the library already holds it. Durable once the batch
        is finished."""
        target = self.path_for(sha256, extension)
        if not target.exists() and not batch.has(target):
            with translated_write_errors():
                batch.add(target, self.seal(self.identity(sha256, extension), data))
        return StoredFile(sha256, extension.lower().lstrip("."), len(data), target)

    def _write(self, target: Path, data: bytes) -> None:
        """The one place photo bytes reach the disk (a seam for quota tests)."""
        write_atomically(target, data)

    def add_file(self, source: Path) -> StoredFile:
        """Copy the file at `source` into the library; the original is only read."""
        return self.add_bytes(source.read_bytes(), source.suffix or ".bin")

    def read_bytes(self, sha256: str, extension: str) -> bytes:
        """The original bytes of a stored photo (decrypted when the lock is on).

        Raises TamperedFileError when an encrypted file was damaged or altered.
        """
        blob = self.path_for(sha256, extension).read_bytes()
        return self.unseal(self.identity(sha256, extension), blob)

    def seal(self, identity: str, data: bytes) -> bytes:
        """`data` as it should rest on disk: encrypted (bound to `identity`) while locked."""
        if self.file_key is None:
            return data
        return encrypt_bytes(self.file_key, identity, data)

    def unseal(self, identity: str, blob: bytes) -> bytes:
        """Bytes read from disk, decrypted if they were sealed (TamperedFileError if altered)."""
        # A library part-way through being locked or unlocked holds both kinds of file;
        # each announces itself by its header.
        if not is_encrypted(blob):
            return blob
        if self.file_key is None:
            raise TamperedFileError(f"{identity} is encrypted and LoveBridge is not unlocked.")
        return decrypt_bytes(self.file_key, identity, blob)

    def remove(self, sha256: str, extension: str) -> None:
        self.path_for(sha256, extension).unlink(missing_ok=True)

    def leftover_temp_files(self) -> list[Path]:
        """Half-written files a crash may have left (removed by `clean_leftovers`)."""
        return sorted(self.root.glob("*/.incoming-*")) if self.root.exists() else []

    def clean_leftovers(self) -> int:
        leftovers = self.leftover_temp_files()
        for path in leftovers:
            path.unlink(missing_ok=True)
        return len(leftovers)
