"""Ranks templates for the note being written: category, the words typed, context, freshness.

Tokens of every template are computed once; each keystroke only looks up the query's words in an
inverted index (and the last, half-typed word by prefix), so 1,000 templates rank well within
one frame.
"""

from __future__ import annotations

import bisect
import heapq
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from lovebridge.core.write.templates import Category, Template

_WORD_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_STOPWORD_TEXT = (
    "a an and are as at be but by for from had has have i i'm if in into is it it's its me "
    "my of on or our so that the their them then there these they this to too up us was we "
    "were what when which who will with you your you're yours just very can could would"
)
STOPWORDS = frozenset(_STOPWORD_TEXT.split(" "))
_SUFFIXES = ("ingly", "ness", "ing", "edly", "ed", "ies", "es", "ly", "s")

CATEGORY_WEIGHT = 6.0
CONTEXT_WEIGHT = 2.5
STALE_PENALTY = 4.0
MAX_QUERY_WORDS = 80


def stem(word: str) -> str:
    """A light stem: listening, listened, listens -> listen; apologies -> apolog."""
    word = word.replace("'", "")
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]  # stopped -> stopp -> stop
    return word


def tokenise(text: str) -> list[str]:
    """Stemmed content words of `text`, in order."""
    return [stem(w) for w in _WORD_RE.findall(text.lower()) if w not in STOPWORDS]


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

    def __init__(self, templates: Sequence[Template], categories: Sequence[Category] = ()) -> None:
        self.templates = tuple(templates)
        labels = {c.key: f"{c.label} {c.description} {' '.join(c.occasions)}" for c in categories}
        postings: dict[str, dict[int, float]] = defaultdict(dict)
        for index, template in enumerate(self.templates):
            for token in set(tokenise(template.text)):
                postings[token][index] = 1.0
            extra = labels.get(template.category, template.category.replace("_", " "))
            for token in set(tokenise(extra)):
                postings[token].setdefault(index, 0.5)  # category words count, less
        count = max(len(self.templates), 1)
        self._postings = {
            token: tuple((i, w * math.log(1 + count / len(hits))) for i, w in hits.items())
            for token, hits in postings.items()
        }
        self._vocabulary = sorted(self._postings)
        self._base = [0.0] * len(self.templates)
        self._cache: tuple[tuple[str, ...], list[float], dict[int, tuple[str, ...]]] | None = None
        self._tiebreak = [-(i / (count * 1000)) for i in range(len(self.templates))]
        self.set_context(RankContext())

    def set_context(self, context: RankContext) -> None:
        """Recompute the per-template base scores for a new situation."""
        boosts = dict(context.boosted_categories)
        used = dict(context.recently_used)
        base = []
        for index, template in enumerate(self.templates):
            score = self._tiebreak[index]
            if context.category and template.category == context.category:
                score += CATEGORY_WEIGHT
            score += CONTEXT_WEIGHT * boosts.get(template.category, 0.0)
            when = used.get(template.key)
            if when is not None and context.now is not None:
                age = (context.now - when) / timedelta(days=1)
                score -= STALE_PENALTY * max(0.0, 1.0 - age / 42.0)  # sinks, then recovers
            base.append(score)
        self._base = base
        self._cache = None

    def rank(self, query: str, limit: int = 40) -> list[Ranked]:
        """The best `limit` templates for what is typed so far."""
        words = _WORD_RE.findall(query.lower())[-MAX_QUERY_WORDS:]
        partial = None
        if words and query and query[-1].isalnum():
            partial = words.pop()  # still being typed: match it as a prefix too
        tokens = tuple(dict.fromkeys(stem(w) for w in words if w not in STOPWORDS))
        scores, matched = self._word_scores(tokens)
        if partial and partial not in STOPWORDS and len(partial) >= 2:
            scores = list(scores)
            matched = dict(matched)
            self._add_prefix_matches(partial, scores, matched, set(tokens))
        best = heapq.nlargest(limit, range(len(scores)), key=scores.__getitem__)
        return [Ranked(self.templates[i], scores[i], tuple(matched.get(i, ()))) for i in best]

    def _word_scores(self, tokens: tuple[str, ...]
                     ) -> tuple[list[float], dict[int, tuple[str, ...]]]:
        """Scores for whole words, cached: while a word is being typed they do not change."""
        if self._cache is not None and self._cache[0] == tokens:
            return self._cache[1], self._cache[2]
        scores = list(self._base)
        matched: dict[int, tuple[str, ...]] = {}
        for token in tokens:
            for index, weight in self._postings.get(token, ()):
                scores[index] += weight
                matched[index] = matched.get(index, ()) + (token,)
        self._cache = (tokens, scores, matched)
        return scores, matched

    def _add_prefix_matches(self, partial: str, scores: list[float],
                            matched: dict[int, tuple[str, ...]], seen: set[str]) -> None:
        start = bisect.bisect_left(self._vocabulary, partial)
        credited: dict[int, float] = {}
        for token in self._vocabulary[start:start + 24]:
            if not token.startswith(partial):
                break
            if token in seen:
                continue
            for index, weight in self._postings[token]:
                if weight * 0.7 > credited.get(index, 0.0):
                    credited[index] = weight * 0.7
        exact = stem(partial)
        if exact not in seen and exact not in self._vocabulary[start:start + 1]:
            for index, weight in self._postings.get(exact, ()):
                credited[index] = max(credited.get(index, 0.0), weight)
        for index, weight in credited.items():
            scores[index] += weight
            matched[index] = matched.get(index, ()) + (partial,)


def context_boosts(anniversary_in_days: int | None, plan_in_days: int | None,
                   memory_today: bool, days_since_last_note: int | None
                   ) -> tuple[tuple[str, float], ...]:
    """Which categories the situation favours, and how strongly (0..1)."""
    boosts: dict[str, float] = {}
    if anniversary_in_days is not None and anniversary_in_days <= 14:
        boosts["anniversary"] = 1.0 - anniversary_in_days / 28
    if plan_in_days is not None and plan_in_days <= 7:
        boosts["future_plans"] = 0.6
        boosts["check_in_invite"] = 0.3
    if memory_today:
        boosts["remembering"] = 0.8
    if days_since_last_note is not None and days_since_last_note >= 10:
        boosts["reconnecting"] = 0.5
        boosts["missing_you"] = 0.4
    return tuple(sorted(boosts.items()))
