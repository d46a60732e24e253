"""The undoable changes of leads (``do`` / ``undo`` / ``redo``, each one unit of work; see ``ngo_audit.operations``).

Each command finds its lead by ``uid``, not by the local id: a deleted lead comes back
with the same uid, but its local id may have been given to another lead meanwhile.
Deleting takes the lead's links to findings with it (the findings stay); putting it back
restores the links.
"""

from __future__ import annotations

from datetime import date


class LeadCreate:
    """Record a lead; undo deletes it, redo puts the same record (same uid) back."""

    def __init__(self, values: dict) -> None:
        self.values = dict(values)
        self.uid: str | None = None
        self.snapshot = None

    def do(self, session) -> int:
        from ngo_audit.services.leads import record_lead

        lead = record_lead(session, **self.values)
        self.uid = lead.uid
        return lead.id

    def undo(self, session) -> None:
        from ngo_audit.services.leads import delete_lead, lead_id_of

        self.snapshot = delete_lead(session, lead_id_of(session, self.uid))

    def redo(self, session) -> int:
        from ngo_audit.services.leads import restore_lead

        return restore_lead(session, self.snapshot).id


class LeadDelete:
    """Delete a lead and its links to findings; undo puts both back."""

    def __init__(self, lead_id: int) -> None:
        self.lead_id = lead_id
        self.uid: str | None = None
        self.snapshot = None

    def do(self, session) -> None:
        from ngo_audit.models import Lead
        from ngo_audit.services.common import get
        from ngo_audit.services.leads import delete_lead, lead_id_of

        if self.uid is None:
            self.uid = get(session, Lead, self.lead_id).uid
        self.snapshot = delete_lead(session, lead_id_of(session, self.uid))

    def undo(self, session) -> int:
        from ngo_audit.services.leads import restore_lead

        return restore_lead(session, self.snapshot).id

    def redo(self, session) -> None:
        self.do(session)


class LeadEdit:
    """Change fields of a lead (``services.leads.update_lead``); undo restores every field as it was.

    Every field is kept, not only the changed ones: marking a lead anonymous also empties
    the reporter's name and contact, which an undo must bring back.
    """

    def __init__(self, lead_id: int, changes: dict, expected_version: int | None = None) -> None:
        self.lead_id = lead_id
        self.expected_version = expected_version  # the version the dialog showed (a stale edit is refused)
        self.changes = dict(changes)
        self.uid: str | None = None
        self.old: dict = {}

    def do(self, session) -> int:
        from ngo_audit.models import Lead
        from ngo_audit.services.common import get
        from ngo_audit.services.leads import LEAD_FIELDS, update_lead

        lead = get(session, Lead, self.lead_id)
        self.uid = lead.uid
        self.old = {key: getattr(lead, key) for key in LEAD_FIELDS}
        return update_lead(session, lead.id, expected_version=self.expected_version, **self.changes).id

    def undo(self, session) -> None:
        from ngo_audit.services.leads import lead_id_of, update_lead

        update_lead(session, lead_id_of(session, self.uid), **self.old)

    def redo(self, session) -> None:
        from ngo_audit.services.leads import lead_id_of, update_lead

        update_lead(session, lead_id_of(session, self.uid), **self.changes)


class LeadStatusChange:
    """Set what became of a lead; undo puts back the status, its date and the outcome before."""

    def __init__(self, lead_id: int, status: str, on: date, outcome: str) -> None:
        self.lead_id = lead_id
        self.status, self.on, self.outcome = status, on, outcome
        self.uid: str | None = None
        self.old = None

    def do(self, session) -> int:
        from ngo_audit.models import Lead
        from ngo_audit.services.common import get
        from ngo_audit.services.leads import set_status, status_state

        self.uid = get(session, Lead, self.lead_id).uid
        self.old = status_state(session, self.lead_id)
        return set_status(session, self.lead_id, self.status, on=self.on, outcome=self.outcome).id

    def undo(self, session) -> None:
        from ngo_audit.services.leads import lead_id_of, restore_status

        restore_status(session, lead_id_of(session, self.uid), self.old)

    def redo(self, session) -> None:
        from ngo_audit.services.leads import lead_id_of, set_status

        set_status(session, lead_id_of(session, self.uid), self.status, on=self.on, outcome=self.outcome)


def link(session, lead_id: int, finding_id: int) -> int:
    from ngo_audit.services.leads import link_finding

    return link_finding(session, lead_id, finding_id).id
