"""Public leads: recording them, linking them to subjects and findings, closing them."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from ..errors import ValidationError
from ..models import Finding, Lead, LeadChannel, LeadStatus, Subject
from .common import get, require_text


def record_lead(session: Session, *, received_on: date, channel: LeadChannel | str, summary: str,
                reporter: str = "", reporter_contact: str = "", anonymous: bool = False, location: str = "",
                subject_id: int | None = None) -> Lead:
    if subject_id is not None:
        get(session, Subject, subject_id)
    lead = Lead(received_on=received_on, channel=LeadChannel(channel),
                summary=require_text(summary, "summary", "线索内容", "the lead's content"),
                reporter="" if anonymous else reporter.strip(),
                reporter_contact="" if anonymous else reporter_contact.strip(),
                anonymous=anonymous, location=location.strip(), subject_id=subject_id)
    session.add(lead)
    session.flush()
    return lead


def link_finding(session: Session, lead_id: int, finding_id: int) -> Lead:
    lead = get(session, Lead, lead_id)
    finding = get(session, Finding, finding_id)
    if finding not in lead.findings:
        lead.findings.append(finding)
    if lead.subject_id is None:
        lead.subject_id = finding.subject_id
    return lead


def set_status(session: Session, lead_id: int, status: LeadStatus | str, *, on: date, outcome: str = "") -> Lead:
    lead = get(session, Lead, lead_id)
    status = LeadStatus(status)
    if on < lead.received_on:
        raise ValidationError("处理日期不能早于受理日期。", "The date handled cannot be before the date received.",
                              field="handled_on")
    if status in (LeadStatus.UNFOUNDED, LeadStatus.REFERRED, LeadStatus.CLOSED) and not outcome.strip():
        raise ValidationError("请写明处理结果。", "Say what became of the lead.", field="outcome")
    lead.status = status
    lead.handled_on = on
    if outcome.strip():
        lead.outcome = outcome.strip()
    return lead
