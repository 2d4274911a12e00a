"""sync: sharing between two laptops (state, change log, merged fields, versions, devices,
set-aside files) and the "Private to me" flag on notes and memories

Revision ID: 0007_sync
Revises: 0006_personal_dictionary
Create Date: 2026-12-02 02:45:00
"""

from alembic import op
import sqlalchemy as sa

from lovebridge.store.base import UTCDateTime


revision = '0007_sync'
down_revision = '0006_personal_dictionary'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'sync_state',
        sa.Column('key', sa.String(length=40), nullable=False),
        sa.Column('value', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('key', name=op.f('pk_sync_state')),
    )
    op.create_table(
        'sync_change',
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('hlc', sa.String(length=48), nullable=False),
        sa.Column('tbl', sa.String(length=40), nullable=False),
        sa.Column('key', sa.String(length=64), nullable=False),
        sa.Column('field', sa.String(length=40), nullable=False),
        sa.Column('base', sa.String(length=48), nullable=True),
        sa.Column('value', sa.Text(), nullable=False),
        sa.Column('batch', sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint('seq', name=op.f('pk_sync_change')),
    )
    op.create_index(op.f('ix_sync_change_batch'), 'sync_change', ['batch'], unique=False)
    op.create_table(
        'sync_field',
        sa.Column('tbl', sa.String(length=40), nullable=False),
        sa.Column('key', sa.String(length=64), nullable=False),
        sa.Column('field', sa.String(length=40), nullable=False),
        sa.Column('hlc', sa.String(length=48), nullable=False),
        sa.Column('value', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('tbl', 'key', 'field', name=op.f('pk_sync_field')),
    )
    op.create_table(
        'sync_version',
        sa.Column('tbl', sa.String(length=40), nullable=False),
        sa.Column('key', sa.String(length=64), nullable=False),
        sa.Column('field', sa.String(length=40), nullable=False),
        sa.Column('hlc', sa.String(length=48), nullable=False),
        sa.Column('base', sa.String(length=48), nullable=True),
        sa.Column('value', sa.Text(), nullable=False),
        sa.Column('dismissed', sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint('tbl', 'key', 'field', 'hlc', name=op.f('pk_sync_version')),
    )
    op.create_index(op.f('ix_sync_version_base'), 'sync_version', ['base'], unique=False)
    op.create_table(
        'sync_seen',
        sa.Column('device', sa.String(length=32), nullable=False),
        sa.Column('public_key', sa.String(length=64), nullable=False),
        sa.Column('name', sa.String(length=80), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('last_seen_at', UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint('device', name=op.f('pk_sync_seen')),
    )
    op.create_table(
        'sync_note',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('path', sa.Text(), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.Column('mtime_ns', sa.Integer(), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('noted_at', UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_note')),
    )
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('private', sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table('memory', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('private', sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table('memory', schema=None) as batch_op:
        batch_op.drop_column('private')
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.drop_column('private')
    op.drop_table('sync_note')
    op.drop_table('sync_seen')
    op.drop_index(op.f('ix_sync_version_base'), table_name='sync_version')
    op.drop_table('sync_version')
    op.drop_table('sync_field')
    op.drop_index(op.f('ix_sync_change_batch'), table_name='sync_change')
    op.drop_table('sync_change')
    op.drop_table('sync_state')
