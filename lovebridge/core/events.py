"""What changed: a Qt-free notice (kind + ids) raised after a commit, so every view can refresh.

Every session's unit of work is watched: the rows it added, changed or deleted are noted by table
("plan", "memory", "message", …) and, once `Store.session_scope` has committed, handed to the
`ChangeBus` of the open library. Services that change rows with bulk statements (which the unit
of work cannot see) say so with `note_change`. A rolled-back session raises nothing.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

logger = logging.getLogger(__name__)

_PENDING = "lovebridge.changes"  # session.info key: {kind: set of ids}
# A kind raised with what sharing merged in: rows changed that no room on screen changed
# itself, so a room showing them reloads instead of waiting to be shown again.
FROM_PARTNER = "from_partner"


@dataclass(frozen=True)
class Change:
    """Rows of one kind (a table name) changed; `ids` are their uuids (or ids) when known."""

    kind: str
    ids: frozenset[str] = field(default_factory=frozenset)


Listener = Callable[[tuple[Change, ...]], None]


def note_change(session: Session, kind: str, ids: Iterable[object] = ()) -> None:
    """Say that rows of `kind` changed in `session` (for bulk statements the ORM cannot see)."""
    pending: dict[str, set[str]] = session.info.setdefault(_PENDING, {})
    pending.setdefault(kind, set()).update(str(i) for i in ids)


def _row_id(obj: object) -> str | None:
    value = getattr(obj, "uuid", None)
    if value is None:
        identity = inspect(obj).identity
        value = identity[0] if identity and len(identity) == 1 else None
    return None if value is None else str(value)


@event.listens_for(Session, "after_flush")
def _note_flushed_rows(session: Session, _context: object) -> None:
    for obj in (*session.new, *session.dirty, *session.deleted):
        table = getattr(obj, "__tablename__", None)
        if table is None:
            continue
        row_id = _row_id(obj)
        note_change(session, table, () if row_id is None else (row_id,))


@event.listens_for(Session, "after_soft_rollback")
def _forget_rolled_back(session: Session, _previous: object) -> None:
    session.info.pop(_PENDING, None)


def take_changes(session: Session) -> tuple[Change, ...]:
    """The changes a committed session made (and forget them)."""
    pending: dict[str, set[str]] = session.info.pop(_PENDING, None) or {}
    return tuple(Change(kind, frozenset(ids)) for kind, ids in sorted(pending.items()))


class ChangeBus:
    """Hands each commit's changes to whoever listens; listeners may run on any thread."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener(changes)` after each commit that changed something; returns undo."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def publish(self, changes: tuple[Change, ...]) -> None:
        if not changes:
            return
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(changes)
            except Exception as exc:  # a listener must never undo a commit that has happened
                logger.error("change listener failed: %s", type(exc).__name__)

    def after_commit(self, session: Session) -> None:
        """The store's commit hook: publish what `session` changed."""
        self.publish(take_changes(session))


def kinds(changes: Iterable[Change]) -> set[str]:
    """The kinds in `changes`, for a quick "does this concern me?"."""
    return {change.kind for change in changes}
