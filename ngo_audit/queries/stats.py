"""Every figure of the quarterly report, computed in one place (and nowhere else).

A report describes one quarter *as it stood at its end*: ``as_of`` is the
quarter's last day, or the file's reference date (:func:`reference_date`)
while the quarter is still running.  A report of 2014Q3 built in 2015 must
not count what was rectified in 2015, so a finding's status and deadline on
any day are replayed from its dated rectification events (:class:`History`).

Definitions (S = first day of the quarter, D = ``as_of``; findings of the
contract only, i.e. recorded against one of its terms):

* **status on day X**: the finding's events dated ≤ X, in (date, id) order, run
  through the lifecycle state machine (:data:`ngo_audit.lifecycle.TRANSITIONS`)
  from "open"; an event the machine refuses changes nothing.  The **deadline
  on day X** is the last ``new_deadline`` among those events, else the stored
  deadline.  On or after the day of its last event a finding's stored status and
  deadline are used as they are (they are the truth; replay only reconstructs
  the past).
* **new**: found S ≤ found_on ≤ D.  **carried over**: found before S and active
  (open, notified, reported, escalated) at the end of day S−1.  Together they are
  the quarter's findings (its *scope*: the issue ledger, attachment 1).
* **rectified**: in scope and closed (verified, 销号) on D; **withdrawn**: in scope
  and withdrawn on D; **still open**: in scope and active on D.
  new + carried over = rectified + withdrawn + still open.
* **overdue**: in scope, open or notified on D, with a deadline on D before D
  (the rule of :func:`ngo_audit.lifecycle.is_overdue`, on day D).
* **escalated**: in scope and escalated on D; **escalations** are the escalation
  records dated S…D.
* see :class:`Flow` for the rectification rate.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from ..draw import rank
from ..errors import NotFound, ValidationError
from ..lifecycle import ACTIVE, AWAITING_SUBJECT, TRANSITIONS, Action
from ..models import (
    AppliesTo,
    Audit,
    Auditor,
    AuditPlan,
    AuditResult,
    Contract,
    Escalation,
    EventKind,
    Evidence,
    EvidenceKind,
    EvidencePhase,
    FileInfo,
    Finding,
    FindingStatus,
    Grid,
    Lead,
    LeadStatus,
    NoteSection,
    ObligationMetric,
    PlanItem,
    QuarterNote,
    RandomDraw,
    RectificationEvent,
    Severity,
    Subject,
    SubjectKind,
    Term,
    TermKind,
    TermResult,
    audit_auditor,
    lead_finding,
)
from ..quarters import Quarter, quarters_between
from ..services.plans import verify_draw
from .findings import SEVERITY_RANK

S = FindingStatus
CHINA = timezone(timedelta(hours=8))
# the lifecycle action each kind of rectification event records (a verification: pass or fail)
_ACTIONS: dict[str, Action] = {EventKind.NOTICE: Action.NOTIFY, EventKind.RESPONSE: Action.RESPOND,
                               EventKind.EXTENSION: Action.EXTEND, EventKind.ESCALATION: Action.ESCALATE,
                               EventKind.WITHDRAWAL: Action.WITHDRAW}


def reference_date(session: Session) -> date:
    """The day "overdue" is judged against: the file's frozen reference date (demo) or today."""
    ref = session.scalar(select(FileInfo.value).where(FileInfo.key == "reference_date"))
    return date.fromisoformat(ref) if ref else date.today()


def is_demo(session: Session) -> bool:
    return session.scalar(select(FileInfo.value).where(FileInfo.key == "demo")) == "1"


@dataclass(frozen=True)
class Scope:
    contract: Contract
    quarter: Quarter
    start: date
    as_of: date  # the quarter's last day, or the reference date while it runs
    today: date


def report_scope(session: Session, quarter: Quarter | str, today: date | None = None) -> Scope:
    """Check that ``quarter`` can be reported on; raises NotFound / ValidationError (exit 2 in the CLI)."""
    q = quarter if isinstance(quarter, Quarter) else Quarter.parse(quarter)
    contract = session.scalar(select(Contract).order_by(Contract.period_end.desc(), Contract.id.desc()).limit(1))
    if contract is None:
        raise NotFound("文件中没有委托协议，无法生成报告。", "The file holds no commissioning agreement to report on.")
    if q.end < contract.period_start or q.start > contract.period_end:
        raise NotFound(f"{q} 不在委托协议期内（{contract.period_start} 至 {contract.period_end}）。",
                       f"{q} is outside the agreement's period ({contract.period_start} to {contract.period_end}).")
    today = today or reference_date(session)
    if q.start > today:
        raise ValidationError(f"{q} 尚未开始（参考日期 {today}），无法报告。",
                              f"{q} has not begun yet (reference date {today}); there is nothing to report.",
                              field="quarter")
    return Scope(contract, q, q.start, min(q.end, today), today)


