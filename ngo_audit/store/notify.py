"""What others changed in a team database since we last looked (the app polls this every few seconds).

The change log is the one record of every change, on every engine, so it is
also the feed: entries after the last one seen, not written from this
installation by this actor, name the tables whose pages must refresh.  A poll
is one indexed query; nothing is sent when nothing changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import ChangeLog


@dataclass(frozen=True)
class Changes:
    last_id: int
    tables: frozenset[str] = frozenset()
    people: tuple[str, ...] = field(default_factory=tuple)  # who made them (actor, else database user)


def last_change_id(session: Session) -> int:
    return session.scalar(select(func.max(ChangeLog.id))) or 0


def changes_since(session: Session, last_id: int, *, actor: str = "", origin: str = "", limit: int = 5000) -> Changes:
    """Tables changed by others after entry ``last_id`` (own changes — this actor from this origin — left out)."""
    rows = session.execute(
        select(ChangeLog.id, ChangeLog.table_name, ChangeLog.actor, ChangeLog.db_user, ChangeLog.origin)
        .where(ChangeLog.id > last_id).order_by(ChangeLog.id).limit(limit)).all()
    if not rows:
        return Changes(last_id)
    tables: set[str] = set()
    people: list[str] = []
    for _id, table, who, db_user, where in rows:
        if who == actor and where == origin:
            continue
        tables.add(table)
        name = who or db_user
        if name and name not in people:
            people.append(name)
    return Changes(rows[-1][0], frozenset(tables), tuple(people))
