"""Reading a partner's snapshot: a new laptop starts from it, one that was away catches up.

The snapshot is checked whole (couple key, the device's signature, its place in the folder) while
it is decrypted into a temporary file beside this laptop's store (itself encrypted under the
snapshot's own key, so nothing rests there readable). A brand-new, empty library takes it in with
SQLite copying the rows (snapshot_db.py), its photos decrypted first in one durable pass; any
other library merges the snapshot's fields like batches, so nothing here is ever lost.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3.dbapi2 as sqlcipher

from lovebridge.core.sync import merge, state
from lovebridge.core.sync.crypto import SealedFileError
from lovebridge.core.sync.folder import MAX_SNAPSHOT_BYTES, SNAPSHOT_NAME
from lovebridge.core.sync.snapshot_db import (
    SnapshotReader,
    SnapshotRefusedError,
    library_is_empty,
    scratch_folder,
)
from lovebridge.core.sync.stream import open_stream, stream_header
from lovebridge.store.base import utc_now
from lovebridge.store.hlc import HybridClock
from lovebridge.store.models.sync import SyncSeen

if TYPE_CHECKING:
    from lovebridge.core.sync.incoming import Reader

logger = logging.getLogger(__name__)

MERGE_ROWS = 5000  # fields merged per step when the library is not empty (bounded memory)
DB_KEY = re.compile(r"^[0-9a-f]{64}$")


def snapshots_of(reader: Reader, device: str) -> list[tuple[int, Path]]:
    """The device's complete snapshot files, newest first."""
    folder = reader.ident.layout.device(device) / "snapshots"
    if not folder.is_dir():
        return []
    found = [(int(m.group(1)), p) for p in folder.iterdir() if (m := SNAPSHOT_NAME.match(p.name))]
    return sorted(found, reverse=True)


def apply_snapshot(reader: Reader, device: str, seen: int) -> int | None:
    """Apply the device's newest snapshot not read yet when it reaches past batch `seen`;
    returns the batch number it covers (None when there is none to apply, or not yet)."""
    with reader.store.session_scope() as session:
        done = state.get(session, f"snapshot_read:{device}", 0)
    for number, path in snapshots_of(reader, device):
        if number <= done:
            return None
        header = _header(reader, device, number, path)
        if header is None:
            continue
        if header["own_seq"] <= seen and seen > 0:
            # Nothing new in it for us. Not marked read: its header is not signed on its own,
            # and a file whose signature was never checked decides nothing that lasts.
            return None
        applied = _apply(reader, device, number, path)
        if applied is not None:
            return applied
    return None


def _header(reader: Reader, device: str, number: int, path: Path) -> dict | None:
    """The snapshot's header, checked for shape (the signature is checked while reading)."""
    try:
        with path.open("rb") as handle:
            header = stream_header(reader.ident.keys, handle)[0]
    except SealedFileError as exc:
        reader.note(path, str(exc))
        return None
    except OSError:
        return None  # still being copied; looked at again next time
    if not _well_formed(header, device, number):
        reader.note(path, "the snapshot's header is not what LoveBridge writes")
        return None
    return header


def _well_formed(header: dict, device: str, number: int) -> bool:
    seen = header.get("seen")
    return (header.get("device") == device and header.get("snapshot") == number
            and isinstance(header.get("own_seq"), int) and header["own_seq"] >= 0
            and isinstance(seen, dict)
            and all(isinstance(k, str) and isinstance(v, int) for k, v in seen.items())
            and bool(DB_KEY.match(str(header.get("db_key", "")))))


def _apply(reader: Reader, device: str, number: int, path: Path) -> int | None:
    with scratch_folder(reader.store) as work:
        database = work / "snapshot.db"
        try:
            with database.open("wb") as out:
                header = open_stream(reader.ident.keys, path, reader.public_key,
                                     {"device": device, "kind": "snapshot", "snapshot": number},
                                     out, MAX_SNAPSHOT_BYTES)
        except SealedFileError as exc:
            reader.note(path, str(exc))
            return None
        except OSError as exc:
            reader.note(path, f"could not be read ({exc.strerror or exc})")
            return None
        if not _well_formed(header, device, number):  # replaced since its header was read
            reader.note(path, "the snapshot's header is not what LoveBridge writes")
            return None
        try:
            with SnapshotReader(reader.store, database, bytes.fromhex(header["db_key"])) as snap:
                own_seq = _take_in(reader, device, number, header, snap)
        except SnapshotRefusedError as exc:
            reader.note(path, str(exc))
            return None
    if own_seq is not None:
        reader.report.batches += 1
    return own_seq


def _take_in(reader: Reader, device: str, number: int, header: dict,
             snap: SnapshotReader) -> int | None:
    own_seq = header["own_seq"]
    covered = {**header["seen"], device: own_seq}
    if _is_empty(reader):
        photos = snap.photos()
        missing = snap.missing_photos()
        if any(s not in missing and not reader.has_blob(s) for s, _e in photos):
            return None  # photos still on their way: the snapshot waits for them
        here = reader.fetch_photos(photos)
        newest = snap.newest_stamp()
        try:
            loaded = snap.load_into_empty(
                {s for s, _e in photos} - here, {f"snapshot_read:{device}": json.dumps(number)},
                covered, lambda raw: _clock_after(reader, raw, newest))
        except sqlcipher.DatabaseError as exc:  # a row this library's schema refuses
            logger.warning("sync: the snapshot could not be copied in whole (%s); merging it "
                           "field by field", type(exc).__name__)
            loaded = None
        if loaded is not None:
            reader.announce_all(device, loaded.created)
            return own_seq
    with reader.store.session_scope() as session:  # a deleting snapshot asks as a batch does
        if reader.asks_first(session, device, own_seq, snap.deletions_here(merge.CAPTURED_TABLES)):
            return None
    _merge_fields(reader, snap, device, number, covered)
    return own_seq


def _merge_fields(reader: Reader, snap: SnapshotReader, device: str, number: int,
                  covered: dict[str, int]) -> None:
    """A library with rows of its own: the snapshot's fields are merged like a batch's."""
    with reader.store.session_scope() as session:
        for chunk in snap.rows("sync_version", "tbl, key, field, hlc, base, value",
                               "tbl, key, field, hlc", MERGE_ROWS):
            merge.apply_changes(session, [c for c in chunk if merge.valid_change(c)])
        for chunk in snap.rows("sync_field", "tbl, key, field, hlc, NULL, value",
                               "tbl, key, field", MERGE_ROWS):
            reader.merge_changes(session, [c for c in chunk if merge.valid_change(c)])
        for other, seq in covered.items():
            row = session.get(SyncSeen, other)
            if row is not None and seq > row.seq:
                row.seq = seq
        session.get(SyncSeen, device).last_seen_at = utc_now()
        state.put(session, f"snapshot_read:{device}", number)


def _is_empty(reader: Reader) -> bool:
    connection = reader.store.raw_connection()
    try:
        return library_is_empty(connection)
    finally:
        connection.close()


def _clock_after(reader: Reader, raw: str | None, newest: str | None) -> str:
    """This laptop's clock (stored state `raw`), moved past the newest stamp in the snapshot."""
    clock = HybridClock(reader.ident.device, wall=reader.wall)
    if raw:
        clock.restore(raw)
    if newest:
        clock.observe(newest)
    return clock.state()
