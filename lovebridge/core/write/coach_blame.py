"""Blame in a sentence: accusations with absolutes, and judgements, contempt and sarcasm.

Works on a sentence's tokens (coach_reading). Praise is told from blame by VADER's lexicon:
"you never complain" flips a negative word into praise, "you always find the good" carries a
positive one, "you never listen" and "you always leave the hob on" carry nothing kind. Quoted
words, someone else's reported words, fond memories and negated clauses are out of scope.
"""

from __future__ import annotations

from lovebridge.core.write.coach_lexicon import rules, sentiment, valence
from lovebridge.core.write.coach_reading import Token, find, words_of

Span = tuple[int, int]  # token indexes [start, end) of what a hint is about


def _own(toks: tuple[Token, ...]) -> list[int]:
    """Indexes of "you" said in the writer's own voice and not inside a negated frame."""
    table = rules()["accusation"]
    words = words_of(toks)
    found = []
    for index, token in enumerate(toks):
        if token.word != "you" or token.quoted:
            continue
        before = [t for t in toks[max(0, index - 4):index] if t.clause == token.clause]
        if any(t.word in table["scope_negators"] for t in before):
            continue
        if index and words[index - 1] in table["object_markers"]:
            continue
        if index and words[index - 1] == "way":
            continue  # "the way you …" describes them fondly
        if _reported(words, index) or _fond(words, index):
            continue
        found.append(index)
    return found


def _reported(words: list[str], index: int) -> bool:
    """Whether someone other than the couple is quoted before `index` ("Mum always said")."""
    table = rules()["accusation"]
    for position in range(index):
        if words[position] not in table["speech_verbs"]:
            continue
        subject = position - 1
        while subject >= 0 and words[subject] in ("always", "once", "often", "just", "never"):
            subject -= 1
        if subject >= 0 and words[subject] not in table["speakers_own"]:
            return True
    return False


def _fond(words: list[str], index: int) -> bool:
    """Whether "you" sits in a fond frame or a wish: "I loved how you'd always…"."""
    table = rules()["accusation"]
    for position in range(max(0, index - 4), index):
        if (words[position] in table["fond_verbs"] and position > 0
                and words[position - 1] == "i"
                and any(w in table["fond_frames"] for w in words[position + 1:index])):
            return True
    return any(words[p] in table["wish_verbs"] and p > 0 and words[p - 1] == "i"
               for p in range(max(0, index - 3), index))


def _predicate(toks: tuple[Token, ...], start: int) -> list[str]:
    """The words from `start` to the end of that clause."""
    if start >= len(toks):
        return []
    clause = toks[start].clause
    table = rules()["accusation"]
    stops = table["subordinators"]
    if (start + 1 < len(toks) and toks[start].word in table["leaning_verbs"]
            and toks[start + 1].word == "to"):
        start += 2  # "you always seem to know": the verb that matters is "know"
    words: list[str] = []
    for token in toks[start:]:
        if token.clause != clause or token.word in stops:
            break
        if token.word.isalnum():
            words.append(token.word)
    return words


def _first_valence(words: list[str]) -> float:
    """The valence of the first feeling word (or word pair, "give up") in `words`."""
    for index, word in enumerate(words):
        after = words[index + 1:index + 3]
        pair = valence(f"{word} {after[0]}") if after else 0.0
        if not pair and len(after) == 2 and after[0] in _OBJECTS:  # "let me down"
            pair = valence(f"{word} {after[1]}")
        if pair or valence(word):
            return pair or valence(word)
    return 0.0


_OBJECTS = frozenset({"me", "us", "you", "it", "him", "her", "them"})


def _warm_elsewhere(toks: tuple[Token, ...], clause: int) -> bool:
    """Whether another clause of the sentence is clearly warm ("…, and I love it")."""
    others = [t.word for t in toks if t.clause != clause and t.word.isalnum()]
    return bool(others) and sentiment(" ".join(others)) >= 0.5


def _is_praise(absolute: str, predicate: list[str]) -> bool:
    """Whether "you <absolute> <predicate>" is a compliment rather than a complaint."""
    table = rules()["accusation"]
    if absolute == "never":
        if predicate and predicate[0] in table["permission"]:
            return True  # "you never need to…" gives permission
        return -_first_valence(predicate) > 0  # "never" flips the first feeling word
    first = _first_valence(predicate)
    if first:
        return first > 0
    return bool(predicate) and predicate[0] in table["kind_verbs"]


def accusations(toks: tuple[Token, ...]) -> list[Span]:
    """Blame with an absolute or a verdict: "you never…", "your fault", "you should have…"."""
    table = rules()["accusation"]
    words = words_of(toks)
    spans: list[Span] = []
    for index in _own(toks):
        end = _accusing_end(toks, words, index, table)
        if end:
            spans.append((index, end))
    fault = find(words, "your fault")
    if fault >= 0 and not toks[fault].quoted:
        before = words[max(0, fault - 3):fault]
        if not any(w in table["scope_negators"] for w in before):
            spans.append((fault, fault + 2))
    every = next((i for i, w in enumerate(words[:-1])
                  if w in table["every"] and words[i + 1] in table["every_after"]), -1)
    if every >= 0 and not toks[every].quoted:
        clause = toks[every].clause  # "every time we argue, you …" runs into the next clause
        you = next((i for i in _own(toks)
                    if i > every + 1 and toks[i].clause in (clause, clause + 1)), -1)
        if you >= 0 and not _is_praise("always", _predicate(toks, you + 1)):
            spans.append((every, you + 1))
    return spans


