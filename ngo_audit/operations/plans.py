"""Undoable changes (``do`` / ``undo`` / ``redo``, one unit of work each; see :mod:`ngo_audit.operations`)."""

from __future__ import annotations

from .fields import FieldEdit


class PlanItemEdit(FieldEdit):
    """A FieldEdit whose ``auditor_ids`` is read from the item's auditors (not a column)."""

    def do(self, session) -> None:
        from ngo_audit.models import PlanItem
        from ngo_audit.services.common import get
        from ngo_audit.store.concurrency import expect_version

        item = get(session, PlanItem, self.record_id)
        expect_version(session, item, self.expected_version)
        self.old = {key: ([a.id for a in item.auditors] if key == "auditor_ids" else getattr(item, key))
                    for key in self.changes}
        self.update(session, self.record_id, **self.changes)
        self._note_left(session)


def item_edit(item_id: int, changes: dict, expected_version: int | None = None) -> PlanItemEdit:
    from ngo_audit.models import PlanItem
    from ngo_audit.services.plans import update_item

    return PlanItemEdit(PlanItem, update_item, item_id, changes, expected_version=expected_version)


class PlanItemRemove:
    """Take a visit out of its plan; undo re-creates it from the snapshot taken at removal."""

    def __init__(self, item_id: int) -> None:
        self.item_id = item_id
        self.snapshot: dict | None = None

    def do(self, session) -> None:
        from ngo_audit.services.plans import remove_item

        self.snapshot = remove_item(session, self.item_id)

    def undo(self, session) -> None:
        from ngo_audit.services.plans import restore_item

        restore_item(session, self.snapshot)

    def redo(self, session) -> None:
        self.do(session)


def add_suggested(session, contract_id: int, quarter: str, entries: list[tuple[int, str, str]]) -> int:
    """Add (subject id, source, notes) entries to the plan of ``quarter`` (created when missing)."""
    from ngo_audit.services.plans import add_item, get_or_create_plan

    plan = get_or_create_plan(session, contract_id, quarter)
    for subject_id, source, notes in entries:
        add_item(session, plan.id, subject_id, source=source, notes=notes)
    return len(entries)
