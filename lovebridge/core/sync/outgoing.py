"""Writing this laptop's changes into its own sub-folder: batches, photo blobs and snapshots.

Batch numbers are given to changes in the store first (one transaction), then the files are
written; a crash in between leaves numbers without files, and the next run writes them from the
same changes. So a batch number never stands for two different sets of changes.
"""

from __future__ import annotations

import json
import logging
import os
import zlib

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from lovebridge.core.sync import state
from lovebridge.core.sync.crypto import seal_file
from lovebridge.core.sync.folder import (
    BATCH_NAME,
    BLOB_NAME,
    SNAPSHOT_NAME,
    write_whole,
    write_whole_with,
)
from lovebridge.core.sync.snapshot_db import (
    build_snapshot_db,
    note_missing_photos,
    scratch_folder,
)
from lovebridge.core.sync.state import Identity
from lovebridge.core.sync.stream import seal_stream
from lovebridge.store.db import Store
from lovebridge.store.media import DurableBatch, MediaStore
from lovebridge.store.models.sync import SyncChange, SyncSeen

logger = logging.getLogger(__name__)

BATCH_CHANGES = 2000  # a batch stays a few MB at most, so applying it needs little memory
SNAPSHOT_EVERY = 100  # batches between snapshots for a laptop that joins later
FILES_PER_ROUND = 200  # photo files made durable together (each is held open until then)


def cut_batches(session: Session) -> int:
    """Give every unsent change a batch number; returns the newest batch number."""
    sent = state.get(session, "sent_seq", 0)
    pending = session.execute(select(SyncChange.seq).where(SyncChange.batch.is_(None))
                              .order_by(SyncChange.seq)).scalars().all()
    for start in range(0, len(pending), BATCH_CHANGES):
        chunk = pending[start:start + BATCH_CHANGES]
        sent += 1
        session.execute(update(SyncChange).where(SyncChange.seq.between(chunk[0], chunk[-1]),
                                                 SyncChange.batch.is_(None)).values(batch=sent))
    state.put(session, "sent_seq", sent)
    return sent


def write_batches(store: Store, ident: Identity, media: MediaStore) -> int:
    """Write every numbered batch whose file is not in the folder yet; returns how many."""
    with store.session_scope() as session:
        sent = cut_batches(session)
        written = state.get(session, "written_seq", 0)
    count = 0
    blobs = BlobIndex(ident)
    for seq in range(written + 1, sent + 1):
        target = ident.layout.batch(ident.device, seq)
        with store.session_scope() as session:
            rows = session.execute(
                select(SyncChange.tbl, SyncChange.key, SyncChange.field, SyncChange.hlc,
                       SyncChange.base, SyncChange.value)
                .where(SyncChange.batch == seq).order_by(SyncChange.seq)).all()
        changes = [list(r) for r in rows]
        for tbl, key, group, _h, _b, value in changes:
            if tbl == "photo" and group == "extension":
                blobs.ensure(key, json.loads(value)["extension"], media)
        blobs.finish()  # the photos are in the folder before the batch that names them
        if not target.exists():
            payload = zlib.compress(json.dumps({"changes": changes}).encode(), 6)
            header = {"device": ident.device, "kind": "batch", "seq": seq}
            write_whole(target, seal_file(ident.keys, ident.signer, header, payload))
            count += 1
        with store.session_scope() as session:
            state.put(session, "written_seq", seq)
    return count


def write_progress(store: Store, ident: Identity) -> bool:
    """Tell the partners how far this laptop has applied each device's batches (what they may
    forget); written again only when it moved. Returns whether it was written."""
    with store.session_scope() as session:
        seen = dict(session.execute(select(SyncSeen.device, SyncSeen.seq)).all())
        told = state.get(session, "progress_written")
    target = ident.layout.progress(ident.device)
    if told == seen and target.is_file():
        return False
    header = {"device": ident.device, "kind": "progress"}
    body = zlib.compress(json.dumps({"seen": seen}).encode())
    write_whole(target, seal_file(ident.keys, ident.signer, header, body))
    with store.session_scope() as session:
        state.put(session, "progress_written", seen)
    return True


def prune_applied(store: Store) -> int:
    """Forget this laptop's logged changes once every partner has applied their batches (the
    batch files stay in the folder); returns how many were forgotten."""
    with store.session_scope() as session:
        partners = session.scalars(select(SyncSeen.device)).all()
        if not partners:
            return 0
        acked = min(state.get(session, f"acked:{device}", 0) for device in partners)
        limit = min(acked, state.get(session, "written_seq", 0))
        if limit <= 0:
            return 0
        return session.execute(delete(SyncChange).where(SyncChange.batch <= limit)).rowcount