# -- the replayed history of every finding -----------------------------------------------------------------

@dataclass
class _Line:
    found_on: date
    status: FindingStatus  # stored
    deadline: date | None  # stored
    steps: list[tuple[date, FindingStatus, date | None]] = field(default_factory=list)


def _day(value) -> date | None:
    """A date read as raw text (SQLite) or as a date (other backends)."""
    return date.fromisoformat(value) if isinstance(value, str) else value


class History:
    """Status and deadline of each finding of the contract on any day up to ``until``
    (see the module's definitions).  Built once per report: ~130,000 events of the large file are read
    as raw values (type_coerce: no per-value Enum and Date processing, 4× faster) and replayed here."""

    def __init__(self, session: Session, contract_id: int, until: date) -> None:
        self.lines: dict[int, _Line] = {}
        raw = type_coerce
        mine = (Term.contract_id == contract_id) & (Finding.found_on <= until)
        q = (select(Finding.id, raw(Finding.found_on, String), raw(Finding.status, String),
                    raw(Finding.deadline, String))
             .join(Term, Term.id == Finding.term_id).where(mine))
        for fid, found_on, status, deadline in session.execute(q):
            self.lines[fid] = _Line(_day(found_on), S(status), _day(deadline))
        events = (select(RectificationEvent.finding_id, raw(RectificationEvent.kind, String),
                         raw(RectificationEvent.event_date, String), RectificationEvent.passed,
                         raw(RectificationEvent.new_deadline, String))
                  .join(Finding, Finding.id == RectificationEvent.finding_id).join(Term, Term.id == Finding.term_id)
                  .where(mine)
                  .order_by(RectificationEvent.finding_id, RectificationEvent.event_date, RectificationEvent.id))
        state: dict[int, tuple[FindingStatus, date | None]] = {}
        for fid, kind, day, passed, new_deadline in session.execute(events):
            line = self.lines[fid]
            status, deadline = state.get(fid, (S.OPEN, line.deadline))
            action = _ACTIONS.get(kind)
            if kind == EventKind.VERIFICATION and passed is not None:
                action = Action.VERIFY_PASS if passed else Action.VERIFY_FAIL
            status = TRANSITIONS.get((status, action), status) if action else status
            deadline = _day(new_deadline) or deadline
            state[fid] = (status, deadline)
            line.steps.append((_day(day), status, deadline))

    def at(self, fid: int, day: date) -> tuple[FindingStatus | None, date | None]:
        """(status, deadline) at the end of ``day``; status None before the finding was found."""
        line = self.lines[fid]
        if day < line.found_on:
            return None, None
        if not line.steps or day >= line.steps[-1][0]:
            return line.status, line.deadline
        i = bisect.bisect_right(line.steps, day, key=lambda s: s[0]) - 1
        return (S.OPEN, line.deadline) if i < 0 else line.steps[i][1:]

    def scope(self, start: date, as_of: date) -> tuple[set[int], set[int]]:
        """(new, carried over) finding ids of the period start…as_of."""
        before = start - timedelta(days=1)
        new, carried = set(), set()
        for fid, line in self.lines.items():
            if start <= line.found_on <= as_of:
                new.add(fid)
            elif line.found_on < start and self.at(fid, before)[0] in ACTIVE:
                carried.add(fid)
        return new, carried


@dataclass
class Flow:
    """Carried over, new, rectified… (module docstring).

    ``rate`` (本季度整改率) = rectified ÷ (carried over + new − withdrawn): of the
    findings the subjects owed a rectification in the quarter, the share verified
    rectified and closed by ``as_of``; None when there were none.
    ``cumulative_rate`` (累计整改率) = findings closed on ``as_of`` ÷ (findings found
    from the contract's start to ``as_of`` − those withdrawn by then).
    """

    quarter: str
    as_of: date
    carried_over: int
    new: int
    rectified: int
    withdrawn: int
    still_open: int
    overdue: int
    escalated: int
    rate: float | None
    cumulative_rate: float | None
    audits: int = 0


