"""Sharing between two laptops: set up, exchange now, status, unpair. Qt-free.

Each laptop keeps its own store; what changed travels through a folder the couple's own sync
service carries, as sealed batches written only into this laptop's sub-folder.
"""

from __future__ import annotations

import errno
import json
import logging
import secrets
import socket
import zlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, func, select

from lovebridge.core.context import AppContext
from lovebridge.core.sync import state
from lovebridge.core.sync.crypto import new_signing_key, seal_file, signing_key_hex
from lovebridge.core.sync.folder import write_whole
from lovebridge.core.sync.incoming import Reader
from lovebridge.core.sync.outgoing import (
    drop_covered_batches,
    prune_applied,
    snapshot_due,
    write_batches,
    write_progress,
    write_snapshot,
)
from lovebridge.core.sync.pairing import create_pairing, join_pairing, new_code
from lovebridge.core.sync.state import PAIRING_KEYS, Identity
from lovebridge.store.base import utc_now
from lovebridge.store.change_capture import baseline_changes, record_local_changes, save_state
from lovebridge.store.hlc import wall_ms
from lovebridge.store.models.sync import SyncChange, SyncNote, SyncSeen, SyncState

logger = logging.getLogger(__name__)


class SyncError(Exception):
    """Sharing could not run this time; the message says why and that nothing was lost."""


class NotPairedError(SyncError):
    pass


@dataclass
class SyncReport:
    """What one exchange did."""

    sent_batches: int = 0
    received_batches: int = 0
    created: dict[str, int] = field(default_factory=dict)
    set_aside: int = 0
    waiting_for_confirmation: dict[str, int] = field(default_factory=dict)


@dataclass
class Partner:
    device: str
    name: str
    batches_read: int
    last_seen_at: datetime | None


@dataclass
class SyncStatus:
    paired: bool
    folder: Path | None = None
    device: str = ""
    name: str = ""
    person: str = "a"
    partners: list[Partner] = field(default_factory=list)
    waiting_changes: int = 0  # made here, not yet written to the folder
    last_exchange: str | None = None
    last_created: dict[str, int] = field(default_factory=dict)
    pending_deletions: dict[str, dict] = field(default_factory=dict)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (file, why set aside)


