"""Reading the partner's sub-folder: device records, snapshots, batches in order, photo blobs.

Nothing is applied unless it opens with the couple's key, carries the signature of the device
whose folder it sits in, and names itself as the file it is. Everything else is set aside with a
note (a conflict copy, a stranger's file, a newer LoveBridge's file) or left for later (a file the
sync service is still copying). Each batch is applied in one transaction together with the
record of how far that device was read, so a crash applies it fully or not at all.
"""

from __future__ import annotations

import hashlib
import json
import logging
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from lovebridge.core.events import FROM_PARTNER, note_change
from lovebridge.core.sync import merge, state
from lovebridge.core.sync.crypto import (
    NewerFormatError,
    SealedFileError,
    open_file,
    peek_header,
)
from lovebridge.core.sync.folder import (
    BATCH_NAME,
    MAX_BATCH_BYTES,
    MAX_BLOB_BYTES,
    MAX_DEVICE_BYTES,
    SNAPSHOT_NAME,
    classify,
)
from lovebridge.core.sync.incoming_snapshot import apply_snapshot
from lovebridge.core.sync.outgoing import FILES_PER_ROUND
from lovebridge.core.sync.state import Identity
from lovebridge.store.base import utc_now
from lovebridge.store.change_capture import APPLYING, save_state
from lovebridge.store.db import Store
from lovebridge.store.hlc import HybridClock
from lovebridge.store.media import DurableBatch, MediaStore
from lovebridge.store.models.sync import SyncNote, SyncSeen, SyncState

logger = logging.getLogger(__name__)

MAX_CHANGES_PER_BATCH = 50_000
MIN_DELETIONS_TO_ASK = 3


@dataclass
class IncomingReport:
    batches: int = 0
    created: dict[str, int] = field(default_factory=dict)
    set_aside: int = 0
    waiting_for_confirmation: dict[str, int] = field(default_factory=dict)  # device -> deletions
    devices: list[str] = field(default_factory=list)