def _ratio(num: int, den: int) -> float | None:
    return num / den if den > 0 else None


def flow(history: History, quarter: Quarter, as_of: date, contract_start: date) -> tuple[Flow, dict[int, tuple], set[int]]:
    """The quarter's flow; the (status, deadline) on ``as_of`` of each finding in its scope; the carried-over ids."""
    new, carried = history.scope(quarter.start, as_of)
    states = {fid: history.at(fid, as_of) for fid in new | carried}
    count = Counter(st for st, _ in states.values())
    overdue = sum(1 for st, dl in states.values() if st in AWAITING_SUBJECT and dl is not None and dl < as_of)
    active = sum(count[st] for st in ACTIVE)
    rectified, withdrawn = count[S.CLOSED], count[S.WITHDRAWN]
    found = closed = gone = 0
    for fid, line in history.lines.items():
        if contract_start <= line.found_on <= as_of:
            found += 1
            st = history.at(fid, as_of)[0]
            closed += st == S.CLOSED
            gone += st == S.WITHDRAWN
    f = Flow(str(quarter), as_of, len(carried), len(new), rectified, withdrawn, active, overdue, count[S.ESCALATED],
             _ratio(rectified, len(carried) + len(new) - withdrawn), _ratio(closed, found - gone))
    return f, states, carried


# -- 一、基本情况 ---------------------------------------------------------------------------------------------

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
    terms = session.scalars(select(Term).where(Term.contract_id == scope.contract.id, Term.kind == TermKind.OBLIGATION)
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
        overdue = status in AWAITING_SUBJECT and deadline is not None and deadline < scope.as_of
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
        cases.append(Case(r, f.description, f.requirement, f.term.legal_basis, pics.get(r.id, [])))
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


def escalations(session: Session, scope: Scope) -> list[EscalationRow]:
    q = (select(Escalation.escalated_on, Finding.id, Subject.name, Finding.title, Escalation.channel,
                Escalation.recipient, Escalation.reference_no, Escalation.outcome)
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


def leads(session: Session, scope: Scope) -> list[LeadRow]:
    """Leads received in the quarter with what had become of them by as_of."""
    q = (select(Lead.id, Lead.received_on, Lead.channel, Lead.summary, Subject.name, Lead.status, Lead.handled_on,
                Lead.outcome)
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
    for lid, received, channel, summary, subject, status, handled, outcome in session.execute(q):
        known = handled is not None and handled <= scope.as_of
        out.append(LeadRow(lid, received, channel.value, summary, subject or "",
                           status if known else LeadStatus.RECEIVED, outcome if known else "", links[lid]))
    return out


# -- attachments 4 and 5: audits and draws --------------------------------------------------------------------

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


@dataclass
class QuarterStats:
    scope: Scope
    demo: bool
    coverage: Coverage
    obligations: list[Obligation]
    flow: Flow
    ledger: list[LedgerRow]
    breakdown: Breakdown
    cases: list[Case]
    photos: dict[int, list[Photo]]  # attachment 2: new findings' and rectified findings' photos
    departments: list[DepartmentDuties]
    escalations: list[EscalationRow]
    leads: list[LeadRow]
    audits: list[AuditRow]
    draws: list[DrawRecord]
    notes: dict[NoteSection, str]
    next_plan: NextPlan | None
    recommendations: list[Recommendation]
    trend: list[Flow]


def quarter_stats(session: Session, quarter: Quarter | str, today: date | None = None) -> QuarterStats:
    """Everything the quarterly report shows, from one consistent read."""
    scope = report_scope(session, quarter, today)
    history = History(session, scope.contract.id, scope.as_of)
    fl, states, carried = flow(history, scope.quarter, scope.as_of, scope.contract.period_start)
    rows = ledger(session, scope, states, carried)
    by_id = {r.id: r for r in rows}
    shown = {r.id for r in rows if not r.carried_over or r.status == S.CLOSED}
    pics = photos(session, shown, scope, by_id)
    over_time = trend(session, scope, history)
    fl.audits = over_time[-1].audits  # the last quarter of the trend is this one
    return QuarterStats(scope, is_demo(session), coverage(session, scope), obligations(session, scope), fl, rows,
                        breakdown(session, scope, rows), typical_cases(session, scope, rows, pics), pics,
                        department_duties(session, scope, rows), escalations(session, scope), leads(session, scope),
                        audits(session, scope), draws(session, scope), notes(session, scope),
                        next_plan(session, scope), recommendations(session, rows), over_time)
