"""The sincerity coach: gentle, explained hints about a draft. Qt-free and fast enough to run live.

Eight rules (see WRITE-CONTRACTS.md): say *why* you love them, and a reason that is more than
"for being you"; "I feel" instead of accusations or judgements of who they are; warm rather
than dramatic; apologies without "but" or "if"; a length that suits the channel; and a
remembered moment that is named.

The draft is read as people write it (coach_reading: quotes, text-speak, typos), and each
sentence is read once and remembered, so typing re-reads only the sentence being typed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from lovebridge.core.write.channels import channel_limit
from lovebridge.core.write.coach_apology import apology, opens_with_excuse
from lovebridge.core.write.coach_blame import accusations, feeling_for, judgements
from lovebridge.core.write.coach_lexicon import rules, warm_up, word_frequency
from lovebridge.core.write.coach_reading import (
    Sentence,
    Token,
    quoted_spans,
    sentences,
    tokens,
    words_of,
)
from lovebridge.core.write.coach_warmth import exaggerations, warmth
from lovebridge.core.write.placeholders import FRIENDLY_LABELS

AFFECTION = "affection_without_reason"
EMPTY_REASON = "empty_reason"
ACCUSATION = "accusation"
JUDGEMENT = "judgement"
EXAGGERATION = "exaggeration"
CONDITIONAL_APOLOGY = "conditional_apology"
TOO_LONG = "too_long_for_channel"
VAGUE_MEMORY = "vague_memory"
RULES = (AFFECTION, EMPTY_REASON, ACCUSATION, JUDGEMENT, EXAGGERATION, CONDITIONAL_APOLOGY,
         TOO_LONG, VAGUE_MEMORY)
__all__ = ["RULES", "Hint", "rephrase_accusation", "review", "warm_up"]


@dataclass(frozen=True)
class Hint:
    """One gentle suggestion: which rule, where in the text, what to try and why."""

    rule: str
    start: int
    end: int
    title: str
    why: str
    rephrasing: str | None = None  # offered for accusations: replaces text[start:end]

    @property
    def key(self) -> str:
        """Identity for remembering a dismissal: the rule and the words it is about."""
        return self.rule


CharSpan = tuple[int, int]


@dataclass(frozen=True)
class _Facts:
    """What one sentence says, as character spans within it (read once, then remembered)."""

    toks: tuple[Token, ...]
    accusations: tuple[CharSpan, ...]
    judgements: tuple[CharSpan, ...]
    love: tuple[CharSpan, ...]
    reasons: bool
    empty_reasons: tuple[CharSpan, ...]
    exaggerations: tuple[CharSpan, ...]
    apology: bool
    doubt: CharSpan | None
    excuse: CharSpan | None
    opens_excuse: bool


def _chars(toks: tuple[Token, ...], spans) -> tuple[CharSpan, ...]:
    return tuple((toks[a].start, toks[b - 1].end) for a, b in spans if b > a)


@lru_cache(maxsize=4096)
def _facts(text: str, quoted: tuple[CharSpan, ...]) -> _Facts:
    toks = tokens(text, quoted)
    warm = warmth(toks)
    sorry = apology(toks)
    return _Facts(
        toks=toks,
        accusations=_chars(toks, accusations(toks)),
        judgements=_chars(toks, judgements(toks)),
        love=_chars(toks, warm.love),
        reasons=bool(warm.reasons),
        empty_reasons=_chars(toks, warm.empty_reasons),
        exaggerations=tuple(exaggerations(toks, text)),
        apology=sorry.anchor >= 0,
        doubt=_chars(toks, [sorry.doubt])[0] if sorry.doubt else None,
        excuse=_chars(toks, [sorry.excuse])[0] if sorry.excuse else None,
        opens_excuse=opens_with_excuse(toks),
    )


def review(
    text: str,
    *,
    category: str | None = None,
    channel: str = "print",
    card_overflow: bool = False,
    names: Iterable[str] = (),
) -> list[Hint]:
    """Every hint for `text`, in reading order. `names` are the couple's names (not a memory)."""
    read = [(s, _facts(s.text, s.quoted)) for s in sentences(text)]
    hints: list[Hint] = []
    hints += _affection_hints(read)
    hints += _blame_hints(read)
    hints += _exaggeration_hints(read)
    hints += _conditional_apology_hints(read, category)
    hints += _length_hints(text, channel, card_overflow)
    hints += _vague_memory_hints(text, read, category, set(names))
    return sorted(hints, key=lambda h: (h.start, RULES.index(h.rule)))


