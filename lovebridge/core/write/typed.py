"""Text as people type it, read one way by the sincerity coach and the suggestion ranker.

- Phone keyboards' apostrophes (’ ‘ ʼ `) become a straight one.
- Letters held down for effect ("sooo", "birthdayyy", "misssing") are squeezed back to a word.
- Contractions and text-speak ("don't", "let's", "ur", "srry", "bc") expand to the words meant,
  from one table: resources/coach/reading.toml.
- A typo of a word the caller listens for is fixed by the bundled spell-checker
  (pyspellchecker), one edit away, the commonest candidate first.

The spell-checker's word list loads once, lazily and thread-safely (the Write room loads it in
the background through the coach's `warm_up()`).
"""

from __future__ import annotations

import re
import threading
import tomllib
from collections.abc import Container
from functools import cache, lru_cache
from typing import Any

from lovebridge.resources import resource_path

APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_HELD = re.compile(r"([a-z])\1{2,}")
_LOCK = threading.Lock()
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@cache
def reading() -> dict[str, Any]:
    """How text as typed maps to words (resources/coach/reading.toml)."""
    with resource_path("coach", "reading.toml").open("rb") as handle:
        return tomllib.load(handle)


@cache
def spelling() -> Any:
    """The bundled spell-checker (edit distance 1)."""
    with _LOCK:
        from spellchecker import SpellChecker

        return SpellChecker(distance=1)


@cache
def _tables() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]],
                       tuple[tuple[str, tuple[str, ...]], ...]]:
    data = reading()
    speak = {k: tuple(v.split()) for k, v in data["text_speak"].items()}
    whole = {k: tuple(v.split()) for k, v in data["contractions"]["whole"].items()}
    suffixes = tuple((k, tuple(v.split())) for k, v in data["contractions"].items()
                     if isinstance(v, str))
    return speak, whole, suffixes


def text_speak() -> dict[str, tuple[str, ...]]:
    """The shared text-speak table: a word as typed -> the words it stands for."""
    return _tables()[0]


def known(word: str) -> bool:
    """Whether the spell-checker's English word list has `word`."""
    return word in spelling().word_frequency.dictionary


@lru_cache(maxsize=4096)
def squeeze(word: str) -> str:
    """`word` with letters held down for effect let go: "sooo" -> "so", "yesss" -> "yes".

    Runs of three or more of a letter become two, or one when two make no word.
    """
    if not _HELD.search(word):
        return word
    double = _HELD.sub(r"\1\1", word)
    single = _HELD.sub(r"\1", word)
    if known(double) and not known(single):
        return double
    if known(single):
        return single
    return double


@lru_cache(maxsize=8192)
def expand(raw: str) -> tuple[str, ...]:
    """The words one typed word stands for, lower case: contractions and text-speak opened."""
    word = squeeze(raw.lower().translate(APOSTROPHES))
    speak, whole, suffixes = _tables()
    if word in whole:
        return whole[word]
    if word in speak:
        return speak[word]
    if "'" in word:
        for suffix, meaning in suffixes:
            if word.endswith(suffix) and len(word) > len(suffix):
                return (*expand(word[: -len(suffix)]), *meaning)
        return (word.replace("'", ""),)
    return (word,)


def typo_fix(word: str, wanted: Container[str]) -> str:
    """`word`, or the commonest word in `wanted` one edit away when `word` is no English word.

    Short words (under four letters) and words the spell-checker knows are left alone.
    """
    if len(word) < 4 or not word.isalpha() or word in wanted:
        return word
    checker = spelling()
    if word in checker.word_frequency.dictionary:
        return word
    frequency = checker.word_frequency.dictionary
    fixes = [w for w in _edits(word) if w in wanted and w in frequency]
    if not fixes:
        return word
    return max(fixes, key=lambda w: (frequency[w], w))


def _edits(word: str) -> set[str]:
    """Every string one deletion, swap, change or insertion (a-z) away from `word`."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return ({a + b[1:] for a, b in splits if b}
            | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
            | {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
            | {a + c + b for a, b in splits for c in _LETTERS})
