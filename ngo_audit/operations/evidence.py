"""Undoable changes (``do`` / ``undo`` / ``redo``, one unit of work each; see :mod:`ngo_audit.operations`)."""

from __future__ import annotations


class EvidenceRemoval:
    """The undoable removal of one file (the core's remove and restore, run on the worker)."""

    def __init__(self, evidence_id: int) -> None:
        self.evidence_id = evidence_id
        self.removed = None

    def do(self, session) -> None:
        from ngo_audit.services.evidence import remove_evidence

        self.removed = remove_evidence(session, self.evidence_id)

    def undo(self, session) -> None:
        from ngo_audit.services.evidence import restore_evidence

        self.evidence_id = restore_evidence(session, self.removed)

    def redo(self, session) -> None:
        self.do(session)
