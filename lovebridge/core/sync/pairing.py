"""Pairing codes: eight words the other laptop types in, and the folder's record to check them.

The words come from LoveBridge's own list of 256 (8 bits each, 64 bits a code). The couple's key
is derived from the code with Argon2id and a random salt kept in `pairing.json`; that file also
holds a check value, so a mistyped code is told apart from a wrong folder. The code itself is
never written anywhere.
"""

from __future__ import annotations

import hmac
import json
import secrets
from functools import cache
from pathlib import Path

from lovebridge.core.sync.crypto import ARGON_PARAMS, CoupleKeys, derive_couple_key, normalise_code
from lovebridge.core.sync.folder import Layout, pairings, write_whole
from lovebridge.resources import read_text

CODE_WORDS = 8


class PairingError(Exception):
    """The code or the folder does not pair; the message says what to do."""


@cache
def word_list() -> tuple[str, ...]:
    words = [line.strip() for line in read_text("sync", "pairing_words.txt").splitlines()
             if line.strip() and not line.startswith("#")]
    if len(words) != 256 or len(set(words)) != 256:
        raise RuntimeError("the pairing word list must hold 256 different words")
    return tuple(words)


def new_code() -> str:
    words = word_list()
    return " ".join(secrets.choice(words) for _ in range(CODE_WORDS))


def check_code_words(code: str) -> str:
    """The code in canonical form; PairingError naming a word that is not on the list."""
    words = normalise_code(code).split()
    known = set(word_list())
    unknown = [w for w in words if w not in known]
    if unknown:
        raise PairingError(f"“{unknown[0]}” is not one of LoveBridge's pairing words; "
                           "please check the code on the other laptop.")
    if len(words) != CODE_WORDS:
        raise PairingError(f"A pairing code has {CODE_WORDS} words; this one has {len(words)}.")
    return " ".join(words)


def create_pairing(folder: Path, code: str, params: dict | None = None) -> tuple[str, bytes]:
    """Start a pairing in `folder`: (pairing id, couple key)."""
    pairing = secrets.token_hex(6)
    salt = secrets.token_bytes(16)
    argon = {**ARGON_PARAMS, **(params or {})}
    key = derive_couple_key(code, salt, argon)
    record = {"format": 1, "salt": salt.hex(), "argon2id": argon,
              "check": CoupleKeys.from_couple_key(key).check.hex()}
    write_whole(Layout.of(folder, pairing).pairing_file,
                json.dumps(record, indent=1).encode())
    return pairing, key


def join_pairing(folder: Path, code: str) -> tuple[str, bytes]:
    """Find the pairing in `folder` that `code` opens: (pairing id, couple key)."""
    code = check_code_words(code)
    found = pairings(folder)
    if not found:
        raise PairingError("There is no LoveBridge sharing in this folder yet. Wait until the "
                           "sync service has copied it from the other laptop, or pick the same "
                           "folder the other laptop uses.")
    for root in found:
        try:
            record = json.loads((root / "pairing.json").read_text(encoding="utf-8"))
            salt = bytes.fromhex(record["salt"])
            params = {k: int(v) for k, v in record["argon2id"].items()}
            expected = bytes.fromhex(record["check"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            continue
        if params.get("memory_cost", 0) > 1024 * 1024 or params.get("time_cost", 0) > 20:
            continue  # a made-up record asking for absurd work
        key = derive_couple_key(code, salt, params)
        if hmac.compare_digest(CoupleKeys.from_couple_key(key).check, expected):
            return root.name, key
    raise PairingError("That code does not match the sharing in this folder. Check each word "
                       "against the other laptop (the order matters).")
