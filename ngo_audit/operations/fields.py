"""The undoable edit of some fields of one record (see :mod:`ngo_audit.operations`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..lookup import get


class FieldEdit:
    """Set some fields of one record through a service ``update(session, id, **changes)``.

    ``expected_version``: the version of the record the user saw when editing (an edit dialog's);
    ``do`` is refused with :class:`~ngo_audit.store.errors.StaleEdit` when someone changed it meanwhile.
    Undo and redo are the user's own steps back and forth and are not checked.
    """

    def __init__(self, model: type, update: Callable[..., Any], record_id: int, changes: dict[str, Any],
                 reason: str = "", expected_version: int | None = None) -> None:
        self.model, self.update, self.record_id = model, update, record_id
        self.expected_version = expected_version
        self.changes = dict(changes)
        self.old: dict[str, Any] = {}
        # The reason given for the edit (the service keeps it in the change log), also on undo and redo.
        self.reason = {"reason": reason} if reason else {}

    def do(self, session) -> None:
        from ..store.concurrency import expect_version

        record = get(session, self.model, self.record_id)
        expect_version(session, record, self.expected_version)
        self.old = {key: getattr(record, key) for key in self.changes}
        self.update(session, self.record_id, **self.reason, **self.changes)

    def undo(self, session) -> None:
        undo_reason = {"reason": "↶ " + self.reason["reason"]} if self.reason else {}
        self.update(session, self.record_id, **undo_reason, **self.old)

    def redo(self, session) -> None:
        self.update(session, self.record_id, **self.reason, **self.changes)
