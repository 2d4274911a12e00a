"""The shared photo pool of automatic backups: every photo copied once, named by its SHA-256.

`backups/pool/<ab>/<sha256>` holds the original bytes of one photo. While the privacy lock is on
it is sealed like every other file of the backups folder, bound to the identity
`backup/pool/<ab>/<sha256>` — the rule core/privacy/lock.py applies when it converts that
folder, so turning the lock on or off converts the pool with the archives and nothing special.

`backups/pool/refs/<archive>.json` lists the hashes one archive of the backups folder needs, so
retention can prune what no kept backup uses without opening (and, when sealed, decrypting)
every archive. A restore never trusts these lists: it reads the manifest inside the archive.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from lovebridge.core.backup.create import BACKUP_SUFFIX, photo_files
from lovebridge.core.backup.manifest import (
    PHOTOS_PREFIX,
    BackupRefusedError,
    MemberInfo,
    read_manifest,
)
from lovebridge.core.backup.sealed import backup_identity, is_sealed, opened_backup
from lovebridge.paths import Paths
from lovebridge.store.file_cipher import (
    MAGIC,
    NONCE_BYTES,
    TamperedFileError,
    decrypt_bytes,
    encrypt_bytes,
    is_encrypted,
)
from lovebridge.store.media import (
    fsync_directory,
    make_private_folders,
    replace_file,
    write_atomically,
)

logger = logging.getLogger(__name__)

POOL_DIR = "pool"
REFS_DIR = "refs"
INCOMING_PREFIX = ".incoming-"
SEAL_OVERHEAD = len(MAGIC) + NONCE_BYTES + 16  # header, nonce, AES-GCM tag
HASH_NAMED = re.compile(r"^([0-9a-f]{64})\.[A-Za-z0-9]+$")
SHA256_NAME = re.compile(r"^[0-9a-f]{64}$")
LISTED_NAMES = 5
LOCKED = "This backup is encrypted by LoveBridge's privacy lock; unlock LoveBridge to use it."

Advance = Callable[[int], None]


class PoolIncompleteError(BackupRefusedError):
    """Photos an automatic backup needs are missing from the pool or do not match their hash."""

    def __init__(self, missing: list[str], damaged: list[str]) -> None:
        self.missing = missing
        self.damaged = damaged
        parts = []
        if missing:
            parts.append(f"{_count(missing)} missing ({_listed(missing)})")
        if damaged:
            parts.append(f"{_count(damaged)} damaged or altered ({_listed(damaged)})")
        super().__init__(
            "This automatic backup keeps its photos in the photo pool of LoveBridge's backups "
            f"folder, and {' and '.join(parts)} there. Nothing was changed."
        )


def _count(names: list[str]) -> str:
    return "1 photo is" if len(names) == 1 else f"{len(names):,} photos are"


def _listed(names: list[str]) -> str:
    shown = ", ".join(names[:LISTED_NAMES])
    more = len(names) - LISTED_NAMES
    return shown + (f" and {more:,} more" if more > 0 else "")


def pool_root(paths: Paths) -> Path:
    """The pool folder inside the backups folder."""
    return paths.backups / POOL_DIR


def pool_file(root: Path, sha256: str) -> Path:
    return root / sha256[:2] / sha256


def pool_identity(sha256: str) -> str:
    """What a sealed pool file is bound to (its place inside the backups folder)."""
    return f"backup/{POOL_DIR}/{sha256[:2]}/{sha256}"


def pool_roots(paths: Paths, archive: Path) -> list[Path]:
    """Where an archive's photos may be: this data folder's pool, then one beside the archive."""
    roots = [pool_root(paths)]
    beside = Path(archive).parent / POOL_DIR
    if beside.resolve() != roots[0].resolve():
        roots.append(beside)
    return roots


def original_size(path: Path) -> int:
    """Bytes of the original a file holds, whether it rests sealed or plain (its header says)."""
    size = path.stat().st_size
    with path.open("rb") as handle:
        sealed = handle.read(len(MAGIC)) == MAGIC
    return size - SEAL_OVERHEAD if sealed else size


def _pooled_size(path: Path) -> int | None:
    """The original size a pool file holds, or None when there is none (one stat, one read)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return None
    try:
        size = os.fstat(fd).st_size
        sealed = os.read(fd, len(MAGIC)) == MAGIC
    finally:
        os.close(fd)
    return size - SEAL_OVERHEAD if sealed else size


