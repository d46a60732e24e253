"""Replaying the change log: can it explain every record as it is now?

For each tracked record the log's entries are applied in order — the
snapshot of its creation, then each field change, a deletion — and the result
is compared with the record in the file.  A record the log does not explain
(no creation entry, a field whose value no entry gave it, a record the log
says was deleted that is still there, or one that is gone without a deletion)
is a gap: an edit made without its change-log entry.  ``ngo-audit check``
reports them, so such a gap can never again go unseen.

Foreign keys are compared by whether they are set, not by their number: a
merge brings a copy's entries with the copy's local ids, which the master
renumbers.  Many-to-many links are compared in full (they are logged by uid).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from .changelog import COMPLETE_FROM, _collections, _columns, _label, _plain, _uids
from .models import Base, ChangeLog, FileInfo, Tracked

_GONE = object()
_PARTIAL = "\0partial"  # a state known only in part: fields it does not name are not judged


@dataclass(frozen=True)
class Unexplained:
    """One record the change log cannot explain."""

    table: str
    record_uid: str
    label: str
    problem: str  # "no_create", "field", "not_deleted", "vanished"
    field: str = ""
    logged: Any = None
    actual: Any = None

    def describe(self) -> str:
        what = f"{self.table} “{self.label or self.record_uid[:8]}”"
        if self.problem == "no_create":
            return f"{what}: no creation entry / 无创建记录"
        if self.problem == "not_deleted":
            return f"{what}: logged as deleted but still present / 记录已删除但仍存在"
        if self.problem == "vanished":
            return f"{what}: gone without a deletion entry / 已消失但无删除记录"
        return f"{what}, {self.field}: log {self.logged!r}, file {self.actual!r}"


def tracked_classes() -> list[type[Tracked]]:
    return sorted((m.class_ for m in Base.registry.mappers if issubclass(m.class_, Tracked)),
                  key=lambda c: c.__tablename__)


def _foreign_keys(cls: type[Tracked]) -> set[str]:
    return {prop.key for prop in inspect(cls).column_attrs
            if any(col.foreign_keys for col in prop.columns)}


def _decode(raw: str | None) -> Any:
    return None if raw is None else json.loads(raw)


def _moment(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _same(logged: Any, actual: Any) -> bool:
    if logged == actual:
        return True
    if isinstance(logged, str) and isinstance(actual, str):
        a, b = _moment(logged), _moment(actual)  # the same moment written with another offset
        if a is not None and b is not None:
            return a == b
    if not isinstance(logged, str) or actual is None:
        return False
    # A merge's conflict entry records the winning value as the database held it, as text.
    if isinstance(actual, bool):
        return logged in (("1", "True", "true") if actual else ("0", "False", "false"))
    return logged == str(actual)


def _replay(entries: list[tuple[str, str, str | None, str | None, bool]],
            fks: frozenset[str] = frozenset()) -> dict[str, Any] | object | None:
    """The state the entries (action, field, old, new, legacy) leave: fields, or _GONE, or None (never created).

    A *legacy* creation entry (written before this file's log was complete) could not record the
    foreign keys and links set through relationships: those are left unjudged."""
    state: dict[str, Any] | object | None = None
    for action, field, _old, new, legacy in entries:
        if action == "create":
            snap = _decode(new)
            if legacy and isinstance(snap, dict):
                snap = {k: v for k, v in snap.items() if k not in fks}
                snap[_PARTIAL] = True
            # A merge's "kept / brought back" entry holds no snapshot: the fields are then
            # explained by the entries before it.
            state = dict(snap) if isinstance(snap, dict) else (state if isinstance(state, dict) else {_PARTIAL: True})
        elif action == "delete":
            state = _GONE
        elif action == "update" and field and state is not _GONE:
            if not isinstance(state, dict):
                state = {_PARTIAL: True}
            state[field] = _decode(new)
    return state


def unexplained(session: Session, limit: int | None = None) -> Iterator[Unexplained]:
    """Every record (of the file open in ``session``) the change log does not explain."""
    log: dict[tuple[str, str], list] = defaultdict(list)
    complete_from = session.get(FileInfo, COMPLETE_FROM)
    legacy_until = int(complete_from.value) if complete_from is not None and complete_from.value.isdigit() \
        else (session.scalar(select(func.max(ChangeLog.id))) or 0)  # never opened by this version yet
    for entry_id, table, record, action, field, old, new in session.execute(
            select(ChangeLog.id, ChangeLog.table_name, ChangeLog.record_uid, ChangeLog.action, ChangeLog.field,
                   ChangeLog.old, ChangeLog.new).order_by(ChangeLog.id)):
        log[(table, record)].append((action, field, old, new, entry_id <= legacy_until))
    found = 0
    for cls in tracked_classes():
        table = cls.__tablename__
        fks = frozenset(_foreign_keys(cls))
        present: set[str] = set()
        for obj in session.scalars(select(cls).execution_options(yield_per=500)):
            present.add(obj.uid)
            state = _replay(log.get((table, obj.uid), []), fks)
            label = _label(obj)[:60]
            problems: list[Unexplained] = []
            if state is None:
                problems.append(Unexplained(table, obj.uid, label, "no_create"))
            elif state is _GONE:
                problems.append(Unexplained(table, obj.uid, label, "not_deleted"))
            else:
                assert isinstance(state, dict)
                for key, actual in _current(obj).items():
                    if key not in state:
                        if state.get(_PARTIAL) or actual in (None, "", [], False):
                            continue  # a field added by a later version, still empty
                        problems.append(Unexplained(table, obj.uid, label, "field", key, None, actual))
                        continue
                    logged = state[key]
                    if key in fks:
                        if (logged is None) != (actual is None):
                            problems.append(Unexplained(table, obj.uid, label, "field", key, logged, actual))
                    elif not _same(logged, actual):
                        problems.append(Unexplained(table, obj.uid, label, "field", key, logged, actual))
            for p in problems:
                yield p
                found += 1
                if limit is not None and found >= limit:
                    return
            session.expunge(obj)
        for (t, record), entries in log.items():
            if t != table or record in present:
                continue
            state = _replay(entries)
            if isinstance(state, dict):
                yield Unexplained(table, record, _logged_label(entries), "vanished")
                found += 1
                if limit is not None and found >= limit:
                    return


def _current(obj: Tracked) -> dict[str, Any]:
    state = inspect(obj)
    values = {}
    for prop in _columns(obj):
        if prop.key in state.unloaded:
            continue
        values[prop.key] = _plain(getattr(obj, prop.key))
    for rel in _collections(obj):
        values[rel.key] = _uids(getattr(obj, rel.key))
    return values


def _logged_label(entries: list) -> str:
    for action, _field, _old, new, _legacy in entries:
        if action == "create":
            snap = _decode(new) or {}
            for attr in ("name", "title", "number", "summary"):
                if isinstance(snap.get(attr), str) and snap[attr]:
                    return snap[attr][:60]
    return ""
