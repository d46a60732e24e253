"""Undoable changes of the setup screens (Edit › Undo): each has ``do``, ``undo``, ``redo`` run on the
worker (see :mod:`ui.undo`).  Adding an auditor, merging or deleting grid cells, moving terms and
renaming chapters, deleting or retiring a term."""

from __future__ import annotations

from datetime import date


class AuditorAdd:
    def __init__(self, name: str, role: str, phone: str, active: bool = True) -> None:
        self.values = (name, role, phone, active)
        self.columns: dict | None = None
        self.auditor_id: int | None = None

    def do(self, session) -> int:
        from ngo_audit.services.auditors import add_auditor

        self.auditor_id = add_auditor(session, *self.values).id
        return self.auditor_id

    def undo(self, session) -> None:
        from ngo_audit.services.auditors import remove_auditor

        self.columns = remove_auditor(session, self.auditor_id).columns

    def redo(self, session) -> int:
        from ngo_audit.services.auditors import restore_auditor

        self.auditor_id = restore_auditor(session, self.columns).id
        return self.auditor_id


class CellMerge:
    def __init__(self, source_id: int, target_id: int) -> None:
        self.source_id, self.target_id = source_id, target_id
        self.result = None

    def do(self, session):
        from ngo_audit.services.grid import merge_cells

        self.result = merge_cells(session, self.source_id, self.target_id)
        return self.result

    def undo(self, session) -> None:
        from ngo_audit.services.grid import unmerge

        unmerge(session, self.result)

    redo = do


class CellDelete:
    def __init__(self, cell_id: int) -> None:
        self.cell_id = cell_id
        self.columns: dict | None = None

    def do(self, session) -> None:
        from ngo_audit.services.grid import delete_cell

        self.columns = delete_cell(session, self.cell_id)

    def undo(self, session) -> None:
        from ngo_audit.services.grid import restore_cell

        self.cell_id = restore_cell(session, self.columns).id

    redo = do


class TermOrderChange:
    """A move of a term or a chapter's new name; undo puts the order and chapters back."""

    def __init__(self, contract_id: int, fn, *args) -> None:
        self.contract_id, self.fn, self.args = contract_id, fn, args
        self.snapshot = None

    def do(self, session):
        from ngo_audit.services.term_order import order_snapshot

        self.snapshot = order_snapshot(session, self.contract_id)
        return self.fn(session, *self.args)

    def undo(self, session) -> None:
        from ngo_audit.services.term_order import restore_order

        restore_order(session, self.contract_id, self.snapshot)

    redo = do


class TermDelete:
    """Delete a term never used; returns True, or the term's usage (nothing changed) when it is used."""

    def __init__(self, term_id: int) -> None:
        self.term_id = term_id
        self.columns: dict | None = None

    def do(self, session):
        from ngo_audit.services.terms import delete_term, term_usage

        usage = term_usage(session, self.term_id)
        if usage.used:
            return usage
        self.columns = delete_term(session, self.term_id)
        return True

    def undo(self, session) -> None:
        from ngo_audit.services.terms import restore_term

        self.term_id = restore_term(session, self.columns).id

    def redo(self, session) -> None:
        from ngo_audit.services.terms import delete_term

        self.columns = delete_term(session, self.term_id)


class TermRetire:
    def __init__(self, term_id: int, reason: str, on: date) -> None:
        self.term_id, self.reason, self.on = term_id, reason, on

    def do(self, session) -> int:
        from ngo_audit.services.terms import retire_term

        return retire_term(session, self.term_id, reason=self.reason, on=self.on).id

    def undo(self, session) -> None:
        from ngo_audit.services.terms import reinstate_term

        reinstate_term(session, self.term_id)

    redo = do
