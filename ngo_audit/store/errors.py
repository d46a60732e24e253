"""Errors of a team database (PostgreSQL), in words a user can act on (zh + en)."""

from __future__ import annotations

from ..errors import AuditFileError, NgoAuditError


class ServerError(AuditFileError):
    """The server could not be reached or refused the connection."""


class NotPermitted(NgoAuditError):
    """The server refused a change: the user's role may not make it."""


class StaleEdit(NgoAuditError):
    """An edit based on a copy that someone else changed meanwhile.  Nothing was saved."""

    def __init__(self, zh: str, en: str, *, table: str = "", record_uid: str = "", changed_by: str = "",
                 changed_at=None) -> None:
        super().__init__(zh, en)
        self.table = table
        self.record_uid = record_uid
        self.changed_by = changed_by
        self.changed_at = changed_at
