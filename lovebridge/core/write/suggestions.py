"""Ranks templates for the note being written: the intent of the words typed, the words
themselves, the chosen category, the situation and freshness.

- Intent: the lexicon (resources/writing/intents.toml) says which kinds of note the draft's
  words name ("sorry" -> apology, "happy birthday" -> birthday); every template of those kinds is
  lifted. This outweighs any single incidental word.
- Library cues: a word that the library uses mostly in one kind of note ("asleep", "desk")
  lifts that kind a little, learnt from the templates themselves, so new templates teach it.
- Words: IDF weights over Snowball stems of each template's own text, saturating so that many
  rare incidental words cannot outweigh the words that carry intent. A kind's label and occasion
  list do not lift its templates. A template that has every word typed (two or more) is lifted:
  it is being looked for.
- Typing as people type: the draft is read like the coach reads it (lovebridge.core.write.typed);
  a finished word that is no English word is fixed to a word the library or the lexicon knows
  (one edit away); the word still being typed stands for the lexicon word it most likely becomes
  ("happy birth" reads as a birthday), and a phrase it starts counts in part.
- An empty draft is led by the situation (an anniversary or birthday near, a plan, a memory
  from this day, Valentine's Day, the time of day), then by everyday kinds of note.
- Ties fall to a stable hash of the template key and the day, not to file order.
- The first three suggestions are of three different kinds (unless a kind has been chosen):
  a draft rarely says for certain which kind it is, and the rest of the list follows by score.

Tokens of every template are computed once; each keystroke only looks up the query's words in an
inverted index (and the last, half-typed word by prefix), so 1,000 templates rank well within
one frame.
"""

from __future__ import annotations

import bisect
import hashlib
import heapq
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from lovebridge.core.write.intents import STOPWORDS, Lexicon, default_lexicon, stem
from lovebridge.core.write.templates import Category, Template
from lovebridge.core.write.typed import typo_fix

__all__ = [
    "RankContext", "Ranked", "STOPWORDS", "SuggestionEngine", "context_boosts", "stem",
    "tokenise",
]


CATEGORY_WEIGHT = 6.0
CONTEXT_WEIGHT = 2.5
INTENT_WEIGHT = 1.6  # per unit of lexicon weight
CUE_WEIGHT = 1.5  # per library cue word, times the share of its templates in the kind
CUE_MIN_SHARE = 0.4
CUE_MIN_COUNT = 2
WORD_WEIGHT = 2.4  # the most that the template's own words can add
WORD_SATURATION = 4.0  # the summed IDF at which words give half of WORD_WEIGHT
COVER_WEIGHT = 1.5  # a template that has every word typed (two or more)
STALE_PENALTY = 4.0
VARIED_SLOTS = 3
TIE_SCALE = 1e-3
MAX_QUERY_WORDS = 80


def tokenise(text: str, lexicon: Lexicon | None = None) -> list[str]:
    """Stemmed content words of `text`, in order."""
    lexicon = lexicon or default_lexicon()
    return [stem(w) for w in lexicon.words(text) if w not in STOPWORDS]


def _tie(key: str, seed: int) -> float:
    """A stable pseudo-random number in [0, 1) for a template on a given day."""
    digest = hashlib.blake2b(f"{seed}:{key}".encode(), digest_size=4).digest()
    return int.from_bytes(digest, "big") / 2**32


@dataclass(frozen=True)
class RankContext:
    """Situation-dependent boosts, recomputed when the situation changes (not per keystroke)."""

    category: str | None = None
    boosted_categories: tuple[tuple[str, float], ...] = ()
    recently_used: tuple[tuple[str, datetime], ...] = ()
    now: datetime | None = None


@dataclass(frozen=True)
class Ranked:
    template: Template
    score: float
    matched: tuple[str, ...]


