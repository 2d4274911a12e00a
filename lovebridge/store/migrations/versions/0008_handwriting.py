"""handwriting: each partner's own hand, captured from a sheet

Revision ID: 0008_handwriting
Revises: 0007_sync
Create Date: 2026-12-02 03:10:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0008_handwriting'
down_revision = '0007_sync'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'handwriting',
        sa.Column('partner', sa.String(length=1), nullable=False),
        sa.Column('name', sa.String(length=80), nullable=False),
        sa.Column('glyphs_json', sa.Text(), nullable=False),
        sa.Column('sheet_code', sa.String(length=16), nullable=False),
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('uuid', sa.String(length=36), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_handwriting')),
        sa.UniqueConstraint('partner', name=op.f('uq_handwriting_partner')),
        sa.UniqueConstraint('uuid', name=op.f('uq_handwriting_uuid')),
    )


def downgrade() -> None:
    op.drop_table('handwriting')
