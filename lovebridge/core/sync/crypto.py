"""The couple's key, and sealed files: authenticated encryption plus the writing device's signature.

A sealed file is `MAGIC | format | header length | header JSON | nonce | ciphertext | signature`.
The header (which device, what kind, which sequence number) is bound to the ciphertext as
associated data, and the device's Ed25519 signature covers the SHA-256 of everything before it
(signing the digest rather than the bytes: Ed25519 hashes its message twice with SHA-512, which
cost more than the encryption itself for every photo of a first sync). A stranger with
the folder learns sizes and times, nothing else; a partner's laptop can tell a batch altered,
truncated, replayed under another name, or written by someone other than the device named.
"""

from __future__ import annotations

import hashlib
import hmac as std_hmac
import json
import os
import struct
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MAGIC = b"LBSYNC"
# Files written by a newer LoveBridge carry a higher number and are set aside. 2: signed over
# the file's SHA-256 (1, signed over its bytes, was written by the first builds that shared).
FORMAT = 2
OLDEST_FORMAT = 2
_PREFIX = struct.Struct(">6sHI")
NONCE_BYTES = 12
SIGNATURE_BYTES = 64
MAX_HEADER = 4096
# Argon2id for the pairing code: ~0.3 s and 64 MiB on a laptop, once per pairing.
ARGON_PARAMS = {"time_cost": 3, "memory_cost": 64 * 1024, "parallelism": 1}


class SealedFileError(Exception):
    """A sealed file that must not be applied; the message says why, in plain words."""


class NewerFormatError(SealedFileError):
    """Written by a newer LoveBridge: kept aside until this laptop is updated."""


def derive_couple_key(code: str, salt: bytes, params: dict | None = None) -> bytes:
    """The couple's 32-byte key from the pairing code (Argon2id)."""
    p = {**ARGON_PARAMS, **(params or {})}
    return hash_secret_raw(
        normalise_code(code).encode(), salt, time_cost=int(p["time_cost"]),
        memory_cost=int(p["memory_cost"]), parallelism=int(p["parallelism"]), hash_len=32,
        type=Type.ID,
    )


def normalise_code(code: str) -> str:
    return " ".join(code.lower().replace("-", " ").split())


@dataclass(frozen=True)
class CoupleKeys:
    """Keys derived from the couple's key: one seals files, one names photo blobs."""

    seal: bytes
    names: bytes
    check: bytes

    @classmethod
    def from_couple_key(cls, couple_key: bytes) -> CoupleKeys:
        def sub(label: bytes) -> bytes:
            return HKDF(hashes.SHA256(), 32, salt=None, info=b"lovebridge-sync " + label).derive(
                couple_key)
        return cls(seal=sub(b"seal"), names=sub(b"names"), check=sub(b"check"))

    def blob_name(self, sha256: str) -> str:
        """A photo's file name in the folder: keyed, so nobody can test for a known photo."""
        return std_hmac.new(self.names, sha256.encode(), hashlib.sha256).hexdigest()[:40]


def new_signing_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def signing_key_from_hex(text: str) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(text))


def signing_key_hex(key: Ed25519PrivateKey) -> str:
    from cryptography.hazmat.primitives import serialization as s

    return key.private_bytes(s.Encoding.Raw, s.PrivateFormat.Raw, s.NoEncryption()).hex()


def public_key_hex(key: Ed25519PrivateKey) -> str:
    from cryptography.hazmat.primitives import serialization as s

    return key.public_key().public_bytes(s.Encoding.Raw, s.PublicFormat.Raw).hex()


def seal_file(keys: CoupleKeys, signer: Ed25519PrivateKey, header: dict, payload: bytes) -> bytes:
    """`payload` encrypted and signed, with `header` readable by the couple only."""
    header_bytes = json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
    nonce = os.urandom(NONCE_BYTES)
    # The header is sealed too (so a stranger cannot read sequence numbers or device names).
    sealed_header = ChaCha20Poly1305(keys.seal).encrypt(nonce, header_bytes, MAGIC)
    start = _PREFIX.pack(MAGIC, FORMAT, len(sealed_header)) + sealed_header + nonce
    body = ChaCha20Poly1305(keys.seal).encrypt(_next_nonce(nonce), payload, start)
    unsigned = start + body
    return unsigned + signer.sign(signed_digest(unsigned))


