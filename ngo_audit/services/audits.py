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
    if item is None:
        item = open_plan_item(session, subject.id, audit_date)
    audit = Audit(subject=subject, plan_item=item, audit_date=audit_date, audit_type=AuditType(audit_type),
                  location=location.strip() or subject.address, latitude=latitude, longitude=longitude,
                  notes=notes.strip())
    audit.auditors = [get(session, Auditor, a) for a in auditor_ids]
    if item is not None and not auditor_ids:
        audit.auditors = list(item.auditors)
    planned = [t for t in item.terms if t.retired_on is None] if item is not None else []
    terms = planned or applicable_terms(session, subject)
    audit.results = [AuditResult(term=t, result=TermResult.NOT_CHECKED) for t in terms]
    session.add(audit)
    session.flush()
    return audit


def open_plan_item(session: Session, subject_id: int, on: date, *, except_audit: int | None = None) -> PlanItem | None:
    """The plan item a visit to ``subject_id`` on ``on`` carries out: one of the subject in the plan
    of that quarter that no other visit carried out yet (the earliest planned first)."""
    from ..models import AuditPlan
    from ..quarters import Quarter

    done = select(Audit.id).where(Audit.plan_item_id == PlanItem.id)
    if except_audit is not None:
        done = done.where(Audit.id != except_audit)
    return session.scalars(
        select(PlanItem).join(AuditPlan, AuditPlan.id == PlanItem.plan_id)
        .where(PlanItem.subject_id == subject_id, AuditPlan.quarter == str(Quarter.of(on)), ~done.exists())
        .order_by(PlanItem.planned_date.is_(None), PlanItem.planned_date, PlanItem.id)
    ).first()


def _follow_plan(session: Session, audit: Audit, new_date: date) -> None:
    """A visit moved to another quarter no longer carries out its old quarter's plan item (which is
    open again); it carries out an open one of the new quarter, if there is one."""
    from ..models import AuditPlan
    from ..quarters import Quarter

    if audit.plan_item is not None:
        plan = session.get(AuditPlan, audit.plan_item.plan_id)
        if plan.quarter == str(Quarter.of(new_date)):
            return
    audit.plan_item = open_plan_item(session, audit.subject_id, new_date, except_audit=audit.id)


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
    if "audit_date" in changes and changes["audit_date"] != audit.audit_date:
        finding_service.follow_visit_date(session, audit, changes["audit_date"])
        _follow_plan(session, audit, changes["audit_date"])
    for key, value in changes.items():
        setattr(audit, key, value)
    return audit
