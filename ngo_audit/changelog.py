"""The change log: every insert, update and delete of a tracked record.

Hooked into the session with ``before_flush``, so no service can forget it.
The actor (the auditor profile in use), the origin (which installation or copy)
and an optional reason come from ``session.info``; :func:`reason` sets the
reason for one unit of work.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import event, insert, inspect, text
from sqlalchemy.orm import ColumnProperty, RelationshipProperty, Session

from .models import ChangeLog, Tracked, new_uid, utcnow
from .models.rules import check_values

ACTOR = "actor"
ORIGIN = "origin"
REASON = "reason"
SUSPENDED = "changelog_suspended"


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return value


def _encode(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(_plain(value), ensure_ascii=False, default=str)


def _label(obj: Tracked) -> str:
    for attr in ("name", "title", "number", "summary"):
        value = getattr(obj, attr, None)
        if isinstance(value, str) and value:
            return value[:200]
    return ""


def _columns(obj: Tracked) -> Iterator[ColumnProperty]:
    mapper = inspect(obj).mapper
    skip = getattr(obj, "__changelog_skip__", frozenset())
    for prop in mapper.column_attrs:
        if prop.key not in skip and prop.key not in ("id", "uid"):
            yield prop


def _collections(obj: Tracked) -> Iterator[RelationshipProperty]:
    # Many-to-many links (auditors of an audit, findings of a lead) have no row
    # object of their own; they are logged as a field of the owning record.
    for rel in inspect(obj).mapper.relationships:
        if rel.secondary is not None and rel.viewonly is False:
            yield rel


def _uids(items) -> list[str]:
    return sorted(getattr(i, "uid", None) or "" for i in items)


def _snapshot(obj: Tracked, links: bool = False) -> dict[str, Any]:
    """The logged fields of ``obj``; with ``links``, also its many-to-many links (as sorted uids)."""
    state = inspect(obj)
    snap = {}
    for prop in _columns(obj):
        if prop.key in state.unloaded:
            continue  # deferred blobs are not worth a snapshot
        snap[prop.key] = _plain(getattr(obj, prop.key))
    if links:
        for rel in _collections(obj):
            if rel.key not in state.unloaded:
                snap[rel.key] = _uids(getattr(obj, rel.key))
    return snap


def _entry(session: Session, obj: Tracked, action: str, field: str = "", old=None, new=None) -> dict[str, Any]:
    return {
        "uid": new_uid(),
        "at": utcnow(),
        "actor": session.info.get(ACTOR, ""),
        "origin": session.info.get(ORIGIN, ""),
        "table_name": obj.__tablename__,
        "record_uid": obj.uid,
        "record_label": _label(obj),
        "action": action,
        "field": field,
        "old": old,
        "new": new,
        "reason": session.info.get(REASON, ""),
    }


def _before_flush(session: Session, flush_context, instances) -> None:
    if session.info.get(SUSPENDED):
        return
    for obj in list(session.dirty) + list(session.deleted):
        if isinstance(obj, ChangeLog):
            raise RuntimeError("the change log is append-only")
    for obj in session.new:  # every new record has its uid before any entry names it in a link
        if isinstance(obj, Tracked) and obj.uid is None:
            obj.uid = new_uid()


def _after_flush(session: Session, flush_context) -> None:
    """Write the entries once the flush has given every new record its id and every foreign key its value.

    (Before the flush, a visit created with ``audit.subject = s`` has no ``subject_id`` yet,
    and re-pointing a relationship has not reached its column: both would be logged wrong.)
    The entries are inserted on the flush's own connection, so they commit or roll back with it.
    """
    if session.info.get(SUSPENDED):
        return
    entries: list[dict[str, Any]] = []
    for obj in session.new:
        if isinstance(obj, Tracked):
            # The links set at creation (a visit's auditors) are part of what was created.
            entries.append(_entry(session, obj, "create", new=_encode(_snapshot(obj, links=True))))
    for obj in session.dirty:
        if not isinstance(obj, Tracked) or not session.is_modified(obj):
            continue
        state = inspect(obj)
        for prop in _columns(obj):
            hist = state.attrs[prop.key].history
            if hist.has_changes():
                old = hist.deleted[0] if hist.deleted else None
                new = hist.added[0] if hist.added else None
                if _plain(old) != _plain(new):
                    entries.append(_entry(session, obj, "update", prop.key, _encode(old), _encode(new)))
        for rel in _collections(obj):
            hist = state.attrs[rel.key].history
            if hist.added or hist.deleted:
                before = list(hist.unchanged) + list(hist.deleted)
                now = list(hist.unchanged) + list(hist.added)
                entries.append(
                    _entry(session, obj, "update", rel.key, _encode(_uids(before)), _encode(_uids(now)))
                )
    for obj in session.deleted:
        if isinstance(obj, Tracked):
            entries.append(_entry(session, obj, "delete", old=_encode(_snapshot(obj))))
    if entries:
        for entry in entries:  # the same rules as every other row (an actor name too long for the server…)
            check_values(ChangeLog.__mapper__, entry, by_column=True)
        session.connection().execute(insert(ChangeLog.__table__), entries)


_INSTALLED = "_ngo_audit_changelog"


def install(session_class) -> None:
    """Attach the change log to a sessionmaker (or Session subclass), once.

    Whether it is attached is marked on the object itself: SQLAlchemy's own
    registry (``event.contains``) is keyed by ``id()``, which a new sessionmaker
    can share with a closed file's collected one, and then the listener was
    silently never attached.
    """
    if session_class.__dict__.get(_INSTALLED) is True:
        return
    event.listen(session_class, "before_flush", _before_flush)
    event.listen(session_class, "after_flush", _after_flush)
    setattr(session_class, _INSTALLED, True)


def ensure(session: Session) -> None:
    """Make sure this session logs its changes (checked on the session's own listeners)."""
    if _before_flush not in list(session.dispatch.before_flush):
        event.listen(session, "before_flush", _before_flush)
    if _after_flush not in list(session.dispatch.after_flush):
        event.listen(session, "after_flush", _after_flush)


def active(session: Session) -> bool:
    return _before_flush in list(session.dispatch.before_flush) and _after_flush in list(session.dispatch.after_flush)


def log_transition(session: Session, obj: Tracked, action: str, old: str, new: str, note: str = "") -> None:
    """Record a lifecycle step (e.g. notify) as one readable entry beside the field changes."""
    entry = _entry(session, obj, "transition", action, _encode(old), _encode(new))
    if note and not entry["reason"]:
        entry["reason"] = note
    session.add(ChangeLog(**entry))


COMPLETE_FROM = "changelog_complete_from"


def note_complete_from(session: Session) -> None:
    """Record, once per file, from which entry on the log is complete (foreign keys and links set at
    creation included): entries of older versions are judged by what they could record."""
    # Plain SQL: opening a file should not pay for setting up the ORM's mappers.
    if session.execute(text("SELECT 1 FROM file_info WHERE key = :k"), {"k": COMPLETE_FROM}).first() is None:
        last = session.execute(text("SELECT max(id) FROM change_log")).scalar() or 0
        session.execute(text("INSERT INTO file_info (key, value) VALUES (:k, :v)"),
                        {"k": COMPLETE_FROM, "v": str(last)})


@contextmanager
def reason(session: Session, text: str):
    """Attach a reason to every change flushed inside the block."""
    previous = session.info.get(REASON, "")
    session.info[REASON] = text
    try:
        yield
        session.flush()
    finally:
        session.info[REASON] = previous
