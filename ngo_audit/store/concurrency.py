"""Optimistic concurrency: an edit based on a stale copy is refused, naming who changed the record and when.

Every editable record has a ``version`` (SQLAlchemy's ``version_id_col``).  Two ways
an edit can be stale:

* the caller says which version it based the edit on (:func:`expect_version`,
  e.g. the version shown when an edit dialog opened) and the record has moved on;
* two units of work change the same record at the same moment: the second
  UPDATE finds no row with the version it read, SQLAlchemy raises
  ``StaleDataError`` and the store turns it into :class:`StaleEdit`
  (:func:`stale_from_orm`) after rolling the whole unit back.

Either way nothing of the unit of work is saved, and the message says who
changed the record last and when (from the change log), so the user can reload.
"""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import desc, select, text
from sqlalchemy.orm import Session

from ..models import ChangeLog, Tracked
from .errors import StaleEdit

PENDING = "concurrency_pending"


def _who_when(session_or_conn, table: str, uid: str) -> tuple[str, datetime | None]:
    row = session_or_conn.execute(
        select(ChangeLog.actor, ChangeLog.db_user, ChangeLog.at)
        .where(ChangeLog.table_name == table, ChangeLog.record_uid == uid)
        .order_by(desc(ChangeLog.id)).limit(1)).first()
    if row is None:
        return "", None
    actor, db_user, at = row
    who = actor or db_user
    if actor and db_user and db_user != actor:
        who = f"{actor} ({db_user})"
    return who, at


def _local(at: datetime | None) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M:%S") if at else "?"


def _kind(table: str) -> tuple[str, str]:
    """What a record of ``table`` is called (zh, en): 检查记录 / audit."""
    from ..lookup import _NAMES
    from ..models import Base

    for mapper in Base.registry.mappers:
        if getattr(mapper.local_table, "name", None) == table:
            return _NAMES.get(mapper.class_.__name__, ("记录", "record"))
    return "记录", "record"


def stale_edit(table: str, uid: str, label: str, who: str, at: datetime | None, *,
               step: str = "") -> StaleEdit:
    """The refusal of an edit of a record someone else changed; ``step`` "undo"/"redo" when it is an undo or
    redo that would overwrite that change."""
    kind_zh, kind_en = _kind(table)
    name_zh = f"{kind_zh}“{label}”" if label else f"该{kind_zh}"
    name_en = f"The {kind_en} “{label}”" if label else f"The {kind_en}"
    who_zh, who_en = who or "另一位用户", who or "another user"
    if step:
        step_zh, step_en = ("撤销", "undoing") if step == "undo" else ("重做", "redoing")
        zh = f"{name_zh}在您修改之后又被 {who_zh} 于 {_local(at)} 修改；{step_zh}会覆盖其修改，因此未执行。"
        en = (f"{name_en} was changed again by {who_en} at {_local(at)} after your edit; {step_en} it would "
              "overwrite that change, so nothing was done.")
    else:
        zh = f"{name_zh}已在您打开后被 {who_zh} 于 {_local(at)} 修改，您的修改未保存。请重新载入后再修改。"
        en = (f"{name_en} was changed by {who_en} at {_local(at)} after you opened it; your edit was not saved. "
              "Reload it and edit again.")
    return StaleEdit(zh, en, table=table, record_uid=uid, changed_by=who, changed_at=at)


def _label(obj: Tracked) -> str:
    for attr in ("name", "title", "number", "summary"):
        value = getattr(obj, attr, None)
        if isinstance(value, str) and value:
            return value[:80]
    return ""


def expect_version(session: Session, obj: Tracked, version: int | None) -> None:
    """Refuse an edit of ``obj`` based on ``version`` when the record has moved on (None: no check)."""
    if version is None or obj.version == version:
        return
    who, at = _who_when(session, obj.__tablename__, obj.uid)
    raise stale_edit(obj.__tablename__, obj.uid, _label(obj), who, at)


def expect_still(session: Session, obj: Tracked, values: dict, *, undoing: bool) -> None:
    """Refuse an undo (or redo) of an edit of ``obj`` when someone else has changed one of its fields since:
    ``values`` are the fields as that edit left them.  (By values, not by version: the user's own later
    edits of other fields, or of the same one already undone, do not stand in the way.)"""
    if all(getattr(obj, key) == value for key, value in values.items()):
        return
    who, at = _who_when(session, obj.__tablename__, obj.uid)
    raise stale_edit(obj.__tablename__, obj.uid, _label(obj), who, at, step="undo" if undoing else "redo")


def remember(session: Session, flush_context, instances) -> None:
    """before_flush: which versioned records this flush changes (to name the stale one afterwards)."""
    pending = session.info.setdefault(PENDING, {})
    for obj in list(session.dirty) + list(session.deleted):
        if isinstance(obj, Tracked) and obj.uid and obj.version is not None:
            pending[(obj.__tablename__, obj.uid)] = (obj.version, _label(obj))


def stale_from_orm(engine, pending: dict, exc: Exception) -> StaleEdit:
    """The StaleEdit for a flush that found a record changed meanwhile (the unit is already rolled back)."""
    match = re.search(r"table '(\w+)'", str(exc))
    table = match.group(1) if match else ""
    with engine.connect() as conn:
        for (tbl, uid), (version, label) in pending.items():
            if table and tbl != table:
                continue
            now = conn.execute(text(f'SELECT version FROM "{tbl}" WHERE uid = :uid'), {"uid": uid}).scalar()
            if now != version:
                who, at = _who_when(conn, tbl, uid)
                return stale_edit(tbl, uid, label, who, at)
    return stale_edit(table, "", "", "", None)


def read_with_version(session: Session, model: type[Tracked], record_id: int, fn, *args) -> tuple[object, int]:
    """``(fn(session, record_id, *args), version)``: what an edit dialog shows and the version it is based on.

    The record is loaded first, with its version; ``fn`` finds the same object in the session, so the
    record's fields and the version come from one row.  (Were anything read later newer, the dialog's
    save would be refused as stale: safe, never accepted over a change the dialog did not show.)
    """
    from ..lookup import get

    version = get(session, model, record_id).version
    return fn(session, record_id, *args), version
