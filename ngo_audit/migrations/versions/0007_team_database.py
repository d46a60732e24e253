"""team database: record versions (optimistic concurrency) and the database user in the change log

Revision ID: 0007
Revises: 0004
Create Date: 2026-12-05

Every editable record gets ``version`` (SQLAlchemy's version_id_col): an edit
saved from a copy that someone else changed meanwhile is refused instead of
silently overwriting.  The change log gets ``db_user``: on PostgreSQL a
trigger fills it with the connected database user, so that it cannot be
forged by a client; a store's owner copying a whole history (``ngo-audit
copy``) may keep the recorded values by setting ``ngo_audit.copying``.
"""

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0004'
branch_labels = None
depends_on = None

TRACKED = ('audit', 'audit_plan', 'audit_result', 'auditor', 'contract', 'escalation', 'evidence', 'finding',
           'grid', 'lead', 'plan_item', 'quarter_note', 'random_draw', 'rectification_event', 'review_comment',
           'subject', 'term')


def upgrade() -> None:
    for table in TRACKED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('db_user', sa.String(length=63), server_default='', nullable=False))
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(
            "CREATE FUNCTION change_log_stamp_user() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN "
            "IF NOT (coalesce(current_setting('ngo_audit.copying', true), '') = 'on' "
            "AND pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER')) THEN "
            "NEW.db_user := session_user; "
            "END IF; "
            "RETURN NEW; "
            "END $$"
        )
        op.execute("CREATE TRIGGER change_log_stamp_user BEFORE INSERT ON change_log "
                   "FOR EACH ROW EXECUTE FUNCTION change_log_stamp_user()")


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("DROP TRIGGER IF EXISTS change_log_stamp_user ON change_log")
        op.execute("DROP FUNCTION IF EXISTS change_log_stamp_user()")
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.drop_column('db_user')
    for table in reversed(TRACKED):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('version')