class SuggestionEngine:
    """Precomputed index over a template list; `rank()` is called on every keystroke."""

    def __init__(self, templates: Sequence[Template], categories: Sequence[Category] = (),
                 lexicon: Lexicon | None = None) -> None:
        self.templates = tuple(templates)
        self.lexicon = lexicon or default_lexicon()
        postings: dict[str, list[int]] = defaultdict(list)
        by_kind: dict[str, list[int]] = defaultdict(list)
        surface: set[str] = set()
        for index, template in enumerate(self.templates):
            words = self.lexicon.words(template.text)
            surface.update(words)
            for token in {stem(w) for w in words if w not in STOPWORDS}:
                postings[token].append(index)
            by_kind[template.category].append(index)
        self._known = frozenset(surface | set(self.lexicon.vocabulary))
        self._fixes: dict[str, str] = {}
        count = max(len(self.templates), 1)
        self._postings = {
            token: (math.log(1 + count / len(hits)), tuple(hits))
            for token, hits in postings.items()
        }
        self._by_kind = {kind: tuple(hits) for kind, hits in by_kind.items()}
        self._cues: dict[str, tuple[tuple[str, float], ...]] = {}
        for token, hits in postings.items():
            per_kind: dict[str, int] = defaultdict(int)
            for index in hits:
                per_kind[self.templates[index].category] += 1
            self._cues[token] = tuple(
                (kind, n / len(hits)) for kind, n in per_kind.items()
                if n >= CUE_MIN_COUNT and n / len(hits) >= CUE_MIN_SHARE)
        self._vocabulary = sorted(self._postings)
        self._base = [0.0] * len(self.templates)
        self._chosen_kind: str | None = None
        self._situation: frozenset[str] = frozenset()
        self._cache: tuple[tuple[str, ...], list[float], dict[int, tuple[str, ...]]] | None = None
        self.set_context(RankContext())

    def set_context(self, context: RankContext) -> None:
        """Recompute the per-template base scores for a new situation."""
        boosts = dict(context.boosted_categories)
        used = dict(context.recently_used)
        seed = context.now.date().toordinal() if context.now else date(2000, 1, 1).toordinal()
        base = []
        for template in self.templates:
            score = TIE_SCALE * _tie(template.key, seed)
            if context.category and template.category == context.category:
                score += CATEGORY_WEIGHT
            score += CONTEXT_WEIGHT * boosts.get(template.category, 0.0)
            when = used.get(template.key)
            if when is not None and context.now is not None:
                age = (context.now - when) / timedelta(days=1)
                score -= STALE_PENALTY * max(0.0, 1.0 - age / 42.0)  # sinks, then recovers
            base.append(score)
        self._base = base
        self._chosen_kind = context.category
        self._situation = frozenset(kind for kind, amount in boosts.items() if amount > 0)
        self._cache = None

    def rank(self, query: str, limit: int = 40) -> list[Ranked]:
        """The best `limit` templates for what is typed so far."""
        words = self.lexicon.words(query)[-MAX_QUERY_WORDS:]
        partial = None
        if words and query and query[-1].isalnum() and words[-1] not in STOPWORDS:
            partial = words[-1]  # may still be being typed: it also matches as a prefix
        words = [self._fixed(w) for w in words[:-1]] + words[-1:] if partial else [
            self._fixed(w) for w in words]
        stems = [stem(w) for w in words]
        content = [s for w, s in zip(words, stems, strict=True) if w not in STOPWORDS]
        if partial:
            content.pop()
        tokens = tuple(dict.fromkeys(content))
        sums, matched = self._word_sums(tokens)
        if partial and len(partial) >= 2:
            sums = list(sums)
            matched = dict(matched)
            self._add_prefix_matches(partial, sums, matched, set(tokens))
            words = [*words[:-1], self._completed(partial)]
        scores = [base + WORD_WEIGHT * s / (s + WORD_SATURATION) if s else base
                  for base, s in zip(self._base, sums, strict=True)]
        wanted = len(tokens) + bool(partial and len(partial) >= 2)
        if wanted >= 2:  # a template with every word typed is what is being looked for
            for index, found in matched.items():
                if len(found) >= wanted:
                    scores[index] += COVER_WEIGHT
        lifts = {kind: INTENT_WEIGHT * evidence
                 for kind, evidence in self.lexicon.kinds(words, bool(partial)).items()}
        if not words:  # nothing typed: after the situation's kinds, everyday ones
            lifts = {kind: CONTEXT_WEIGHT * w for kind, w in self.lexicon.everyday.items()
                     if kind not in self._situation}
        for token in tokens:
            for kind, share in self._cues.get(token, ()):
                lifts[kind] = lifts.get(kind, 0.0) + CUE_WEIGHT * share
        for kind, lift in lifts.items():
            for index in self._by_kind.get(kind, ()):
                scores[index] += lift
        pool = heapq.nlargest(max(limit, 60), range(len(scores)), key=scores.__getitem__)
        order = self._varied(pool, scores)[:limit]
        return [Ranked(self.templates[i], scores[i], tuple(matched.get(i, ()))) for i in order]

    def _fixed(self, word: str) -> str:
        """A finished word, a typo of a word the library or the lexicon knows fixed."""
        if word in self._known or word in STOPWORDS or len(word) < 4 or not word.isalpha():
            return word
        fixed = self._fixes.get(word)
        if fixed is None:
            fixed = typo_fix(word, self._known)
            if len(self._fixes) < 10_000:
                self._fixes[word] = fixed
        return fixed

    def _completed(self, partial: str) -> str:
        """A word still being typed, as the lexicon word it most likely becomes.

        A word the lexicon has stays as it is; otherwise the completion the library uses most
        (then the shortest) stands in for it, so "happy birth" already reads as a birthday.
        """
        if len(partial) < 3 or partial in self.lexicon.vocabulary_set:
            return partial
        options = self.lexicon.completions(partial)
        if not options:
            return partial
        return max(options, key=lambda w: (len(self._postings.get(stem(w), (0, ()))[1]),
                                           -len(w), w))

    def _varied(self, pool: list[int], scores: list[float]) -> list[int]:
        """`pool` (best first) with its first slots given to the best of different kinds."""
        if self._chosen_kind:
            return pool
        first: list[int] = []
        kinds: set[str] = set()
        for index in pool:
            kind = self.templates[index].category
            if kind not in kinds:
                first.append(index)
                kinds.add(kind)
                if len(first) == VARIED_SLOTS:
                    break
        return first + [i for i in pool if i not in first]

    def _word_sums(self, tokens: tuple[str, ...]
                   ) -> tuple[list[float], dict[int, tuple[str, ...]]]:
        """Summed IDF of whole words, cached: while a word is being typed they do not change."""
        if self._cache is not None and self._cache[0] == tokens:
            return self._cache[1], self._cache[2]
        sums = [0.0] * len(self.templates)
        matched: dict[int, tuple[str, ...]] = {}
        for token in tokens:
            weight, hits = self._postings.get(token, (0.0, ()))
            for index in hits:
                sums[index] += weight
                matched[index] = matched.get(index, ()) + (token,)
        self._cache = (tokens, sums, matched)
        return sums, matched

    def _add_prefix_matches(self, partial: str, sums: list[float],
                            matched: dict[int, tuple[str, ...]], seen: set[str]) -> None:
        start = bisect.bisect_left(self._vocabulary, partial)
        credited: dict[int, float] = {}
        for token in self._vocabulary[start:start + 24]:
            if not token.startswith(partial):
                break
            if token in seen:
                continue
            weight, hits = self._postings[token]
            for index in hits:
                credited[index] = max(credited.get(index, 0.0), weight * 0.7)
        exact = stem(partial)
        if exact not in seen and exact in self._postings:
            weight, hits = self._postings[exact]
            for index in hits:
                credited[index] = max(credited.get(index, 0.0), weight)
        for index, weight in credited.items():
            sums[index] += weight
            matched[index] = matched.get(index, ()) + (partial,)


