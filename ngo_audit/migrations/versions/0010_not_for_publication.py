"""texts the NGO marks "not for publication" (不公开): a finding's description, a lead's details, a report text

The public edition (公开版) of the quarterly report leaves them out and says so on its cover.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('finding') as batch:
        batch.add_column(sa.Column('description_private', sa.Boolean(), nullable=False, server_default="0"))
    with op.batch_alter_table('lead') as batch:
        batch.add_column(sa.Column('details_private', sa.Boolean(), nullable=False, server_default="0"))
    with op.batch_alter_table('quarter_note') as batch:
        batch.add_column(sa.Column('private', sa.Boolean(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table('quarter_note') as batch:
        batch.drop_column('private')
    with op.batch_alter_table('lead') as batch:
        batch.drop_column('details_private')
    with op.batch_alter_table('finding') as batch:
        batch.drop_column('description_private')
