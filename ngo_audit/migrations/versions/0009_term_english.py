"""optional English title, category and legal basis of a term (the reports' English edition)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('term') as batch:
        batch.add_column(sa.Column('title_en', sa.String(length=200), nullable=False, server_default=''))
        batch.add_column(sa.Column('category_en', sa.String(length=60), nullable=False, server_default=''))
        batch.add_column(sa.Column('legal_basis_en', sa.Text(), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('term') as batch:
        batch.drop_column('legal_basis_en')
        batch.drop_column('category_en')
        batch.drop_column('title_en')
