"""dates: imported calendar UIDs, per-occurrence title and place, custom idea tags

Revision ID: 0004_dates
Revises: 0001_initial
Create Date: 2026-11-23 05:10:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0004_dates'
down_revision = '0003_scrapbook'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.add_column(sa.Column('ical_uid', sa.String(length=255), nullable=True))
        batch_op.create_index(batch_op.f('ix_plan_ical_uid'), ['ical_uid'], unique=False)

    with op.batch_alter_table('plan_occurrence', schema=None) as batch_op:
        batch_op.add_column(sa.Column('title', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('place', sa.String(length=200), nullable=True))

    with op.batch_alter_table('custom_idea', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('tags', sa.Text(), nullable=False, server_default='')
        )


def downgrade() -> None:
    with op.batch_alter_table('custom_idea', schema=None) as batch_op:
        batch_op.drop_column('tags')

    with op.batch_alter_table('plan_occurrence', schema=None) as batch_op:
        batch_op.drop_column('place')
        batch_op.drop_column('title')

    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_ical_uid'))
        batch_op.drop_column('ical_uid')
