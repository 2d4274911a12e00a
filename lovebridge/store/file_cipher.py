"""Whole-file AES-GCM for photos, thumbnails and backups, with the file's identity bound in.

Binding the identity (e.g. "photo/<sha256>.jpg") as associated data means a file swapped for
another encrypted file of the same library is detected, not shown as the wrong picture.
"""

from __future__ import annotations

import secrets

# `cryptography` is imported where a file is actually encrypted or decrypted: every start-up
# imports this module (through MediaStore) and most never touch an encrypted file.

MAGIC = b"LBENC1\n"
NONCE_BYTES = 12


class TamperedFileError(Exception):
    """An encrypted file failed authentication: damaged, altered, or not from this library."""


def is_encrypted(blob: bytes) -> bool:
    """True for bytes written by `encrypt_bytes` (checked by their header)."""
    return blob.startswith(MAGIC)


def encrypt_bytes(key: bytes, identity: str, data: bytes) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(NONCE_BYTES)
    return MAGIC + nonce + AESGCM(key).encrypt(nonce, data, MAGIC + identity.encode("utf-8"))


class StreamSealer:
    """`encrypt_bytes` for data that comes in chunks: the same file, never the whole in memory.

    `header` is written first, then what `update` returns for each chunk, then `finalize()`
    (the GCM tag): together byte for byte the layout `decrypt_bytes` reads.
    """

    def __init__(self, key: bytes, identity: str) -> None:
        from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

        nonce = secrets.token_bytes(NONCE_BYTES)
        self.header = MAGIC + nonce
        self._encryptor = Cipher(algorithms.AES(key), modes.GCM(nonce)).encryptor()
        self._encryptor.authenticate_additional_data(MAGIC + identity.encode("utf-8"))

    def update(self, chunk: bytes) -> bytes:
        return self._encryptor.update(chunk)

    def finalize(self) -> bytes:
        return self._encryptor.finalize() + self._encryptor.tag


def decrypt_bytes(key: bytes, identity: str, blob: bytes) -> bytes:
    if not is_encrypted(blob) or len(blob) < len(MAGIC) + NONCE_BYTES + 16:
        raise TamperedFileError(f"{identity} is not an encrypted LoveBridge file.")
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = blob[len(MAGIC) : len(MAGIC) + NONCE_BYTES]
    try:
        return AESGCM(key).decrypt(
            nonce, blob[len(MAGIC) + NONCE_BYTES :], MAGIC + identity.encode("utf-8")
        )
    except InvalidTag as exc:
        raise TamperedFileError(f"{identity} is damaged or was altered.") from exc
