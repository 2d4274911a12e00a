"""Backups in the data folder while the privacy lock is on: sealed whole-file, like photos.

The lock encrypts every file in the backups folder with the files key, bound to the identity
"backup/<name>" (see core/privacy/lock.py). Automatic backups written while the lock is on are
sealed the same way, and read back through `opened_backup`.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from lovebridge.core.backup.create import WORK_PREFIX
from lovebridge.core.backup.manifest import BackupRefusedError
from lovebridge.paths import Paths
from lovebridge.store.file_cipher import (
    MAGIC,
    TamperedFileError,
    decrypt_bytes,
    encrypt_bytes,
)
from lovebridge.store.media import write_atomically


def backup_identity(paths: Paths, path: Path) -> str:
    """What a sealed backup is bound to: its name inside the backups folder."""
    return f"backup/{path.relative_to(paths.backups).as_posix()}"


def is_sealed(path: Path) -> bool:
    """True when the file starts with the file cipher's header."""
    with path.open("rb") as handle:
        return handle.read(len(MAGIC)) == MAGIC


def seal_in_place(paths: Paths, path: Path, file_key: bytes) -> None:
    """Encrypt a finished backup inside the backups folder, atomically."""
    write_atomically(path, encrypt_bytes(file_key, backup_identity(paths, path), path.read_bytes()))


@contextmanager
def opened_backup(path: Path, paths: Paths, file_key: bytes | None) -> Iterator[Path]:
    """The path of a readable archive: `path` itself, or a decrypted private copy of it."""
    if not is_sealed(path):
        yield path
        return
    if file_key is None or not path.is_relative_to(paths.backups):
        raise BackupRefusedError(
            "This backup is encrypted by LoveBridge's privacy lock; unlock LoveBridge to use it."
        )
    try:
        data = decrypt_bytes(file_key, backup_identity(paths, path), path.read_bytes())
    except TamperedFileError as exc:
        raise BackupRefusedError("This encrypted backup is damaged or was altered.") from exc
    work = Path(tempfile.mkdtemp(prefix=WORK_PREFIX, dir=paths.data))
    try:
        plain = work / path.name
        fd = os.open(plain, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        del data
        yield plain
    finally:
        shutil.rmtree(work, ignore_errors=True)