class Reader:
    """One pass over the partners' folders."""

    def __init__(self, store: Store, ident: Identity, media: MediaStore,
                 wall: Callable[[], int], confirmed: set[str] | None = None) -> None:
        self.store, self.ident, self.media, self.wall = store, ident, media, wall
        self.confirmed = confirmed or set()
        self.report = IncomingReport()
        self._keys: dict[str, str] = {}

    # ---- the pass -----------------------------------------------------------------------
    def run(self) -> IncomingReport:
        devices, strangers = self.ident.layout.other_devices(self.ident.device)
        for path in strangers:
            self.note(path, "not a LoveBridge device folder (left by someone or something else)")
        with self.store.session_scope() as session:
            self._keys = dict(session.execute(select(SyncSeen.device, SyncSeen.public_key)).all())
        for device in devices:
            if self._register(device):
                self.report.devices.append(device)
        for device in self.report.devices:
            self._read_device(device)
            self._read_progress(device)
        self._retry_deferred()
        return self.report

    def _read_progress(self, device: str) -> None:
        """How far `device` has applied this laptop's batches (only ever moves forward)."""
        path = self.ident.layout.progress(device)
        if not path.is_file():
            return
        payload = self._open(path, MAX_DEVICE_BYTES, {"device": device, "kind": "progress"})
        if payload is None:
            return
        try:
            seen = json.loads(zlib.decompress(payload)).get("seen", {})
            applied = seen.get(self.ident.device, 0)
        except (ValueError, AttributeError, zlib.error):
            self.note(path, "the progress record's contents are not what LoveBridge writes")
            return
        if not isinstance(applied, int) or applied < 0:
            return
        with self.store.session_scope() as session:
            if applied > state.get(session, f"acked:{device}", 0):
                state.put(session, f"acked:{device}", applied)

    def _register(self, device: str) -> bool:
        """Learn a partner device's signing key from its record (kept from first sight on)."""
        path = self.ident.layout.device_record(device)
        if not path.is_file():
            return device in self._keys
        try:
            data = _read_limited(path, MAX_DEVICE_BYTES)
            header = peek_header(self.ident.keys, data)
            claimed = str(header.get("public_key", ""))
            open_file(self.ident.keys, data, lambda d: claimed if d == device else None,
                      {"device": device, "kind": "device"})
        except (SealedFileError, OSError) as exc:
            self.note(path, f"device record set aside: {exc}")
            return device in self._keys
        known = self._keys.get(device)
        if known is not None and known != claimed:
            self.note(path, "this device's signing key changed; its files are not trusted")
            return False
        if known is None:
            with self.store.session_scope() as session:
                session.add(SyncSeen(device=device, public_key=claimed,
                                     name=str(header.get("name", ""))[:80], seq=0))
            self._keys[device] = claimed
        return True

    def public_key(self, device: object) -> str | None:
        return self._keys.get(device) if isinstance(device, str) else None

    def _read_device(self, device: str) -> None:
        folder = self.ident.layout.device(device)
        for sub, pattern in (("batches", BATCH_NAME), ("snapshots", SNAPSHOT_NAME)):
            if (folder / sub).is_dir():
                for path in (folder / sub).iterdir():
                    kind = classify(path.name, pattern)
                    if kind == "conflict":
                        self.note(path, "a copy the sync service made of a clashing file; "
                                  "never applied")
                    elif kind == "foreign":
                        self.note(path, "not a LoveBridge file; never applied")
        with self.store.session_scope() as session:
            seen = session.get(SyncSeen, device).seq
        if seen == 0 and not self._snapshot_read(device):
            # A device's batches carry what changed after its first snapshot, not the library
            # it started from: its snapshot comes first (when it is there and whole).
            covered = apply_snapshot(self, device, seen)
            if covered is None:
                return
            seen = covered
        while True:
            path = self.ident.layout.batch(device, seen + 1)
            if not path.is_file():
                # Gone from the folder (its writer keeps only what a snapshot covers) or never
                # come: a snapshot that reaches further brings this laptop up to date.
                covered = apply_snapshot(self, device, seen) if self._batches_after(
                    device, seen) else None
                if covered is None or covered <= seen:
                    return
                seen = covered
                continue
            if not self._apply_batch(device, seen + 1, path):
                return
            seen += 1

    def _snapshot_read(self, device: str) -> bool:
        with self.store.session_scope() as session:
            return state.get(session, f"snapshot_read:{device}", 0) > 0

    def _batches_after(self, device: str, seen: int) -> bool:
        """Whether the device has written past batch `seen` (a later batch or a snapshot)."""
        folder = self.ident.layout.device(device)
        if any(SNAPSHOT_NAME.match(p.name) for p in _entries(folder / "snapshots")):
            return True
        return any((m := BATCH_NAME.match(p.name)) and int(m.group(1)) > seen + 1
                   for p in _entries(folder / "batches"))

    # ---- batches --------------------------------------------------------------------------
    def _open(self, path: Path, limit: int, expect: dict) -> bytes | None:
        try:
            data = _read_limited(path, limit)
            return open_file(self.ident.keys, data, self.public_key, expect)[1]
        except NewerFormatError as exc:
            self.note(path, str(exc))
        except SealedFileError as exc:
            self.note(path, str(exc))
        except OSError as exc:
            self.note(path, f"could not be read ({exc.strerror or exc})")
        return None

    def _apply_batch(self, device: str, seq: int, path: Path) -> bool:
        payload = self._open(path, MAX_BATCH_BYTES,
                             {"device": device, "kind": "batch", "seq": seq})
        if payload is None:
            return False
        changes = _changes(payload, "changes")
        if changes is None:
            self.note(path, "the batch's contents are not what LoveBridge writes")
            return False
        with self.store.session_scope() as session:
            if self.asks_first(session, device, seq, merge.deletions_in(changes)):
                return False
            self.merge_changes(session, changes)
            row = session.get(SyncSeen, device)
            row.seq, row.last_seen_at = seq, utc_now()
        self.report.batches += 1
        return True

    def asks_first(self, session: Session, device: str, seq: int, gone: int) -> bool:
        """Whether what the device wrote up to `seq` waits for the couple's yes, because it
        would delete or trash `gone` rows, more than a fifth of the library (and at least
        MIN_DELETIONS_TO_ASK); the question is kept for the Sharing page and `sync now`."""
        if gone >= MIN_DELETIONS_TO_ASK and f"{device}:{seq}" not in self.confirmed:
            size = merge.library_size(session)
            if gone * 5 > size:
                state.put(session, f"pending:{device}", {"seq": seq, "deletions": gone,
                                                         "library": size})
                self.report.waiting_for_confirmation[device] = gone
                return True
        state.drop(session, f"pending:{device}")
        return False

    def merge_changes(self, session: Session, changes: list) -> None:
        session.info[APPLYING] = True
        touched = merge.apply_changes(session, changes)
        result = merge.materialize(session, touched, self.fetch_photos)
        _announce(session, result)
        for tbl, count in result.created.items():
            self.report.created[tbl] = self.report.created.get(tbl, 0) + count
        deferred = {tuple(k) for k in state.get(session, "deferred", [])}
        deferred = (deferred - result.touched) | result.deferred
        state.put(session, "deferred", sorted(deferred))
        self._observe(session, changes)

    def _observe(self, session: Session, changes: list) -> None:
        clock = HybridClock(self.ident.device, wall=self.wall)
        raw = session.execute(select(SyncState.value).where(SyncState.key == "hlc")).scalar()
        if raw:
            clock.restore(raw)
        newest = max((c[3] for c in changes), default=None)
        if newest:
            clock.observe(newest)
            save_state(session.connection(), "hlc", clock.state())

    # ---- photos and rows waiting for them --------------------------------------------------
    def fetch_photos(self, wanted: list[tuple[str, str]]) -> set[str]:
        """Bring the files of photos from any device's blobs, all in one durable pass;
        returns the hashes whose files are now here."""
        here, batch = set(), DurableBatch()
        try:
            for sha256, extension in wanted:
                if self.media.contains(sha256, extension):
                    here.add(sha256)
                    continue
                data = self._blob(sha256)
                if data is not None:
                    self.media.add_to_batch(batch, data, extension, sha256)
                    here.add(sha256)
                if len(batch) >= FILES_PER_ROUND:
                    batch.finish()
        except BaseException:
            batch.discard()
            raise
        batch.finish()
        return here

    def has_blob(self, sha256: str) -> bool:
        """Whether the photo's blob is in the folder (any device's)."""
        name = self.ident.keys.blob_name(sha256)
        return any(self.ident.layout.blob(device, name).is_file()
                   for device in [self.ident.device, *self._keys])

    def announce_all(self, device: str, created: dict[str, int]) -> None:
        """After a snapshot was copied in whole: every room reloads, the partner was seen."""
        with self.store.session_scope() as session:
            session.get(SyncSeen, device).last_seen_at = utc_now()
            for tbl in created:
                note_change(session, tbl)
            note_change(session, FROM_PARTNER)
        for tbl, count in created.items():
            self.report.created[tbl] = self.report.created.get(tbl, 0) + count

    def _blob(self, sha256: str) -> bytes | None:
        name = self.ident.keys.blob_name(sha256)
        for device in [self.ident.device, *self._keys]:
            path = self.ident.layout.blob(device, name)
            if not path.is_file():
                continue
            data = self._open(path, MAX_BLOB_BYTES,
                              {"device": device, "kind": "blob", "name": name})
            if data is not None and hashlib.sha256(data).hexdigest() == sha256:
                return data
        return None

    def _retry_deferred(self) -> None:
        with self.store.session_scope() as session:
            deferred = [tuple(k) for k in state.get(session, "deferred", [])]
            if not deferred:
                return
            session.info[APPLYING] = True
            result = merge.materialize(session, deferred, self.fetch_photos)
            _announce(session, result)
            state.put(session, "deferred", sorted(result.deferred))
        for tbl, count in result.created.items():
            self.report.created[tbl] = self.report.created.get(tbl, 0) + count

    # ---- notes ----------------------------------------------------------------------------
    def note(self, path: Path, reason: str) -> None:
        """Set a file aside with a note, once per version of the file."""
        try:
            info = path.stat()
            size, mtime = info.st_size, info.st_mtime_ns
        except OSError:
            size, mtime = -1, 0
        shown = str(path.relative_to(self.ident.folder)) if path.is_relative_to(
            self.ident.folder) else path.name
        with self.store.session_scope() as session:
            exists = session.execute(select(SyncNote.id).where(
                SyncNote.path == shown, SyncNote.size == size,
                SyncNote.mtime_ns == mtime)).first()
            if exists is None:
                session.add(SyncNote(path=shown, size=size, mtime_ns=mtime, reason=reason,
                                     noted_at=utc_now()))
                logger.warning("sync: set aside a file in the shared folder: %s", reason)
                self.report.set_aside += 1


