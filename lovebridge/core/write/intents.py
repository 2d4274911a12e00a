"""What a draft's words say about the kind of note being written, read from a data file.

Text is normalised the way people type it (phone apostrophes, text-speak, UK and US spellings),
split into words and stemmed with the Snowball English stemmer, so "appreciate", "appreciated"
and "appreciating" are one word. The intent lexicon (resources/writing/intents.toml) maps stemmed
phrases to kinds of note with a weight; a longer phrase that matches takes its words first.
"""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import snowballstemmer

from lovebridge.resources import resource_path

_WORD_RE = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*|[\U0001F300-\U0001FAFF]")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_STEMMER = snowballstemmer.stemmer("english")
_STEMS: dict[str, str] = {}


def stem(word: str) -> str:
    """The Snowball stem of one lower-case word (cached: typing repeats words)."""
    found = _STEMS.get(word)
    if found is None:
        found = _STEMMER.stemWord(word.replace("'", ""))
        if len(_STEMS) < 50_000:
            _STEMS[word] = found
    return found


@dataclass(frozen=True)
class Lexicon:
    """Text-speak and spelling tables, and stemmed phrases that name a kind of note."""

    textspeak: dict[str, tuple[str, ...]]
    spelling: dict[str, str]
    # first stem -> [(phrase stems, kind, weight)], longest phrase first
    phrases: dict[str, tuple[tuple[tuple[str, ...], str, float], ...]]
    everyday: dict[str, float] = field(default_factory=dict)  # kinds for an empty draft

    def words(self, text: str) -> list[str]:
        """Lower-case words of `text` as meant: apostrophes unified, text-speak expanded."""
        found = _WORD_RE.findall(text.translate(_APOSTROPHES).lower())
        out: list[str] = []
        for word in found:
            expanded = self.textspeak.get(word)
            if expanded:
                out.extend(expanded)
            else:
                out.append(self.spelling.get(word, word))
        return out

    def stems(self, text: str) -> list[str]:
        return [stem(word) for word in self.words(text)]

    def kinds(self, stems: list[str]) -> dict[str, float]:
        """Evidence for each kind of note in a stemmed draft; each word counts for one phrase."""
        evidence: dict[str, float] = defaultdict(float)
        taken = [False] * len(stems)
        matches = []
        for start, first in enumerate(stems):
            for phrase, kind, weight in self.phrases.get(first, ()):
                end = start + len(phrase)
                if tuple(stems[start:end]) == phrase:
                    matches.append((len(phrase), weight, start, end, kind))
        # Longest (then surest) phrases take their words first; a shorter one inside is not
        # counted again, but the same words may name several kinds at the same length.
        matches.sort(key=lambda m: (-m[0], -m[1], m[2]))
        claimed: dict[tuple[int, int], int] = {}
        for size, weight, start, end, kind in matches:
            owner = claimed.get((start, end))
            if owner is None and any(taken[start:end]):
                continue
            if owner is not None and owner != size:
                continue
            claimed[(start, end)] = size
            for i in range(start, end):
                taken[i] = True
            evidence[kind] = max(evidence[kind], 0.0) + weight
        return dict(evidence)


def load_lexicon(path: Path | None = None) -> Lexicon:
    data = tomllib.loads((path or resource_path("writing", "intents.toml")).read_text("utf-8"))
    textspeak = {k: tuple(v.split()) for k, v in data.get("textspeak", {}).items()}
    spelling = dict(data.get("spelling", {}))
    base = Lexicon(textspeak, spelling, {})
    table: dict[str, list[tuple[tuple[str, ...], str, float]]] = defaultdict(list)
    for entry in data.get("intent", []):
        kind, weight = entry["kind"], float(entry.get("weight", 1.0))
        for phrase in entry["phrases"]:
            stems = tuple(base.stems(phrase))
            if stems:
                table[stems[0]].append((stems, kind, weight))
    phrases = {k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in table.items()}
    everyday = {kind: float(weight) for kind, weight in data.get("everyday", {}).items()}
    return Lexicon(textspeak, spelling, phrases, everyday)


@cache
def default_lexicon() -> Lexicon:
    return load_lexicon()