def _trimmed(sentence: Sentence) -> CharSpan:
    body = sentence.text
    start = len(body) - len(body.lstrip())
    end = len(body.rstrip())
    return sentence.start + start, sentence.start + end


def _affection_hints(read: list[tuple[Sentence, _Facts]]) -> list[Hint]:
    empty = [(s.start + a, s.start + b) for s, f in read for a, b in f.empty_reasons]
    if empty:
        return [Hint(
            EMPTY_REASON, *empty[0],
            "Give the reason a detail",
            "\"For being you\" could be said to anyone. One thing they did, or the way they "
            "do it, shows you noticed.",
        )]
    love = [(s.start + a, s.start + b) for s, f in read for a, b in f.love]
    if not love or any(f.reasons for _s, f in read):
        return []
    return [Hint(
        AFFECTION, *love[0],
        "Say why",
        "\"I love you\" lands deeper with a reason beside it: what they did, the way they "
        "are, a moment you noticed. Try \"I love the way you…\".",
    )]


def _blame_hints(read: list[tuple[Sentence, _Facts]]) -> list[Hint]:
    hints = []
    for sentence, facts in read:
        start, end = _trimmed(sentence)
        if facts.accusations:
            hints.append(Hint(
                ACCUSATION, start, end,
                "Try an \"I feel…\" sentence",
                "Words like \"you always\" or \"you never\" tend to start a defence, not a "
                "conversation. Saying how it feels for you, and what you'd like, invites them in.",
                rephrase_accusation(sentence.text),
            ))
        if facts.judgements:
            hints.append(Hint(
                JUDGEMENT, start, end,
                "Describe what happened, not who they are",
                "\"Lazy\", \"typical\" or thanks that mean the opposite judge who they are. "
                "What happened, and how it felt, gives them something they can change.",
            ))
    return hints


def rephrase_accusation(sentence: str) -> str | None:
    """An "I feel … when … because … — could we …?" version of an accusing sentence.

    None when the sentence holds no accusation, so praise is never rewritten as a complaint.
    """
    toks = tokens(sentence, tuple(quoted_spans(sentence)))
    if not accusations(toks):
        return None
    words = words_of(toks)
    feeling = feeling_for(words)
    body = " ".join(w for w in words if w not in (".", "!", "?"))
    body = re.sub(r" ([,;:])", r"\1", body)
    match = re.search(
        r"\byou (are |were )?(always|never|constantly|keep|do not even|did not even|"
        r"does not even|should have|made me) ?(.*)$", body)
    rest = match.group(3).strip(" ,") if match else ""
    rest = " ".join(w for w in rest.split() if w not in ("always", "never", "ever"))
    rest = re.sub(r"\bi\b", "I", rest)
    kind = match.group(2) if match else ""
    if kind in ("always", "constantly") and rest:
        when = f"you {match.group(1) or ''}{rest}"
    elif kind == "keep" and rest:
        when = f"you keep {rest}"
    elif kind in ("never", "do not even", "did not even", "does not even") and rest:
        when = f"it seems you don't {rest}"
    elif kind == "should have" and rest:
        when = f"you don't {_base_verb(rest)}"
    elif kind == "made me" and rest:
        return (f"I feel {feeling} about what happened, because it matters to me how we are "
                f"with each other. Could we talk about it together?")
    else:
        when = "this happens between us"
    return (f"I feel {feeling} when {when}, because being close to you matters to me. "
            f"Could we talk about what would help?")


_PARTICIPLES = {"told": "tell", "called": "call", "asked": "ask", "helped": "help",
                "been": "be", "done": "do", "come": "come", "written": "write", "said": "say",
                "texted": "text", "listened": "listen", "known": "know", "stayed": "stay",
                "rung": "ring", "invited": "invite", "booked": "book", "checked": "check"}


