"""Audits: a visit, its checklist of applicable terms and a result per term."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import ValidationError
from ..models import (
    Audit,
    Auditor,
    AuditResult,
    AuditType,
    Finding,
    PlanItem,
    Severity,
    Subject,
    Term,
    TermResult,
)
from ..store.concurrency import expect_version
from . import findings as finding_service
from .common import get
from .contracts import applicable_terms


def _check_coordinates(latitude: float | None, longitude: float | None) -> None:
    if (latitude is None) != (longitude is None):
        raise ValidationError("GPS 坐标需同时填写纬度和经度。", "GPS needs both latitude and longitude.", field="gps")
    if latitude is not None and not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise ValidationError("GPS 坐标超出范围。", "GPS coordinates are out of range.", field="gps")


def start_audit(session: Session, subject_id: int, *, audit_date: date,
                audit_type: AuditType | str = AuditType.ANNOUNCED, auditor_ids: list[int] = (),
                plan_item_id: int | None = None, location: str = "", latitude: float | None = None,
                longitude: float | None = None, notes: str = "") -> Audit:
    """Open an audit with one 'not checked' result for every term that applies to the subject."""
    subject = get(session, Subject, subject_id)
    _check_coordinates(latitude, longitude)
    item = get(session, PlanItem, plan_item_id) if plan_item_id is not None else None
    if item is not None and item.subject_id != subject.id:
        raise ValidationError("计划项属于另一个监督对象。", "The plan item is for another subject.", field="plan_item")
    audit = Audit(subject=subject, plan_item=item, audit_date=audit_date, audit_type=AuditType(audit_type),
                  location=location.strip() or subject.address, latitude=latitude, longitude=longitude,
                  notes=notes.strip())
    audit.auditors = [get(session, Auditor, a) for a in auditor_ids]
    if item is not None and not auditor_ids:
        audit.auditors = list(item.auditors)
    terms = list(item.terms) if item is not None and item.terms else applicable_terms(session, subject)
    audit.results = [AuditResult(term=t, result=TermResult.NOT_CHECKED) for t in terms]
    session.add(audit)
    session.flush()
    return audit


def set_result(session: Session, audit_id: int, term_id: int, result: TermResult | str, note: str = "") -> AuditResult:
    audit = get(session, Audit, audit_id)
    row = session.scalar(select(AuditResult).where(AuditResult.audit_id == audit.id, AuditResult.term_id == term_id))
    if row is None:
        term = get(session, Term, term_id)
        row = AuditResult(audit=audit, term=term)
        session.add(row)
    row.result = TermResult(result)
    row.note = note.strip()
    session.flush()
    return row


def record_non_compliance(session: Session, audit_id: int, term_id: int, *, title: str,
                          severity: Severity | str | None = None, description: str = "", requirement: str = "",
                          deadline: date | None = None, note: str = "") -> Finding:
    """Mark a term non-compliant and add its finding in one step."""
    audit = get(session, Audit, audit_id)
    row = set_result(session, audit.id, term_id, TermResult.NON_COMPLIANT, note)
    return finding_service.create_finding(
        session,
        subject_id=audit.subject_id,
        term_id=term_id,
        audit_id=audit.id,
        severity=severity or row.term.default_severity or Severity.GENERAL,
        title=title,
        description=description,
        requirement=requirement,
        deadline=deadline,
    )


def update_audit(session: Session, audit_id: int, *, expected_version: int | None = None, **changes) -> Audit:
    audit = get(session, Audit, audit_id)
    expect_version(session, audit, expected_version)  # refused when someone changed it meanwhile
    allowed = {"audit_date", "audit_type", "location", "latitude", "longitude", "notes", "auditor_ids"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"not editable here: {sorted(unknown)}")
    _check_coordinates(changes.get("latitude", audit.latitude), changes.get("longitude", audit.longitude))
    if "auditor_ids" in changes:
        audit.auditors = [get(session, Auditor, a) for a in changes.pop("auditor_ids")]
    if "audit_type" in changes:
        changes["audit_type"] = AuditType(changes["audit_type"])
    for key, value in changes.items():
        setattr(audit, key, value)
    return audit
