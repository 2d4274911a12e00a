"""Apologies in a sentence: the ones that doubt the hurt, and the ones followed by an excuse.

"Sorry if you were upset", "I regret that it upset anyone" and "sorry you took it that way"
doubt the hurt. "I'm sorry I shouted, but you…", "…though" and "In my defence…" in the next
sentence add an excuse. A "but" that asks ("Sorry, but could we…?") or promises ("but I'll…"),
and "sorry if this is soppy" (about the note itself) are not excuses.
"""

from __future__ import annotations

from dataclasses import dataclass

from lovebridge.core.write.coach_lexicon import rules, sentiment, valence
from lovebridge.core.write.coach_reading import Token, find, words_of

Span = tuple[int, int]


@dataclass(frozen=True)
class Apology:
    anchor: int  # token index of the apology word, -1 when the sentence has none
    doubt: Span | None = None
    excuse: Span | None = None


def apology(toks: tuple[Token, ...]) -> Apology:
    table = rules()["apology"]
    words = words_of(toks)
    anchor = next((i for i, t in enumerate(toks) if t.word in table["anchors"] and not t.quoted),
                  -1)
    if anchor < 0:
        return Apology(-1)
    after = anchor + 1
    while after < len(words) and words[after] in ("so", "very", "really", "truly", "deeply"):
        after += 1
    doubt, modest = _doubt(toks, words, after, table)
    if doubt:
        return Apology(anchor, doubt=doubt)
    if modest:
        return Apology(anchor)
    return Apology(anchor, excuse=_excuse(toks, words, anchor, table))


def _doubt(toks, words: list[str], after: int, table) -> tuple[Span | None, bool]:
    """("sorry if …hurt…" span, whether the "if" is about the note itself)."""
    if_at = find(words, "if", after)
    if if_at >= 0 and if_at - after <= 3:
        clause = [t.word for t in toks[if_at + 1:] if t.clause == toks[if_at].clause]
        if any(w in table["hurt"] or valence(w) <= -1.0 for w in clause):
            return (if_at, if_at + 1 + len(clause)), False
        return None, bool(clause) and clause[0] in table["modest_subjects"]
    at = after + (words[after:after + 1] == ["that"])
    if at < len(words) and words[at] in table["hurt_subjects"]:
        window = words[at + 1:at + 5]
        if any(w in table["hurt"] for w in window):
            return (at, at + 1 + len(window)), False
    return None, False


def _excuse(toks, words: list[str], anchor: int, table) -> Span | None:
    for index in range(anchor + 1, len(words)):
        if words[index] in table["excuse"] and not _harmless(toks, words, index + 1, table):
            return (index, len(words))
    return None


def _harmless(toks, words: list[str], start: int, table) -> bool:
    """Whether what follows a "but" asks, promises or is warm rather than excusing."""
    rest = [w for w in words[start:] if w.isalnum()]
    if not rest:
        return False
    if "?" in words[start:] or rest[0] in table["request_openers"]:
        return True
    if rest[0] in table["promise_subjects"] and any(
            word in table["promise_verbs"] for word in rest[1:3]):
        return True
    return sentiment(" ".join(rest)) >= 0.4 and not any(valence(w) < 0 for w in rest)


def opens_with_excuse(toks: tuple[Token, ...]) -> bool:
    """Whether a sentence after an apology brings an excuse: "But…", "In my defence…"."""
    table = rules()["apology"]
    words = [w for w in words_of(toks) if w.isalnum()]
    if not words:
        return False
    if words[0] in table["excuse"] or "though" in words:
        every = words_of(toks)
        first = next(i for i, t in enumerate(toks) if t.word.isalnum())
        start = first + 1 if every[first] in table["excuse"] else first
        return not _harmless(toks, every, start, table)
    if any(word in table["excuse_words"] for word in words):
        return True
    return any(word in table["hedges"] and words[index - 1] == "be"
               for index, word in enumerate(words[:4]) if index)
