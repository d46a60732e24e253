"""review comments

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('review_comment',
    sa.Column('review_id', sa.String(length=32), nullable=False),
    sa.Column('reviewer', sa.String(length=60), nullable=False),
    sa.Column('organisation', sa.String(length=120), nullable=False),
    sa.Column('package_sha256', sa.String(length=64), nullable=False),
    sa.Column('package_id', sa.String(length=32), nullable=False),
    sa.Column('target_table', sa.String(length=40), nullable=False),
    sa.Column('target_uid', sa.String(length=32), nullable=False),
    sa.Column('section', sa.String(length=60), nullable=False),
    sa.Column('target_label', sa.String(length=200), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('written_at', sa.DateTime(), nullable=False),
    sa.Column('answer', sa.Text(), nullable=False),
    sa.Column('answered_by', sa.String(length=60), nullable=False),
    sa.Column('answered_at', sa.DateTime(), nullable=True),
    sa.Column('addressed', sa.Boolean(), nullable=False),
    sa.Column('addressed_by', sa.String(length=60), nullable=False),
    sa.Column('addressed_at', sa.DateTime(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_comment')),
    sa.UniqueConstraint('uid', name=op.f('uq_review_comment_uid'))
    )
    with op.batch_alter_table('review_comment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_comment_review_id'), ['review_id'], unique=False)
        batch_op.create_index('ix_review_comment_target', ['target_table', 'target_uid'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('review_comment', schema=None) as batch_op:
        batch_op.drop_index('ix_review_comment_target')
        batch_op.drop_index(batch_op.f('ix_review_comment_review_id'))

    op.drop_table('review_comment')
