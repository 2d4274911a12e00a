"""Photo files, stored once each under the SHA-256 of their bytes, written crash-safely."""

from __future__ import annotations

import ctypes
import errno
import functools
import hashlib
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, NamedTuple, TypeVar

from lovebridge.store.file_cipher import (
    StreamSealer,
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
    write_atomically_with(target, lambda handle: handle.write(data))


def write_atomically_with(target: Path, fill: Callable[[BinaryIO], object]) -> None:
    """`write_atomically` for a file written piece by piece by `fill(handle)` (a snapshot
    streamed chunk by chunk)."""
    make_private_folders(target.parent)
    fd, temp_name = tempfile.mkstemp(prefix=".incoming-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            fill(handle)
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


# Before Linux 5.8, syncfs(2) returned 0 even when writing a file out failed (its manual's
# BUGS): a failed photo would look durable. Older kernels fsync file by file instead.
SYNCFS_REPORTS_ERRORS_FROM = (5, 8)


def kernel_version(release: str) -> tuple[int, int]:
    """(major, minor) of a kernel release such as '6.1.0-27-amd64'; (0, 0) when unreadable."""
    found = re.match(r"(\d+)\.(\d+)", release)
    return (int(found.group(1)), int(found.group(2))) if found else (0, 0)


@functools.cache
def _syncfs() -> Callable[[int], int] | None:
    """Linux's syncfs(2) through the C library, or None where there is none (or where it
    would not report a failed write)."""
    if not sys.platform.startswith("linux"):
        return None
    if kernel_version(os.uname().release) < SYNCFS_REPORTS_ERRORS_FROM:
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        call = libc.syncfs
    except (OSError, AttributeError):
        return None
    call.argtypes = [ctypes.c_int]
    call.restype = ctypes.c_int
    return call


class FileVersion(NamedTuple):
    """What changes whenever a file is written to: which file it is, its size and its times.

    No program can set a change time back, so a file showing the version it had when it was
    read still holds the bytes that were read, as long as it had been still for longer than
    its file system's clock step by then (a write within the same step may keep the times):
    see `settled`. The import uses it to copy a photo it has hashed without hashing it again.
    """

    device: int
    inode: int
    size: int
    modified_ns: int
    changed_ns: int

    @classmethod
    def of(cls, stat: os.stat_result) -> FileVersion:
        return cls(stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)

    def settled(self, read_at_ns: int) -> FileVersion | None:
        """This version if the file had been still for SETTLED_NS when its reading began at
        `read_at_ns` (time.time_ns()); None when a later write could leave the same times."""
        newest = max(self.modified_ns, self.changed_ns)
        return self if newest < read_at_ns - SETTLED_NS else None


# Longer than any file system's time step (FAT keeps times to 2 s) and the slip between
# the laptop's clock and a file server's.
SETTLED_NS = 3_000_000_000


SYNCFS_FROM_FILES = 8  # fewer files are cheaper to fsync one by one than the whole file system


def sync_filesystem_supported() -> bool:
    return _syncfs() is not None


def sync_filesystem(folder: Path) -> bool:
    """Make everything written on the file system holding `folder` durable, with one syncfs
    (Linux; it reports write-back errors since 5.8); False where the call does not exist,
    and the caller fsyncs file by file instead."""
    call = _syncfs()
    if call is None:
        return False
    fd = os.open(folder, os.O_RDONLY)
    try:
        if call(fd) != 0:
            number = ctypes.get_errno()
            raise OSError(number, os.strerror(number))
    finally:
        os.close(fd)
    return True


class DurableBatch:
    """Several files written crash-safely together: made durable in one pass before renaming.

    `add` (or `add_chunks`) writes each file to a temp name beside its target and closes it
    (nothing is renamed yet); `finish` makes every temp file durable, renames each into
    place, then makes the renames durable. On Linux each step is one syncfs of the file
    system for a batch of SYNCFS_FROM_FILES files or more (a group's photos cost two syncs,
    not one fsync per file and per folder); for fewer, and elsewhere, every temp file and
    then every folder touched is fsynced. A crash before
    `finish` returns leaves only temp files (`.incoming-*`, swept on opening) or whole files:
    never a torn one under a real name. Call `finish` before committing anything that points
    at the files; `discard` removes what was not finished.
    """

    def __init__(self, whole_filesystem: bool = True) -> None:
        # False for folders that may sit on a network or FUSE file system (the shared sync
        # folder), where syncfs may not reach the server: there each file is fsynced.
        self._whole_filesystem = whole_filesystem
        self._pending: list[tuple[str, Path]] = []
        self._targets: set[Path] = set()

    def __len__(self) -> int:
        return len(self._pending)

    def has(self, target: Path) -> bool:
        return target in self._targets

    def mark(self) -> int:
        """Where the batch stands now, for `discard_after`."""
        return len(self._pending)

    def add(self, target: Path, data: bytes) -> None:
        self.add_chunks(target, (data,))

    def add_chunks(self, target: Path, chunks: Iterable[bytes]) -> int:
        """Write the bytes `chunks` yields under a temp name beside `target`; returns how many.

        If `chunks` raises (the source changed, a read failed), the temp file is removed and
        the error passed on: nothing of it stays in the batch.
        """
        make_private_folders(target.parent)
        fd, temp_name = tempfile.mkstemp(prefix=".incoming-", dir=target.parent)
        written = 0
        try:
            with os.fdopen(fd, "wb") as handle:  # private (0600), as mkstemp makes it
                for chunk in chunks:
                    handle.write(chunk)
                    written += len(chunk)
        except BaseException:
            Path(temp_name).unlink(missing_ok=True)
            raise
        self._pending.append((temp_name, target))
        self._targets.add(target)
        return written

    def add_copy(self, target: Path, source: Path, sha256: str,
                 length: int | None = None, version: FileVersion | None = None) -> int:
        """Copy the file `source` (its first `length` bytes, or all of it) to a temp name
        beside `target`, in the kernel where it can (copy_file_range), then hash what was
        written: if it is not `sha256`, the temp file is removed and SourceChangedError
        raised. Returns the bytes copied. CopySourceError when `source` cannot be opened.

        `version` is the settled version of `source` when `sha256` was read from it (see
        FileVersion): if the file shows that version before and after the copy, its bytes
        are those and the copy is not hashed again."""
        try:
            reader = os.open(source, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        except OSError as exc:
            raise CopySourceError(exc.strerror or str(exc)) from exc
        try:
            make_private_folders(target.parent)
            # mkstemp makes the file private (0600) and opens it for reading too: what was
            # written is read back through the same handle to be hashed.
            fd, temp_name = tempfile.mkstemp(prefix=".incoming-", dir=target.parent)
            try:
                with os.fdopen(fd, "rb") as written:
                    unchanged = version is not None and FileVersion.of(os.fstat(reader)) == version
                    copied = _copy_fd(reader, fd, length)
                    if length is not None and copied != length:
                        raise SourceChangedError(f"{source.name} is shorter than it was")
                    if not (unchanged and FileVersion.of(os.fstat(reader)) == version):
                        written.seek(0)
                        if hashlib.file_digest(written, "sha256").hexdigest() != sha256:
                            raise SourceChangedError(f"{source.name} changed")
            except BaseException:
                Path(temp_name).unlink(missing_ok=True)
                raise
        finally:
            os.close(reader)
        self._pending.append((temp_name, target))
        self._targets.add(target)
        return copied

    def finish(self) -> None:
        try:
            if self._pending:
                self._make_durable()
        except BaseException:
            self.discard()
            raise
        self._pending.clear()
        self._targets.clear()

    def _make_durable(self) -> None:
        folders = list(dict.fromkeys(target.parent for _temp, target in self._pending))
        one_per_disk = list({folder.stat().st_dev: folder for folder in folders}.values())
        if (self._whole_filesystem and len(self._pending) >= SYNCFS_FROM_FILES
                and all(sync_filesystem(folder) for folder in one_per_disk)):
            for temp_name, target in self._pending:
                replace_file(temp_name, target)
            for folder in one_per_disk:
                sync_filesystem(folder)
            return
        # No syncfs: fsync from several threads at once, so the file system gathers them
        # into shared journal commits (about 4x faster than one after another).
        _sync_all(_fsync_path, [temp_name for temp_name, _target in self._pending])
        for temp_name, target in self._pending:
            replace_file(temp_name, target)
        _sync_all(fsync_directory, folders)

    def discard_after(self, mark: int) -> None:
        """Remove the files added since `mark` (a memory cancelled half-way)."""
        for temp_name, target in self._pending[mark:]:
            Path(temp_name).unlink(missing_ok=True)
            self._targets.discard(target)
        del self._pending[mark:]

    def discard(self) -> None:
        self.discard_after(0)


class SourceChangedError(Exception):
    """The bytes copied are not the ones expected (the file changed since it was read)."""


class CopySourceError(Exception):
    """The file to copy could not be opened (its own problem, not the library's)."""


_NO_KERNEL_COPY = {errno.EXDEV, errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.EPERM,
                   errno.EBADF, getattr(errno, "ENOTSUP", errno.EOPNOTSUPP)}


def _copy_fd(reader: int, writer: int, length: int | None) -> int:
    """Copy from `reader` to `writer` (both at their current offsets), `length` bytes or up
    to the end; in the kernel with copy_file_range where the system has it. Returns bytes."""
    copied = 0
    kernel = hasattr(os, "copy_file_range")
    while length is None or copied < length:
        want = CHUNK * 8 if length is None else min(CHUNK * 8, length - copied)
        if kernel:
            try:
                done = os.copy_file_range(reader, writer, want)
            except OSError as exc:
                if exc.errno not in _NO_KERNEL_COPY:
                    raise
                kernel = False  # another file system, an old kernel: copy through memory
                continue
        else:
            chunk = os.read(reader, min(want, CHUNK))
            done = len(chunk)
            view = memoryview(chunk)
            while view:
                view = view[os.write(writer, view):]
        if done == 0:
            break
        copied += done
    return copied


def read_chunks(handle: BinaryIO, limit: int | None = None) -> Iterator[bytes]:
    """The rest of `handle` (or its next `limit` bytes), CHUNK bytes at a time."""
    left = limit
    while left is None or left > 0:
        chunk = handle.read(CHUNK if left is None else min(CHUNK, left))
        if not chunk:
            return
        if left is not None:
            left -= len(chunk)
        yield chunk


def _checked_chunks(source: Path, sha256: str, length: int | None) -> Iterator[bytes]:
    """The bytes of `source` (its first `length`), a chunk at a time; SourceChangedError at
    the end when they do not hash to `sha256`."""
    digest = hashlib.sha256()
    left = length
    try:
        handle = source.open("rb")
    except OSError as exc:
        raise CopySourceError(exc.strerror or str(exc)) from exc
    with handle:
        for chunk in read_chunks(handle, length):
            digest.update(chunk)
            if left is not None:
                left -= len(chunk)
            yield chunk
    if digest.hexdigest() != sha256 or (left is not None and left > 0):
        raise SourceChangedError(f"{source.name} changed")


def _sealed(sealer: StreamSealer, chunks: Iterable[bytes]) -> Iterator[bytes]:
    yield sealer.header
    for chunk in chunks:
        yield sealer.update(chunk)
    yield sealer.finalize()


def _fsync_path(name: str) -> None:
    """fsync a closed file by name (opened for writing: Windows needs it to flush)."""
    with open(name, "rb+") as handle:
        os.fsync(handle.fileno())


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

    def copy_file_to_batch(self, batch: DurableBatch, source: Path, extension: str,
                           sha256: str, length: int | None = None,
                           version: FileVersion | None = None) -> bool:
        """Queue a copy of the file `source` (its first `length` bytes) as the photo `sha256`,
        checked against that hash (SourceChangedError if it differs; not hashed again when it
        still shows the settled `version` it had when hashed, see DurableBatch.add_copy) and
        sealed while locked; False, and nothing read, when the library already holds it."""
        target = self.path_for(sha256, extension)
        if target.exists() or batch.has(target):
            return False
        with translated_write_errors():
            if self.file_key is None:
                batch.add_copy(target, source, sha256, length, version)
            else:
                chunks = _checked_chunks(source, sha256, length)
                sealer = StreamSealer(self.file_key, self.identity(sha256, extension))
                batch.add_chunks(target, _sealed(sealer, chunks))
        return True

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
