"""Attachments and closing sections: audits, draws, notes, next plan, recommendations, trend."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...draw import rank, verify_draw
from ...models import (
    Audit,
    Auditor,
    AuditResult,
    Finding,
    NoteSection,
    PlanItem,
    QuarterNote,
    RandomDraw,
    Severity,
    Subject,
    SubjectKind,
    TermResult,
    audit_auditor,
)
from ...quarters import Quarter, quarters_between
from .history import CHINA, Flow, History, S, flow
from .overview import _plan
from .scope import Scope
from .sections import LedgerRow


@dataclass
class AuditRow:
    id: int
    audit_date: date
    subject: str
    subject_kind: SubjectKind
    audit_type: str
    source: str  # the plan item's source, "" when unplanned
    auditors: list[str]
    checked: int
    non_compliant: int
    findings: int


def audits(session: Session, scope: Scope) -> list[AuditRow]:
    in_q = Audit.audit_date.between(scope.start, scope.as_of)
    names = defaultdict(list)
    for aid, name in session.execute(select(audit_auditor.c.audit_id, Auditor.name)
                                      .join(Auditor, Auditor.id == audit_auditor.c.auditor_id)
                                      .join(Audit, Audit.id == audit_auditor.c.audit_id).where(in_q)
                                      .order_by(audit_auditor.c.audit_id, Auditor.name)):
        names[aid].append(name)
    results = Counter()
    for aid, result in session.execute(select(AuditResult.audit_id, AuditResult.result)
                                       .join(Audit, Audit.id == AuditResult.audit_id).where(in_q)):
        results[(aid, result != TermResult.NOT_CHECKED)] += 1
        results[(aid, result)] += result == TermResult.NON_COMPLIANT
    found = Counter(session.scalars(select(Finding.audit_id).join(Audit, Audit.id == Finding.audit_id).where(in_q)))
    q = (select(Audit.id, Audit.audit_date, Subject.name, Subject.kind, Audit.audit_type, PlanItem.source)
         .join(Subject, Subject.id == Audit.subject_id).outerjoin(PlanItem, PlanItem.id == Audit.plan_item_id)
         .where(in_q).order_by(Audit.audit_date, Audit.id))
    return [AuditRow(aid, day, name, kind, kind_of.value, source.value if source else "", names[aid],
                     results[(aid, True)], results[(aid, TermResult.NON_COMPLIANT)], found[aid])
            for aid, day, name, kind, kind_of, source in session.execute(q)]


@dataclass
class DrawRecord:
    id: int
    algorithm: str
    seed: str
    drawn_at: datetime  # China time (UTC+8), as the draw was announced
    drawn_by: str
    pool_filter: dict[str, Any]
    pool: list[dict[str, Any]]
    count: int
    result: list[tuple[str, str, str]]  # (key, name, rank = SHA-256 of "seed|key")
    auditor_pool: list[dict[str, Any]]
    auditor_count: int
    auditor_result: list[list[str]]  # per drawn subject: the auditors' names
    reproduced: bool


def draws(session: Session, scope: Scope) -> list[DrawRecord]:
    plan = _plan(session, scope)
    if plan is None:
        return []
    out = []
    for d in session.scalars(select(RandomDraw).where(RandomDraw.plan_id == plan.id)
                             .order_by(RandomDraw.drawn_at, RandomDraw.id)):
        names = {p["key"]: p.get("name", "") for p in d.pool}
        auditors = {p["key"]: p.get("name", "") for p in d.auditor_pool}
        picked = [[auditors.get(k, k) for k in keys.split(",") if k] for keys in d.auditor_result]
        when = d.drawn_at.replace(tzinfo=d.drawn_at.tzinfo or UTC).astimezone(CHINA)
        out.append(DrawRecord(d.id, d.algorithm, d.seed, when, d.drawn_by, dict(d.pool_filter or {}), list(d.pool),
                              d.subject_count, [(k, names.get(k, ""), rank(d.seed, k)) for k in d.result],
                              list(d.auditor_pool), d.auditor_count, picked, verify_draw(d)))
    return out


# -- 六、七：notes, next quarter, recommendations -------------------------------------------------------------

@dataclass
class NextPlan:
    quarter: str
    items: int
    by_source: dict[str, int]
    draws: int


@dataclass
class Recommendation:
    subject: str
    credit_level: str
    findings: int
    serious: int  # serious or critical
    overdue: int
    escalated: int


def notes(session: Session, scope: Scope) -> dict[NoteSection, str]:
    q = select(QuarterNote.section, QuarterNote.text).where(QuarterNote.contract_id == scope.contract.id,
                                                            QuarterNote.quarter == str(scope.quarter))
    return {sec: text for sec, text in session.execute(q) if (text or "").strip()}


def private_notes(session: Session, scope: Scope) -> set[NoteSection]:
    """The quarter's sections the NGO marked "not for publication" (whether written or not)."""
    q = select(QuarterNote.section).where(QuarterNote.contract_id == scope.contract.id,
                                          QuarterNote.quarter == str(scope.quarter), QuarterNote.private.is_(True))
    return {NoteSection(sec) for sec in session.scalars(q)}


def next_plan(session: Session, scope: Scope) -> NextPlan | None:
    q = scope.quarter.next()
    plan = _plan(session, scope, q)
    if plan is None:
        return None
    sources = Counter(s.value for s in session.scalars(select(PlanItem.source).where(PlanItem.plan_id == plan.id)))
    n_draws = len(session.scalars(select(RandomDraw.id).where(RandomDraw.plan_id == plan.id)).all())
    return NextPlan(str(q), sum(sources.values()), dict(sources), n_draws)


def recommendations(session: Session, rows: list[LedgerRow]) -> list[Recommendation]:
    """Subjects of the quarter's findings recommended for the blacklist (the subject or one of its findings)."""
    flagged = {r.subject_id for r in rows if r.blacklist}
    flagged |= set(session.scalars(select(Subject.id).where(Subject.blacklist_recommended.is_(True),
                                                            Subject.id.in_({r.subject_id for r in rows}))))
    out = []
    for sid in flagged:
        mine = [r for r in rows if r.subject_id == sid]
        subject = session.get(Subject, sid)
        out.append(Recommendation(subject.name, subject.credit_level.value if subject.credit_level else "", len(mine),
                                  sum(r.severity in (Severity.SERIOUS, Severity.CRITICAL) for r in mine),
                                  sum(r.overdue for r in mine), sum(r.status == S.ESCALATED for r in mine)))
    return sorted(out, key=lambda r: r.subject)


# -- the trend over the contract, and everything together -------------------------------------------------------

def trend(session: Session, scope: Scope, history: History) -> list[Flow]:
    """The flow of every quarter of the contract up to the reported one (nothing later: it had not happened)."""
    days = Counter(Quarter.of(d) for d in session.scalars(
        select(Audit.audit_date).where(Audit.audit_date.between(scope.contract.period_start, scope.as_of))))
    out = []
    for q in quarters_between(scope.contract.period_start, scope.quarter.start):
        f = flow(history, q, min(q.end, scope.today), scope.contract.period_start)[0]
        f.audits = days[q]
        out.append(f)
    return out


