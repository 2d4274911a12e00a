"""Reading a draft as people write it: sentences, words, quotes, text-speak and typos.

A draft is split into sentences; each sentence into tokens that keep their place in the text.
A token's `word` is what was meant: lower case, straight apostrophes, contractions and text-speak
expanded ("don’t" → "do not", "ur" → "your"), a one-letter typo of a word the rules know fixed
by the spell-checker. Words inside quotation marks are marked, so reported words are not read as
the writer's own. Clauses are numbered at commas, dashes and "but"/"though".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from lovebridge.core.write.coach_lexicon import corrected, reading, valence
from lovebridge.core.write.typed import expand, squeeze

_SENTENCE_RE = re.compile(r"[^.!?\n…]+(?:[.!?…]+[\"”’')\]]*|\n|$)")
_TOKEN_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’]*|[,;:—–()]|\s-\s|[.!?]")
_QUOTE_RES = (
    re.compile(r"“[^”\n]*(?:”|$)"),
    re.compile(r"\"[^\"\n]*(?:\"|$)"),
    re.compile(r"(?:^|(?<=[\s(]))‘[^’\n]*’(?![A-Za-z])"),
    re.compile(r"(?:^|(?<=[\s(]))'[^'\n]*'(?![A-Za-z])"),
)
CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–", "(", ")", "-", "but", "though", "although"})
PRONOUNS = frozenset({"i", "you", "we", "he", "she", "they", "it"})
# After these, "your" owns something ("it is your fault", "for your sake").
_POSSESSIVE_BEFORE = frozenset({"is", "was", "be", "been", "of", "for", "to", "in", "on", "at",
                                "with", "by", "about", "from", "all", "and", "not", "like"})


@dataclass(frozen=True, slots=True)
class Token:
    """One meant word (or a clause mark) and where its source sits in the sentence."""

    word: str
    start: int
    end: int
    caps: bool = False  # typed in capitals, two letters or more
    quoted: bool = False
    clause: int = 0
    first: bool = False  # the first word of its sentence


@dataclass(frozen=True)
class Sentence:
    start: int  # offset of the sentence in the draft
    text: str
    quoted: tuple[tuple[int, int], ...]  # quoted spans, relative to the sentence


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the draft inside quotation marks (double, curly, or single around words)."""
    spans: list[tuple[int, int]] = []
    for pattern in _QUOTE_RES:
        spans += [(m.start(), m.end()) for m in pattern.finditer(text)]
    return spans


def sentences(text: str) -> list[Sentence]:
    """The draft's sentences, each with the quoted spans that fall inside it."""
    quotes = quoted_spans(text)
    found = []
    for match in _SENTENCE_RE.finditer(text):
        if not match.group(0).strip():
            continue
        start, end = match.span()
        inside = tuple((max(a, start) - start, min(b, end) - start)
                       for a, b in quotes if a < end and b > start)
        found.append(Sentence(start, match.group(0), inside))
    return found


@cache
def _tables() -> tuple[dict[str, list[str]], frozenset[str], dict[str, str], dict[str, str]]:
    data = reading()
    speak = {k: v.split() for k, v in data["text_speak"].items()}
    whole = dict(data["contractions"]["whole"])
    suffixes = {k: v for k, v in data["contractions"].items() if isinstance(v, str)}
    return speak, frozenset(data["your_means_you_are"]["before"]), whole, suffixes


def _expand(raw: str) -> list[str]:
    """What one typed word means (typed.expand), a typo of a word the rules know fixed."""
    words = expand(raw)
    if (len(words) == 1 and words[0].isalpha() and not raw[:1].isupper()
            and words[0] == squeeze(raw.lower())):
        return [corrected(words[0])]
    return list(words)


@lru_cache(maxsize=4096)
def tokens(sentence: str, quoted: tuple[tuple[int, int], ...] = ()) -> tuple[Token, ...]:
    """The sentence's tokens, text-speak and contractions expanded, in reading order."""
    _speak, your_before, _whole, _suffixes = _tables()
    expanded: list[tuple[str, int, int, bool, bool]] = []
    for match in _TOKEN_RE.finditer(sentence):
        raw = match.group(0).strip()
        start, end = match.span()
        caps = raw.isupper() and sum(c.isalpha() for c in raw) >= 2
        inside = any(a <= start and end <= b for a, b in quoted)
        words = _expand(raw) if raw[0].isalnum() else [raw]
        expanded += [(word, start, end, caps, inside) for word in words]
    result: list[Token] = []
    clause = 0
    for index, (word, start, end, caps, inside) in enumerate(expanded):
        following = expanded[index + 1][0] if index + 1 < len(expanded) else ""
        if word == "your" and (following in your_before or _ends_on_quality(expanded, index)):
            result.append(Token("you", start, end, caps, inside, clause, not result))
            word = "are"
        if word in CLAUSE_BREAKS or (word == "and" and following in PRONOUNS):
            clause += 1
        result.append(Token(word, start, end, caps, inside, clause, not result))
    return tuple(result)


def _ends_on_quality(expanded: list[tuple[str, int, int, bool, bool]], index: int) -> bool:
    """ "ur hopeless": "your" then one word with a strong feeling, and the clause ends there."""
    if index + 1 >= len(expanded) or (index and expanded[index - 1][0] in _POSSESSIVE_BEFORE):
        return False
    after = expanded[index + 2][0] if index + 2 < len(expanded) else "."
    return abs(valence(expanded[index + 1][0])) >= 1.0 and not after.isalnum()


def words_of(toks: tuple[Token, ...] | list[Token]) -> list[str]:
    return [t.word for t in toks]


def find(words: list[str], phrase: str, start: int = 0) -> int:
    """Index where the space-separated `phrase` starts in `words` (from `start`), or -1."""
    parts = phrase.split()
    for index in range(start, len(words) - len(parts) + 1):
        if words[index:index + len(parts)] == parts:
            return index
    return -1
