"""What the writer decided about one note that is not its text: the coach hints dismissed.

Kept in the database beside the note (encrypted with it, in backups, deleted with it), never in
the settings file; `adopt_legacy` moves what older versions kept there.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from sqlalchemy import delete, select

from lovebridge.store.db import Store
from lovebridge.store.models import DismissedHint, Message

logger = logging.getLogger(__name__)


class NoteStateService:
    """Dismissed hints per note, by the note's uuid."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def dismissed(self, uuid: str | None) -> set[str]:
        if uuid is None:
            return set()
        with self._store.session_scope() as session:
            rows = session.scalars(
                select(DismissedHint.rule).join(Message, Message.id == DismissedHint.message_id)
                .where(Message.uuid == uuid)
            )
            return set(rows)

    def dismiss(self, uuid: str, rules: set[str]) -> None:
        """Remember `rules` as dismissed for the note `uuid` (already saved)."""
        with self._store.session_scope() as session:
            message_id = session.scalar(select(Message.id).where(Message.uuid == uuid))
            if message_id is None:
                return
            known = set(session.scalars(
                select(DismissedHint.rule).where(DismissedHint.message_id == message_id)))
            for rule in sorted(set(rules) - known):
                session.add(DismissedHint(message_id=message_id, rule=rule[:60]))

    def forget(self, uuid: str) -> None:
        with self._store.session_scope() as session:
            message_id = session.scalar(select(Message.id).where(Message.uuid == uuid))
            session.execute(delete(DismissedHint).where(DismissedHint.message_id == message_id))

    def adopt_legacy(self, by_uuid: Mapping[str, set[str]]) -> int:
        """Take dismissals an older version kept in the settings file; returns notes adopted."""
        adopted = 0
        for uuid, rules in by_uuid.items():
            if rules:
                self.dismiss(uuid, rules)
                adopted += 1
        if adopted:
            logger.info("moved dismissed hints of %d note(s) into the database", adopted)
        return adopted
