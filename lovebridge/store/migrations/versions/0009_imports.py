"""imports: the import ledger (each photo or export entry brought in once) and memory places

Revision ID: 0009_imports
Revises: 0008_handwriting
Create Date: 2026-12-02 02:40:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0009_imports'
down_revision = '0008_handwriting'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'import_ledger',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(length=160), nullable=False),
        sa.Column('source', sa.String(length=20), nullable=False),
        sa.Column('memory_id', sa.Integer(), nullable=True),
        sa.Column('imported_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['memory_id'], ['memory.id'], ondelete='SET NULL',
                                name=op.f('fk_import_ledger_memory_id_memory')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_import_ledger')),
        sa.UniqueConstraint('key', name=op.f('uq_import_ledger_key')),
    )
    with op.batch_alter_table('import_ledger', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_ledger_memory_id'), ['memory_id'],
                              unique=False)
    op.create_table(
        'memory_place',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('memory_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=200, collation='NOCASE'), nullable=False),
        sa.Column('country', sa.String(length=100), nullable=False),
        sa.Column('latitude', sa.Float(), nullable=True),
        sa.Column('longitude', sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(['memory_id'], ['memory.id'], ondelete='CASCADE',
                                name=op.f('fk_memory_place_memory_id_memory')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_memory_place')),
    )
    with op.batch_alter_table('memory_place', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_memory_place_memory_id'), ['memory_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_memory_place_name'), ['name'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('memory_place', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_memory_place_name'))
        batch_op.drop_index(batch_op.f('ix_memory_place_memory_id'))
    op.drop_table('memory_place')
    with op.batch_alter_table('import_ledger', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_ledger_memory_id'))
    op.drop_table('import_ledger')
