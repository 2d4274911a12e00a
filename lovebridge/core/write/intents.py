"""What a draft's words say about the kind of note being written, read from a data file.

Text is read the way people type it, with the coach's own reading (lovebridge.core.write.typed:
phone apostrophes, letters held down, contractions, text-speak), then this lexicon's own words
(kind vocabulary such as "hbd" or "vday", UK and US spellings), split into words and stemmed with
the Snowball English stemmer, so "appreciate", "appreciated" and "appreciating" are one word.
The intent lexicon (resources/writing/intents.toml) maps stemmed phrases to kinds of note with a
weight; a longer phrase that matches takes its words first. A phrase may stand for numbers
("#num years together", "#ord birthday"), and may say which kind it names when it is negated
("no need to apologise" accepts an apology rather than making one).
"""

from __future__ import annotations

import bisect
import re
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import snowballstemmer

from lovebridge.core.write.typed import APOSTROPHES, expand, squeeze
from lovebridge.resources import resource_path

_WORD_RE = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*|[\U0001F300-\U0001FAFF\u2764]")
_STEMMER = snowballstemmer.stemmer("english")
_STEMS: dict[str, str] = {}
_ORDINAL_RE = re.compile(r"\d+(?:st|nd|rd|th)")
_HOUR_RE = re.compile(r"\d{1,2}(?::\d\d)?(am|pm)")
_STOPWORD_TEXT = (
    "a am an and are as at be but by for from had has have i i'm im if in into is it it's its me "
    "my of on or our so that the their them then there these they this to too up us was we "
    "were what when which who will with you your you're youre yours just very can could would "
    "not do does did been being shall should let us got get "
    "{ } x xx xxx"
)
STOPWORDS = frozenset(_STOPWORD_TEXT.split(" "))
NUMBER = "#num"
ORDINAL = "#ord"


@cache
def _stem_overrides() -> dict[str, str]:
    data = tomllib.loads(resource_path("writing", "intents.toml").read_text("utf-8"))
    return dict(data.get("stems", {}))


def stem(word: str) -> str:
    """The Snowball stem of one lower-case word (cached: typing repeats words).

    A few words keep their own stem where Snowball would merge two intents ("thankful" is
    not "thanks"): the [stems] table of intents.toml.
    """
    found = _STEMS.get(word)
    if found is None:
        found = _stem_overrides().get(word) or _STEMMER.stemWord(word.replace("'", ""))
        if len(_STEMS) < 50_000:
            _STEMS[word] = found
    return found


# stems, kind, weight, kind if negated, kind when said of "you" (not of "I")
Phrase = tuple[tuple[str, ...], str, float, str | None, str | None]
_YOU = frozenset({"you", "your", "yours"})
_ME = frozenset({"i", "me", "my"})
UNFINISHED_SHARE = 0.3  # a phrase whose last word is still to come counts for this much


