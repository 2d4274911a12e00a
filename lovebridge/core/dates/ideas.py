"""Date ideas: the bundled library, the couple's own ideas, filters and "Surprise us"."""

from __future__ import annotations

import logging
import random
import tomllib
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from sqlalchemy import select

from lovebridge.core.content_translations import translated
from lovebridge.resources import resource_path
from lovebridge.store.db import Store
from lovebridge.store.models import CustomIdea

logger = logging.getLogger(__name__)

COSTS = ("free", "low", "medium", "high")
ENERGIES = ("calm", "medium", "lively")
SEASONS = ("any", "spring", "summer", "autumn", "winter")
CUSTOM_PREFIX = "custom-"
RECENT_WEEKS = 8  # "Surprise us" leaves out ideas planned or done in this many weeks


class IdeaLibraryError(ValueError):
    """The ideas file is missing or not in the expected shape."""


@dataclass(frozen=True)
class Idea:
    """One date idea, bundled or the couple's own."""

    key: str
    title: str
    why: str
    at_home: bool
    indoor: bool
    cost: str
    duration_minutes: int
    energy: str
    season: str
    tags: tuple[str, ...] = ()
    custom: bool = False


@dataclass(frozen=True)
class IdeaFilter:
    """What the couple asked for; None means "any"."""

    at_home: bool | None = None
    indoor: bool | None = None
    costs: frozenset[str] = field(default_factory=frozenset)  # empty = any cost
    max_minutes: int | None = None
    energy: str | None = None
    season: str | None = None  # a season: ideas for that season and for "any"
    text: str = ""

    def accepts(self, idea: Idea) -> bool:
        if self.at_home is not None and idea.at_home != self.at_home:
            return False
        if self.indoor is not None and idea.indoor != self.indoor:
            return False
        if self.costs and idea.cost not in self.costs:
            return False
        if self.max_minutes is not None and idea.duration_minutes > self.max_minutes:
            return False
        if self.energy is not None and idea.energy != self.energy:
            return False
        if self.season not in (None, "any") and idea.season not in ("any", self.season):
            return False
        needle = self.text.strip().lower()
        if needle:
            haystack = " ".join((idea.title, idea.why, *idea.tags)).lower()
            return needle in haystack
        return True


def season_of(month: int, southern: bool = False) -> str:
    """The season a month falls in (northern hemisphere unless told otherwise)."""
    seasons = ("winter", "winter", "spring", "spring", "spring", "summer", "summer", "summer",
               "autumn", "autumn", "autumn", "winter")
    season = seasons[month - 1]
    if southern:
        season = {"winter": "summer", "summer": "winter", "spring": "autumn",
                  "autumn": "spring"}[season]
    return season


