"""Checking a backup completely before anything is touched, and unpacking it into a staging folder.

Hostile or damaged archives are refused with a clear message: unsafe names, links, bombs,
duplicates, unexpected members, bad checksums, an unknown (newer) schema, a damaged database.
Nothing is ever written outside the staging folder, which lives inside the data folder.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import re
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from lovebridge.core.backup.create import Progress, progress_counter, table_counts
from lovebridge.core.backup.manifest import (
    DAMAGE_ERRORS,
    DATABASE_MEMBER,
    MANIFEST_NAME,
    MAX_MANIFEST_BYTES,
    NOT_A_BACKUP,
    PHOTOS_PREFIX,
    BackupRefusedError,
    Manifest,
    parse_manifest,
)
from lovebridge.core.backup.pool import check_pooled
from lovebridge.store.connection import connect
from lovebridge.store.errors import StoreError
from lovebridge.store.guards import megabytes
from lovebridge.store.media import CHUNK, fsync_directory
from lovebridge.store.schema_check import schema_problems

logger = logging.getLogger(__name__)

STAGING_PREFIX = ".restore-staging-"
MAX_MEMBERS = 200_000
MAX_RATIO = 200
RATIO_FLOOR_BYTES = 1024 * 1024  # tiny members may compress well without being a bomb
SPACE_MARGIN_BYTES = 64 * 1024 * 1024
MAX_NAME_CHARS = 255
SAFE_PART = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")

Opener = Callable[[Path], sqlcipher.Connection]


def plain_opener(path: Path) -> sqlcipher.Connection:
    """Open an unencrypted snapshot (Store.connect_to is used when a store is open)."""
    return connect(path, None)


@dataclass(frozen=True)
class StagedBackup:
    """A backup checked and unpacked into `folder` (inside the data folder), ready to swap in."""

    folder: Path
    manifest: Manifest

    @property
    def database(self) -> Path:
        return self.folder / DATABASE_MEMBER

    @property
    def photos(self) -> Path:
        return self.folder / "photos"

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def member_name_problem(name: str) -> str | None:
    """Why `name` may not be unpacked (None when it is a plain, safe relative name)."""
    if not name or len(name) > MAX_NAME_CHARS:
        return "a member name is empty or too long"
    if "\\" in name:
        return "a member name contains a backslash"
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return "a member has an absolute path"
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        return "a member name contains control characters"
    parts = name.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return "a member name points outside the backup"
    if not all(SAFE_PART.match(part) for part in parts):
        return "a member name has unexpected characters"
    if name != MANIFEST_NAME and name != DATABASE_MEMBER and not name.startswith(PHOTOS_PREFIX):
        return "the backup holds an unexpected member"
    return None


def is_link_or_special(info: zipfile.ZipInfo) -> bool:
    """True for symlinks and other non-regular files recorded by a Unix zip tool."""
    kind = stat.S_IFMT(info.external_attr >> 16)
    return kind not in (0, stat.S_IFREG)


def check_directory(infos: list[zipfile.ZipInfo], free_bytes: int) -> None:
    """Refuse an archive whose table of contents is hostile, before reading any member."""
    if len(infos) > MAX_MEMBERS:
        raise BackupRefusedError(
            f"This backup lists {len(infos):,} files, more than LoveBridge ever writes. "
            "Nothing was changed."
        )
    names = [info.filename for info in infos]
    if len(set(names)) != len(names):
        raise BackupRefusedError("This backup lists the same file twice. Nothing was changed.")
    folders = {name.rsplit("/", depth)[0] for name in names
               for depth in range(1, name.count("/") + 1)}
    if folders & set(names):
        raise BackupRefusedError("This backup is not safe to restore: it names one file as both "
                                 "a file and a folder. Nothing was changed.")
    for info in infos:
        problem = member_name_problem(info.filename)
        if problem is None and info.is_dir():
            problem = "the backup holds a folder entry"
        if problem is None and is_link_or_special(info):
            problem = "the backup holds a link"
        if problem is None and info.flag_bits & 0x1:
            problem = "a member is password-protected"
        if problem is not None:
            raise BackupRefusedError(f"This backup is not safe to restore: {problem}. "
                                     "Nothing was changed.")
        if info.file_size > RATIO_FLOOR_BYTES and (
            info.file_size > MAX_RATIO * max(info.compress_size, 1)
        ):
            raise BackupRefusedError(
                "This backup is not safe to restore: a member would unpack to an absurd size. "
                "Nothing was changed."
            )
    total = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos)
    if total > RATIO_FLOOR_BYTES and total > MAX_RATIO * max(packed, 1):
        raise BackupRefusedError(
            "This backup is not safe to restore: it would unpack to an absurd size. "
            "Nothing was changed."
        )
    if total + SPACE_MARGIN_BYTES > free_bytes:
        raise BackupRefusedError(no_room_message(total + SPACE_MARGIN_BYTES, free_bytes))


def no_room_message(needed: int, free: int) -> str:
    """Refused before unpacking: how much the restore takes, and how much more than is free."""
    return (f"There is not enough free disk space to restore this backup (it needs about "
            f"{megabytes(needed)} — about {megabytes(needed - free)} more than is free now). "
            "Free some space and try again; nothing was changed.")


def full_during_restore(needed: int) -> str:
    """The disk filled up while unpacking (something else was writing too)."""
    return (f"The disk is full: restoring this backup needs about {megabytes(needed)} free. "
            "Free some space and try again; nothing was changed.")


def check_members_match(infos: list[zipfile.ZipInfo], manifest: Manifest) -> None:
    """Every member is listed in the manifest with its size, and every listed file is present."""
    present = {info.filename: info for info in infos if info.filename != MANIFEST_NAME}
    if set(present) != set(manifest.members):
        raise BackupRefusedError(
            "This backup is incomplete or holds unexpected files. Nothing was changed."
        )
    for name, info in present.items():
        if info.file_size != manifest.members[name].size:
            raise BackupRefusedError(f"{NOT_A_BACKUP} (a file has the wrong size)")


def check_schema_known(revision: str) -> None:
    """Refuse a backup from a schema this LoveBridge does not know (a newer LoveBridge)."""
    from alembic.script import ScriptDirectory

    from lovebridge.store.migrate import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    try:
        known = script.get_revision(revision) is not None
    except Exception:  # alembic raises several kinds for an unknown id
        known = False
    if not known:
        raise BackupRefusedError(
            "This backup was made by a newer version of LoveBridge. Please update LoveBridge "
            "to restore it; nothing was changed."
        )


def _extract_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, staging: Path,
                    expected_sha: str, advance: Callable[[int], None]) -> None:
    target = (staging / info.filename).resolve()
    if not target.is_relative_to(staging.resolve()):
        raise BackupRefusedError("This backup is not safe to restore. Nothing was changed.")
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    digest = hashlib.sha256()
    written = 0
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out, archive.open(info) as source:
        while chunk := source.read(CHUNK):
            written += len(chunk)
            if written > info.file_size:  # never trust the declared size
                raise BackupRefusedError(f"{NOT_A_BACKUP} (a file is larger than declared)")
            digest.update(chunk)
            out.write(chunk)
            advance(len(chunk))
        out.flush()
        os.fsync(out.fileno())
    if digest.hexdigest() != expected_sha or written != info.file_size:
        raise BackupRefusedError(f"{NOT_A_BACKUP} (a checksum does not match)")


def check_snapshot(database: Path, manifest: Manifest, opener: Opener) -> None:
    """The unpacked database opens, passes integrity and key checks, and matches the manifest."""
    try:
        connection = opener(database)
    except StoreError as exc:
        raise BackupRefusedError(f"{NOT_A_BACKUP} (the database cannot be opened)") from exc
    try:
        rows = [r[0] for r in connection.execute("PRAGMA integrity_check").fetchall()]
        dangling = connection.execute("PRAGMA foreign_key_check").fetchall()
        if rows != ["ok"] or dangling:
            raise BackupRefusedError(f"{NOT_A_BACKUP} (the database inside fails its check)")
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision is None or revision[0] != manifest.schema_revision:
            raise BackupRefusedError(f"{NOT_A_BACKUP} (the schema does not match)")
        odd = schema_problems(connection)
        if odd:
            raise BackupRefusedError(
                "This backup's database holds parts LoveBridge never made ("
                + "; ".join(odd[:3]) + "). It was not restored; nothing was changed.")
        if table_counts(connection) != manifest.counts:
            raise BackupRefusedError(f"{NOT_A_BACKUP} (the row counts do not match)")
        connection.execute("PRAGMA journal_mode=DELETE")
    except sqlcipher.DatabaseError as exc:
        raise BackupRefusedError(f"{NOT_A_BACKUP} (the database inside is damaged)") from exc
    finally:
        connection.close()


def check_pooled_listing(manifest: Manifest, free_bytes: int) -> None:
    """An automatic backup's photo list: safe names only, the database alone inside, space."""
    if not manifest.is_pooled:
        return
    if set(manifest.members) != {DATABASE_MEMBER}:
        raise BackupRefusedError(
            "This backup is incomplete or holds unexpected files. Nothing was changed."
        )
    if len(manifest.pooled) > MAX_MEMBERS:
        raise BackupRefusedError(
            f"This backup lists {len(manifest.pooled):,} files, more than LoveBridge ever "
            "writes. Nothing was changed."
        )
    for name in manifest.pooled:
        problem = member_name_problem(name)
        if problem is not None:
            raise BackupRefusedError(f"This backup is not safe to restore: {problem}. "
                                     "Nothing was changed.")
    if manifest.total_size + SPACE_MARGIN_BYTES > free_bytes:
        raise BackupRefusedError(no_room_message(manifest.total_size + SPACE_MARGIN_BYTES,
                                                 free_bytes))


