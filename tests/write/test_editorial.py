"""Editorial checks on the whole library, as a reader would notice them: no two notes of a kind
open the same way too often, the name is not always tucked mid-sentence, few mock-official
jokes, and every template filled for three different couples reads cleanly."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import pytest

from lovebridge.core.write.placeholders import FillValues, fill
from lovebridge.core.write.templates import load_library

LIBRARY = load_library()
BY_KIND: dict[str, list] = defaultdict(list)
for _template in LIBRARY.templates:
    BY_KIND[_template.category].append(_template)

MAX_OPENING_SHARE = 0.15
MAX_NAME_MID_SHARE = 0.6
MAX_MOCK_OFFICIAL = 2

PROFILES = (
    FillValues(partner="Jonah", me="Maya", years_together="7", days_together="2,555",
               memory="our picnic at the lake", place="the harbour",
               inside_joke="the purple umbrella", next_date="Friday's dinner",
               memory_title="our picnic at the lake", memory_place="the lake",
               plan_title="dinner at Rosa's", plan_place="Rosa's", city="Leeds"),
    FillValues(partner="Aoife", me="Sam", years_together="1", days_together="1",
               memory="the night the boiler broke", place="home", inside_joke="the goose",
               next_date="the cinema on Sunday", memory_title="The night the boiler broke",
               memory_place="Home", plan_title="the cinema", plan_place="the Rio",
               city="Cork", spelling="us"),
    FillValues(partner="Ana Lucía", me="Priya", years_together="23", days_together="8,401",
               memory="Lisbon in the rain", place="Edinburgh", inside_joke="the spoon incident",
               next_date="our walk on Saturday", memory_title="Lisbon in the rain",
               memory_place="Lisbon", plan_title="our walk", plan_place="the canal",
               city="São Paulo"),
)
PROPER = {"Jonah", "Maya", "Aoife", "Sam", "Ana", "Lucía", "Priya", "Lisbon", "Edinburgh",
          "Friday's", "Sunday", "Saturday", "I", "Valentine's", "February", "Grandma's", "Tuesday",
          "Wednesday", "Thursday", "Friday", "Monday", "May", "June", "March", "Spanish",
          "Sundays", "Wednesdays", "Rosa's", "Leeds", "Cork", "Rio", "São", "Paulo", "Melbourne",
          "Odeon"}

_OFFICIAL = re.compile(
    r"\b(official|officially|breaking news|memo|department|agenda item|bulletin|forecast|"
    r"report|update|rules|subject to|approval|warning)\b", re.IGNORECASE)


def opening(text: str) -> str:
    """The first two words, lower-case, without punctuation (placeholders count as words)."""
    words = re.findall(r"\{[a-z_]+\}|[\w'’]+", text.lower())
    return " ".join(words[:2])


def name_position(text: str) -> str:
    """Where the partner's name sits: opening, closing a sentence, mid-sentence or nowhere."""
    if "{partner}" not in text:
        return "none"
    if re.match(r"(?:(?:dear|hi|hey|morning|my|oh)\s+)?\{partner\}", text, re.IGNORECASE):
        return "opening"
    if re.search(r"(?:^|[.!?]\s+|\n)\{partner\}", text):
        return "opening"
    if re.search(r"\{partner\}[.!?]", text):
        return "closing"
    return "mid"


def problems(text: str) -> list[str]:
    """What reads wrong in a filled note."""
    found = []
    if "{" in text or "}" in text:
        found.append("leftover brace")
    if re.search(r"\b(a|an|the)\s*[.,!?;:\n]|\b(a|an|the)$", text, re.IGNORECASE):
        found.append("dangling article")
    for match in re.finditer(r"\b(\w+)\s+\1\b", text, re.IGNORECASE):
        if match.group(1).lower() not in {"that", "had", "very", "so", "xx", "x"}:
            found.append(f"doubled word {match.group(0)!r}")
    if re.search(r"\ba\s+(?!one\b|uni|use|eu|once\b)[aeiou]", text, re.IGNORECASE):
        found.append("'a' before a vowel")
    if re.search(r"\ban\s+(?!hour|honest|honou?r|heir)[b-df-hj-np-tv-z]", text, re.IGNORECASE):
        found.append("'an' before a consonant")
    for match in re.finditer(r"\b(?:at|in|on|to|from|by|near|with|of|for|about)\s+"
                             r"(?:the\s+|our\s+|my\s+)?([A-Z][a-z']+)", text):
        if match.group(1) not in PROPER:
            found.append(f"capitalised common noun {match.group(0)!r}")
    return found


@pytest.mark.parametrize("kind", sorted(BY_KIND))
def test_no_opening_is_used_by_more_than_fifteen_percent_of_a_kind(kind) -> None:
    templates = BY_KIND[kind]
    counts = Counter(opening(t.text) for t in templates)
    worst, count = counts.most_common(1)[0]
    assert count / len(templates) <= MAX_OPENING_SHARE, (worst, count, len(templates))


@pytest.mark.parametrize("kind", sorted(BY_KIND))
def test_the_name_is_not_always_mid_sentence(kind) -> None:
    positions = Counter(name_position(t.text) for t in BY_KIND[kind])
    assert positions["mid"] / len(BY_KIND[kind]) <= MAX_NAME_MID_SHARE, positions


@pytest.mark.parametrize("kind", sorted(BY_KIND))
def test_few_mock_official_jokes(kind) -> None:
    official = [t.key for t in BY_KIND[kind] if _OFFICIAL.search(t.text)]
    assert len(official) <= MAX_MOCK_OFFICIAL, official


def test_every_template_reads_cleanly_for_three_couples() -> None:
    found = []
    for template in LIBRARY.templates:
        for values in PROFILES:
            found += [(template.key, p) for p in problems(fill(template.text, values))]
    assert found == []


def test_the_checks_catch_what_they_are_for() -> None:
    assert problems("Thank you for the .") == ["dangling article"]
    assert problems("I love the the way you laugh.") == ["doubled word 'the the'"]
    assert problems("What a evening.") == ["'a' before a vowel"]
    assert problems("It was an lovely day.") == ["'an' before a consonant"]
    assert problems("See you at Home tonight.") == ["capitalised common noun 'at Home'"]
    assert problems("Hello {partner}") == ["leftover brace"]
    assert problems("An hour at the harbour with Jonah, a one-off.") == []
    assert opening("{partner}, good morning!") == "{partner} good"
    assert name_position("{partner}, hello.") == "opening"
    assert name_position("I love you, {partner}, truly.") == "mid"
    assert name_position("Hello. {partner}, hi.") == "opening"
    assert name_position("Thank you, {partner}.") == "closing"
