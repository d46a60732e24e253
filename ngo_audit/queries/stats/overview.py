"""Section 一: obligations against their targets, and coverage."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...models import (
    Audit,
    AuditPlan,
    EventKind,
    Finding,
    Lead,
    ObligationMetric,
    PlanItem,
    RectificationEvent,
    Subject,
    SubjectKind,
    Term,
    TermKind,
)
from ...quarters import Quarter
from .scope import Scope, default_issue_date, report_scope


@dataclass
class Obligation:
    """One obligation term measured on the quarter; ``met`` is None when nothing can be measured."""

    number: str
    title: str
    metric: ObligationMetric | None
    target: int | None
    required: int | None  # how many were due (subjects, audits, verifications, leads)
    planned: int | None
    done: int | None
    met: bool | None
    due_date: date | None = None  # REPORT_DAYS: the day the report is due


@dataclass
class Coverage:
    enterprises: int
    enterprises_audited: int
    key_enterprises: int
    key_enterprises_audited: int
    departments: int
    departments_audited: int
    audits: int
    audits_by_type: dict[str, int]
    plan_items: int


def _audit_rows(session: Session, scope: Scope):
    q = (select(Audit.id, Audit.subject_id, Audit.plan_item_id, Audit.audit_type, Subject.kind, Subject.key_monitored)
         .join(Subject, Subject.id == Audit.subject_id).where(Audit.audit_date.between(scope.start, scope.as_of)))
    return session.execute(q).all()


def _plan(session: Session, scope: Scope, quarter: Quarter | None = None) -> AuditPlan | None:
    q = str(quarter or scope.quarter)
    return session.scalar(select(AuditPlan).where(AuditPlan.contract_id == scope.contract.id, AuditPlan.quarter == q))


def coverage(session: Session, scope: Scope) -> Coverage:
    """Subjects audited in the quarter out of the active ones, by kind; audits by type."""
    audits = _audit_rows(session, scope)
    active = session.execute(select(Subject.id, Subject.kind, Subject.key_monitored).where(Subject.active.is_(True))).all()
    audited = {a.subject_id for a in audits}
    ent = [s for s in active if s.kind == SubjectKind.ENTERPRISE]
    key = [s for s in ent if s.key_monitored]
    dept = [s for s in active if s.kind == SubjectKind.DEPARTMENT]
    plan = _plan(session, scope)
    items = len(session.scalars(select(PlanItem.id).where(PlanItem.plan_id == plan.id)).all()) if plan else 0
    return Coverage(len(ent), sum(s.id in audited for s in ent), len(key), sum(s.id in audited for s in key),
                    len(dept), sum(s.id in audited for s in dept), len(audits),
                    dict(Counter(a.audit_type.value for a in audits)), items)


def obligations(session: Session, scope: Scope) -> list[Obligation]:
    """Each obligation term against what the file shows for the quarter (the metric's docstring says what)."""
    audits = _audit_rows(session, scope)
    per_subject = Counter(a.subject_id for a in audits)
    plan = _plan(session, scope)
    items = session.execute(select(PlanItem.id, PlanItem.subject_id, PlanItem.draw_id)
                            .where(PlanItem.plan_id == plan.id)).all() if plan else []
    planned_subjects = {i.subject_id for i in items}
    active = session.execute(select(Subject.id, Subject.kind, Subject.key_monitored).where(Subject.active.is_(True))).all()
    out = []
    terms = session.scalars(select(Term).where(Term.contract_id == scope.contract.id, Term.kind == TermKind.OBLIGATION,
                                               Term.retired_on.is_(None))
                            .order_by(Term.sort_key, Term.id))
    for t in terms:
        m, n = t.metric, t.target or 0
        o = Obligation(t.number, t.title, m, t.target, None, None, None, None)
        if m in (ObligationMetric.KEY_ENTERPRISE_VISITS, ObligationMetric.DEPARTMENT_AUDITS):
            due = [s.id for s in active if (s.kind == SubjectKind.DEPARTMENT if m == ObligationMetric.DEPARTMENT_AUDITS
                                            else s.kind == SubjectKind.ENTERPRISE and s.key_monitored)]
            o.required, o.planned = len(due), sum(s in planned_subjects for s in due)
            o.done = sum(per_subject[s] >= n for s in due)
            o.met = o.done >= o.required
        elif m == ObligationMetric.AUDITS_PER_QUARTER:
            o.required, o.planned, o.done = n, len(items), len(audits)
            o.met = o.done >= n
        elif m == ObligationMetric.DRAWN_SUBJECTS:
            drawn = {i.id for i in items if i.draw_id is not None}
            o.required, o.planned = n, len(drawn)
            o.done = len({a.plan_item_id for a in audits if a.plan_item_id in drawn})
            o.met = o.done >= n
        elif m == ObligationMetric.VERIFICATION_DAYS:
            o.required, o.done = _verifications(session, scope, n)
            o.met = o.done >= o.required if o.required else None
        elif m == ObligationMetric.LEAD_RESPONSE_DAYS:
            o.required, o.done, waiting = _lead_responses(session, scope, n)
            o.met = o.done + waiting >= o.required if o.required else None
        elif m == ObligationMetric.REPORT_DAYS:
            o.due_date = scope.quarter.end + timedelta(days=n)
        out.append(o)
    return out


def report_due(obligations: list[Obligation]) -> date | None:
    """The day the agreement says the quarter's report is due (its report-deadline obligation), if it says."""
    return next((o.due_date for o in obligations if o.due_date), None)


def report_issue_date(session: Session, quarter: Quarter | str, today: date | None = None) -> date:
    """The issue date the quarter's report gets when the user gives none (:func:`default_issue_date` with the
    agreement's deadline): what the Reports page shows while its issue-date box is unticked."""
    scope = report_scope(session, quarter, today)
    return default_issue_date(scope, report_due(obligations(session, scope)))


def _verifications(session: Session, scope: Scope, days: int) -> tuple[int, int]:
    """Verification visits in the quarter, and those within ``days`` of the deadline in force before them."""
    fids = select(RectificationEvent.finding_id).where(RectificationEvent.kind == EventKind.VERIFICATION,
                                                      RectificationEvent.event_date.between(scope.start, scope.as_of))
    q = (select(RectificationEvent.finding_id, RectificationEvent.kind, RectificationEvent.event_date,
                RectificationEvent.new_deadline, Finding.deadline)
         .join(Finding, Finding.id == RectificationEvent.finding_id).where(RectificationEvent.finding_id.in_(fids))
         .order_by(RectificationEvent.finding_id, RectificationEvent.event_date, RectificationEvent.id))
    total = on_time = 0
    deadline: dict[int, date | None] = {}
    for fid, kind, day, new_deadline, stored in session.execute(q):
        before = deadline.get(fid, stored)
        if kind == EventKind.VERIFICATION and scope.start <= day <= scope.as_of:
            total += 1
            on_time += before is None or day <= before + timedelta(days=days)
        deadline[fid] = new_deadline or before
    return total, on_time


def _lead_responses(session: Session, scope: Scope, days: int) -> tuple[int, int, int]:
    """(leads received, handled within ``days`` by as_of, unhandled but not yet ``days`` old)."""
    rows = session.execute(select(Lead.received_on, Lead.handled_on)
                           .where(Lead.received_on.between(scope.start, scope.as_of))).all()
    handled = sum(1 for r, h in rows if h is not None and h <= scope.as_of and (h - r).days <= days)
    waiting = sum(1 for r, h in rows if (h is None or h > scope.as_of) and (scope.as_of - r).days <= days)
    return len(rows), handled, waiting


# -- findings of the quarter: breakdowns, ledger, typical cases ---------------------------------------------

