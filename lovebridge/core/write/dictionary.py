"""The spell-checker's words: a general English list plus the couple's own.

The couple's own words are those they added ("Add to dictionary", kept in the database) and the
words of their world — both names, inside jokes, the places of their memories and plans, the
names of their special dates — which are never flagged.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from sqlalchemy import select

from lovebridge.store.db import Store
from lovebridge.store.models import DictionaryWord, InsideJoke, Memory, Plan, Profile, SpecialDate

WORD_RE = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
MAX_WORD = 80
MAX_SUGGESTIONS = 5


def words_in(texts: Iterable[str | None]) -> set[str]:
    """The lower-cased words of some texts (a possessive counts as its name too)."""
    found: set[str] = set()
    for text in texts:
        for word in WORD_RE.findall(text or ""):
            lowered = word.lower()
            found.add(lowered)
            if lowered.endswith("'s"):
                found.add(lowered[:-2])
    return found


class PersonalDictionary:
    """The couple's own words, read from and added to the database."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def words(self) -> set[str]:
        """Every word of theirs that must never be flagged."""
        with self._store.session_scope() as session:
            added = set(session.scalars(select(DictionaryWord.word)))
            texts: list[str | None] = []
            for row in session.execute(select(Profile.partner_a, Profile.partner_b)):
                texts.extend(row)
            texts.extend(session.scalars(select(InsideJoke.text)))
            texts.extend(session.scalars(select(Memory.place).distinct()))
            texts.extend(session.scalars(select(Plan.place).distinct()))
            texts.extend(session.scalars(select(SpecialDate.label)))
        return added | words_in(texts)

    def add(self, word: str) -> str:
        """Keep `word` (lower-cased) in the couple's dictionary; returns it as kept."""
        kept = word.strip().lower()[:MAX_WORD]
        if not WORD_RE.fullmatch(kept):
            raise ValueError("Only a single word can go in the dictionary.")
        with self._store.session_scope() as session:
            exists = session.scalar(select(DictionaryWord).where(DictionaryWord.word == kept))
            if exists is None:
                session.add(DictionaryWord(word=kept))
        return kept


class SpellWords:
    """What the highlighter asks: is this word known? And what might have been meant?"""

    def __init__(self, checker, personal: Collection[str]) -> None:  # noqa: ANN001
        self._checker = checker  # a pyspellchecker SpellChecker
        self._general = checker.word_frequency.dictionary
        self._personal = set(personal)

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        lowered = word.lower()
        return lowered in self._personal or lowered in self._general

    def add(self, word: str) -> None:
        self._personal.add(word.lower())

    def suggestions(self, word: str) -> list[str]:
        """Likely intended words, most common first (the couple's own words too)."""
        lowered = word.lower()
        found = self._checker.candidates(lowered) or set()
        found = {w for w in found if w != lowered}
        close = {w for w in self._personal if _close(lowered, w)}
        ranked = sorted(found, key=lambda w: -self._checker.word_usage_frequency(w))
        ordered = sorted(close) + [w for w in ranked if w not in close]
        if word[:1].isupper():
            ordered = [w[:1].upper() + w[1:] for w in ordered]
        return ordered[:MAX_SUGGESTIONS]


def _close(typed: str, known: str) -> bool:
    """One letter added, dropped, changed or two swapped."""
    if abs(len(typed) - len(known)) > 1 or typed == known:
        return False
    if len(typed) == len(known):
        diffs = [i for i, (a, b) in enumerate(zip(typed, known, strict=True)) if a != b]
        return len(diffs) == 1 or (len(diffs) == 2 and diffs[1] == diffs[0] + 1
                                   and typed[diffs[0]] == known[diffs[1]]
                                   and typed[diffs[1]] == known[diffs[0]])
    short, long_ = sorted((typed, known), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))
