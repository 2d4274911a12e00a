"""Translated sets of LoveBridge's own words (kinds of note, templates, date ideas, check-in
prompts), added as data without touching code.

The content is written in English. A language may add `resources/translations/content/<lang>.toml`
whose tables use the same keys as the English files:

    [kinds.birthday]             label = "…"   description = "…"
    [templates."birthday-01"]    text = "…"
    [ideas."idea-001"]           title = "…"   why = "…"
    [prompts."prompt-001"]       text = "…"

Whatever a set leaves out stays in English; a set that cannot be read is ignored (and logged by
its file name only).
"""

from __future__ import annotations

import logging
import tomllib
from functools import cache
from typing import Any

from lovebridge.resources import resource_path

logger = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
SECTIONS = ("kinds", "templates", "ideas", "prompts")


@cache
def content_set(language: str | None) -> dict[str, dict[str, dict[str, str]]]:
    """The translated content for `language` ('es', 'es_ES'…), by section and key; {} if none."""
    code = (language or SOURCE_LANGUAGE).split("_")[0].split("-")[0].lower()
    if code == SOURCE_LANGUAGE:
        return {}
    path = resource_path("translations", "content", f"{code}.toml")
    if not path.is_file():
        return {}
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        logger.warning("translated content skipped: %s", path.name)
        return {}
    found: dict[str, dict[str, dict[str, str]]] = {}
    for section in SECTIONS:
        table = data.get(section, {})
        if not isinstance(table, dict):
            continue
        found[section] = {
            str(key): {str(f): v for f, v in fields.items() if isinstance(v, str) and v.strip()}
            for key, fields in table.items()
            if isinstance(fields, dict)
        }
    return found


def translated(language: str | None, section: str, key: str, field: str, english: str) -> str:
    """The `field` of item `key` in `language`, or the English text when the set lacks it."""
    return content_set(language).get(section, {}).get(key, {}).get(field, english)
