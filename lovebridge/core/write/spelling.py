"""UK or US spelling for the built-in library, chosen by the writer's locale.

The library is written with UK spellings; resources/writing/spelling.toml lists each word that
differs and its US form. `localise` swaps whole words, keeping their capitals.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache

from lovebridge.resources import resource_path


@cache
def _table() -> tuple[dict[str, str], re.Pattern[str]]:
    data = tomllib.loads(resource_path("writing", "spelling.toml").read_text("utf-8"))
    pairs = {uk.lower(): us for uk, us in data["uk_to_us"].items()}
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, pairs), key=len, reverse=True))
                         + r")\b", re.IGNORECASE)
    return pairs, pattern


def spelling_for(locale_name: str) -> str:
    """"us" for a US-English locale ("en_US", "en-US"), otherwise "uk"."""
    return "us" if locale_name.replace("-", "_").lower().startswith("en_us") else "uk"


def localise(text: str, spelling: str) -> str:
    """`text` (written in UK spelling) in the given spelling: "uk" leaves it as it is."""
    if spelling != "us":
        return text
    pairs, pattern = _table()

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        us = pairs[word.lower()]
        if word.isupper() and len(word) > 1:
            return us.upper()
        return us[0].upper() + us[1:] if word[0].isupper() else us

    return pattern.sub(swap, text)
