"""The dashboard's figures for one quarter, as plain data (read on the GUI's worker)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ngo_audit.lifecycle import overdue_clause
from ngo_audit.models import (
    Audit,
    AuditPlan,
    Finding,
    FindingStatus,
    Lead,
    LeadStatus,
    ObligationMetric,
    PlanItem,
    PlanItemSource,
    Severity,
    Subject,
    SubjectKind,
    Term,
    TermKind,
)
from ngo_audit.quarters import Quarter
from ngo_audit.queries.findings import FindingFilter, counts_by, due_clause

DUE_SOON_DAYS = 14
LIST_LIMIT = 8


@dataclass(frozen=True)
class Obligation:
    term_number: str
    metric: ObligationMetric
    done: int
    target: int  # what "done" is compared with (a count of audits, subjects…)


@dataclass(frozen=True)
class FindingBrief:
    id: int
    subject_name: str
    title: str
    deadline: date | None
    days: int  # overdue by (positive) or due in (for the due list)


@dataclass
class DashboardData:
    as_of: date
    quarter: Quarter | None  # None: the file has no contract yet
    contract_title: str = ""
    planned: int = 0
    planned_done: int = 0
    audits: int = 0
    obligations: list[Obligation] = field(default_factory=list)
    by_severity: dict[Severity, int] = field(default_factory=dict)
    by_status: dict[FindingStatus, int] = field(default_factory=dict)
    overdue_count: int = 0
    overdue: list[FindingBrief] = field(default_factory=list)
    due_soon_count: int = 0
    due_soon: list[FindingBrief] = field(default_factory=list)
    leads_new: int = 0
    leads_open: int = 0


def dashboard_quarter(as_of: date, period: tuple[date, date]) -> Quarter:
    """The quarter holding ``as_of``, clamped to the contract period."""
    first, last = Quarter.of(period[0]), Quarter.of(period[1])
    return min(max(Quarter.of(as_of), first), last)


def _audits_per_subject(session: Session, q: Quarter, kind: SubjectKind, key_only: bool) -> tuple[int, dict]:
    subjects = select(Subject.id).where(Subject.kind == kind, Subject.active.is_(True))
    if key_only:
        subjects = subjects.where(Subject.key_monitored.is_(True))
    ids = list(session.scalars(subjects))
    counts = dict(session.execute(
        select(Audit.subject_id, func.count(Audit.id))
        .where(Audit.audit_date.between(q.start, q.end), Audit.subject_id.in_(ids))
        .group_by(Audit.subject_id)).all())
    return len(ids), counts


def _obligations(session: Session, contract_id: int, q: Quarter, audits: int, plan_id: int | None) -> list:
    out = []
    terms = session.scalars(select(Term).where(Term.contract_id == contract_id, Term.kind == TermKind.OBLIGATION,
                                               Term.retired_on.is_(None))
                            .order_by(Term.sort_key, Term.id))
    for term in terms:
        target = term.target or 0
        if term.metric == ObligationMetric.AUDITS_PER_QUARTER:
            out.append(Obligation(term.number, term.metric, audits, target))
        elif term.metric in (ObligationMetric.KEY_ENTERPRISE_VISITS, ObligationMetric.DEPARTMENT_AUDITS):
            key = term.metric == ObligationMetric.KEY_ENTERPRISE_VISITS
            total, counts = _audits_per_subject(session, q, SubjectKind.ENTERPRISE if key else SubjectKind.DEPARTMENT,
                                                key_only=key)
            met = sum(1 for n in counts.values() if n >= max(target, 1))
            out.append(Obligation(term.number, term.metric, met, total))
        elif term.metric == ObligationMetric.DRAWN_SUBJECTS:
            drawn = 0 if plan_id is None else session.scalar(
                select(func.count(PlanItem.id)).where(PlanItem.plan_id == plan_id,
                                                      PlanItem.source == PlanItemSource.DRAW)) or 0
            out.append(Obligation(term.number, term.metric, drawn, target))
    return out


def _briefs(session: Session, where, order, as_of: date, overdue: bool) -> list[FindingBrief]:
    rows = session.execute(select(Finding.id, Subject.name, Finding.title, Finding.deadline)
                           .join(Subject, Subject.id == Finding.subject_id).where(*where).order_by(*order)
                           .limit(LIST_LIMIT)).all()
    return [FindingBrief(i, name, title, d, (as_of - d).days if overdue else (d - as_of).days)
            for i, name, title, d in rows]


def dashboard_data(session: Session, as_of: date) -> DashboardData:
    from ngo_audit.services.contracts import current_contract

    contract = current_contract(session)
    if contract is None:
        return DashboardData(as_of=as_of, quarter=None)
    q = dashboard_quarter(as_of, (contract.period_start, contract.period_end))
    data = DashboardData(as_of=as_of, quarter=q, contract_title=contract.title)
    plan_id = session.scalar(select(AuditPlan.id).where(AuditPlan.contract_id == contract.id,
                                                        AuditPlan.quarter == str(q)))
    if plan_id is not None:
        data.planned = session.scalar(select(func.count(PlanItem.id)).where(PlanItem.plan_id == plan_id)) or 0
        data.planned_done = session.scalar(
            select(func.count(func.distinct(Audit.plan_item_id)))
            .join(PlanItem, PlanItem.id == Audit.plan_item_id).where(PlanItem.plan_id == plan_id)) or 0
    data.audits = session.scalar(select(func.count(Audit.id)).where(Audit.audit_date.between(q.start, q.end))) or 0
    data.obligations = _obligations(session, contract.id, q, data.audits, plan_id)

    flt = FindingFilter(quarter=q, as_of=as_of)
    data.by_severity = {Severity(k): v for k, v in counts_by(session, flt, "severity").items()}
    data.by_status = {FindingStatus(k): v for k, v in counts_by(session, flt, "status").items()}

    overdue = [overdue_clause(as_of)]
    data.overdue_count = session.scalar(select(func.count(Finding.id)).where(*overdue)) or 0
    data.overdue = _briefs(session, overdue, [Finding.deadline, Finding.id], as_of, overdue=True)
    due = [due_clause(as_of, as_of + timedelta(days=DUE_SOON_DAYS))]  # the findings page's "due within" filter
    data.due_soon_count = session.scalar(select(func.count(Finding.id)).where(*due)) or 0
    data.due_soon = _briefs(session, due, [Finding.deadline, Finding.id], as_of, overdue=False)

    data.leads_new = session.scalar(select(func.count(Lead.id)).where(Lead.received_on.between(q.start, q.end))) or 0
    data.leads_open = session.scalar(select(func.count(Lead.id)).where(
        Lead.status.in_([LeadStatus.RECEIVED, LeadStatus.CHECKING]))) or 0
    return data
