"""The couple's own templates, saved from any message; editable and deletable (to the trash)."""

from __future__ import annotations

from sqlalchemy import select

from lovebridge.core.write.templates import Template, check_placeholders, length_class
from lovebridge.store.base import utc_now
from lovebridge.store.db import Store
from lovebridge.store.models import CustomTemplate

CUSTOM_PREFIX = "custom-"


def custom_key(uuid: str) -> str:
    """The library key of a custom template (stable across edits)."""
    return CUSTOM_PREFIX + uuid


class CustomTemplateService:
    """Lists, adds, edits and deletes the couple's own templates."""

    def __init__(self, store: Store, clock=utc_now) -> None:
        self._store = store
        self._clock = clock

    def list(self) -> list[Template]:
        query = (select(CustomTemplate).where(CustomTemplate.trashed_at.is_(None))
                 .order_by(CustomTemplate.created_at))
        with self._store.session_scope() as session:
            return [_template(row) for row in session.scalars(query)]

    def add(self, text: str, category: str, author: str, tone: str = "tender") -> Template:
        text = _checked(text)
        with self._store.session_scope() as session:
            row = CustomTemplate(author=author, category=category, tone=tone,
                                 length=length_class(text), text=text, created_at=self._clock())
            session.add(row)
            session.flush()
            return _template(row)

    def update(self, uuid: str, text: str, category: str | None = None) -> Template:
        text = _checked(text)
        with self._store.session_scope() as session:
            row = self._row(session, uuid)
            row.text = text
            row.length = length_class(text)
            if category:
                row.category = category
            row.updated_at = self._clock()
            return _template(row)

    def delete(self, uuid: str) -> None:
        """Move to the trash (restorable)."""
        with self._store.session_scope() as session:
            self._row(session, uuid).trashed_at = self._clock()

    def restore(self, uuid: str) -> None:
        with self._store.session_scope() as session:
            self._row(session, uuid).trashed_at = None

    @staticmethod
    def _row(session, uuid: str) -> CustomTemplate:
        row = session.scalars(select(CustomTemplate).where(CustomTemplate.uuid == uuid)).first()
        if row is None:
            raise KeyError(uuid)
        return row


def _checked(text: str) -> str:
    text = text.strip()
    if not text:
        raise ValueError("A template needs some words.")
    unknown = check_placeholders(text)
    if unknown:
        raise ValueError("Unknown placeholders: " + ", ".join("{" + n + "}" for n in unknown))
    return text


def _template(row: CustomTemplate) -> Template:
    return Template(custom_key(row.uuid), row.category, row.tone, row.length, row.text, row.uuid)