def _accusing_end(toks, words: list[str], index: int, table) -> int:
    """The end of the accusation starting at "you" (token `index`), or 0 if there is none."""
    at = index + 1
    while at < len(words) and words[at] in table["between"] and at - index <= 2:
        at += 1
    if at >= len(words):
        return 0
    word = words[at]
    if word in table["absolutes"]:
        kind = "never" if word == "never" else "always"
        predicate = _predicate(toks, at + 1)
        harsh = min(map(valence, predicate), default=0) <= -1.5
        if _is_praise(kind, predicate) or (_warm_elsewhere(toks, toks[at].clause) and not harsh):
            return 0
        return at + 1
    if word in table["keep"] and at + 1 < len(words) and words[at + 1].endswith("ing"):
        return 0 if _is_praise("always", _predicate(toks, at + 1)) else at + 2
    if words[at:at + 2] == ["made", "me"] and at + 2 < len(words):
        object_word = words[at + 2]
        if object_word not in table["causative"] and valence(object_word) >= 0:
            return 0  # "you made me a playlist": something made, not a feeling caused
        rest = _predicate(toks, at + 2)
        return at + 2 if sum(map(valence, rest)) < 0 else 0
    if word in ("do", "did", "does") and words[at + 1:at + 3] == ["not", "even"]:
        earlier = [t.word for t in toks[:index] if t.word.isalnum()]
        return 0 if sum(map(valence, earlier)) > 0 else at + 3
    if words[at:at + 2] == ["should", "have"] and at + 2 < len(words):
        return 0 if words[at + 2] in table["should_delight"] else at + 2
    return 0


def judgements(toks: tuple[Token, ...]) -> list[Span]:
    """Blame without absolutes: a character judgement, contempt, or sarcastic thanks."""
    words = words_of(toks)
    spans = [*_characters(toks, words), *_contempt(toks, words), *_sarcasm(toks, words)]
    return sorted(spans)


def _characters(toks: tuple[Token, ...], words: list[str]) -> list[Span]:
    table = rules()["judgement"]
    spans = []
    for index in _own(toks):
        at = index + 1
        if at >= len(words) or words[at] not in table["copulas"]:
            continue
        clause = toks[at].clause
        for position in range(at + 1, min(len(words), at + 6)):
            word = words[position]
            if toks[position].clause != clause or word in ("not", "never"):
                break
            if word in table["states"] or (word.endswith("ed") and word not in table["nouns"]):
                break  # a feeling or a state ("you were offended"), not who they are
            if word.endswith("ly") and position + 1 < len(words):
                continue  # "annoyingly good": the adverb leans on the word after it
            if valence(word) <= table["threshold"] or (
                word in table["nouns"] and words[position - 1] in ("a", "an", "such")
            ):
                spans.append((index, position + 1))
                break
            if word not in table["between"]:
                break
    return spans


def _contempt(toks: tuple[Token, ...], words: list[str]) -> list[Span]:
    table = rules()["judgement"]
    if not words or toks[0].quoted:
        return []
    first, after = words[0], (words[1] if len(words) > 1 else ".")
    if first in table["contempt_alone"] and not after.isalnum():
        return [(0, 1)]
    if first in table["contempt_of_person"] and after in table["contempt_followers"]:
        return [(0, 2)]
    if any(find(words, phrase) == 0 for phrase in table["contempt_imperatives"]):
        return [(0, 2)]
    if first in table["question_words"] and words[-1] == "?" and (
        {"you", "your"} & set(words) and any(valence(w) <= table["threshold"] for w in words)
    ):
        return [(0, len(words))]
    for index, word in enumerate(words[:-2]):
        if word in table["contempt_subjects"] and words[index + 1] == "is":
            rest = [w for w in words[index + 2:index + 5] if w not in ("so", "just", "really")]
            if rest and rest[0] in table["contempt_predicates"]:
                return [(index, index + 3)]
    return []


def _sarcasm(toks: tuple[Token, ...], words: list[str]) -> list[Span]:
    table = rules()["judgement"]
    spans = []
    for index, word in enumerate(words):
        if word not in table["thanks"] or toks[index].quoted:
            continue
        at = index + 1
        while at < len(words) and words[at] in table["thanks_fillers"] and words[at] != "for":
            at += 1
        if words[at:at + 1] != ["for"] or at + 1 >= len(words):
            continue
        thing = words[at + 1]
        if thing in table["sarcastic_objects"] or (thing.endswith("ing") and valence(thing) < 0):
            spans.append((index, at + 2))
    if spans:
        return spans
    skip = 1 if words and words[0] in table["interjections"] else 0
    opener = next((p for p in table["mock_praise"] if find(words, p, skip) == skip), None)
    if opener is None:
        opener = next((p for p in table["mock_praise"] if find(words, p) == 0), None)
        skip = 0
    if opener is None:
        return []
    rest = words[skip + len(opener.split()):]
    mocking = (
        any(valence(w) < 0 for w in rest)
        or any(find(rest, p) >= 0 for p in table["mock_again"] | table["mock_praise"])
        or any(word in table["thanks"] for word in rest)
        or any(find(rest, p) >= 0 for p in table["mock_addresses"])
    )
    return [(0, skip + len(opener.split()))] if mocking else []


def feeling_for(words: list[str]) -> str:
    """The feeling an "I feel …" rephrasing names: the first table whose stem starts a word."""
    table = rules()["feelings"]
    for feeling in table["order"]:
        if any(w.startswith(stem) for stem in table[feeling] for w in words):
            return feeling
    return "hurt"


def reads_as_praise(words: str) -> bool:
    """Whether a run of words is warm overall (VADER compound above a clear margin)."""
    return sentiment(words) >= 0.5
