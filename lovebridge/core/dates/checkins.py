"""Guided check-ins: conversation prompts (rotated), notes kept, and the next one proposed."""

from __future__ import annotations

import json
import logging
import tomllib
import zlib
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

from sqlalchemy import select

from lovebridge.core.content_translations import translated
from lovebridge.core.dates import recurrence
from lovebridge.core.dates.model import Occurrence
from lovebridge.resources import resource_path
from lovebridge.store.db import Store
from lovebridge.store.models import CheckIn

logger = logging.getLogger(__name__)

THEMES = (
    "values_and_dreams", "appreciation", "needs", "how_we_are", "screens", "family", "children",
    "money", "distance", "repair", "feelings",
)
THEME_LABELS = {
    "values_and_dreams": "Values and dreams",
    "appreciation": "Appreciation",
    "needs": "What we need",
    "how_we_are": "How we are",
    "screens": "Phones and screens",
    "family": "Family and in-laws",
    "children": "Children",
    "money": "Money",
    "distance": "Distance",
    "repair": "After a disagreement",
    "feelings": "Saying how I feel",
}
PROMPTS_PER_CHECKIN = 3
DEFAULT_GAP = timedelta(weeks=2)


class PromptLibraryError(ValueError):
    """The prompts file is missing or not in the expected shape."""


@dataclass(frozen=True)
class Prompt:
    key: str
    theme: str
    text: str


@dataclass(frozen=True)
class CheckInRecord:
    """A kept check-in: which prompts were used and the notes written."""

    uuid: str
    plan_id: int | None
    occurrence_start: datetime | None
    prompt_keys: tuple[str, ...]
    notes_html: str
    created_at: datetime


def load_prompts(path: Path) -> tuple[Prompt, ...]:
    """Read a prompts file (`[[prompt]]` tables); keys unique, themes known."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        prompts = tuple(
            Prompt(str(t["key"]), str(t["theme"]), str(t["text"])) for t in data.get("prompt", [])
        )
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
        raise PromptLibraryError(f"{path.name} could not be read: {exc}") from exc
    if len({p.key for p in prompts}) != len(prompts):
        raise PromptLibraryError(f"{path.name}: a prompt key is used twice")
    odd = [p.key for p in prompts if p.theme not in THEMES or not p.text.strip()]
    if odd:
        raise PromptLibraryError(f"{path.name}: unexpected theme or empty text in {odd[0]}")
    return prompts


@cache
def bundled_prompts(language: str | None = None) -> tuple[Prompt, ...]:
    """The bundled check-in prompts, in `language` where its content set has them."""
    try:
        prompts = load_prompts(resource_path("dates", "checkin_prompts.toml"))
    except (PromptLibraryError, FileNotFoundError):
        logger.warning("the bundled check-in prompts could not be loaded", exc_info=True)
        return ()
    return tuple(
        replace(p, text=translated(language, "prompts", p.key, "text", p.text)) for p in prompts
    )


def choose_prompts(
    prompts: tuple[Prompt, ...] | list[Prompt], recently_used: list[str],
    count: int = PROMPTS_PER_CHECKIN, seed: int = 0,
) -> list[Prompt]:
    """Prompts for the next check-in: unused ones first, one per theme where possible.

    `recently_used` is oldest-first; prompts used longest ago come back first once every prompt
    has had its turn, so nothing repeats until it has to.
    """
    last_use = {key: index for index, key in enumerate(recently_used)}
    ordered = sorted(
        prompts,
        key=lambda p: (last_use.get(p.key, -1), zlib.crc32(f"{seed}:{p.key}".encode()), p.key),
    )
    chosen: list[Prompt] = []
    themes_seen: set[str] = set()
    for prompt in ordered:
        if len(chosen) == count:
            break
        if prompt.theme not in themes_seen:
            chosen.append(prompt)
            themes_seen.add(prompt.theme)
    for prompt in ordered:
        if len(chosen) == count:
            break
        if prompt not in chosen:
            chosen.append(prompt)
    return chosen


def propose_next(occurrence: Occurrence, rule: str | None, plan_start: datetime) -> datetime:
    """The next check-in: the plan's next occurrence, or two weeks on if it does not repeat."""
    if rule:
        try:
            following = recurrence.first_after(
                rule, plan_start, occurrence.timezone, occurrence.original_start
            )
        except recurrence.RecurrenceError:
            following = None
        if following is not None:
            return following
    return occurrence.starts_at + DEFAULT_GAP


class CheckInService:
    """Check-in notes in the store."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def recent_prompt_keys(self, limit: int = 60) -> list[str]:
        """Prompt keys of past check-ins, oldest first."""
        with self._store.session_scope() as session:
            rows = list(session.scalars(select(CheckIn).order_by(CheckIn.id.desc()).limit(limit)))
        keys: list[str] = []
        for row in reversed(rows):
            try:
                keys.extend(str(k) for k in json.loads(row.prompts_json))
            except (ValueError, TypeError):
                continue
        return keys

    def save(
        self, plan_id: int | None, occurrence_start: datetime | None, prompt_keys: list[str],
        notes_html: str,
    ) -> CheckInRecord:
        """Keep the check-in (one per occurrence: saving again updates it)."""
        with self._store.session_scope() as session:
            row = None
            if plan_id is not None and occurrence_start is not None:
                row = session.scalars(
                    select(CheckIn).where(
                        CheckIn.plan_id == plan_id, CheckIn.occurrence_start == occurrence_start
                    )
                ).first()
            if row is None:
                row = CheckIn(plan_id=plan_id, occurrence_start=occurrence_start)
                session.add(row)
            row.prompts_json = json.dumps(prompt_keys)
            row.notes_html = notes_html
            session.flush()
            return self._record(row)

    def for_occurrence(self, plan_id: int, occurrence_start: datetime) -> CheckInRecord | None:
        with self._store.session_scope() as session:
            row = session.scalars(
                select(CheckIn).where(
                    CheckIn.plan_id == plan_id, CheckIn.occurrence_start == occurrence_start
                )
            ).first()
            return None if row is None else self._record(row)

    @staticmethod
    def _record(row: CheckIn) -> CheckInRecord:
        try:
            keys = tuple(str(k) for k in json.loads(row.prompts_json))
        except (ValueError, TypeError):
            keys = ()
        return CheckInRecord(row.uuid, row.plan_id, row.occurrence_start, keys, row.notes_html,
                             row.created_at)