def context_boosts(anniversary_in_days: int | None, plan_in_days: int | None,
                   memory_today: bool, days_since_last_note: int | None,
                   now: datetime | None = None, birthday_in_days: int | None = None
                   ) -> tuple[tuple[str, float], ...]:
    """Which categories the situation favours, and how strongly (0..1).

    `now` (local time) adds the time of day and Valentine's Day; `birthday_in_days` the
    partner's birthday.
    """
    boosts: dict[str, float] = {}

    def lift(kind: str, amount: float) -> None:
        boosts[kind] = max(boosts.get(kind, 0.0), amount)

    if anniversary_in_days is not None and anniversary_in_days <= 14:
        lift("anniversary", 1.0 - anniversary_in_days / 28)
    if birthday_in_days is not None and birthday_in_days <= 14:
        lift("birthday", 1.0 - birthday_in_days / 28)
    if plan_in_days is not None and plan_in_days <= 7:
        lift("future_plans", 0.6)
        lift("check_in_invite", 0.3)
    if memory_today:
        lift("remembering", 0.8)
    if days_since_last_note is not None and days_since_last_note >= 10:
        lift("reconnecting", 0.5)
        lift("missing_you", 0.4)
    if now is not None:
        to_valentine = (date(now.year, 2, 14) - now.date()).days
        if 0 <= to_valentine <= 7:
            lift("valentines", 1.0 - to_valentine / 14)
        hour = now.hour
        if 5 <= hour < 11:
            lift("good_morning", 0.6)
        elif 11 <= hour < 15:
            lift("midday", 0.6)
        elif hour >= 21 or hour < 2:
            lift("good_night", 0.6)
    return tuple(sorted(boosts.items()))