def _unseal(blob: bytes, identity: str, file_key: bytes | None) -> bytes:
    # A folder part-way through a change of the lock holds both kinds: each file says which.
    if not is_encrypted(blob):
        return blob
    if file_key is None:
        raise BackupRefusedError(LOCKED)
    return decrypt_bytes(file_key, identity, blob)


def _seal(data: bytes, identity: str, file_key: bytes | None) -> bytes:
    return data if file_key is None else encrypt_bytes(file_key, identity, data)


def unpooled_bytes(paths: Paths, photos: list[Path]) -> int:
    """About how many bytes pooling `photos` would write (those not in the pool yet)."""
    root = pool_root(paths)
    total = 0
    for photo in photos:
        named = HASH_NAMED.match(photo.name)
        size = photo.stat().st_size
        if named is not None:
            pooled = _pooled_size(pool_file(root, named.group(1)))
            if pooled is not None and size in (pooled, pooled + SEAL_OVERHEAD):
                continue
        total += size
    return total


def pool_photos(paths: Paths, file_key: bytes | None, advance: Advance | None = None,
                photos: list[Path] | None = None) -> tuple[dict[str, MemberInfo], int]:
    """Pool every library photo not yet pooled; returns (what the library holds, bytes written).

    A photo's name is the SHA-256 of its original bytes (store/media.py), so a photo already in
    the pool costs two stats and one small read here, not a copy. New ones are hashed as copied: a
    library file that no longer matches its name is kept under the hash of what it holds.
    """
    root = pool_root(paths)
    pooled: dict[str, MemberInfo] = {}
    written = 0
    batch = _PoolBatch()
    try:
        for photo in photo_files(paths.photos) if photos is None else photos:
            name = PHOTOS_PREFIX + photo.relative_to(paths.photos).as_posix()
            named = HASH_NAMED.match(photo.name)
            if named is not None and photo.parent.name == named.group(1)[:2]:
                size = _pooled_size(pool_file(root, named.group(1)))
                # Already pooled: the library file may rest sealed or plain, the sizes agree.
                if size is not None and photo.stat().st_size in (size, size + SEAL_OVERHEAD):
                    pooled[name] = MemberInfo(named.group(1), size)
                    if advance is not None:
                        advance(1)
                    continue
            try:
                data = _unseal(photo.read_bytes(), f"photo/{photo.name}", file_key)
            except TamperedFileError as exc:
                raise BackupRefusedError(
                    f"The photo file {name} is damaged, so it could not be backed up."
                ) from exc
            sha256 = hashlib.sha256(data).hexdigest()
            if named is not None and sha256 != named.group(1):
                logger.warning("a photo file no longer matches its name; backed up as it is")
            target = pool_file(root, sha256)
            if sha256 not in batch and not (
                target.is_file() and original_size(target) == len(data)
            ):
                batch.add(target, _seal(data, pool_identity(sha256), file_key))
                written += len(data)
            pooled[name] = MemberInfo(sha256, len(data))
            if advance is not None:
                advance(1)
        batch.commit()
    finally:
        batch.discard()
    return pooled, written


