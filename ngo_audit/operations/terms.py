"""Undoable changes (``do`` / ``undo`` / ``redo``, one unit of work each; see :mod:`ngo_audit.operations`)."""

from __future__ import annotations


class TermCreate:
    """Add a term (run on the worker); undo removes it while unused, redo puts the same record back."""

    def __init__(self, contract_id: int, values: dict) -> None:
        self.contract_id, self.values = contract_id, dict(values)
        self.uid: str | None = None
        self.columns: dict | None = None

    def do(self, session) -> int:
        from ngo_audit.services.contracts import add_term

        term = add_term(session, self.contract_id, **self.values)
        self.uid = term.uid
        return term.id

    def undo(self, session) -> None:
        from ngo_audit.services.terms import remove_unused_term, term_id_of

        self.columns = remove_unused_term(session, term_id_of(session, self.uid))

    def redo(self, session) -> int:
        from ngo_audit.services.terms import restore_term

        return restore_term(session, self.columns).id
