"""What a unit of work changed, known rather than declared (Anki's ``OpChanges``).

Every ORM flush of every session passes through :func:`_after_flush`, which notes the table of
each row inserted, updated or deleted — and the link tables of many-to-many collections that
changed — in ``session.info``; bulk ``UPDATE``/``DELETE``/``INSERT`` statements run through the
ORM are noted by :func:`_on_execute`.  After its work, a caller asks :func:`changes_of` and hands
the result to whoever shows the data (the desktop pages refresh from it), so a page can no longer
stay stale because somebody forgot to name a table.

The listeners are on the :class:`~sqlalchemy.orm.Session` class itself: nothing to install per
file or per sessionmaker, nothing a reopen can lose.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

_KEY = "ngo_audit.changed_tables"


@dataclass(frozen=True)
class OpChanges:
    """The tables a unit of work wrote to (empty: it changed nothing)."""

    tables: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.tables)

    def touches(self, tables: set[str] | frozenset[str]) -> bool:
        """True when it changed any of ``tables`` (an empty set means "any table")."""
        return bool(self.tables) and (not tables or bool(self.tables & set(tables)))

    def __or__(self, other: OpChanges) -> OpChanges:
        return OpChanges(self.tables | other.tables)


def changes_of(session: Session) -> OpChanges:
    """What ``session`` has written so far (flush it first to count pending changes)."""
    return OpChanges(frozenset(session.info.get(_KEY, ())))


def forget_changes(session: Session) -> None:
    session.info.pop(_KEY, None)


def _note(session: Session, *tables: str) -> None:
    session.info.setdefault(_KEY, set()).update(t for t in tables if t)


def _links_changed(obj) -> list[str]:
    """The link tables of ``obj``'s many-to-many collections that gained or lost members."""
    state = inspect(obj)
    tables = []
    for rel in state.mapper.relationships:
        if rel.secondary is None:
            continue
        history = state.attrs[rel.key].history
        if history.added or history.deleted:
            tables.append(rel.secondary.name)
    return tables


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _flush_context) -> None:
    # Here the session still shows its pre-flush state: new, dirty, deleted and attribute histories.
    for obj in session.new:
        _note(session, inspect(obj).mapper.local_table.name, *_links_changed(obj))
    for obj in session.dirty:
        if session.is_modified(obj, include_collections=False):
            _note(session, inspect(obj).mapper.local_table.name)
        _note(session, *_links_changed(obj))
    for obj in session.deleted:
        _note(session, inspect(obj).mapper.local_table.name,
              *(rel.secondary.name for rel in inspect(obj).mapper.relationships if rel.secondary is not None))


@event.listens_for(Session, "do_orm_execute")
def _on_execute(state) -> None:
    if state.is_update or state.is_delete or state.is_insert:
        table = getattr(state.statement, "table", None)
        name = getattr(table, "name", None)
        if name:
            _note(state.session, name)


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    forget_changes(session)  # nothing of it was kept