class _PoolBatch:
    """New pool files written under temporary names, then made durable and renamed together.

    Syncing after all are written and each folder once (not each file and folder as it comes)
    halves the syncs of a first backup. Nothing is renamed into place before its bytes are on
    disk; unrenamed `.incoming-` files are removed here on failure, or at the next start.
    """

    def __init__(self) -> None:
        self.pending: dict[str, tuple[Path, Path]] = {}

    def __contains__(self, sha256: str) -> bool:
        return sha256 in self.pending

    def add(self, target: Path, data: bytes) -> None:
        make_private_folders(target.parent)
        fd, temp_name = tempfile.mkstemp(prefix=INCOMING_PREFIX, dir=target.parent)
        temp = Path(temp_name)
        self.pending[target.name] = (temp, target)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)

    def commit(self) -> None:
        for temp, _target in self.pending.values():
            with temp.open("rb+") as handle:
                os.fsync(handle.fileno())
        folders = set()
        for temp, target in self.pending.values():
            os.chmod(temp, 0o600)
            replace_file(temp, target)
            folders.add(target.parent)
        self.pending.clear()
        for folder in sorted(folders):
            fsync_directory(folder)

    def discard(self) -> None:
        for temp, _target in self.pending.values():
            temp.unlink(missing_ok=True)
        self.pending.clear()


def _find(roots: Iterable[Path], sha256: str) -> Path | None:
    return next((pool_file(r, sha256) for r in roots if pool_file(r, sha256).is_file()), None)


def check_pooled(
    pooled: dict[str, MemberInfo],
    roots: list[Path],
    file_key: bytes | None,
    *,
    staging_photos: Path | None = None,
    seal_with: bytes | None = None,
    advance: Advance | None = None,
    verified: set[str] | None = None,
) -> None:
    """Every pooled photo exists and matches its hash and size; optionally copied to staging.

    Copies land in `staging_photos` as the library keeps them: sealed with `seal_with` (the
    photo key while the lock is on). Raises PoolIncompleteError naming every photo missing or
    damaged; the existence of all is checked first, before any photo is read.
    """
    missing = sorted(name for name, info in pooled.items() if _find(roots, info.sha256) is None)
    if missing:
        raise PoolIncompleteError(missing, [])
    damaged = []
    for name, info in sorted(pooled.items()):
        if staging_photos is None and verified is not None and info.sha256 in verified:
            continue
        source = _find(roots, info.sha256)
        try:
            data = _unseal(source.read_bytes(), pool_identity(info.sha256), file_key)
        except TamperedFileError:
            damaged.append(name)
            continue
        except FileNotFoundError:  # removed meanwhile
            raise PoolIncompleteError([name], []) from None
        if len(data) != info.size or hashlib.sha256(data).hexdigest() != info.sha256:
            damaged.append(name)
            continue
        if verified is not None:
            verified.add(info.sha256)
        if staging_photos is not None:
            relative = name[len(PHOTOS_PREFIX):]
            photo_name = relative.rsplit("/", 1)[-1]
            _write_staged(staging_photos / relative, _seal(data, f"photo/{photo_name}", seal_with))
        if advance is not None:
            advance(info.size)
    if damaged:
        raise PoolIncompleteError([], damaged)


def _write_staged(target: Path, data: bytes) -> None:
    """A new file in the staging folder, durable before the swap (a crash discards staging)."""
    make_private_folders(target.parent)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())


# ---- which pool files the archives of the backups folder need ------------------------------
def refs_file(paths: Paths, archive_name: str) -> Path:
    return pool_root(paths) / REFS_DIR / f"{archive_name}.json"


def write_refs(paths: Paths, archive: Path, hashes: Iterable[str],
               file_key: bytes | None) -> None:
    """Record which pool files `archive` needs (sealed like the rest of the folder when locked)."""
    target = refs_file(paths, archive.name)
    # The size of what the archive holds: the same whether the lock has sealed it or not.
    record = {"archive": archive.name, "size": original_size(archive),
              "hashes": sorted(set(hashes))}
    data = json.dumps(record).encode("ascii")
    write_atomically(target, _seal(data, backup_identity(paths, target), file_key))