class SyncEngine:
    """The narrow service the CLI and the Sharing page use."""

    def __init__(self, ctx: AppContext, wall: Callable[[], int] = wall_ms,
                 argon_params: dict | None = None) -> None:
        self.ctx = ctx
        self.store = ctx.store
        self.wall = wall
        self.store.capture.wall = wall
        self.argon_params = argon_params

    # ---- pairing --------------------------------------------------------------------------
    def setup_new(self, folder: Path, name: str = "", person: str = "a",
                  code: str | None = None) -> str:
        """Start sharing into `folder`; returns the pairing code for the other laptop."""
        folder = _usable_folder(folder)
        self._refuse_if_paired()
        code = code or new_code()
        # Argon2id (slow on purpose, and outside Python's lock) runs while the library becomes
        # its first merged fields. The library as it is travels in the first snapshot alone (a
        # laptop joining later starts from a snapshot too), not also as batches.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="lovebridge-pairing") as pool:
            pairing = pool.submit(create_pairing, folder, code, self.argon_params)
            self._begin(folder, pairing.result, name, person, skip=(), log=False)
        ident = self.identity()
        self._write_device_record(ident)
        write_batches(self.store, ident, self.ctx.media)
        write_snapshot(self.store, ident, self.ctx.media)
        return code

    def setup_join(self, folder: Path, code: str, name: str = "", person: str = "b") -> None:
        """Join the sharing the other laptop started in `folder`, with its pairing code."""
        folder = _usable_folder(folder)
        self._refuse_if_paired()
        found = join_pairing(folder, code)
        # The profile comes from the laptop that started sharing; this one's is not sent.
        self._begin(folder, lambda: found, name, person, skip=("profile",))
        self._write_device_record(self.identity())
        self.sync_now()

    def _refuse_if_paired(self) -> None:
        if self.identity() is not None:
            raise SyncError("This laptop is already sharing. Unpair it first to pair again.")

    def _begin(self, folder: Path, pairing_and_key: Callable[[], tuple[str, bytes]], name: str,
               person: str, skip: tuple[str, ...], log: bool = True) -> None:
        """Save this laptop's side of the pairing and its library's merged fields, in one
        transaction (an edit made meanwhile is either in the baseline or logged after it)."""
        self._refuse_if_paired()
        signer = new_signing_key()
        with self.store.session_scope() as session:
            connection = session.connection()
            save_state(connection, "device", secrets.token_hex(8))
            for k, v in (("signing_key", signing_key_hex(signer)), ("folder", str(folder)),
                         ("name", (name or socket.gethostname())[:80]),
                         ("person", person if person in ("a", "b") else "a")):
                state.put(session, k, v)
            changes = baseline_changes(session, skip=skip)
            if changes:
                record_local_changes(session, self.store.capture, changes, log=log)
            pairing, key = pairing_and_key()
            state.put(session, "couple_key", key.hex())
            state.put(session, "pairing", pairing)

    def _write_device_record(self, ident: Identity) -> None:
        header = {"device": ident.device, "kind": "device", "public_key": ident.public_key,
                  "name": ident.name}
        body = json.dumps({"person": ident.person}).encode()
        write_whole(ident.layout.device_record(ident.device),
                    seal_file(ident.keys, ident.signer, header, zlib.compress(body)))

    def unpair(self) -> None:
        """Stop sharing: keys and partner devices are forgotten; the library stays as it is."""
        with self.store.session_scope() as session:
            state.drop(session, *PAIRING_KEYS, "sent_seq", "written_seq", "snapshot",
                       "snapshot_at_seq", "deferred", "last_exchange", "last_created",
                       "progress_written")
            session.execute(delete(SyncState).where(SyncState.key.like("acked:%")))
            session.execute(delete(SyncChange))
            session.execute(delete(SyncSeen))
            session.execute(delete(SyncNote))

    def rekey(self, folder: Path | None = None, name: str = "", person: str | None = None) -> str:
        """A new pairing code and key (the partner joins again with the new code)."""
        ident = self.identity()
        if ident is None:
            raise NotPairedError("This laptop is not sharing yet.")
        self.unpair()
        return self.setup_new(folder or ident.folder, name or ident.name, person or ident.person)

    def identity(self) -> Identity | None:
        with self.store.session_scope() as session:
            return state.load_identity(session)

    # ---- exchanging -----------------------------------------------------------------------
    def sync_now(self, confirm_deletions: bool = False) -> SyncReport:
        """Write what changed here, read what came from the partner. Nothing is lost on error."""
        ident = self.identity()
        if ident is None:
            raise NotPairedError("This laptop is not sharing yet. Set up sharing first.")
        if not ident.folder.is_dir():
            raise SyncError(f"The shared folder {ident.folder} is not there right now (an "
                            "unplugged drive, or the sync app moved it). Your changes wait "
                            "safely here; try again when it is back.")
        report = SyncReport()
        try:
            if not ident.layout.device_record(ident.device).is_file():
                self._write_device_record(ident)
            report.sent_batches = write_batches(self.store, ident, self.ctx.media)
            if snapshot_due(self.store):
                write_snapshot(self.store, ident, self.ctx.media)
        except OSError as exc:
            raise SyncError(_write_problem(exc)) from exc
        confirmed = set()
        if confirm_deletions:
            for device, pending in self.status().pending_deletions.items():
                confirmed.add(f"{device}:{pending['seq']}")
        incoming = Reader(self.store, ident, self.ctx.media, self.wall, confirmed).run()
        try:
            write_progress(self.store, ident)
        except OSError as exc:  # the partner learns it next time; nothing depends on it now
            logger.warning("sync: progress record not written (%s)", exc.strerror or exc)
        prune_applied(self.store)
        try:
            drop_covered_batches(self.store, ident)
        except OSError as exc:  # tried again next time; the files are only kept longer
            logger.warning("sync: old batch files not removed (%s)", exc.strerror or exc)
        report.received_batches = incoming.batches
        report.created = incoming.created
        report.set_aside = incoming.set_aside
        report.waiting_for_confirmation = incoming.waiting_for_confirmation
        with self.store.session_scope() as session:
            state.put(session, "last_exchange", utc_now().isoformat())
            if incoming.created:
                state.put(session, "last_created", incoming.created)
        return report

    def status(self) -> SyncStatus:
        with self.store.session_scope() as session:
            ident = state.load_identity(session)
            if ident is None:
                return SyncStatus(paired=False)
            partners = [Partner(r.device, r.name, r.seq, r.last_seen_at)
                        for r in session.scalars(select(SyncSeen).order_by(SyncSeen.device))]
            written = state.get(session, "written_seq", 0)
            waiting = session.execute(select(func.count()).select_from(SyncChange).where(
                (SyncChange.batch.is_(None)) | (SyncChange.batch > written))).scalar()
            pending = {p.device: state.get(session, f"pending:{p.device}")
                       for p in partners if state.get(session, f"pending:{p.device}")}
            notes = [(n.path, n.reason) for n in session.scalars(
                select(SyncNote).order_by(SyncNote.id.desc()).limit(20))]
            return SyncStatus(
                paired=True, folder=ident.folder, device=ident.device, name=ident.name,
                person=ident.person, partners=partners, waiting_changes=waiting,
                last_exchange=state.get(session, "last_exchange"),
                last_created=state.get(session, "last_created", {}),
                pending_deletions=pending, notes=notes)


def _usable_folder(folder: Path) -> Path:
    folder = Path(folder).expanduser().resolve()
    if not folder.is_dir():
        raise SyncError(f"{folder} is not a folder. Pick the folder your sync app shares "
                        "(or a USB stick).")
    return folder


def _write_problem(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return ("The shared folder's disk is full. Your changes wait safely here; free some "
                "space and try again.")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ("LoveBridge may not write into the shared folder (read-only?). Your changes "
                "wait safely here.")
    return f"The shared folder could not be written ({exc.strerror or exc}). Try again."

