"""The sincerity coach: gentle, explained hints about a draft. Qt-free and fast enough to run live.

Six rules (see WRITE-CONTRACTS.md): say *why* you love them, "I feel" instead of accusations,
warm rather than dramatic, apologies without "but" or "if", a length that suits the channel, and
a remembered moment that is named.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lovebridge.core.write.channels import channel_limit
from lovebridge.core.write.placeholders import FRIENDLY_LABELS

AFFECTION = "affection_without_reason"
ACCUSATION = "accusation"
EXAGGERATION = "exaggeration"
CONDITIONAL_APOLOGY = "conditional_apology"
TOO_LONG = "too_long_for_channel"
VAGUE_MEMORY = "vague_memory"
RULES = (AFFECTION, ACCUSATION, EXAGGERATION, CONDITIONAL_APOLOGY, TOO_LONG, VAGUE_MEMORY)


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


_I = re.IGNORECASE
_SENTENCE_RE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")
_AFFECTION_RE = re.compile(r"\b(?:i\s+)?(?:love|adore)\s+you\b", _I)
_REASON_RE = re.compile(
    r"\b(?:because|cause|since you|the way you|how you|when you|that you|you make me|"
    r"for (?:\w+ing|all|the|your|every|always|who|it|that|this)|i love it when|thank you for|"
    r"thanks for|makes? me|made me)\b",
    _I,
)
_ACCUSATION_RE = re.compile(
    r"\b(?:you\s+always|you\s+never|you\s+made\s+me|it'?s\s+(?:all\s+)?your\s+fault|"
    r"it\s+is\s+(?:all\s+)?your\s+fault|you\s+don'?t\s+even|you\s+do\s+not\s+even|"
    r"you\s+should\s+have|you\s+should'?ve)\b",
    _I,
)
# "You always make me laugh" is praise, not blame: a kind continuation lets it pass.
_KIND_AFTER = {
    "always": re.compile(
        r"^\s+(?:make\s+me\s+(?:smile|laugh|feel\s+(?:safe|loved|at\s+home|better|special))|"
        r"know|find|manage|remember|bring|help|cheer|believe|light|see\s+the\s+best|"
        r"listen|have\s+my\s+back|look\s+out|show\s+up|save|leave\s+the\s+porch\s+light)",
        _I,
    ),
    "never": re.compile(
        r"^\s+(?:fail|stop|cease|give\s+up|let\s+me\s+down|once\s+complain|complain|judge|"
        r"make\s+me\s+feel\s+small|run\s+out\s+of|forget\s+to\s+(?:ask|kiss|say)|miss\s+a)",
        _I,
    ),
    "should have": re.compile(r"^\s+(?:seen|heard)\s+(?:your|the|how|my)", _I),
    "made me": re.compile(
        r"^\s+(?:smile|laugh|grin|feel\s+(?:(?:so|really|very)\s+)?(?:loved|safe|special|better|welcome|at\s+home|happy|"
        r"seen|brave)|so\s+happy|happy|proud|breakfast|dinner|lunch|coffee|tea|soup|a\s|"
        r"the\s+happiest|believe|brave|take|try|wear|bring|promise|taste|dance|sing|watch)",
        _I,
    ),
}
_EXAGGERATION_RE = re.compile(
    r"more than anything in the (?:whole )?(?:wide )?(?:world|universe)|"
    r"\bi(?:\s+would|'d)\s+die\b|\bperfect(?:ly)?\b|\bbest\s+(?:\w+\s+){0,3}ever\b|"
    r"\bforever and ever\b|\ba million times\b|\binfinitely\b|!{2,}|"
    r"(?-i:\b[A-Z]{4,}\b)",
    _I,
)
_APOLOGY_WORD_RE = re.compile(r"\b(?:sorry|apologi[sz]e)", _I)
_CONDITIONAL_RE = re.compile(
    r"\bsorry,?\s+but\b|\b(?:i'?m|i\s+am)\s+sorry\s+if\b|\bsorry\s+if\b|\bif\s+you\s+were\s+hurt\b|"
    r"\bif\s+you\s+felt\b|\bsorry\s+you\s+feel\b|"
    r"\bsorry\s+that\s+you\s+(?:feel|felt|think|thought|took\s+it|were\s+upset|got\s+upset)\b",
    _I,
)
_REMEMBER_START_RE = re.compile(r"^\s*(?:do\s+you\s+)?remember\s+when\b", _I)
_TIME_WORDS = (
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december spring summer autumn fall winter "
    "birthday christmas easter weekend morning evening midnight dawn sunrise sunset holiday "
    "anniversary yesterday tonight new year"
)
_SPECIFIC_NOUNS = (
    "beach lake sea river mountain hill forest park garden kitchen balcony rooftop porch train "
    "bus plane airport station car bike boat ferry tent cabin hotel cafe café restaurant bar pub "
    "bakery market museum cinema concert festival gig wedding party picnic dinner breakfast "
    "brunch lunch pancakes pizza coffee tea ice cream umbrella rain snow storm thunderstorm fog "
    "fireworks dance dancing song karaoke road trip hike trail camping campfire bonfire sofa "
    "couch blanket puppy dog cat kitten moving flat apartment house keys ring proposal city "
    "town village island bridge street corner shop library hospital bookshop bookstore museum "
    "gallery zoo aquarium stars moon"
)
_TIME_RE = re.compile(
    r"\b(?:" + "|".join(_TIME_WORDS.split()) + r")s?\b|\b(?:19|20)\d\d\b|"
    r"\b\d{1,2}(?::\d\d)?\s?(?:am|pm)\b",
    _I,
)
_NOUN_RE = re.compile(r"\b(?:" + "|".join(sorted(set(_SPECIFIC_NOUNS.split()))) + r")s?\b", _I)
_CAPITALISED_RE = re.compile(r"(?<![.!?]\s)(?<!^)(?<!\n)\b[A-Z][a-z]{2,}\b")
_NOT_PROPER = {"I", "Remember", "Do", "You", "We", "Our", "That", "The", "And", "But", "Love"}
_LABELS = tuple(FRIENDLY_LABELS.values())


def review(
    text: str,
    *,
    category: str | None = None,
    channel: str = "print",
    card_overflow: bool = False,
    names: Iterable[str] = (),
) -> list[Hint]:
    """Every hint for `text`, in reading order. `names` are the couple's names (not a memory)."""
    hints: list[Hint] = []
    hints += _affection_hints(text)
    hints += _accusation_hints(text)
    hints += _exaggeration_hints(text)
    hints += _conditional_apology_hints(text, category)
    hints += _length_hints(text, channel, card_overflow)
    hints += _vague_memory_hints(text, category, set(names))
    return sorted(hints, key=lambda h: (h.start, RULES.index(h.rule)))


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SENTENCE_RE.finditer(text) if m.group(0).strip()]