def parse_idea(table: dict, where: str) -> Idea:
    """One `[[idea]]` table as an Idea; raises IdeaLibraryError naming what is wrong."""
    try:
        idea = Idea(
            key=str(table["key"]), title=str(table["title"]), why=str(table["why"]),
            at_home=bool(table["at_home"]), indoor=bool(table["indoor"]), cost=table["cost"],
            duration_minutes=int(table["duration_minutes"]), energy=table["energy"],
            season=table["season"], tags=tuple(str(t) for t in table.get("tags", ())),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise IdeaLibraryError(f"{where}: missing or wrong field ({exc})") from exc
    problems = []
    if idea.cost not in COSTS:
        problems.append(f"cost {idea.cost!r}")
    if idea.energy not in ENERGIES:
        problems.append(f"energy {idea.energy!r}")
    if idea.season not in SEASONS:
        problems.append(f"season {idea.season!r}")
    if idea.duration_minutes <= 0:
        problems.append("duration")
    if not idea.title.strip():
        problems.append("title")
    if problems:
        raise IdeaLibraryError(f"{where} ({idea.key}): unexpected {', '.join(problems)}")
    return idea


def load_ideas(path: Path) -> tuple[Idea, ...]:
    """Read an ideas file (`[[idea]]` tables); keys must be unique."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise IdeaLibraryError(f"{path.name} could not be read: {exc}") from exc
    ideas = tuple(parse_idea(t, f"{path.name} idea {i + 1}") for i, t in
                  enumerate(data.get("idea", [])))
    keys = [idea.key for idea in ideas]
    if len(keys) != len(set(keys)):
        raise IdeaLibraryError(f"{path.name}: an idea key is used twice")
    return ideas


@cache
def bundled_ideas(language: str | None = None) -> tuple[Idea, ...]:
    """The ideas shipped with LoveBridge, in `language` where its content set has them (empty,
    with a logged warning, if the file is unusable)."""
    try:
        ideas = load_ideas(resource_path("dates", "ideas.toml"))
    except (IdeaLibraryError, FileNotFoundError):
        logger.warning("the bundled ideas could not be loaded", exc_info=True)
        return ()
    return tuple(
        replace(idea, title=translated(language, "ideas", idea.key, "title", idea.title),
                why=translated(language, "ideas", idea.key, "why", idea.why))
        for idea in ideas
    )


def surprise(
    ideas: list[Idea] | tuple[Idea, ...], wanted: IdeaFilter, recent: set[str],
    rng: random.Random | None = None,
) -> Idea | None:
    """A random idea that fits the filter, avoiding recent ones while any others fit."""
    rng = rng or random.Random()
    fitting = [idea for idea in ideas if wanted.accepts(idea)]
    fresh = [idea for idea in fitting if idea.key not in recent]
    pool = fresh or fitting
    return rng.choice(pool) if pool else None


class IdeaService:
    """The bundled ideas plus the couple's own, from one place."""

    def __init__(
        self, store: Store, library: tuple[Idea, ...] | None = None, language: str | None = None
    ) -> None:
        self._store = store
        self._library = library
        self._language = language

    @property
    def library(self) -> tuple[Idea, ...]:
        return bundled_ideas(self._language) if self._library is None else self._library

    def all(self) -> list[Idea]:
        return [*self.custom(), *self.library]

    def find(self, key: str | None) -> Idea | None:
        return next((idea for idea in self.all() if idea.key == key), None) if key else None

    def custom(self) -> list[Idea]:
        with self._store.session_scope() as session:
            rows = session.scalars(
                select(CustomIdea).where(CustomIdea.trashed_at.is_(None)).order_by(CustomIdea.id)
            )
            return [
                Idea(
                    key=f"{CUSTOM_PREFIX}{r.uuid}", title=r.title, why=r.why, at_home=r.at_home,
                    indoor=r.indoor, cost=r.cost, duration_minutes=r.duration_minutes,
                    energy=r.energy, season=r.season,
                    tags=tuple(t.strip() for t in r.tags.split(",") if t.strip()), custom=True,
                )
                for r in rows
            ]

    def add_custom(self, idea: Idea) -> Idea:
        """Save the couple's own idea; returns it with its key."""
        if not idea.title.strip():
            raise IdeaLibraryError("Give the idea a name.")
        if (idea.cost not in COSTS or idea.energy not in ENERGIES or idea.season not in SEASONS
                or idea.duration_minutes <= 0):
            raise IdeaLibraryError("Some of the idea's details are not ones LoveBridge knows.")
        with self._store.session_scope() as session:
            row = CustomIdea(
                title=idea.title.strip()[:200], why=idea.why.strip(), at_home=idea.at_home,
                indoor=idea.indoor, cost=idea.cost, duration_minutes=idea.duration_minutes,
                energy=idea.energy, season=idea.season, tags=", ".join(idea.tags),
            )
            session.add(row)
            session.flush()
            key = f"{CUSTOM_PREFIX}{row.uuid}"
        return Idea(**{**idea.__dict__, "key": key, "custom": True})

    def remove_custom(self, key: str, when) -> None:  # noqa: ANN001 - aware datetime
        """Send one of the couple's own ideas to the trash."""
        uuid = key.removeprefix(CUSTOM_PREFIX)
        with self._store.session_scope() as session:
            row = session.scalars(select(CustomIdea).where(CustomIdea.uuid == uuid)).first()
            if row is not None:
                row.trashed_at = when
