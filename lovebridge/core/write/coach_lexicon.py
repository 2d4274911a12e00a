"""The coach's word knowledge: its rule data, VADER's sentiment lexicon and the spell-checker.

Everything loads once, lazily and thread-safely; `warm_up()` lets the UI load it off the GUI
thread before the first keystroke needs it. Rule data lives in `resources/coach/*.toml`.
"""

from __future__ import annotations

import threading
import tomllib
from functools import cache, lru_cache
from typing import Any

from lovebridge.core.write.typed import reading
from lovebridge.core.write.typed import spelling as _spelling
from lovebridge.resources import resource_path

_LOCK = threading.Lock()
# "like" is mostly a comparison or a filler in informal writing ("feel like an idiot").
_NO_VALENCE = frozenset({"like", "no", "please", "well", "yeah", "yes", "ok", "okay"})


@cache
def rules() -> dict[str, Any]:
    """The rule data (resources/coach/rules.toml), word lists turned into frozensets.

    A list named `order` keeps its order (a tuple): it is read first to last.
    """
    with resource_path("coach", "rules.toml").open("rb") as handle:
        data = tomllib.load(handle)

    def settle(key: str, value: Any) -> Any:
        if not isinstance(value, list):
            return value
        return tuple(value) if key == "order" else frozenset(value)

    return {
        section: {key: settle(key, value) for key, value in table.items()}
        for section, table in data.items()
    }


@cache
def _analyser() -> Any:
    with _LOCK:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        analyser = SentimentIntensityAnalyzer()
        analyser.lexicon.update(reading()["valence"])
        return analyser


def warm_up() -> None:
    """Load the lexicon and the dictionary now (call from a worker thread)."""
    rules()
    reading()
    _analyser()
    _spelling()


@lru_cache(maxsize=8192)
def valence(word: str) -> float:
    """VADER's valence for a normalised word (-4…+4), trying its root for -ing/-ed/-s forms."""
    if word in _NO_VALENCE:
        return 0.0
    lexicon = _analyser().lexicon
    if word in lexicon:
        return lexicon[word]
    for suffix, replacements in (("ing", ("", "e")), ("ed", ("", "e")), ("s", ("",)),
                                 ("ly", ("",)), ("ness", ("",))):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            root = word[: -len(suffix)]
            for ending in replacements:
                if root + ending in lexicon:
                    return lexicon[root + ending]
    return 0.0


@lru_cache(maxsize=2048)
def sentiment(words: str) -> float:
    """VADER's compound score (-1…+1) for a run of normalised words."""
    return _analyser().polarity_scores(words)["compound"]


@cache
def _vocabulary() -> frozenset[str]:
    """Words the rules care about: only typos that land on one of these are corrected."""
    words: set[str] = set()
    for table in rules().values():
        for value in table.values():
            if isinstance(value, frozenset):
                for entry in value:
                    words.update(entry.split())
    for value in reading()["text_speak"].values():
        words.update(value.split())
    return frozenset(words | set(_analyser().lexicon))


@lru_cache(maxsize=8192)
def corrected(word: str) -> str:
    """`word` with a one-letter typo fixed, when the fix is a word the rules listen for."""
    if len(word) < 4 or not word.isalpha() or word in _vocabulary():
        return word
    spelling = _spelling()
    if word in spelling.word_frequency.dictionary:
        return word
    fix = spelling.correction(word)
    return fix if fix and fix in _vocabulary() else word


def word_frequency(word: str) -> int:
    """How often the spell-checker's word list has seen `word` (0 when it does not know it)."""
    return _spelling().word_frequency.dictionary.get(word, 0)


@lru_cache(maxsize=4096)
def is_everyday_word(word: str) -> bool:
    """Whether a word typed in capitals is ordinary English (shouting) rather than a name."""
    if word in reading()["acronyms"]["words"]:
        return False
    return word_frequency(word) >= rules()["exaggeration"]["shout_frequency"]
