"""The couple's profile as plain data, and the service that loads and saves it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from lovebridge.store.db import Store
from lovebridge.store.models import InsideJoke, Profile

PARTNERS = ("a", "b")


@dataclass(frozen=True)
class CoupleProfile:
    """Two first names, when they got together, and their inside jokes."""

    partner_a: str
    partner_b: str
    together_since: date | None = None
    inside_jokes: tuple[str, ...] = field(default_factory=tuple)

    def name_of(self, partner: str) -> str:
        return self.partner_a if partner == "a" else self.partner_b

    def other(self, partner: str) -> str:
        """The other partner's letter."""
        return "b" if partner == "a" else "a"

    def years_together(self, today: date) -> int | None:
        if self.together_since is None:
            return None
        since = self.together_since
        years = today.year - since.year - ((today.month, today.day) < (since.month, since.day))
        return max(years, 0)

    def days_together(self, today: date) -> int | None:
        return None if self.together_since is None else (today - self.together_since).days


class ProfileService:
    """Reads and writes the one profile row and the inside jokes."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def load(self) -> CoupleProfile | None:
        """The profile, or None before the welcome has been completed."""
        with self._store.session_scope() as session:
            row = session.scalars(select(Profile).order_by(Profile.id)).first()
            if row is None:
                return None
            jokes = tuple(session.scalars(select(InsideJoke.text).order_by(InsideJoke.id)))
            return CoupleProfile(row.partner_a, row.partner_b, row.together_since, jokes)

    def save(self, profile: CoupleProfile) -> None:
        """Create or update the profile; inside jokes are replaced by the given list."""
        names = (profile.partner_a.strip(), profile.partner_b.strip())
        if not all(names):
            raise ValueError("Both first names are needed.")
        with self._store.session_scope() as session:
            row = session.scalars(select(Profile).order_by(Profile.id)).first()
            if row is None:
                row = Profile(partner_a=names[0], partner_b=names[1])
                session.add(row)
            row.partner_a, row.partner_b = names
            row.together_since = profile.together_since
            existing = {joke.text: joke for joke in session.scalars(select(InsideJoke))}
            wanted = [text.strip() for text in profile.inside_jokes if text.strip()]
            for text, joke in existing.items():
                if text not in wanted:
                    session.delete(joke)
            for text in wanted:
                if text not in existing:
                    session.add(InsideJoke(text=text))
