"""Alembic environment: migrations run only on a connection handed over by the app."""

from alembic import context

from ngo_audit.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - the app always hands one over
    raise RuntimeError("ngo-audit migrations run through ngo_audit.auditfile, not the alembic command")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode rebuilds tables portably
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
