"""What the issue ledger adds to each row for a reviewer: closure date, verification result, escalation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...models import Escalation, EventKind, RectificationEvent


@dataclass(frozen=True)
class LedgerExtra:
    closed_on: date | None = None  # the passed verification that closed it
    verified: bool | None = None  # the last verification on as_of: passed, failed, or none yet
    verified_on: date | None = None
    escalated_to: str = ""  # recipient and reference of the latest escalation on as_of
    escalation: tuple[str, str] = ("", "")  # the same, apart: (recipient, reference)


def ledger_extras(session: Session, ids: list[int], as_of: date) -> dict[int, LedgerExtra]:
    """Per finding id: its last verification and latest escalation up to ``as_of`` (one query each, in chunks)."""
    verifications: dict[int, tuple[date, bool | None]] = {}
    escalations: dict[int, str] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        q = (select(RectificationEvent.finding_id, RectificationEvent.event_date, RectificationEvent.passed)
             .where(RectificationEvent.finding_id.in_(chunk), RectificationEvent.kind == EventKind.VERIFICATION,
                    RectificationEvent.event_date <= as_of)
             .order_by(RectificationEvent.event_date, RectificationEvent.id))
        for fid, day, passed in session.execute(q):
            verifications[fid] = (day, passed)  # the last one wins
        q = (select(Escalation.finding_id, Escalation.recipient, Escalation.reference_no)
             .where(Escalation.finding_id.in_(chunk), Escalation.escalated_on <= as_of)
             .order_by(Escalation.escalated_on, Escalation.id))
        for fid, recipient, ref in session.execute(q):
            escalations[fid] = (recipient or "", ref or "")
    out = {}
    for fid in ids:
        day, passed = verifications.get(fid, (None, None))
        recipient, ref = escalations.get(fid, ("", ""))
        out[fid] = LedgerExtra(day if passed else None, passed, day, " ".join(x for x in (recipient, ref) if x),
                               (recipient, ref))
    return out