def _affection_hints(text: str) -> list[Hint]:
    sentences = _sentences(text)
    hints = []
    for index, (start, end) in enumerate(sentences):
        sentence = text[start:end]
        match = _AFFECTION_RE.search(sentence)
        if match is None:
            continue
        nearby = sentence
        if index > 0:  # "Thank you for fixing my bike. I love you." has its reason before
            nearby += " " + text[sentences[index - 1][0]:sentences[index - 1][1]]
        if index + 1 < len(sentences):
            nearby += " " + text[sentences[index + 1][0]:sentences[index + 1][1]]
        if _REASON_RE.search(nearby):
            continue
        hints.append(Hint(
            AFFECTION, start + match.start(), start + match.end(),
            "Say why",
            "\"I love you\" lands deeper with a reason beside it: what they did, the way they "
            "are, a moment you noticed. Try \"I love the way you…\".",
        ))
        break  # one gentle nudge is enough
    return hints


def _accusation_hints(text: str) -> list[Hint]:
    hints = []
    for match in _ACCUSATION_RE.finditer(text):
        phrase = " ".join(match.group(0).lower().replace("\u2019", "'").split())
        kind = next((k for k in _KIND_AFTER if phrase.endswith(k)), None)
        if kind and _KIND_AFTER[kind].match(text[match.end():]):
            continue
        start, end = _sentence_around(text, match.start(), match.end())
        hints.append(Hint(
            ACCUSATION, start, end,
            "Try an \"I feel…\" sentence",
            "Words like \"you always\" or \"you never\" tend to start a defence, not a "
            "conversation. Saying how it feels for you, and what you'd like, invites them in.",
            rephrase_accusation(text[start:end]),
        ))
    return hints


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    for s_start, s_end in _sentences(text):
        if s_start <= start and end <= s_end:
            while s_start < s_end and text[s_start].isspace():
                s_start += 1
            while s_end > s_start and text[s_end - 1].isspace():
                s_end -= 1
            return s_start, s_end
    return start, end


