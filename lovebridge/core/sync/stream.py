"""Sealing a large file (a snapshot) as a stream of authenticated chunks, signed by its device.

    MAGIC | format | header length | sealed header | nonce | chunk* | signature
    chunk = ciphertext length (4 bytes) | ChaCha20-Poly1305(chunk i, nonce + 1 + i)

Each chunk's associated data is the whole start of the file (so a chunk cannot move to another
file), its number (so chunks cannot be reordered or dropped) and whether it is the last (so the
file cannot be cut short at a chunk boundary). The Ed25519 signature covers the SHA-256 of every
byte before it. Reading and writing hold one chunk in memory at a time, whatever the size.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from lovebridge.core.sync.crypto import (
    MAX_HEADER,
    NONCE_BYTES,
    SIGNATURE_BYTES,
    CoupleKeys,
    SealedFileError,
    header_length,
    open_sealed_header,
    writer_key,
)

STREAM_MAGIC = b"LBSTRM"
STREAM_FORMAT = 1
_PREFIX = struct.Struct(">6sHI")
_LENGTH = struct.Struct(">I")
_POSITION = struct.Struct(">QB")
CHUNK_BYTES = 1 << 20
TAG_BYTES = 16
SIGNED = b"lovebridge-stream-sha256:"


def _nonce(base: bytes, index: int) -> bytes:
    return ((int.from_bytes(base, "big") + 1 + index) % (1 << 96)).to_bytes(NONCE_BYTES, "big")


def _signed_text(digest: bytes) -> bytes:
    return SIGNED + digest


def seal_stream(keys: CoupleKeys, signer: Ed25519PrivateKey, header: dict, source: Path,
                out: BinaryIO) -> None:
    """Write `source` sealed (see the module's docstring) to the open binary file `out`."""
    header_bytes = json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
    if len(header_bytes) + TAG_BYTES > MAX_HEADER:
        raise ValueError("a stream's header must stay small")
    aead = ChaCha20Poly1305(keys.seal)
    nonce = os.urandom(NONCE_BYTES)
    sealed_header = aead.encrypt(nonce, header_bytes, STREAM_MAGIC)
    start = _PREFIX.pack(STREAM_MAGIC, STREAM_FORMAT, len(sealed_header)) + sealed_header + nonce
    digest = hashlib.sha256(start)
    out.write(start)
    size = source.stat().st_size
    with source.open("rb") as handle:
        index, done = 0, 0
        while True:
            chunk = handle.read(CHUNK_BYTES)
            done += len(chunk)
            last = done >= size
            body = aead.encrypt(_nonce(nonce, index), chunk, start + _POSITION.pack(index, last))
            piece = _LENGTH.pack(len(body)) + body
            digest.update(piece)
            out.write(piece)
            index += 1
            if last:
                break
    out.write(signer.sign(_signed_text(digest.digest())))


def stream_header(keys: CoupleKeys, handle: BinaryIO) -> tuple[dict, bytes]:
    """(header, the file's start) of a sealed stream; SealedFileError with the reason."""
    prefix = handle.read(_PREFIX.size)
    if len(prefix) < _PREFIX.size:
        raise SealedFileError("the file is too short to be a LoveBridge file (half-copied?)")
    header_len = header_length(prefix, STREAM_MAGIC, STREAM_FORMAT)
    rest = handle.read(header_len + NONCE_BYTES)
    if len(rest) < header_len + NONCE_BYTES:
        raise SealedFileError("the file is too short to be a LoveBridge file (half-copied?)")
    header = open_sealed_header(keys, rest[:header_len], rest[header_len:], STREAM_MAGIC)
    return header, prefix + rest


def open_stream(keys: CoupleKeys, source: Path, public_key_for: Callable[[object], str | None],
                expect: dict, target: BinaryIO, limit: int) -> dict:
    """Check and decrypt the sealed stream at `source` into `target`; returns its header.

    Raises SealedFileError with a reason (nothing written to `target` may then be used).
    `limit` bounds the file's size; `expect` holds header values its place implies.
    """
    if source.is_symlink():
        raise SealedFileError("a link to somewhere else, not a file LoveBridge wrote")
    size = source.stat().st_size
    if size > limit:
        raise SealedFileError(f"the file is far larger than LoveBridge writes ({size:,} bytes)")
    with source.open("rb") as handle:
        header, start = stream_header(keys, handle)
        public = writer_key(header, public_key_for, expect)
        aead, nonce = ChaCha20Poly1305(keys.seal), start[-NONCE_BYTES:]
        digest = hashlib.sha256(start)
        index, remaining = 0, size - len(start) - SIGNATURE_BYTES
        while True:
            if remaining < _LENGTH.size + TAG_BYTES:
                raise SealedFileError("the file ends early (half-copied?)")
            length_bytes = handle.read(_LENGTH.size)
            if len(length_bytes) < _LENGTH.size:  # shorter than its size said: still arriving
                raise SealedFileError("the file ends early (half-copied?)")
            (length,) = _LENGTH.unpack(length_bytes)
            if length > CHUNK_BYTES + TAG_BYTES or length < TAG_BYTES or \
                    length + _LENGTH.size > remaining:
                raise SealedFileError("the file's pieces are damaged (half-copied?)")
            body = handle.read(length)
            if len(body) < length:
                raise SealedFileError("the file ends early (half-copied?)")
            remaining -= _LENGTH.size + length
            last = remaining == 0
            digest.update(length_bytes)
            digest.update(body)
            try:
                target.write(aead.decrypt(_nonce(nonce, index),
                                          body, start + _POSITION.pack(index, last)))
            except InvalidTag as exc:
                raise SealedFileError("the file's contents were altered or cut short") from exc
            index += 1
            if last:
                break
        signature = handle.read(SIGNATURE_BYTES)
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(public)).verify(
            signature, _signed_text(digest.digest()))
    except (InvalidSignature, ValueError) as exc:
        raise SealedFileError("the device's signature does not match (altered or "
                              "half-copied)") from exc
    return header
