"""The undoable edit of some fields of one record (see :mod:`ngo_audit.operations`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..lookup import get


class FieldEdit:
    """Set some fields of one record through a service ``update(session, id, **changes)``.

    ``expected_version``: the version of the record the user saw when editing (an edit dialog's);
    ``do`` is refused with :class:`~ngo_audit.store.errors.StaleEdit` when someone changed it meanwhile.
    Undo and redo are refused the same way when someone else changed one of the edited fields since
    (they would overwrite that change): the fields are compared with what this edit left.
    """

    def __init__(self, model: type, update: Callable[..., Any], record_id: int, changes: dict[str, Any],
                 reason: str = "", expected_version: int | None = None) -> None:
        self.model, self.update, self.record_id = model, update, record_id
        self.expected_version = expected_version
        self.changes = dict(changes)
        self.old: dict[str, Any] = {}
        self.left: dict[str, Any] = {}  # the edited fields as the last do/undo/redo left them (stored values)
        # The reason given for the edit (the service keeps it in the change log), also on undo and redo.
        self.reason = {"reason": reason} if reason else {}

    def do(self, session) -> None:
        from ..store.concurrency import expect_version

        record = get(session, self.model, self.record_id)
        expect_version(session, record, self.expected_version)
        self.old = {key: getattr(record, key) for key in self.changes}
        self.update(session, self.record_id, **self.reason, **self.changes)
        self._note_left(session)

    def undo(self, session) -> None:
        self._expect_as_left(session, undoing=True)
        undo_reason = {"reason": "↶ " + self.reason["reason"]} if self.reason else {}
        self.update(session, self.record_id, **undo_reason, **self.old)
        self._note_left(session)

    def redo(self, session) -> None:
        self._expect_as_left(session, undoing=False)
        self.update(session, self.record_id, **self.reason, **self.changes)
        self._note_left(session)

    def _fields(self) -> list[str]:
        """The edited fields that are columns of the record (a subclass may edit others, e.g. a link list)."""
        columns = set(self.model.__table__.columns.keys())
        return [key for key in self.changes if key in columns]

    def _note_left(self, session) -> None:
        session.flush()
        record = get(session, self.model, self.record_id)
        self.left = {key: getattr(record, key) for key in self._fields()}

    def _expect_as_left(self, session, *, undoing: bool) -> None:
        from ..store.concurrency import expect_still

        if self.left:
            expect_still(session, get(session, self.model, self.record_id), self.left, undoing=undoing)
