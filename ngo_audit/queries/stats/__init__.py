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

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from ...models import NoteSection
from ...quarters import Quarter
from .attachments import (
    AuditRow,
    DrawRecord,
    NextPlan,
    Recommendation,
    audits,
    draws,
    next_plan,
    notes,
    private_notes,
    recommendations,
    trend,
)
from .english import english_names, english_terms
from .history import Flow, History, S, flow
from .ledger_extra import LedgerExtra, ledger_extras
from .overview import Coverage, Obligation, coverage, obligations, report_due, report_issue_date
from .privacy import personal_strings
from .scope import (
    Scope,
    check_issue_date,
    default_issue_date,
    is_demo,
    reference_date,
    report_scope,
)
from .sections import (
    Breakdown,
    Case,
    DepartmentDuties,
    DutyResult,
    EscalationRow,
    LeadRow,
    LedgerRow,
    Photo,
    breakdown,
    department_duties,
    escalations,
    leads,
    ledger,
    photos,
    typical_cases,
)


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
    private_notes: set[NoteSection] = field(default_factory=set)  # sections marked "not for publication"


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
                        next_plan(session, scope), recommendations(session, rows), over_time,
                        private_notes(session, scope))


__all__ = [
    "AuditRow",
    "Breakdown",
    "Case",
    "Coverage",
    "DepartmentDuties",
    "DrawRecord",
    "DutyResult",
    "EscalationRow",
    "Flow",
    "History",
    "LeadRow",
    "LedgerExtra",
    "LedgerRow",
    "NextPlan",
    "Obligation",
    "Photo",
    "QuarterStats",
    "Recommendation",
    "Scope",
    "check_issue_date",
    "default_issue_date",
    "english_names",
    "english_terms",
    "flow",
    "is_demo",
    "ledger",
    "ledger_extras",
    "personal_strings",
    "quarter_stats",
    "reference_date",
    "report_due",
    "report_issue_date",
    "report_scope",
]