def _base_verb(rest: str) -> str:
    first, _, tail = rest.partition(" ")
    base = _PARTICIPLES.get(first.lower(), first)
    return f"{base} {tail}".strip()


def _exaggeration_hints(read: list[tuple[Sentence, _Facts]]) -> list[Hint]:
    for sentence, facts in read:
        for start, end in facts.exaggerations:
            return [Hint(
                EXAGGERATION, sentence.start + start, sentence.start + end,
                "Warm over dramatic",
                "Big words (\"perfect\", \"best ever\", \"more than anything in the world\", "
                "lots of exclamation marks or capitals) can sound like a performance. A small, "
                "true detail says more.",
            )]
    return []


def _conditional_apology_hints(read: list[tuple[Sentence, _Facts]],
                               category: str | None) -> list[Hint]:
    for index, (sentence, facts) in enumerate(read):
        if not facts.apology:
            continue
        span = facts.doubt or facts.excuse
        if span:
            where = (sentence.start + span[0], sentence.start + span[1])
        elif index + 1 < len(read) and read[index + 1][1].opens_excuse:
            where = _trimmed(read[index + 1][0])
        else:
            continue
        return [Hint(
            CONDITIONAL_APOLOGY, *where,
            "Own it, without \"but\" or \"if\"",
            "\"Sorry, but…\" or \"sorry if…\" can sound like the hurt is being questioned. A "
            "plain \"I'm sorry I…\" and what you'll do differently is what heals.",
        )]
    return []


def _length_hints(text: str, channel: str, card_overflow: bool) -> list[Hint]:
    limit = channel_limit(channel)
    size = len(text.strip())
    if card_overflow and channel in ("print", "image", "social"):
        return [Hint(
            TOO_LONG, 0, len(text),
            "A little long for the card",
            "The note runs past the card's edge. A shorter note, or a larger card layout, "
            "keeps every word readable.",
        )]
    if limit is None or size <= limit.warn_after:
        return []
    return [Hint(
        TOO_LONG, limit.warn_after, len(text),
        f"Long for {limit.label}",
        f"This is {size:,} characters; {limit.label} reads best under {limit.warn_after:,}. "
        "Longer words might suit an e-mail or a printed letter.",
    )]


def _vague_memory_hints(text: str, read: list[tuple[Sentence, _Facts]], category: str | None,
                        names: set[str]) -> list[Hint]:
    if not read:
        return []
    table = rules()["memory"]
    opening = words_of(read[0][1].toks)[:4]
    recalls = any(word in table["opener_verbs"] and index + 1 < len(opening)
                  and opening[index + 1] in table["opener_next"]
                  and (index == 0 or opening[index - 1] in table["opener_before"])
                  for index, word in enumerate(opening[:3]))
    if category != "remembering" and not recalls:
        return []
    if "{memory}" in text or "{place}" in text:
        return []  # a template: the placeholder is filled with a real memory when used
    if FRIENDLY_LABELS["memory"] not in text and _is_concrete(read, names):
        return []
    return [Hint(
        VAGUE_MEMORY, 0, min(len(text), 80),
        "Name the moment",
        "A shared memory comes alive with one concrete detail: the place, the day, what was "
        "on the table. Pick a memory from the scrapbook, or add where and when.",
    )]


def _is_rare(word: str) -> bool:
    frequency = word_frequency(word)
    return 0 < frequency < rules()["memory"]["rare_below"]


def _is_concrete(read: list[tuple[Sentence, _Facts]], names: set[str]) -> bool:
    table = rules()["memory"]
    lowered_names = {n.lower() for n in names}
    labels = " ".join(FRIENDLY_LABELS.values()).lower().split()
    for sentence, facts in read:
        for token in facts.toks:
            word = token.word
            if word in table["time_words"] or word in table["specific_nouns"] or (
                word.endswith("s") and word[:-1] in table["specific_nouns"]
            ):
                return True
            if word[:1].isdigit() or (_is_rare(word) and word not in lowered_names):
                return True
            typed = sentence.text[token.start:token.end]
            if (typed[:1].isupper() and not token.first and word not in table["not_proper"]
                    and word not in lowered_names and word not in labels):
                return True
    return False
