"""note state: coach hints dismissed per note, in the database instead of the settings file

Revision ID: 0005_note_state
Revises: 0004_dates
Create Date: 2026-12-02 03:00:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0005_note_state'
down_revision = '0004_dates'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('dismissed_hint',
    sa.Column('message_id', sa.Integer(), nullable=False),
    sa.Column('rule', sa.String(length=60), nullable=False),
    sa.ForeignKeyConstraint(['message_id'], ['message.id'],
                            name=op.f('fk_dismissed_hint_message_id_message'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('message_id', 'rule', name=op.f('pk_dismissed_hint'))
    )


def downgrade() -> None:
    op.drop_table('dismissed_hint')
