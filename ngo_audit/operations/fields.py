"""The undoable edit of some fields of one record (see :mod:`ngo_audit.operations`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..lookup import get


class FieldEdit:
    """Set some fields of one record through a service ``update(session, id, **changes)``."""

    def __init__(self, model: type, update: Callable[..., Any], record_id: int, changes: dict[str, Any],
                 reason: str = "") -> None:
        self.model, self.update, self.record_id = model, update, record_id
        self.changes = dict(changes)
        self.old: dict[str, Any] = {}
        # The reason given for the edit (the service keeps it in the change log), also on undo and redo.
        self.reason = {"reason": reason} if reason else {}

    def do(self, session) -> None:
        record = get(session, self.model, self.record_id)
        self.old = {key: getattr(record, key) for key in self.changes}
        self.update(session, self.record_id, **self.reason, **self.changes)

    def undo(self, session) -> None:
        undo_reason = {"reason": "↶ " + self.reason["reason"]} if self.reason else {}
        self.update(session, self.record_id, **undo_reason, **self.old)

    def redo(self, session) -> None:
        self.update(session, self.record_id, **self.reason, **self.changes)
