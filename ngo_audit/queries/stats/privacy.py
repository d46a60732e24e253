"""Personal data that a public edition (公开版) of a report must leave out."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...models import Auditor, Lead, Subject


def personal_strings(session: Session) -> list[str]:
    """Reporters' names and contacts, auditors' phones, subjects' contact persons and phones: every
    value of at least two characters, longest first (so that a longer one is replaced before its part)."""
    values: set[str] = set()
    for q in (select(Lead.reporter, Lead.reporter_contact), select(Auditor.phone, Auditor.phone),
              select(Subject.contact_person, Subject.contact_phone)):
        for row in session.execute(q):
            values.update(v.strip() for v in row if v and len(v.strip()) >= 2)
    return sorted(values, key=lambda v: (-len(v), v))