@dataclass(frozen=True)
class Lexicon:
    """Text-speak and spelling tables, and stemmed phrases that name a kind of note."""

    textspeak: dict[str, tuple[str, ...]]
    spelling: dict[str, str]
    # first stem -> [(phrase stems, kind, weight, kind when negated)], longest phrase first
    phrases: dict[str, tuple[Phrase, ...]]
    everyday: dict[str, float] = field(default_factory=dict)  # kinds for an empty draft
    negators: frozenset[str] = frozenset()
    bridges: frozenset[str] = frozenset()  # words that carry a negation on to the next
    vocabulary: tuple[str, ...] = ()  # the phrases' words, sorted (for half-typed words)
    vocabulary_set: frozenset[str] = frozenset()
    numbers: dict[str, str] = field(default_factory=dict)  # "five" -> #num, "tenth" -> #ord

    def number_class(self, word: str) -> str | None:
        """`#num` for a number ("3", "five"), `#ord` for an ordinal ("40th", "tenth"), `#am`
        or `#pm` for an hour ("7am", "1pm")."""
        if word.isdigit():
            return NUMBER
        if _ORDINAL_RE.fullmatch(word):
            return ORDINAL
        hour = _HOUR_RE.fullmatch(word)
        if hour:
            return "#" + hour.group(1)
        return self.numbers.get(word)

    def words(self, text: str) -> list[str]:
        """Lower-case words of `text` as meant: apostrophes unified, text-speak expanded."""
        out: list[str] = []
        for typed in _WORD_RE.findall(text.translate(APOSTROPHES).lower()):
            own = self.textspeak.get(typed) or self.textspeak.get(squeeze(typed))
            for word in own or expand(typed):
                out.append(self.spelling.get(word, word))
        return out

    def stems(self, text: str) -> list[str]:
        return [stem(word) for word in self.words(text)]

    def completions(self, prefix: str) -> list[str]:
        """The lexicon's words that start with `prefix` (a word still being typed)."""
        start = bisect.bisect_left(self.vocabulary, prefix)
        found = []
        for word in self.vocabulary[start:start + 40]:
            if not word.startswith(prefix):
                break
            found.append(word)
        return found

    def kinds(self, words: list[str], typing: bool = False) -> dict[str, float]:
        """Evidence for each kind of note in a draft's words; each word counts for one phrase.

        `typing`: the last word is still being typed, so a phrase it starts counts in part.
        """
        keys = [self.number_class(w) or stem(w) for w in words]
        plain = [stem(w) for w in words]
        evidence: dict[str, float] = defaultdict(float)
        taken = [False] * len(keys)
        matches = []
        for start in range(len(keys)):
            for first in {keys[start], plain[start]}:
                for phrase, kind, weight, negated, of_you in self.phrases.get(first, ()):
                    end = start + len(phrase)
                    if end > len(keys):
                        # The draft stops inside the phrase ("happy", "you're nearly"): the
                        # words so far count for a share of it.
                        if (typing and len(phrase) > 1 and words[-1] not in STOPWORDS
                                and keys[-1] == plain[-1] and all(
                                p in (keys[i], plain[i])
                                for i, p in zip(range(start, len(keys)), phrase, strict=False))):
                            matches.append((0, weight * UNFINISHED_SHARE, start, len(keys), kind,
                                            negated, of_you))
                        continue
                    if all(p in (keys[i], plain[i]) for i, p in zip(range(start, end), phrase,
                                                                    strict=True)):
                        matches.append((len(phrase), weight, start, end, kind, negated, of_you))
        # Longest (then surest) phrases take their words first; a shorter one inside is not
        # counted again, but the same words may name several kinds at the same length.
        matches.sort(key=lambda m: (-m[0], -m[1], m[2], m[4]))
        claimed: dict[tuple[int, int], int] = {}
        unfinished: set[str] = set()
        for size, weight, start, end, kind, negated, of_you in matches:
            if size == 0:
                if kind in unfinished:
                    continue
                unfinished.add(kind)
            owner = claimed.get((start, end))
            if owner is None and any(taken[start:end]):
                continue
            if owner is not None and owner != size:
                continue
            claimed[(start, end)] = size
            for i in range(start, end):
                taken[i] = True
            if negated is not None and self._negated(words, start):
                if not negated:
                    continue
                kind = negated
            elif of_you is not None and self._of_you(words, start, end):
                kind = of_you
            evidence[kind] = max(evidence[kind], 0.0) + weight
        return dict(evidence)

    @staticmethod
    def _of_you(words: list[str], start: int, end: int) -> bool:
        """Whether the nearest person before the phrase (or "for you" after it) is "you"."""
        if words[end:end + 2] == ["for", "you"]:
            return True
        for index in range(start - 1, max(start - 6, -1), -1):
            if words[index] in _YOU:
                return True
            if words[index] in _ME:
                return False
        return False

    def _negated(self, words: list[str], start: int) -> bool:
        """Whether a negation reaches the word at `start` ("no need to", "don't be", "not")."""
        for index in range(start - 1, max(start - 5, -1), -1):
            if words[index] in self.negators:
                return True
            if words[index] not in self.bridges:
                return False
        return False


def load_lexicon(path: Path | None = None) -> Lexicon:
    data = tomllib.loads((path or resource_path("writing", "intents.toml")).read_text("utf-8"))
    textspeak = {k: tuple(v.split()) for k, v in data.get("textspeak", {}).items()}
    spelling = dict(data.get("spelling", {}))
    base = Lexicon(textspeak, spelling, {})
    table: dict[str, list[Phrase]] = defaultdict(list)
    surface: set[str] = set()
    for entry in data.get("intent", []):
        kind, weight = entry["kind"], float(entry.get("weight", 1.0))
        negated = entry.get("negated")
        of_you = entry.get("of_you")
        for phrase in entry["phrases"]:
            stems: list[str] = []
            for part in phrase.split(" "):
                if part.startswith("#"):
                    stems.append(part)
                else:
                    words = base.words(part)
                    surface.update(w for w in words if w.isalpha())
                    stems += [stem(w) for w in words]
            if stems:
                table[stems[0]].append((tuple(stems), kind, weight, negated, of_you))
    for words in textspeak.values():
        surface.update(w for w in words if w.isalpha())
    phrases = {k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in table.items()}
    everyday = {kind: float(weight) for kind, weight in data.get("everyday", {}).items()}
    negation = data.get("negation", {})
    numbers = {w: NUMBER for w in data.get("numbers", {}).get("cardinal", ())}
    numbers |= {w: ORDINAL for w in data.get("numbers", {}).get("ordinal", ())}
    return Lexicon(textspeak, spelling, phrases, everyday,
                   frozenset(negation.get("negators", ())),
                   frozenset(negation.get("bridges", ())), tuple(sorted(surface)),
                   frozenset(surface), numbers)


@cache
def default_lexicon() -> Lexicon:
    return load_lexicon()
