"""Public leads as plain data for the GUI (read-only, portable SQL, no Qt).

:func:`lead_rows` gives the rows of the list that pass a filter (a few hundred at most in a
file, so all at once); :func:`lead_detail` what became of one lead (status, outcome, the
findings linked with their status) and :func:`lead_choices` the subjects to pick from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ..lookup import get
from ..models import Finding, FindingStatus, Lead, LeadChannel, LeadStatus, Severity, Subject
from ..models.lead import lead_finding
from .findings import _like_op, like_escape


@dataclass
class LeadFilter:
    channel: LeadChannel | None = None
    status: LeadStatus | None = None
    subject_id: int | None = None
    text: str = ""  # summary, location, reporter, outcome or the subject's name


class LeadRow(NamedTuple):
    id: int
    received_on: date
    channel: LeadChannel
    summary: str
    subject_id: int | None
    subject_name: str
    status: LeadStatus
    findings: int


def lead_rows(session: Session, flt: LeadFilter | None = None) -> list[LeadRow]:
    """The leads that pass ``flt``, newest first (ties by id, newest first)."""
    flt = flt or LeadFilter()
    linked = (select(lead_finding.c.lead_id, func.count().label("n"))
              .group_by(lead_finding.c.lead_id).subquery())
    q = (select(Lead.id, Lead.received_on, Lead.channel, Lead.summary, Lead.subject_id,
                func.coalesce(Subject.name, ""), Lead.status, func.coalesce(linked.c.n, 0))
         .outerjoin(Subject, Subject.id == Lead.subject_id)
         .outerjoin(linked, linked.c.lead_id == Lead.id))
    if flt.channel is not None:
        q = q.where(Lead.channel == LeadChannel(flt.channel))
    if flt.status is not None:
        q = q.where(Lead.status == LeadStatus(flt.status))
    if flt.subject_id is not None:
        q = q.where(Lead.subject_id == flt.subject_id)
    text = flt.text.strip()
    if text:
        like = _like_op(session)
        pattern = "%" + like_escape(text) + "%"
        q = q.where(or_(*(getattr(col, like)(pattern, escape="!")
                          for col in (Lead.summary, Lead.location, Lead.reporter, Lead.outcome, Subject.name))))
    q = q.order_by(Lead.received_on.desc(), Lead.id.desc())
    return [LeadRow(*r) for r in session.execute(q)]


class LinkedFinding(NamedTuple):
    id: int
    title: str
    severity: Severity
    status: FindingStatus
    found_on: date


@dataclass
class LeadDetail:
    id: int
    received_on: date
    channel: LeadChannel
    summary: str
    reporter: str
    reporter_contact: str
    anonymous: bool
    location: str
    subject_id: int | None
    subject_name: str
    status: LeadStatus
    handled_on: date | None
    outcome: str
    findings: list[LinkedFinding]
    candidates: list[LinkedFinding]  # the subject's findings not linked yet
    details_private: bool = False  # marked "not for publication": the public edition leaves them out
    version: int | None = None  # the lead's version read with it (an edit based on it is refused once stale)


def _linked(f: Finding) -> LinkedFinding:
    return LinkedFinding(f.id, f.title, f.severity, f.status, f.found_on)


def lead_detail(session: Session, lead_id: int) -> LeadDetail:
    lead = get(session, Lead, lead_id)
    linked = {f.id for f in lead.findings}
    candidates: list[LinkedFinding] = []
    if lead.subject_id is not None:
        q = (select(Finding).where(Finding.subject_id == lead.subject_id)
             .order_by(Finding.found_on.desc(), Finding.id.desc()))
        candidates = [_linked(f) for f in session.scalars(q) if f.id not in linked]
    return LeadDetail(
        id=lead.id, received_on=lead.received_on, channel=lead.channel, summary=lead.summary,
        reporter=lead.reporter, reporter_contact=lead.reporter_contact, anonymous=lead.anonymous,
        location=lead.location, subject_id=lead.subject_id, subject_name=lead.subject.name if lead.subject else "",
        status=lead.status, handled_on=lead.handled_on, outcome=lead.outcome,
        findings=[_linked(f) for f in lead.findings], candidates=candidates, details_private=lead.details_private,
        version=lead.version)


class SubjectChoice(NamedTuple):
    id: int
    name: str
    code: str = ""  # the credit code (the picker searches it)


def lead_choices(session: Session) -> list[SubjectChoice]:
    """The subjects a lead can be about, by name (pinyin order)."""
    from ..pinyin import sort_key

    rows = session.execute(select(Subject.id, Subject.name, Subject.credit_code)).all()
    return [SubjectChoice(i, n, c or "") for i, n, c in sorted(rows, key=lambda r: (sort_key(r[1]), r[0]))]
