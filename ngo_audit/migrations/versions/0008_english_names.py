"""optional English names of subjects and of the agreement's parties (the reports' English edition)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('subject') as batch:
        batch.add_column(sa.Column('name_en', sa.String(length=200), nullable=False, server_default=''))
    with op.batch_alter_table('contract') as batch:
        batch.add_column(sa.Column('government_en', sa.String(length=120), nullable=False, server_default=''))
        batch.add_column(sa.Column('ngo_en', sa.String(length=120), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('contract') as batch:
        batch.drop_column('ngo_en')
        batch.drop_column('government_en')
    with op.batch_alter_table('subject') as batch:
        batch.drop_column('name_en')
