"""team database: changes announced by NOTIFY, findings' text search by trigram index (PostgreSQL only)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05

On PostgreSQL only (an audit file stays as it is):

* every statement that adds to the change log sends ``NOTIFY ngo_audit_changes``
  (delivered when its transaction commits), so open windows learn of others'
  changes at once instead of at their next poll (``ngo_audit.store.notify``);
* the text search of findings (``LIKE``/``ILIKE '%…%'`` on the finding's title and
  description and the subject's name and credit code) uses ``pg_trgm`` GIN
  indexes instead of reading every finding.  ``pg_trgm`` ships with PostgreSQL
  (Debian's ``postgresql`` package, the Windows installer) and is a trusted
  extension that the database owner may create; where it cannot be created the
  indexes are left out and the search still works, only slower.
"""

from alembic import op
from sqlalchemy import text

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

CHANNEL = 'ngo_audit_changes'  # ngo_audit.store.notify.CHANNEL
TRIGRAM_INDEXES = (('ix_finding_title_trgm', 'finding', 'title'),
                   ('ix_finding_description_trgm', 'finding', 'description'),
                   ('ix_subject_name_trgm', 'subject', 'name'),
                   ('ix_subject_credit_code_trgm', 'subject', 'credit_code'))


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != 'postgresql':
        return
    op.execute(
        "CREATE FUNCTION change_log_notify() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN PERFORM pg_notify('{CHANNEL}', ''); RETURN NULL; END $$"
    )
    op.execute("CREATE TRIGGER change_log_notify AFTER INSERT ON change_log "
               "FOR EACH STATEMENT EXECUTE FUNCTION change_log_notify()")
    savepoint = bind.begin_nested()
    try:
        bind.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except Exception:  # not installed, or not ours to create: the search works without the indexes
        savepoint.rollback()
        return
    savepoint.commit()
    for name, table, column in TRIGRAM_INDEXES:
        op.execute(f'CREATE INDEX IF NOT EXISTS {name} ON "{table}" USING gin ("{column}" gin_trgm_ops)')


def downgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    for name, _table, _column in TRIGRAM_INDEXES:
        op.execute(f'DROP INDEX IF EXISTS {name}')
    op.execute("DROP TRIGGER IF EXISTS change_log_notify ON change_log")
    op.execute("DROP FUNCTION IF EXISTS change_log_notify()")
