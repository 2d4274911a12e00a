"""The manifest inside every backup: what it holds, from which LoveBridge, with checksums.

Format 1 is a self-contained archive (database and photos inside). Format 2 is an automatic
backup whose photos live once each in the shared photo pool of the backups folder: `pooled`
lists every photo file the library held (its name, SHA-256 and size), and only the database is
inside the archive. A LoveBridge that only knows format 1 refuses format 2 as "newer" instead of
restoring a library without its photos.
"""

from __future__ import annotations

import json
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

FORMAT = "lovebridge-backup"
FORMAT_VERSION = 2
SELF_CONTAINED_VERSION = 1
POOLED_VERSION = 2
MANIFEST_NAME = "manifest.json"
DATABASE_MEMBER = "lovebridge.db"
PHOTOS_PREFIX = "photos/"
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
MAX_MANIFEST_BYTES = 64 * 1024 * 1024

NOT_A_BACKUP = "This file is not a LoveBridge backup, or it is damaged. Nothing was changed."

# What zipfile (and zlib under it) may raise on a damaged or truncated archive.
DAMAGE_ERRORS = (
    zipfile.BadZipFile, zlib.error, EOFError, ValueError, KeyError, NotImplementedError,
    struct.error, UnicodeError, RuntimeError, OverflowError, IndexError,
)


class BackupError(Exception):
    """A backup could not be made or used; the message says why in plain words."""


class BackupRefusedError(BackupError):
    """The file is not a sound LoveBridge backup (or is hostile); nothing was changed."""


@dataclass(frozen=True)
class MemberInfo:
    """One file inside the archive: its SHA-256 and its size in bytes."""

    sha256: str
    size: int


@dataclass(frozen=True)
class Manifest:
    """What a backup holds: schema revision, app version, when, counts, and every member."""

    schema_revision: str
    app_version: str
    created_at: datetime
    encrypted: bool
    kind: str
    counts: dict[str, int] = field(default_factory=dict)
    members: dict[str, MemberInfo] = field(default_factory=dict)
    pooled: dict[str, MemberInfo] | None = None  # photos kept in the shared pool (format 2)

    @property
    def is_pooled(self) -> bool:
        """True for an automatic backup whose photos live in the backups folder's pool."""
        return self.pooled is not None

    @property
    def photo_count(self) -> int:
        inside = sum(1 for name in self.members if name.startswith(PHOTOS_PREFIX))
        return inside + len(self.pooled or {})

    @property
    def total_size(self) -> int:
        pooled = sum(member.size for member in (self.pooled or {}).values())
        return sum(member.size for member in self.members.values()) + pooled

    def to_json(self) -> bytes:
        data = {
            "format": FORMAT,
            "format_version": POOLED_VERSION if self.is_pooled else SELF_CONTAINED_VERSION,
            "schema_revision": self.schema_revision,
            "app_version": self.app_version,
            "created_at": self.created_at.astimezone(UTC).isoformat(),
            "encrypted": self.encrypted,
            "kind": self.kind,
            "counts": dict(sorted(self.counts.items())),
            "members": {
                name: {"sha256": info.sha256, "size": info.size}
                for name, info in sorted(self.members.items())
            },
        }
        if self.pooled is not None:
            data["pooled"] = {
                name: {"sha256": info.sha256, "size": info.size}
                for name, info in sorted(self.pooled.items())
            }
        return json.dumps(data, indent=1, ensure_ascii=True).encode("ascii")


def _refuse(detail: str) -> BackupRefusedError:
    return BackupRefusedError(f"This backup's table of contents is damaged ({detail}).")


def parse_manifest(raw: bytes) -> Manifest:
    """Read and check a manifest; anything odd raises BackupRefusedError."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise _refuse("not readable") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _refuse("not a LoveBridge backup")
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise _refuse("no format version")
    if version > FORMAT_VERSION:
        raise BackupRefusedError(
            "This backup was made by a newer version of LoveBridge. Please update LoveBridge "
            "to restore it; nothing was changed."
        )
    texts = {key: data.get(key) for key in ("schema_revision", "app_version", "kind")}
    if not all(isinstance(value, str) and 0 < len(value) <= 200 for value in texts.values()):
        raise _refuse("missing version details")
    try:
        created_at = datetime.fromisoformat(data.get("created_at"))
    except (TypeError, ValueError) as exc:
        raise _refuse("no creation time") from exc
    if created_at.tzinfo is None:
        raise _refuse("creation time without a time zone")
    counts = data.get("counts")
    if not isinstance(counts, dict) or not all(
        isinstance(k, str) and type(v) is int and v >= 0 for k, v in counts.items()
    ):
        raise _refuse("bad counts")
    members_raw = data.get("members")
    if not isinstance(members_raw, dict) or DATABASE_MEMBER not in members_raw:
        raise _refuse("no database listed")
    members = _parse_members(members_raw)
    pooled = None
    if version >= POOLED_VERSION:
        pooled_raw = data.get("pooled")
        if not isinstance(pooled_raw, dict):
            raise _refuse("no photo list")
        pooled = _parse_members(pooled_raw)
        if not all(name.startswith(PHOTOS_PREFIX) for name in pooled) or set(pooled) & set(
            members
        ):
            raise _refuse("bad photo list")
    elif "pooled" in data:
        raise _refuse("unexpected photo list")
    encrypted = data.get("encrypted")
    if not isinstance(encrypted, bool):
        raise _refuse("encryption flag missing")
    return Manifest(
        schema_revision=texts["schema_revision"],
        app_version=texts["app_version"],
        created_at=created_at,
        encrypted=encrypted,
        kind=texts["kind"],
        counts=counts,
        members=members,
        pooled=pooled,
    )


def _parse_members(raw: dict) -> dict[str, MemberInfo]:
    """`{name: {sha256, size}}` checked entry by entry."""
    members: dict[str, MemberInfo] = {}
    for name, info in raw.items():
        if not isinstance(info, dict):
            raise _refuse("bad member entry")
        sha, size = info.get("sha256"), info.get("size")
        if not isinstance(sha, str) or not SHA256_RE.match(sha):
            raise _refuse("bad checksum entry")
        if type(size) is not int or size < 0:
            raise _refuse("bad size entry")
        members[name] = MemberInfo(sha, size)
    return members


def read_manifest(archive_path: Path) -> Manifest:
    """Only the manifest of an archive (for listings); BackupRefusedError if unreadable."""
    try:
        with zipfile.ZipFile(archive_path) as archive:
            info = archive.getinfo(MANIFEST_NAME)
            if info.file_size > MAX_MANIFEST_BYTES:
                raise BackupRefusedError(NOT_A_BACKUP)
            return parse_manifest(archive.read(info))
    except DAMAGE_ERRORS as exc:
        raise BackupRefusedError(NOT_A_BACKUP) from exc
    except OSError as exc:
        raise BackupRefusedError(f"The backup file could not be read ({exc.strerror}).") from exc
