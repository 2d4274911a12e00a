"""Filling `{partner}`-style placeholders; what can't be filled becomes a visible friendly label."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

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
}
MARKER_RE = re.compile("|".join(re.escape(label) for label in FRIENDLY_LABELS.values()))


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

    def get(self, name: str) -> str:
        return getattr(self, name, "") if name in FRIENDLY_LABELS else ""

    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in fields(self))


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


def fill(template_text: str, values: FillValues) -> str:
    """The template with every placeholder filled, or replaced by its friendly label."""

    def replace(match: re.Match[str]) -> str:
        name, unit = match.group(1), match.group(2) or ""
        if name not in FRIENDLY_LABELS:
            return match.group(0)
        value = values.get(name).strip()
        if value == "1" and unit:
            unit = unit[:-1]
        return (value or FRIENDLY_LABELS[name]) + unit

    return _COUNT_RE.sub(replace, template_text)


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