def read_refs(paths: Paths, archive: Path, file_key: bytes | None) -> set[str] | None:
    """The hashes `archive` needs, from its record; None when there is no usable record."""
    target = refs_file(paths, archive.name)
    try:
        data = _unseal(target.read_bytes(), backup_identity(paths, target), file_key)
        record = json.loads(data.decode("ascii"))
        hashes = record["hashes"]
        if record["archive"] != archive.name or record["size"] != original_size(archive):
            return None  # an older record of a file since replaced under the same name
        if not isinstance(hashes, list) or not all(
            isinstance(h, str) and SHA256_NAME.match(h) for h in hashes
        ):
            return None
        return set(hashes)
    except (OSError, ValueError, KeyError, TypeError, UnicodeError, TamperedFileError,
            BackupRefusedError):
        return None


def _hashes_in_archive(paths: Paths, archive: Path, file_key: bytes | None) -> set[str] | None:
    """Read the hashes an archive needs from its own manifest; None when that cannot be known."""
    try:
        if is_sealed(archive) and file_key is None:
            return None  # locked: what it needs cannot be known, so nothing may be pruned
        with opened_backup(archive, paths, file_key) as readable:
            manifest = read_manifest(readable)
    except BackupRefusedError:
        # Not a backup LoveBridge can read at all: it cannot be restored, it needs nothing.
        logger.warning("an unreadable file in the backups folder needs no photos")
        return set()
    except OSError:
        return None
    return {info.sha256 for info in (manifest.pooled or {}).values()}


def prune_pool(paths: Paths, file_key: bytes | None) -> int:
    """Delete pool files no archive in the backups folder needs; returns how many.

    Every `.lovebridge` file of the backups folder counts (automatic, before-restore, and any
    the person saved or renamed there). When what one needs cannot be known (the lock is on
    and no key is given, or a read fails), nothing is pruned this time.
    """
    root = pool_root(paths)
    if not root.is_dir():
        return 0
    needed: set[str] = set()
    archives = [p for p in paths.backups.glob("*" + BACKUP_SUFFIX)
                if p.is_file() and not p.name.startswith(".")]
    for archive in archives:
        hashes = read_refs(paths, archive, file_key)
        if hashes is None:
            hashes = _hashes_in_archive(paths, archive, file_key)
            if hashes is None:
                logger.info("pool not pruned: what %s needs is unknown", archive.name)
                return 0
            write_refs(paths, archive, hashes, file_key)
        needed |= hashes
    names = {archive.name for archive in archives}
    refs = root / REFS_DIR
    if refs.is_dir():
        for record in refs.glob("*.json"):
            if record.name[: -len(".json")] not in names:
                record.unlink(missing_ok=True)
    removed = 0
    for folder in root.iterdir():
        if folder.name == REFS_DIR or not folder.is_dir():
            continue
        for path in folder.iterdir():
            if SHA256_NAME.match(path.name) and path.name not in needed:
                path.unlink(missing_ok=True)
                removed += 1
    if removed:
        logger.info("pruned %d photo(s) no kept backup needs from the pool", removed)
    return removed


def clean_pool_leftovers(paths: Paths) -> int:
    """Remove half-written pool files a crash left (they were never renamed into place)."""
    root = pool_root(paths)
    if not root.is_dir():
        return 0
    leftovers = [*root.glob(f"*/{INCOMING_PREFIX}*"), *root.glob(f"{INCOMING_PREFIX}*")]
    for path in leftovers:
        path.unlink(missing_ok=True)
    if paths.backups.is_dir():
        for path in paths.backups.glob(f"{INCOMING_PREFIX}*"):
            path.unlink(missing_ok=True)
            leftovers.append(path)
    return len(leftovers)


def pool_size(paths: Paths) -> int:
    """Bytes the pool takes on disk (for listings and the benchmark)."""
    root = pool_root(paths)
    if not root.is_dir():
        return 0
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())

