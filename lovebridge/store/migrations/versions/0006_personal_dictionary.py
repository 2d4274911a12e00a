"""personal dictionary: the couple's own words for the spell-checker

Revision ID: 0006_personal_dictionary
Revises: 0005_note_state
Create Date: 2026-12-02 03:15:00
"""

from alembic import op
import sqlalchemy as sa

import lovebridge.store.base


revision = '0006_personal_dictionary'
down_revision = '0005_note_state'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('dictionary_word',
    sa.Column('word', sa.String(length=80), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', lovebridge.store.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', lovebridge.store.base.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dictionary_word')),
    sa.UniqueConstraint('uuid', name=op.f('uq_dictionary_word_uuid')),
    sa.UniqueConstraint('word', name=op.f('uq_dictionary_word_word'))
    )


def downgrade() -> None:
    op.drop_table('dictionary_word')
