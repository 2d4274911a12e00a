"""Filling `{partner}`-style placeholders; what can't be filled becomes a visible friendly label.

Placeholders are typed: a memory's title and place, the next plan's title and place, a city.
Filled values follow the sentence they land in: "at home", not "at Home"; a value that opens a
sentence starts with a capital. Spelling follows the writer's locale (see spelling.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

from lovebridge.core.write.spelling import localise

# What a writer sees where a placeholder could not be filled: clearly a blank to complete.
FRIENDLY_LABELS = {
    "partner": "[their name]",
    "me": "[your name]",
    "years_together": "[how many years]",
    "days_together": "[how many days]",
    "memory": "[a memory]",
    "place": "[a place]",
    "inside_joke": "[an inside joke]",
    "next_date": "[your next date]",
    "memory_title": "[the memory]",
    "memory_place": "[where it happened]",
    "plan_title": "[what you're planning]",
    "plan_place": "[where you're going]",
    "city": "[your city]",
}
MARKER_RE = re.compile("|".join(re.escape(label) for label in FRIENDLY_LABELS.values()))
NAMES = frozenset({"partner", "me"})
# A value starting with one of these reads in lower case inside a sentence ("at home",
# "remember our picnic"); anything else (Lisbon, Friday's dinner) keeps the writer's capitals.
_COMMON_LEAD_TEXT = (
    "a an the our my your their his her this that these those home work school bed town "
    "dinner lunch breakfast brunch church college university hospital last first"
)
_COMMON_LEADS = frozenset(_COMMON_LEAD_TEXT.split(" "))


@dataclass(frozen=True)
class FillValues:
    """What the profile, the scrapbook and the calendar can tell about this note."""

    partner: str = ""
    me: str = ""
    years_together: str = ""
    days_together: str = ""
    memory: str = ""
    place: str = ""
    inside_joke: str = ""
    next_date: str = ""
    memory_title: str = ""
    memory_place: str = ""
    plan_title: str = ""
    plan_place: str = ""
    city: str = ""
    spelling: str = "uk"  # "uk" as the library is written, or "us"

    def get(self, name: str) -> str:
        return getattr(self, name, "") if name in FRIENDLY_LABELS else ""

    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in fields(self) if f.name in FRIENDLY_LABELS)


@dataclass(frozen=True)
class Blank:
    """An unfilled placeholder left in a text, by its span and placeholder name."""

    start: int
    end: int
    name: str

    @property
    def label(self) -> str:
        return FRIENDLY_LABELS[self.name]


# A count followed by its unit ("{years_together} years"): one year is not "1 years".
_COUNT_RE = re.compile(r"\{([a-z_]+)\}( (?:years|days)\b)?")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:]\s+|\n\s*)$")


def in_sentence(value: str, opens_sentence: bool) -> str:
    """A filled value cased for where it lands: capital at a sentence start, else common words
    in lower case ("Home" -> "home", "Our picnic" -> "our picnic")."""
    if not value:
        return value
    if opens_sentence:
        return value[0].upper() + value[1:]
    first = value.split(" ", 1)[0]
    if first[:1].isupper() and first.lower() in _COMMON_LEADS and not first.isupper():
        return value[0].lower() + value[1:]
    return value


def fill(template_text: str, values: FillValues) -> str:
    """The template with every placeholder filled, or replaced by its friendly label."""
    text = localise(template_text, values.spelling)

    def replace(match: re.Match[str]) -> str:
        name, unit = match.group(1), match.group(2) or ""
        if name not in FRIENDLY_LABELS:
            return match.group(0)
        value = values.get(name).strip()
        if value == "1" and unit:
            unit = unit[:-1]
        if not value:
            return FRIENDLY_LABELS[name] + unit
        if name not in NAMES:
            opens = bool(_SENTENCE_START_RE.search(text[:match.start()]))
            value = in_sentence(value, opens)
        return value + unit

    return _COUNT_RE.sub(replace, text)


def find_blanks(text: str) -> list[Blank]:
    """Friendly labels still waiting for the writer, in order."""
    by_label = {label: name for name, label in FRIENDLY_LABELS.items()}
    return [Blank(m.start(), m.end(), by_label[m.group(0)]) for m in MARKER_RE.finditer(text)]


def to_template_text(text: str, values: FillValues) -> str:
    """Turn a written note back into a template: names become placeholders again."""
    result = text
    for label_name, label in FRIENDLY_LABELS.items():
        result = result.replace(label, "{" + label_name + "}")
    for name in ("partner", "me"):
        value = values.get(name).strip()
        if value:
            result = re.sub(rf"\b{re.escape(value)}\b", "{" + name + "}", result)
    return result
