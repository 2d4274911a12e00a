"""partner notes: a note sent to the partner's LoveBridge, its read mark, replies, sealed notes

Revision ID: 0010_partner_notes
Revises: 0009_imports
Create Date: 2026-12-02 17:40:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0010_partner_notes'
down_revision = '0009_imports'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sent_to_partner_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('read_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('reply_to', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('opens_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('opened_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('announced_at', sa.DateTime(), nullable=True))
        batch_op.create_index(batch_op.f('ix_message_reply_to'), ['reply_to'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_message_reply_to'))
        batch_op.drop_column('announced_at')
        batch_op.drop_column('opened_at')
        batch_op.drop_column('opens_on')
        batch_op.drop_column('reply_to')
        batch_op.drop_column('read_at')
        batch_op.drop_column('sent_to_partner_at')