def _stage_pooled(manifest: Manifest, staging: Path, roots: list[Path] | None,
                  file_key: bytes | None, progress: Progress | None) -> None:
    """Copy an automatic backup's photos from the pool into staging, each checked first."""
    if not roots:
        raise BackupRefusedError(
            "This automatic backup keeps its photos in LoveBridge's backups folder; restore it "
            "from there. Nothing was changed."
        )
    total = max(manifest.total_size, 1)
    done = manifest.members[DATABASE_MEMBER].size

    def advance(count: int) -> None:
        nonlocal done
        done += count
        if progress is not None:
            progress(done // 1024, max(total // 1024, 1))

    try:
        check_pooled(manifest.pooled, roots, file_key, staging_photos=staging / "photos",
                     seal_with=file_key, advance=advance)
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            raise BackupRefusedError(full_during_restore(
                manifest.total_size + SPACE_MARGIN_BYTES)) from exc
        if exc.errno in (errno.EEXIST, errno.ENOTDIR, errno.EISDIR):
            # A photo listed both as a file and as a folder: a made-up list, not ours.
            raise BackupRefusedError(f"{NOT_A_BACKUP} (its photo list is inconsistent)") from exc
        raise


def verify_archive(archive_path: Path) -> Manifest:
    """Check an archive's table of contents and every checksum without unpacking anything."""
    try:
        with zipfile.ZipFile(archive_path) as archive:
            infos = archive.infolist()
            check_directory(infos, free_bytes=2**63)  # nothing is written: space is no concern
            manifest_info = next((i for i in infos if i.filename == MANIFEST_NAME), None)
            if manifest_info is None or manifest_info.file_size > MAX_MANIFEST_BYTES:
                raise BackupRefusedError(f"{NOT_A_BACKUP} (it has no table of contents)")
            manifest = parse_manifest(archive.read(manifest_info))
            check_members_match(infos, manifest)
            for info in infos:
                if info.filename == MANIFEST_NAME:
                    continue
                digest = hashlib.sha256()
                with archive.open(info) as source:
                    while chunk := source.read(CHUNK):
                        digest.update(chunk)
                if digest.hexdigest() != manifest.members[info.filename].sha256:
                    raise BackupRefusedError(f"{NOT_A_BACKUP} (a checksum does not match)")
            return manifest
    except DAMAGE_ERRORS as exc:
        raise BackupRefusedError(NOT_A_BACKUP) from exc
    except OSError as exc:
        raise BackupRefusedError(f"{NOT_A_BACKUP} ({exc.strerror or 'unreadable'})") from exc


def validate_and_stage(
    archive_path: Path,
    data_dir: Path,
    *,
    opener: Opener = plain_opener,
    encrypted: bool = False,
    progress: Progress | None = None,
    pool_roots: list[Path] | None = None,
    file_key: bytes | None = None,
    reserve: int = 0,
) -> StagedBackup:
    """Check `archive_path` completely and unpack it into a staging folder inside `data_dir`.

    An automatic backup's photos are read from the first of `pool_roots` holding each, checked
    against their hash and size, and staged as the library keeps them (sealed with `file_key`
    while the lock is on). Raises BackupRefusedError (the staging folder removed, nothing else
    touched) on any problem; a PoolIncompleteError names every missing or damaged photo.
    `reserve` bytes of the free space are kept for other work (the safety copy made first).
    """
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=data_dir))
    try:
        manifest = _validate_into(archive_path, staging, data_dir, opener, encrypted, progress,
                                  reserve)
        if manifest.is_pooled:
            _stage_pooled(manifest, staging, pool_roots, file_key, progress)
        fsync_directory(staging)
        return StagedBackup(staging, manifest)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _validate_into(archive_path: Path, staging: Path, data_dir: Path, opener: Opener,
                   encrypted: bool, progress: Progress | None, reserve: int = 0) -> Manifest:
    manifest: Manifest | None = None
    try:
        with zipfile.ZipFile(archive_path) as archive:
            infos = archive.infolist()
            check_directory(infos, shutil.disk_usage(data_dir).free - reserve)
            manifest_info = next((i for i in infos if i.filename == MANIFEST_NAME), None)
            if manifest_info is None or manifest_info.file_size > MAX_MANIFEST_BYTES:
                raise BackupRefusedError(f"{NOT_A_BACKUP} (it has no table of contents)")
            manifest = parse_manifest(archive.read(manifest_info))
            check_members_match(infos, manifest)
            check_pooled_listing(manifest, shutil.disk_usage(data_dir).free - reserve)
            check_schema_known(manifest.schema_revision)
            if manifest.encrypted != encrypted:
                raise BackupRefusedError(
                    "This backup was made with a different privacy lock setting than this "
                    "LoveBridge uses. Nothing was changed."
                )
            advance = progress_counter(progress, max(manifest.total_size, 1), unit=1024)

            for info in infos:
                if info.filename != MANIFEST_NAME:
                    expected = manifest.members[info.filename].sha256
                    _extract_member(archive, info, staging, expected, advance)
    except BackupRefusedError:
        raise
    except DAMAGE_ERRORS as exc:
        raise BackupRefusedError(NOT_A_BACKUP) from exc
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            raise BackupRefusedError(full_during_restore(
                (manifest.total_size if manifest else 0) + SPACE_MARGIN_BYTES)) from exc
        if exc.filename is None or Path(str(exc.filename)) == Path(archive_path):
            raise BackupRefusedError(f"{NOT_A_BACKUP} ({exc.strerror or 'unreadable'})") from exc
        raise
    check_snapshot(staging / DATABASE_MEMBER, manifest, opener)
    (staging / "photos").mkdir(exist_ok=True, mode=0o700)
    logger.info("backup validated: %d members", len(manifest.members))
    return manifest
