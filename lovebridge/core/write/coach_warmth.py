"""Warm words in a sentence: "I love you", the reasons given for love and thanks, and big words.

A reason is empty when every word of it is a filler ("because you just are", "for being you",
"for everything"): it says the person, not something they did or the way they are. Exaggeration
is "perfect" said of the partner, a superlative closed by "ever" or "in the world", "I'd die",
"a million times", runs of exclamation marks and shouting in capitals (not acronyms or names).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lovebridge.core.write.coach_lexicon import is_everyday_word, rules
from lovebridge.core.write.coach_reading import Token, find, words_of

Span = tuple[int, int]
_EXCLAIM_RE = re.compile(r"[!?]*!{2,}[!?]*|!\?!|\?!\?")


@dataclass
class Warmth:
    """What a sentence says warmly: love statements and reasons (token spans)."""

    love: list[Span] = field(default_factory=list)
    reasons: list[Span] = field(default_factory=list)
    empty_reasons: list[Span] = field(default_factory=list)


def warmth(toks: tuple[Token, ...]) -> Warmth:
    found = Warmth()
    table = rules()["love"]
    reasons = rules()["reasons"]
    words = words_of(toks)
    for index, word in enumerate(words):
        if toks[index].quoted:
            continue
        if word in table["verbs"]:
            before = words[max(0, index - 2):index]
            if "not" in before:
                continue
            after = words[index + 1] if index + 1 < len(words) else ""
            if after in table["objects"]:
                found.love.append((max(0, index - 1) if before[-1:] == ["i"] else index, index + 2))
                _reason_after(toks, words, index + 2, found, allow_fillers=True)
            elif after == "the" and words[index + 2:index + 3] == ["way"]:
                found.reasons.append((index, index + 3))
            elif (after in reasons["love_frames"] and index + 2 < len(words)
                  and (after != "it" or words[index + 2] == "when")):
                found.reasons.append((index, index + 2))
        elif word in reasons["because"] and "not" not in words[max(0, index - 2):index]:
            _classify(toks, words, index, index + 1, found)
        elif word == "way" and words[index - 1:index] == ["the"] and words[index + 1:index + 2] == [
                "you"]:
            found.reasons.append((index - 1, index + 2))
        elif word in reasons["thanks"]:
            _reason_after(toks, words, index + 1, found, allow_fillers=True)
        elif (word in ("make", "made") and index and words[index - 1] == "you"
              and words[index + 1:index + 2] in (["me"], ["my"], ["the"], ["every"])):
            found.reasons.append((index - 1, index + 1))
    return found


def _reason_after(toks, words: list[str], at: int, found: Warmth, *, allow_fillers: bool) -> None:
    """After "love you" or "thank you": "for …" or "because …" is a reason to classify."""
    fillers = {"you", "so", "much", "very", "simply", "just", "a", "lot", "lots", "loads",
               "again", "really", "both", "all"}
    while allow_fillers and at < len(words) and words[at] in fillers:
        at += 1
    if at < len(words) and (words[at] == "for" or words[at] in rules()["reasons"]["because"]):
        _classify(toks, words, at - 1 if words[at] == "for" else at, at + 1, found)


def _classify(toks, words: list[str], marker: int, start: int, found: Warmth) -> None:
    """Record the reason from `start` to its clause's end as real or empty."""
    empty = rules()["reasons"]["empty"]
    clause = toks[start].clause if start < len(toks) else toks[marker].clause
    reason = [t.word for t in toks[start:] if t.clause == clause and t.word.isalnum()]
    # Names and endearments after a comma are already cut off by the clause break.
    core = rules()["reasons"]["core"]
    if not reason and words[marker] != "because":
        return  # "… nobody thanks you for." ends on its preposition: no reason is given
    if not reason or (all(word in empty for word in reason)
                      and any(word in core for word in reason)):
        found.empty_reasons.append((max(0, marker), start + len(reason)))
    else:
        found.reasons.append((marker, start + len(reason)))


def exaggerations(toks: tuple[Token, ...], raw: str) -> list[tuple[int, int]]:
    """Big words in the sentence, as character spans within it."""
    table = rules()["exaggeration"]
    words = words_of(toks)
    spans: list[Span] = []
    for index, word in enumerate(words):
        if toks[index].quoted:
            continue
        if word in table["perfect"] and _perfect_of_person(toks, words, index, table):
            spans.append((index, index + 1))
        elif _superlative(word, table) or (word == "anything" and words[index - 2:index] == [
                "more", "than"]):
            closer = _closer(words, index, table)
            if closer:
                spans.append((index, closer))
        elif (word == "die" and "i" in words[max(0, index - 4):index]
              and any(w in table["die_modals"] for w in words[max(0, index - 3):index])):
            spans.append((index, index + 1))
    for phrase in table["million"]:
        at = find(words, phrase)
        if at >= 0 and not toks[at].quoted:
            spans.append((at, at + len(phrase.split())))
    spans += _shouting(toks)
    chars = [(toks[a].start, toks[b - 1].end) for a, b in spans]
    return sorted(chars + [m.span() for m in _EXCLAIM_RE.finditer(raw)])


def _perfect_of_person(toks, words: list[str], index: int, table) -> bool:
    if any(w in table["person_nouns"] for w in words[index + 1:index + 3]):
        return True
    clause = toks[index].clause
    for back in range(index - 1, max(-1, index - 5), -1):
        if toks[back].clause != clause:
            return False
        if words[back] in table["copulas"]:  # "you are …", "everything you do is …"
            before = [t.word for t in toks[:back] if t.clause == clause]
            return "not" not in before and any(w in table["perfect_subjects"] for w in before)
    return False


def _superlative(word: str, table) -> bool:
    if word in table["best"]:
        return True
    return len(word) > 4 and word.endswith("est") and word not in table["superlative_not"]


def _closer(words: list[str], index: int, table) -> int:
    for position in range(index + 1, min(len(words), index + 9)):
        word = words[position]
        if word in table["best_closers"]:
            if word == "ever":
                return position + 1
            if word in ("world", "universe") and words[position - 1] in (
                    "the", "whole", "entire", "wide"):
                return position + 1
            if word == "life" and "of" in words[index:position]:
                return position + 1
            if word == "time" and words[position - 2:position] == ["of", "all"]:
                return position + 1
        if word in (".", "!", "?"):
            break
    return 0


def _shouting(toks: tuple[Token, ...]) -> list[Span]:
    spans = []
    for index, token in enumerate(toks):
        if token.caps and not token.quoted and token.word.isalpha() and is_everyday_word(
                token.word):
            spans.append((index, index + 1))
    return spans
