"""Undoable changes (``do`` / ``undo`` / ``redo``, one unit of work each; see :mod:`ngo_audit.operations`)."""

from __future__ import annotations


class NoteEdit:
    """Undoable change of one section's text of a quarterly report (the texts the NGO writes itself)."""

    def __init__(self, contract_id: int, quarter: str, section: str, text: str) -> None:
        self.contract_id, self.quarter, self.section, self.text = contract_id, quarter, section, text
        self.old = ""

    def do(self, session) -> None:
        from ngo_audit.services.notes import save_note

        self.old = save_note(session, self.contract_id, self.quarter, self.section, self.text)

    def undo(self, session) -> None:
        from ngo_audit.services.notes import save_note

        save_note(session, self.contract_id, self.quarter, self.section, self.old)

    def redo(self, session) -> None:
        self.do(session)


class NoteMark:
    """Undoable mark "not for publication" (不公开) on one section's text of a quarterly report."""

    def __init__(self, contract_id: int, quarter: str, section: str, private: bool) -> None:
        self.contract_id, self.quarter, self.section, self.private = contract_id, quarter, section, private
        self.old = False

    def do(self, session) -> None:
        from ngo_audit.services.notes import mark_note

        self.old = mark_note(session, self.contract_id, self.quarter, self.section, self.private)

    def undo(self, session) -> None:
        from ngo_audit.services.notes import mark_note

        mark_note(session, self.contract_id, self.quarter, self.section, self.old)

    def redo(self, session) -> None:
        self.do(session)
