"""Pairing codes, the couple's key and the clocks that order edits across laptops."""

from __future__ import annotations

import time

from lovebridge.core.sync.crypto import ARGON_PARAMS, CoupleKeys, derive_couple_key
from lovebridge.core.sync.pairing import CODE_WORDS, new_code, word_list
from lovebridge.store.hlc import HybridClock, parse_stamp


def test_the_word_list_is_ours_and_codes_carry_64_bits() -> None:
    words = word_list()
    assert len(words) == len(set(words)) == 256
    assert all(w.isalpha() and w.islower() and 3 <= len(w) <= 10 for w in words)
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(len(c.split()) == CODE_WORDS == 8 for c in codes)


def test_the_real_key_derivation_is_argon2id_with_a_laptop_sized_cost() -> None:
    assert ARGON_PARAMS["memory_cost"] >= 64 * 1024 and ARGON_PARAMS["time_cost"] >= 3
    started = time.perf_counter()
    key = derive_couple_key("maple otter lantern quilt ember river sparrow toast", b"s" * 16)
    assert time.perf_counter() - started < 10
    assert key == derive_couple_key("Maple-Otter lantern quilt ember river sparrow  toast",
                                    b"s" * 16)
    assert key != derive_couple_key("maple otter lantern quilt ember river sparrow toast",
                                    b"t" * 16)
    keys = CoupleKeys.from_couple_key(key)
    assert len({keys.seal, keys.names, keys.check}) == 3
    assert keys.blob_name("ab" * 32) != ("ab" * 32)[:40]


def test_a_clock_a_day_behind_still_stamps_after_what_it_has_seen() -> None:
    ahead = HybridClock("aaaa", wall=lambda: 1_790_086_400_000)  # a day ahead
    behind = HybridClock("bbbb", wall=lambda: 1_790_000_000_000)
    seen = ahead.now()
    behind.observe(seen)
    later = behind.now()
    assert later > seen
    assert parse_stamp(later)[0] == parse_stamp(seen)[0]
    assert behind.now() > later  # and keeps counting within the same millisecond
