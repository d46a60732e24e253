"""Undoable changes (``do`` / ``undo`` / ``redo``, one unit of work each; see :mod:`ngo_audit.operations`)."""

from __future__ import annotations


class AuditEdit:
    """Undoable edit of a visit's details (date, type, auditors, location, GPS) through ``update_audit``."""

    def __init__(self, audit_id: int, changes: dict, expected_version: int | None = None) -> None:
        self.audit_id, self.changes = audit_id, dict(changes)
        self.expected_version = expected_version  # the version the dialog showed (a stale edit is refused)
        self.old: dict = {}

    def do(self, session) -> None:
        from ngo_audit.models import Audit
        from ngo_audit.services.audits import update_audit
        from ngo_audit.services.common import get

        audit = get(session, Audit, self.audit_id)
        self.old = {key: ([a.id for a in audit.auditors] if key == "auditor_ids" else getattr(audit, key))
                    for key in self.changes}
        update_audit(session, self.audit_id, expected_version=self.expected_version, **self.changes)

    def undo(self, session) -> None:
        from ngo_audit.services.audits import update_audit

        update_audit(session, self.audit_id, **self.old)

    def redo(self, session) -> None:
        from ngo_audit.services.audits import update_audit

        update_audit(session, self.audit_id, **self.changes)


def start(session, subject_id: int, values: dict) -> int:
    from ngo_audit.services.audits import start_audit

    return start_audit(session, subject_id, **values).id


def update_result(session, result_id: int, **changes) -> None:
    """Set the result and/or the note of one term of an audit (the undoable edit)."""
    from ngo_audit.models import AuditResult
    from ngo_audit.services.audits import set_result
    from ngo_audit.services.common import get

    row = get(session, AuditResult, result_id)
    set_result(session, row.audit_id, row.term_id, changes.get("result", row.result), changes.get("note", row.note))


def record(session, audit_id: int, term_id: int, fields: dict, paths: list[str], actor: str) -> int:
    """Worker function: the result, the finding and its evidence in one unit of work."""
    from ngo_audit.models import EvidencePhase
    from ngo_audit.services.audits import record_non_compliance
    from ngo_audit.services.evidence import add_evidence_file

    finding = record_non_compliance(session, audit_id, term_id, **fields)
    for path in paths:
        add_evidence_file(session, path, finding_id=finding.id, audit_id=audit_id, phase=EvidencePhase.BEFORE,
                          taken_by=actor)
    return finding.id
