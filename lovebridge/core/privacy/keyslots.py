"""One random data key, wrapped once per passphrase (each partner's, and a recovery code).

The key file holds only wrapped keys: a passphrase is stretched with Argon2id into a key-encryption
key, which opens its slot with AES-GCM. Changing or removing a passphrase rewrites one slot, never
the data. All slots share one salt, so unlocking costs one Argon2id run whichever slot matches.
"""

from __future__ import annotations

import base64
import binascii
import json
import secrets
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from lovebridge.core.privacy.state import KEY_FILE_NAME
from lovebridge.store.media import write_atomically

KEY_FILE_VERSION = 1
DATA_KEY_BYTES = 32
RECOVERY_SLOT = "recovery"
RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread


class WrongPassphraseError(Exception):
    """No slot opens with the passphrase given."""


class DamagedKeyFileError(Exception):
    """keyslots.json cannot be read (cut short, edited, absurd settings); says so plainly."""


DAMAGED_KEY_FILE = (
    "LoveBridge's key file (keyslots.json in the data folder) is damaged, so the lock cannot "
    "be opened. Nothing was changed. Put back a copy of that file from a backup of the data "
    "folder, then try again."
)


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost settings; stored in the key file so they can be raised later."""

    time_cost: int = 6
    memory_cost_kib: int = 262_144  # 256 MiB
    parallelism: int = 2


@dataclass
class Slot:
    slot_id: str  # "a", "b" or "recovery"
    nonce: str  # base64
    wrapped: str  # base64 AES-GCM ciphertext of the data key


@dataclass
class KeyFile:
    """The contents of keyslots.json."""

    salt: str
    kdf: KdfParams
    slots: list[Slot] = field(default_factory=list)
    version: int = KEY_FILE_VERSION

    def slot_ids(self) -> list[str]:
        return [slot.slot_id for slot in self.slots]


def check_key_file(key_file: KeyFile) -> None:
    """Raise ValueError unless every field has the type and range LoveBridge writes."""
    kdf = key_file.kdf
    limits = ((kdf.time_cost, 1, 100), (kdf.memory_cost_kib, 8 * max(kdf.parallelism, 1),
                                        1024 * 1024), (kdf.parallelism, 1, 64))
    if not all(type(value) is int and low <= value <= high for value, low, high in limits):
        raise ValueError("key derivation settings out of range")
    if not isinstance(key_file.salt, str) or len(_unb64(key_file.salt)) < 8:
        raise ValueError("salt")
    if not key_file.slots or not all(
        isinstance(slot.slot_id, str) and len(_unb64(slot.nonce)) == 12
        and len(_unb64(slot.wrapped)) == DATA_KEY_BYTES + 16 for slot in key_file.slots
    ):
        raise ValueError("slots")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def derive_kek(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    """Stretch a passphrase into a 32-byte key-encryption key with Argon2id."""
    return hash_secret_raw(
        passphrase.encode("utf-8"),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_cost_kib,
        parallelism=params.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def _slot_aad(slot_id: str) -> bytes:
    return f"lovebridge-keyslot:{slot_id}".encode()


def _wrap(data_key: bytes, kek: bytes, slot_id: str) -> Slot:
    nonce = secrets.token_bytes(12)
    wrapped = AESGCM(kek).encrypt(nonce, data_key, _slot_aad(slot_id))
    return Slot(slot_id, _b64(nonce), _b64(wrapped))


def _unwrap(slot: Slot, kek: bytes) -> bytes | None:
    try:
        aad = _slot_aad(slot.slot_id)
        return AESGCM(kek).decrypt(_unb64(slot.nonce), _unb64(slot.wrapped), aad)
    except InvalidTag:
        return None


def new_recovery_code() -> str:
    """A 24-character code in groups of four, easy to write down and type back."""
    chars = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(24))
    return "-".join(chars[i : i + 4] for i in range(0, 24, 4))


def normalise_recovery_code(text: str) -> str:
    """Accept the code typed with spaces, lower case or without dashes."""
    chars = "".join(ch for ch in text.upper() if ch.isalnum())
    return "-".join(chars[i : i + 4] for i in range(0, len(chars), 4))


def looks_like_recovery_code(text: str) -> bool:
    """True for 24 characters of the code alphabet (as `normalise_recovery_code` returns them)."""
    chars = text.replace("-", "")
    return len(chars) == 24 and all(ch in RECOVERY_ALPHABET for ch in chars)


MIN_TIME_COST = 2
MIN_MEMORY_KIB = 65_536  # 64 MiB: well above the usual minimum recommendations for Argon2id
PROBE_MEMORY_KIB = 65_536


def calibrate(target_seconds: float = 1.0, memory_cost_kib: int = 262_144) -> KdfParams:
    """Pick Argon2id settings that take about `target_seconds` on this machine.

    Memory is the costly part for an attacker's hardware, so it stays at `memory_cost_kib`
    while the time cost can be at least 2; on a slow machine memory is lowered instead
    (never under 64 MiB) so unlocking still takes about a second.
    """
    probe = KdfParams(time_cost=1, memory_cost_kib=PROBE_MEMORY_KIB)
    derive_kek("calibration", b"\0" * 16, probe)  # warm up: the first run pays for page faults
    started = time.perf_counter()
    derive_kek("calibration", b"\0" * 16, probe)
    per_pass_per_kib = max(time.perf_counter() - started, 1e-4) / PROBE_MEMORY_KIB
    time_cost = round(target_seconds / (per_pass_per_kib * memory_cost_kib))
    if time_cost >= MIN_TIME_COST:
        return KdfParams(time_cost=min(time_cost, 12), memory_cost_kib=memory_cost_kib)
    memory = int(target_seconds / (per_pass_per_kib * MIN_TIME_COST)) // 8192 * 8192
    memory = max(MIN_MEMORY_KIB, min(memory_cost_kib, memory))
    return KdfParams(time_cost=MIN_TIME_COST, memory_cost_kib=memory)


class KeySlots:
    """Reads and writes the key file of one data folder."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / KEY_FILE_NAME

    def exists(self) -> bool:
        return self.path.exists()

    def load(self) -> KeyFile:
        """The key file, checked; DamagedKeyFileError when it is not one LoveBridge wrote."""
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            key_file = KeyFile(
                salt=raw["salt"],
                kdf=KdfParams(**raw["kdf"]),
                slots=[Slot(**slot) for slot in raw["slots"]],
                version=raw.get("version", KEY_FILE_VERSION),
            )
            check_key_file(key_file)
        except FileNotFoundError:
            raise
        except (ValueError, TypeError, KeyError, AttributeError, UnicodeError,
                binascii.Error, OSError) as exc:
            raise DamagedKeyFileError(DAMAGED_KEY_FILE) from exc
        return key_file

    def save(self, key_file: KeyFile) -> None:
        write_atomically(self.path, json.dumps(asdict(key_file), indent=2).encode("utf-8"))

    def create(
        self, passphrases: dict[str, str], params: KdfParams | None = None
    ) -> tuple[bytes, str]:
        """New data key, one slot per passphrase plus a recovery slot. Returns (key, code)."""
        if not passphrases or not all(passphrases.values()):
            raise ValueError("A passphrase is needed.")
        params = params or KdfParams()
        salt = secrets.token_bytes(16)
        data_key = secrets.token_bytes(DATA_KEY_BYTES)
        code = new_recovery_code()
        key_file = KeyFile(salt=_b64(salt), kdf=params)
        for slot_id, passphrase in {**passphrases, RECOVERY_SLOT: code}.items():
            key_file.slots.append(_wrap(data_key, derive_kek(passphrase, salt, params), slot_id))
        self.save(key_file)
        return data_key, code

    def unlock(self, passphrase: str) -> tuple[bytes, str]:
        """The data key and the id of the slot the passphrase (or recovery code) opened."""
        key_file = self.load()
        salt = _unb64(key_file.salt)
        candidates = [passphrase]
        code = normalise_recovery_code(passphrase)
        # Only text shaped like a code costs a second Argon2id run (a wrong try stays ~1 s).
        if looks_like_recovery_code(code) and RECOVERY_SLOT in key_file.slot_ids():
            candidates.append(code)
        for candidate in dict.fromkeys(candidates):
            try:
                kek = derive_kek(candidate, salt, key_file.kdf)
            except Exception as exc:  # argon2 refused the file's settings
                raise DamagedKeyFileError(DAMAGED_KEY_FILE) from exc
            for slot in key_file.slots:
                data_key = _unwrap(slot, kek)
                if data_key is not None:
                    return data_key, slot.slot_id
        raise WrongPassphraseError("That passphrase does not open LoveBridge.")

    def set_passphrase(self, data_key: bytes, slot_id: str, passphrase: str) -> None:
        """Add or replace one slot (a partner's passphrase); the data key is unchanged."""
        if not passphrase:
            raise ValueError("A passphrase is needed.")
        key_file = self.load()
        kek = derive_kek(passphrase, _unb64(key_file.salt), key_file.kdf)
        key_file.slots = [s for s in key_file.slots if s.slot_id != slot_id]
        key_file.slots.append(_wrap(data_key, kek, slot_id))
        self.save(key_file)

    def remove_passphrase(self, slot_id: str) -> None:
        """Drop one slot; the last passphrase stays (the recovery code alone is not enough)."""
        key_file = self.load()
        remaining = [s for s in key_file.slots if s.slot_id != slot_id]
        if not [s for s in remaining if s.slot_id != RECOVERY_SLOT]:
            raise ValueError("At least one passphrase must remain while the lock is on.")
        key_file.slots = remaining
        self.save(key_file)


def subkey(data_key: bytes, purpose: str) -> bytes:
    """A separate 32-byte key per use (database, files), derived from the data key with HKDF."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=f"lovebridge:{purpose}".encode()).derive(data_key)
