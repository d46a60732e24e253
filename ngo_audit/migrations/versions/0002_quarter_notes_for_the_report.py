"""quarter notes for the report

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('quarter_note',
    sa.Column('contract_id', sa.Integer(), nullable=False),
    sa.Column('quarter', sa.String(length=6), nullable=False),
    sa.Column('section', sa.Enum('summary', 'difficulties', 'next_plan', 'recommendations', name='notesection', native_enum=False, length=24), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['contract_id'], ['contract.id'], name=op.f('fk_quarter_note_contract_id_contract'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quarter_note')),
    sa.UniqueConstraint('contract_id', 'quarter', 'section', name=op.f('uq_quarter_note_contract_id_quarter_section')),
    sa.UniqueConstraint('uid', name=op.f('uq_quarter_note_uid'))
    )
    with op.batch_alter_table('quarter_note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quarter_note_contract_id'), ['contract_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('quarter_note', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quarter_note_contract_id'))

    op.drop_table('quarter_note')
