"""The undoable changes of a subject (``do`` / ``undo`` / ``redo``, each one unit of work; see ``ngo_audit.operations``).

Thin: what goes with a subject, the deletion and the re-creation with the same id and uid
are the core's (:mod:`ngo_audit.services.subject_removal`); these only keep the snapshot.
"""

from __future__ import annotations


class SubjectDelete:
    """Delete a subject that nothing of the record depends on; undo puts it back as it was.

    Its planned visits go with it and come back on undo (same ids, auditors and terms);
    leads linked to it are unlinked and linked again.
    """

    def __init__(self, subject_id: int) -> None:
        self.subject_id = subject_id
        self.snapshot = None  # a services.subject_removal.SubjectSnapshot once done

    def do(self, session) -> None:
        from ngo_audit.services.subject_removal import delete_subject

        self.snapshot = delete_subject(session, self.subject_id)

    def undo(self, session) -> None:
        from ngo_audit.services.subject_removal import restore_subject

        self.subject_id = restore_subject(session, self.snapshot).id  # a new id if its own was taken meanwhile

    def redo(self, session) -> None:
        self.do(session)


class SubjectCreate:
    """Add a subject; undo deletes it again (refused once something depends on it)."""

    def __init__(self, data) -> None:
        self.data = data
        self.subject_id: int | None = None
        self._delete: SubjectDelete | None = None

    def do(self, session) -> int:
        from ngo_audit.services.subjects import create_subject

        self.subject_id = create_subject(session, self.data).id
        self._delete = SubjectDelete(self.subject_id)
        return self.subject_id

    def undo(self, session) -> None:
        self._delete.do(session)

    def redo(self, session) -> None:
        self._delete.undo(session)  # the same record again: same id, same uid


class SubjectEdit:
    """Change a subject's fields (a whole ``SubjectData``); undo restores the values before."""

    def __init__(self, subject_id: int, data, expected_version: int | None = None) -> None:
        self.subject_id = subject_id
        self.expected_version = expected_version  # the version the dialog showed (a stale edit is refused)
        self.data = data
        self.old = None

    def do(self, session) -> int:
        from ngo_audit.services.subjects import subject_form, update_subject

        self.old = subject_form(session, self.subject_id)
        update_subject(session, self.subject_id, self.data, expected_version=self.expected_version)
        return self.subject_id

    def undo(self, session) -> None:
        from ngo_audit.services.subjects import update_subject

        update_subject(session, self.subject_id, self.old)

    def redo(self, session) -> None:
        from ngo_audit.services.subjects import update_subject

        update_subject(session, self.subject_id, self.data)