def open_file(
    keys: CoupleKeys, data: bytes, public_key_for, expect: dict
) -> tuple[dict, bytes]:
    """Check and decrypt a sealed file: (header, payload). Raises SealedFileError with a reason.

    `public_key_for(device)` gives the device's known public key (hex) or None;
    `expect` holds header values the file's place in the folder implies (device, kind, seq).
    """
    header, end = _open_header(keys, data)
    public = writer_key(header, public_key_for, expect)
    unsigned, signature = data[:-SIGNATURE_BYTES], data[-SIGNATURE_BYTES:]
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(public)).verify(
            signature, signed_digest(unsigned))
    except (InvalidSignature, ValueError) as exc:
        raise SealedFileError("the device's signature does not match (altered or "
                              "half-copied)") from exc
    start = data[:end + NONCE_BYTES]
    try:
        payload = ChaCha20Poly1305(keys.seal).decrypt(
            _next_nonce(data[end:end + NONCE_BYTES]), unsigned[len(start):], start)
    except InvalidTag as exc:
        raise SealedFileError("the file's contents were altered") from exc
    return header, payload


def signed_digest(data: bytes) -> bytes:
    """What a device signs for a sealed file: a label and the SHA-256 of its bytes."""
    return b"lovebridge-sealed-sha256:" + hashlib.sha256(data).digest()


def peek_header(keys: CoupleKeys, data: bytes) -> dict:
    """The header of a sealed file, authenticated by the couple key only (for device records)."""
    return _open_header(keys, data)[0]


def _open_header(keys: CoupleKeys, data: bytes) -> tuple[dict, int]:
    """(header, where the header ends) of a sealed file; SealedFileError with the reason."""
    if len(data) < _PREFIX.size + NONCE_BYTES + SIGNATURE_BYTES:
        raise SealedFileError("the file is too short to be a LoveBridge file (half-copied?)")
    header_len = header_length(data, MAGIC, FORMAT, OLDEST_FORMAT)
    end = _PREFIX.size + header_len
    return open_sealed_header(keys, data[_PREFIX.size:end], data[end:end + NONCE_BYTES],
                              MAGIC), end


def writer_key(header: dict, public_key_for, expect: dict) -> str:  # noqa: ANN001
    """The public key (hex) of the device that wrote a file with this header, once the header
    says what the file's place implies (`expect`); SealedFileError with the reason."""
    for name, value in expect.items():
        if header.get(name) != value:
            raise SealedFileError(f"the file claims to be something else ({name} differs): "
                                  "moved, renamed or replayed")
    public = public_key_for(header.get("device"))
    if public is None:
        raise SealedFileError("written by a device this laptop was never paired with")
    return public


def header_length(prefix: bytes, magic: bytes, newest: int, oldest: int = 1) -> int:
    """The length of the sealed header that a file of kind `magic` says follows its prefix
    (magic, format, length); SealedFileError or NewerFormatError with the reason."""
    found, version, header_len = _PREFIX.unpack_from(prefix)
    if found != magic:
        raise SealedFileError("not a LoveBridge sharing file")
    if version > newest:
        raise NewerFormatError("written by a newer LoveBridge; update this laptop to read it")
    if 1 <= version < oldest:
        raise SealedFileError("written by an earlier LoveBridge whose files this one no longer "
                              "reads; stop sharing on both laptops and pair again")
    if version < 1 or header_len > MAX_HEADER:
        raise SealedFileError("the file's header is damaged")
    return header_len


def open_sealed_header(keys: CoupleKeys, sealed: bytes, nonce: bytes, magic: bytes) -> dict:
    """A sealed file's header, opened with the couple key; SealedFileError with the reason."""
    try:
        header = json.loads(ChaCha20Poly1305(keys.seal).decrypt(nonce, sealed, magic))
    except (InvalidTag, ValueError) as exc:
        raise SealedFileError(
            "the file does not open with our key (another couple's, altered, or half-copied)"
        ) from exc
    if not isinstance(header, dict):
        raise SealedFileError("the file's header is damaged")
    return header


def _next_nonce(nonce: bytes) -> bytes:
    """The body's nonce: the header's plus one, so one random draw serves both."""
    return ((int.from_bytes(nonce, "big") + 1) % (1 << 96)).to_bytes(NONCE_BYTES, "big")
