"""Full-text search over memories with SQLite FTS5 (`fts_memory`, kept up to date here)."""

from __future__ import annotations

import re

from sqlalchemy import text
from sqlalchemy.orm import Session

FTS_TABLE = "fts_memory"
CREATE_FTS_SQL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "title, story, place, tags, captions, tokenize = 'unicode61 remove_diacritics 2')"
)
# Rebuilds one memory's row from the tables it summarises (tags and captions live elsewhere).
_INDEX_SQL = f"""
INSERT INTO {FTS_TABLE} (rowid, title, story, place, tags, captions)
SELECT m.id, m.title, m.story_text, m.place,
       COALESCE((SELECT group_concat(t.name, ' ') FROM memory_tag mt
                 JOIN tag t ON t.id = mt.tag_id WHERE mt.memory_id = m.id), ''),
       COALESCE((SELECT group_concat(mp.caption, ' ') FROM memory_photo mp
                 WHERE mp.memory_id = m.id AND mp.trashed_at IS NULL), '')
FROM memory m WHERE {{where}}
"""
_WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 12


def match_expression(query: str) -> str | None:
    """FTS5 MATCH text for what was typed: every word must appear, the last may be unfinished.

    Words are quoted, so nothing typed can be read as FTS syntax (no errors on `"`, `*`, `-`).
    """
    words = _WORD.findall(query)[:MAX_TERMS]
    if not words:
        return None
    return " ".join(f'"{word}"*' for word in words)


def reindex_memory(session: Session, memory_id: int) -> None:
    """Refresh the search row of one memory (after any change to it, its tags or captions)."""
    session.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :id"), {"id": memory_id})
    session.execute(text(_INDEX_SQL.format(where="m.id = :id")), {"id": memory_id})


def forget_memory(session: Session, memory_id: int) -> None:
    session.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :id"), {"id": memory_id})


def reindex_memories(session: Session, memory_ids: list[int]) -> None:
    """Refresh the search rows of many memories at once (a sync brings thousands)."""
    for start in range(0, len(memory_ids), 500):
        ids = ",".join(str(int(i)) for i in memory_ids[start:start + 500])
        session.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({ids})"))
        session.execute(text(_INDEX_SQL.format(where=f"m.id IN ({ids})")))


def forget_memories(session: Session, memory_ids: list[int]) -> None:
    ids = ",".join(str(int(i)) for i in memory_ids)
    session.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({ids})"))


def rebuild_index(session: Session) -> None:
    """Index every memory from scratch (used by the migration and by repairs)."""
    session.execute(text(f"DELETE FROM {FTS_TABLE}"))
    session.execute(text(index_all_sql()))


def index_all_sql() -> str:
    """SQL adding the search row of every memory (to an empty index)."""
    return _INDEX_SQL.format(where="1")


def matching_ids_sql() -> str:
    """SQL selecting the memory ids matching `:match` (to embed in a larger query)."""
    return f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :match"