def _announce(session: Session, result: merge.MergeResult) -> None:
    """Tell the open windows what the merge changed (its plain statements are invisible to the
    session's own change notices), and that it came from the partner: rooms on screen reload."""
    if not result.tables:
        return
    keys: dict[str, set[str]] = {}
    for tbl, key in result.touched - result.deferred:
        keys.setdefault(tbl, set()).add(key)
    for tbl in result.tables:
        note_change(session, tbl, keys.get(tbl, ()))
    note_change(session, FROM_PARTNER)


def _entries(folder: Path) -> list[Path]:
    return list(folder.iterdir()) if folder.is_dir() else []


def _read_limited(path: Path, limit: int) -> bytes:
    if path.is_symlink():
        raise SealedFileError("a link to somewhere else, not a file LoveBridge wrote")
    if path.stat().st_size > limit:
        raise SealedFileError(f"the file is far larger than LoveBridge writes "
                              f"({path.stat().st_size:,} bytes)")
    return path.read_bytes()


def _changes(payload: bytes, name: str) -> list | None:
    try:
        body = json.loads(zlib.decompressobj().decompress(payload, 256 * 1024 * 1024))
        changes = body[name]
    except (ValueError, KeyError, TypeError, zlib.error):
        return None
    if not isinstance(changes, list) or len(changes) > MAX_CHANGES_PER_BATCH:
        return None
    return [c for c in changes if merge.valid_change(c)]
