"""Sections 二–五: the issue ledger, breakdowns, photos, department duties, escalations, leads."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...lifecycle import overdue_at
from ...models import (
    AppliesTo,
    Audit,
    AuditResult,
    Escalation,
    Evidence,
    EvidenceKind,
    EvidencePhase,
    Finding,
    FindingStatus,
    Grid,
    Lead,
    LeadStatus,
    Severity,
    Subject,
    SubjectKind,
    Term,
    TermKind,
    TermResult,
    lead_finding,
)
from ..findings import SEVERITY_RANK
from .history import S
from .scope import Scope


@dataclass
class LedgerRow:
    id: int
    found_on: date
    subject_id: int
    subject: str
    subject_kind: SubjectKind
    industry: str
    grid: str
    term_id: int
    term_number: str
    term_title: str
    category: str
    severity: Severity
    title: str
    deadline: date | None  # in force on as_of
    status: FindingStatus  # on as_of
    overdue: bool
    carried_over: bool
    blacklist: bool


def ledger(session: Session, scope: Scope, states: dict[int, tuple], carried: set[int]) -> list[LedgerRow]:
    """Every finding of the quarter's scope: enterprises then departments, each subject's together (in the
    order they were registered), then by date found and id."""
    q = (select(Finding.id, Finding.found_on, Finding.subject_id, Subject.name, Subject.kind, Subject.industry,
                Grid.name.label("grid"), Finding.term_id, Term.number, Term.title.label("term_title"), Term.category,
                Finding.severity, Finding.title, Finding.blacklist_recommended)
         .join(Subject, Subject.id == Finding.subject_id).join(Term, Term.id == Finding.term_id)
         .outerjoin(Grid, Grid.id == Subject.grid_id)
         .where(Term.contract_id == scope.contract.id, Finding.found_on <= scope.as_of))
    rows = []
    for r in session.execute(q):
        if r.id not in states:
            continue
        status, deadline = states[r.id]
        overdue = overdue_at(status, deadline, scope.as_of)
        rows.append(((r.kind != SubjectKind.ENTERPRISE, r.subject_id, r.found_on, r.id),
                     LedgerRow(r.id, r.found_on, r.subject_id, r.name, r.kind, r.industry or "", r.grid or "",
                               r.term_id, r.number, r.term_title, r.category or "", r.severity, r.title, deadline,
                               status, overdue, r.id in carried, bool(r.blacklist_recommended))))
    return [row for _, row in sorted(rows, key=lambda x: x[0])]


def _counts(pairs) -> list[tuple[str, int]]:
    """(label, count), most first then by label: the order of tables and charts."""
    return sorted(Counter(pairs).items(), key=lambda kv: (-kv[1], kv[0]))


@dataclass
class Breakdown:
    """New findings of the quarter grouped (enterprises' by industry, grid and criterion category)."""

    by_severity: dict[Severity, int]
    enterprise_new: int
    department_new: int
    by_industry: list[tuple[str, int]]
    audited_by_industry: dict[str, int]
    by_grid: list[tuple[str, int]]
    by_category: list[tuple[str, int]]
    by_term: list[tuple[str, int]]  # "3.1 title"
    by_status: dict[FindingStatus, int]  # the whole scope, on as_of
    overdue: int


def breakdown(session: Session, scope: Scope, rows: list[LedgerRow]) -> Breakdown:
    new = [r for r in rows if not r.carried_over]
    ent = [r for r in new if r.subject_kind == SubjectKind.ENTERPRISE]
    audited = session.execute(select(Subject.id, Subject.industry).join(Audit, Audit.subject_id == Subject.id)
                              .where(Audit.audit_date.between(scope.start, scope.as_of),
                                     Subject.kind == SubjectKind.ENTERPRISE).distinct()).all()
    return Breakdown({s: sum(r.severity == s for r in new) for s in Severity}, len(ent), len(new) - len(ent),
                     _counts(r.industry for r in ent), dict(Counter(i or "" for _, i in audited)),
                     _counts(r.grid for r in ent), _counts(r.category for r in ent),
                     _counts(f"{r.term_number} {r.term_title}" for r in ent),
                     {s: sum(r.status == s for r in rows) for s in FindingStatus}, sum(r.overdue for r in rows))


@dataclass
class Photo:
    evidence_id: int
    blob_id: int
    finding_id: int
    phase: EvidencePhase
    caption: str
    taken_by: str
    captured_at: datetime | None


@dataclass
class Case:
    row: LedgerRow
    description: str
    requirement: str
    legal_basis: str
    photos: list[Photo]
    description_private: bool = False  # marked "not for publication": the public edition leaves it out


def photos(session: Session, finding_ids: set[int], scope: Scope, rows: dict[int, LedgerRow]) -> dict[int, list[Photo]]:
    """Photos of these findings: before (or unphased) ones; after ones only of findings closed on as_of
    and not taken after it.  Ordered before → after, then by time taken and id."""
    out: dict[int, list[Photo]] = defaultdict(list)
    if not finding_ids:
        return out
    q = (select(Evidence.id, Evidence.blob_id, Evidence.finding_id, Evidence.phase, Evidence.caption,
                Evidence.taken_by, Evidence.captured_at)
         .join(Finding, Finding.id == Evidence.finding_id).join(Term, Term.id == Finding.term_id)
         .where(Evidence.kind == EvidenceKind.PHOTO, Term.contract_id == scope.contract.id,
                Finding.found_on <= scope.as_of))
    for r in session.execute(q):
        if r.finding_id not in finding_ids:
            continue
        if r.phase == EvidencePhase.AFTER and (rows[r.finding_id].status != S.CLOSED or (
                r.captured_at is not None and r.captured_at.date() > scope.as_of)):
            continue
        out[r.finding_id].append(Photo(*r))
    for items in out.values():
        items.sort(key=lambda p: (p.phase == EvidencePhase.AFTER, p.captured_at or datetime.min, p.evidence_id))
    return out


def typical_cases(session: Session, scope: Scope, rows: list[LedgerRow], pics: dict[int, list[Photo]],
                  limit: int = 3) -> list[Case]:
    """Up to ``limit`` new enterprise findings: those with photos first, then the most severe, earliest, lowest id."""
    new = [r for r in rows if not r.carried_over and r.subject_kind == SubjectKind.ENTERPRISE]
    new.sort(key=lambda r: (not pics.get(r.id), -SEVERITY_RANK[r.severity], r.found_on, r.id))
    cases = []
    for r in new[:limit]:
        f = session.get(Finding, r.id)
        cases.append(Case(r, f.description, f.requirement, f.term.legal_basis, pics.get(r.id, []),
                          bool(f.description_private)))
    return cases


# -- 三、部门履职 ---------------------------------------------------------------------------------------------

@dataclass
class DutyResult:
    number: str
    title: str
    checked: int  # results other than "not checked"
    compliant: int
    non_compliant: int
    not_applicable: int
    findings: int  # new findings of the quarter against this duty

    @property
    def conclusion(self) -> TermResult:
        if self.non_compliant or self.findings:
            return TermResult.NON_COMPLIANT
        if self.compliant:
            return TermResult.COMPLIANT
        return TermResult.NOT_APPLICABLE if self.not_applicable else TermResult.NOT_CHECKED


@dataclass
class DepartmentDuties:
    subject_id: int
    name: str
    audits: int
    duties: list[DutyResult]


def department_duties(session: Session, scope: Scope, rows: list[LedgerRow]) -> list[DepartmentDuties]:
    """Each department against its own duty list (criteria for all departments, then its own)."""
    in_q = Audit.audit_date.between(scope.start, scope.as_of)
    results = Counter(session.execute(select(Audit.subject_id, AuditResult.term_id, AuditResult.result)
                                      .join(Audit, Audit.id == AuditResult.audit_id).where(in_q)).all())
    audits = Counter(session.scalars(select(Audit.subject_id).where(in_q)))
    found = Counter((r.subject_id, r.term_id) for r in rows if not r.carried_over)
    terms = session.scalars(select(Term).where(Term.contract_id == scope.contract.id, Term.kind == TermKind.CRITERION,
                                               Term.applies_to.in_([AppliesTo.DEPARTMENTS, AppliesTo.DEPARTMENT,
                                                                    AppliesTo.ALL]))
                            .order_by(Term.sort_key, Term.id)).all()
    out = []
    depts = session.scalars(select(Subject).where(Subject.kind == SubjectKind.DEPARTMENT)
                            .order_by(Subject.sort_key, Subject.id))
    for d in depts:
        if not d.active and not audits[d.id]:
            continue
        duties = []
        for t in terms:
            if t.applies_to == AppliesTo.DEPARTMENT and t.department_id != d.id:
                continue
            n = {r: results[(d.id, t.id, r)] for r in TermResult}
            duties.append(DutyResult(t.number, t.title, sum(n.values()) - n[TermResult.NOT_CHECKED],
                                     n[TermResult.COMPLIANT], n[TermResult.NON_COMPLIANT],
                                     n[TermResult.NOT_APPLICABLE], found[(d.id, t.id)]))
        out.append(DepartmentDuties(d.id, d.name, audits[d.id], duties))
    return out


# -- 四、整改跟踪：escalations ----------------------------------------------------------------------------------

@dataclass
class EscalationRow:
    escalated_on: date
    finding_id: int
    subject: str
    title: str
    channel: str
    recipient: str
    reference_no: str
    outcome: str
    term_number: str = ""
    term_title: str = ""


def escalations(session: Session, scope: Scope) -> list[EscalationRow]:
    q = (select(Escalation.escalated_on, Finding.id, Subject.name, Finding.title, Escalation.channel,
                Escalation.recipient, Escalation.reference_no, Escalation.outcome, Term.number, Term.title)
         .join(Finding, Finding.id == Escalation.finding_id).join(Subject, Subject.id == Finding.subject_id)
         .join(Term, Term.id == Finding.term_id)
         .where(Term.contract_id == scope.contract.id, Escalation.escalated_on.between(scope.start, scope.as_of))
         .order_by(Escalation.escalated_on, Escalation.id))
    return [EscalationRow(*r) for r in session.execute(q)]


# -- 五、公众线索 --------------------------------------------------------------------------------------------

@dataclass
class LeadRow:
    id: int
    received_on: date
    channel: str
    summary: str
    subject: str
    status: LeadStatus  # on as_of: a lead handled later was still "received" then
    outcome: str
    finding_ids: list[int]
    private: bool = False  # details marked "not for publication": the public edition leaves them out


def leads(session: Session, scope: Scope) -> list[LeadRow]:
    """Leads received in the quarter with what had become of them by as_of."""
    q = (select(Lead.id, Lead.received_on, Lead.channel, Lead.summary, Subject.name, Lead.status, Lead.handled_on,
                Lead.outcome, Lead.details_private)
         .outerjoin(Subject, Subject.id == Lead.subject_id)
         .where(Lead.received_on.between(scope.start, scope.as_of)).order_by(Lead.received_on, Lead.id))
    links = defaultdict(list)
    for lid, fid, found_on in session.execute(
            select(lead_finding.c.lead_id, lead_finding.c.finding_id, Finding.found_on)
            .join(Finding, Finding.id == lead_finding.c.finding_id).join(Lead, Lead.id == lead_finding.c.lead_id)
            .where(Lead.received_on.between(scope.start, scope.as_of)).order_by(lead_finding.c.finding_id)):
        if found_on <= scope.as_of:
            links[lid].append(fid)
    out = []
    for lid, received, channel, summary, subject, status, handled, outcome, private in session.execute(q):
        known = handled is not None and handled <= scope.as_of
        out.append(LeadRow(lid, received, channel.value, summary, subject or "",
                           status if known else LeadStatus.RECEIVED, outcome if known else "", links[lid],
                           bool(private)))
    return out


# -- attachments 4 and 5: audits and draws --------------------------------------------------------------------