class BlobIndex:
    """Photo blobs already in the folder (any device's), so each photo travels once.

    New blobs are written together: `finish` makes them durable in one pass (one fsync round
    for all, instead of a file, an fsync and a folder fsync one photo after another).
    """

    def __init__(self, ident: Identity) -> None:
        self.ident = ident
        self._names: set[str] | None = None
        self._batch = DurableBatch(whole_filesystem=False)  # the shared folder: maybe remote

    def names(self) -> set[str]:
        if self._names is None:
            self._names = set()
            if self.ident.layout.root.is_dir():
                for folder in self.ident.layout.root.glob("*/blobs"):
                    self._names.update(m.group(1) for p in folder.iterdir()
                                       if (m := BLOB_NAME.match(p.name)))
        return self._names

    def ensure(self, sha256: str, extension: str, media: MediaStore) -> bool:
        """Put the photo's blob in the folder (written at `finish`); False when this laptop
        does not have its file."""
        name = self.ident.keys.blob_name(sha256)
        if name in self.names():
            return True
        if not media.contains(sha256, extension):
            logger.warning("a shared photo's file is missing here; it cannot travel")
            return False
        data = media.read_bytes(sha256, extension)
        header = {"device": self.ident.device, "kind": "blob", "name": name}
        try:
            self._batch.add(self.ident.layout.blob(self.ident.device, name),
                            seal_file(self.ident.keys, self.ident.signer, header, data))
        except BaseException:
            self._batch.discard()
            raise
        self._names.add(name)
        if len(self._batch) >= FILES_PER_ROUND:
            self._batch.finish()
        return True

    def finish(self) -> None:
        self._batch.finish()


def snapshot_due(store: Store) -> bool:
    with store.session_scope() as session:
        written = state.get(session, "written_seq", 0)
        last = state.get(session, "snapshot_at_seq", None)
    return last is None or written - last >= SNAPSHOT_EVERY


def write_snapshot(store: Store, ident: Identity, media: MediaStore) -> int:
    """Write the shared part of the store as one sealed, streamed snapshot (snapshot_db.py),
    after the photos it names; returns the snapshot's number."""
    with store.session_scope() as session:
        number = state.get(session, "snapshot", 0) + 1
    with scratch_folder(store) as work:
        database, key = work / "snapshot.db", os.urandom(32)
        built = build_snapshot_db(store, database, key)
        blobs = BlobIndex(ident)
        missing = [sha256 for sha256, extension in built.photos
                   if not blobs.ensure(sha256, extension, media)]
        blobs.finish()  # the photos are in the folder before the snapshot that names them
        note_missing_photos(database, key, missing)
        header = {"device": ident.device, "kind": "snapshot", "snapshot": number,
                  "own_seq": built.own_seq, "seen": built.seen, "db_key": key.hex()}
        write_whole_with(ident.layout.snapshot(ident.device, number), lambda out: seal_stream(
            ident.keys, ident.signer, header, database, out))
    with store.session_scope() as session:
        state.put(session, "snapshot", number)
        state.put(session, "snapshot_at_seq", built.own_seq)
    _drop_older_snapshots(ident, number)
    return number


def drop_covered_batches(store: Store, ident: Identity) -> int:
    """Remove this laptop's own batch files that every partner has applied and the newest
    snapshot covers (a laptop joining later starts from the snapshot); returns how many.

    Only files in this laptop's own sub-folder, and never one a partner has not said (in its
    progress record) that it applied.
    """
    with store.session_scope() as session:
        partners = session.scalars(select(SyncSeen.device)).all()
        if not partners:
            return 0
        acked = min(state.get(session, f"acked:{device}", 0) for device in partners)
        limit = min(acked, state.get(session, "snapshot_at_seq", 0) or 0)
    folder = ident.layout.device(ident.device) / "batches"
    if limit <= 0 or not folder.is_dir():
        return 0
    dropped = 0
    for path in folder.iterdir():
        match = BATCH_NAME.match(path.name)
        if match and int(match.group(1)) <= limit:
            path.unlink(missing_ok=True)
            dropped += 1
    return dropped


def _drop_older_snapshots(ident: Identity, keep: int) -> None:
    folder = ident.layout.device(ident.device) / "snapshots"
    for path in folder.glob("*.lbs"):
        match = SNAPSHOT_NAME.match(path.name)
        if match and int(match.group(1)) < keep:
            path.unlink(missing_ok=True)