_FEELINGS = (
    (re.compile(r"listen|hear|interrupt|ignore|talk|phone", _I), "unheard"),
    (re.compile(r"help|dish|clean|chore|laundry|cook|tidy|bins?\b|mess", _I), "alone with it all"),
    (re.compile(r"call|text|message|repl|write|late|wait", _I), "worried and forgotten"),
    (re.compile(r"time|busy|work|home|weekend|out\b", _I), "lonely"),
    (re.compile(r"notice|care|ask|thank|appreciat", _I), "unseen"),
    (re.compile(r"tell|told|secret|honest|lie|lied", _I), "shut out"),
)


def _feeling_for(sentence: str) -> str:
    return next((feeling for pattern, feeling in _FEELINGS if pattern.search(sentence)), "hurt")


def rephrase_accusation(sentence: str) -> str:
    """An "I feel … when … because … — could we …?" version of an accusing sentence."""
    feeling = _feeling_for(sentence)
    body = sentence.strip().rstrip(".!?").strip()
    match = re.search(
        r"\byou\s+(always|never|don'?t\s+even|do\s+not\s+even|should\s+have|should'?ve|made\s+me)"
        r"\s*(.*)$",
        body,
        _I,
    )
    rest = match.group(2).strip() if match else ""
    kind = " ".join(match.group(1).lower().split()) if match else ""
    if kind == "always" and rest:
        when = f"you {rest}"
    elif kind in ("never", "don't even", "dont even", "do not even") and rest:
        when = f"it seems you don't {rest}"
    elif kind in ("should have", "should've", "shouldve") and rest:
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
                "texted": "text", "listened": "listen", "known": "know", "stayed": "stay"}


def _base_verb(rest: str) -> str:
    first, _, tail = rest.partition(" ")
    base = _PARTICIPLES.get(first.lower(), first)
    return f"{base} {tail}".strip()


def _exaggeration_hints(text: str) -> list[Hint]:
    for match in _EXAGGERATION_RE.finditer(text):
        return [Hint(
            EXAGGERATION, match.start(), match.end(),
            "Warm over dramatic",
            "Big words (\"perfect\", \"best ever\", \"more than anything in the world\", lots of "
            "exclamation marks or capitals) can sound like a performance. A small, true detail "
            "says more.",
        )]
    return []


def _conditional_apology_hints(text: str, category: str | None) -> list[Hint]:
    if category != "apology" and not _APOLOGY_WORD_RE.search(text):
        return []
    match = _CONDITIONAL_RE.search(text)
    if match is None:
        return []
    return [Hint(
        CONDITIONAL_APOLOGY, match.start(), match.end(),
        "Own it, without \"but\" or \"if\"",
        "\"Sorry, but…\" or \"sorry if…\" can sound like the hurt is being questioned. A plain "
        "\"I'm sorry I…\" and what you'll do differently is what heals.",
    )]


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


def _vague_memory_hints(text: str, category: str | None, names: set[str]) -> list[Hint]:
    if category != "remembering" and not _REMEMBER_START_RE.match(text):
        return []
    if "{memory}" in text or "{place}" in text:
        return []  # a template: the placeholder is filled with a real memory when used
    if FRIENDLY_LABELS["memory"] not in text and _is_concrete(text, names):
        return []
    return [Hint(
        VAGUE_MEMORY, 0, min(len(text), 80),
        "Name the moment",
        "A shared memory comes alive with one concrete detail: the place, the day, what was "
        "on the table. Pick a memory from the scrapbook, or add where and when.",
    )]


def _is_concrete(text: str, names: set[str]) -> bool:
    if _TIME_RE.search(text) or _NOUN_RE.search(text):
        return True
    cleaned = text
    for label in _LABELS:
        cleaned = cleaned.replace(label, " ")
    for match in _CAPITALISED_RE.finditer(cleaned):
        word = match.group(0)
        if word not in names and word not in _NOT_PROPER:
            return True
    return False
