"""Sharing's own settings, kept only inside this laptop's store (sealed by the lock when on)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from lovebridge.core.sync.crypto import CoupleKeys, public_key_hex, signing_key_from_hex
from lovebridge.core.sync.folder import Layout
from lovebridge.store.change_capture import save_state
from lovebridge.store.models.sync import SyncState

# Keys that make up a pairing; unpairing removes exactly these (the merged history stays).
PAIRING_KEYS = ("device", "signing_key", "couple_key", "pairing", "folder", "name", "person")


@dataclass(frozen=True)
class Identity:
    """This laptop in the pairing: its device id and keys, and where the shared folder is."""

    device: str
    signer: Ed25519PrivateKey
    keys: CoupleKeys
    pairing: str
    folder: Path
    name: str
    person: str  # "a" or "b": which of the two people this laptop belongs to

    @property
    def layout(self) -> Layout:
        return Layout.of(self.folder, self.pairing)

    @property
    def public_key(self) -> str:
        return public_key_hex(self.signer)


def get(session: Session, key: str, default: Any = None) -> Any:
    value = session.execute(select(SyncState.value).where(SyncState.key == key)).scalar()
    return default if value is None else json.loads(value)


def put(session: Session, key: str, value: Any) -> None:
    save_state(session.connection(), key, json.dumps(value))


def drop(session: Session, *keys: str) -> None:
    session.execute(delete(SyncState).where(SyncState.key.in_(keys)))


def load_identity(session: Session) -> Identity | None:
    raw = dict(session.execute(select(SyncState.key, SyncState.value)
                               .where(SyncState.key.in_(PAIRING_KEYS))).all())
    if "device" not in raw or "couple_key" not in raw:
        return None
    # Deriving the keys costs milliseconds and every exchange and status asks: the identity
    # made from the same stored values is made once.
    stored = tuple(raw.get(k) for k in PAIRING_KEYS)
    if stored not in _IDENTITIES:
        while len(_IDENTITIES) >= KEPT_IDENTITIES:  # the oldest goes (after a re-key, say)
            del _IDENTITIES[next(iter(_IDENTITIES))]
        _IDENTITIES[stored] = _identity(raw)
    return _IDENTITIES[stored]


KEPT_IDENTITIES = 4
_IDENTITIES: dict[tuple, Identity] = {}


def _identity(raw: dict[str, str]) -> Identity:
    def value(key: str) -> Any:
        return json.loads(raw[key])
    # The device id is stored bare (the change log reads it as the clock's device name).
    return Identity(
        device=raw["device"], signer=signing_key_from_hex(value("signing_key")),
        keys=CoupleKeys.from_couple_key(bytes.fromhex(value("couple_key"))),
        pairing=value("pairing"), folder=Path(value("folder")), name=value("name"),
        person=value("person"),
    )
