"""scrapbook full-text search, timeline and photo order indexes

Revision ID: 0003_scrapbook
Revises: 0001_initial
Create Date: 2026-11-23 05:20:00

The FTS5 table `fts_memory` indexes each memory's title, story, place, tags and photo captions
(rowid = memory.id). Tags and captions live in other tables, so the scrapbook service keeps the
index current (`lovebridge.core.scrapbook.search.reindex_memory`); this migration creates the
table and fills it from any memories already stored. Autogenerate skips `fts_*` tables.
"""

from alembic import op


revision = '0003_scrapbook'
down_revision = '0001_initial'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('memory', schema=None) as batch_op:
        batch_op.drop_index('ix_memory_when')
        batch_op.create_index(
            'ix_memory_when', ['date_year', 'date_month', 'date_day', 'trashed_at'], unique=False)
    with op.batch_alter_table('memory_photo', schema=None) as batch_op:
        batch_op.create_index('ix_memory_photo_order', ['memory_id', 'position'], unique=False)
    op.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS fts_memory USING fts5("
        "title, story, place, tags, captions, tokenize = 'unicode61 remove_diacritics 2')"
    )
    op.execute(
        """
        INSERT INTO fts_memory (rowid, title, story, place, tags, captions)
        SELECT m.id, m.title, m.story_text, m.place,
               COALESCE((SELECT group_concat(t.name, ' ') FROM memory_tag mt
                         JOIN tag t ON t.id = mt.tag_id WHERE mt.memory_id = m.id), ''),
               COALESCE((SELECT group_concat(mp.caption, ' ') FROM memory_photo mp
                         WHERE mp.memory_id = m.id AND mp.trashed_at IS NULL), '')
        FROM memory m
        """
    )


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS fts_memory")
    with op.batch_alter_table('memory_photo', schema=None) as batch_op:
        batch_op.drop_index('ix_memory_photo_order')
    with op.batch_alter_table('memory', schema=None) as batch_op:
        batch_op.drop_index('ix_memory_when')
        batch_op.create_index(
            'ix_memory_when', ['date_year', 'date_month', 'date_day'], unique=False)
