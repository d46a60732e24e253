"""A finding's page as plain data: its timeline and the actions its state allows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ngo_audit.lifecycle import Action, allowed_actions, earliest_step_date, is_overdue
from ngo_audit.lookup import get
from ngo_audit.models import EscalationChannel, EventKind, Finding, FindingStatus, Severity
from ngo_audit.quarters import Quarter, quarters_between


@dataclass(frozen=True)
class EventRow:
    on: date
    kind: EventKind
    summary: str
    actor: str
    reference_no: str
    new_deadline: date | None
    passed: bool | None
    channel: EscalationChannel | None = None  # an escalation: to whom, through which channel
    recipient: str = ""


@dataclass(frozen=True)
class FindingDetail:
    id: int
    title: str
    description: str
    requirement: str
    subject_id: int
    subject_name: str
    term_label: str
    severity: Severity
    status: FindingStatus
    found_on: date
    deadline: date | None
    overdue: bool
    withdrawn_reason: str
    events: tuple[EventRow, ...]
    actions: tuple[Action, ...]
    earliest_step: date  # the first date the next step may carry
    audit_id: int | None = None  # the visit it was found in (its date is the visit's date)
    carried_from: str = ""  # "old file #id (uid)": a finding carried over from the previous agreement period
    description_private: bool = False  # marked "not for publication": the public edition leaves it out
    version: int | None = None  # the record's version read with it (an edit based on it is refused once stale)


def finding_detail(session: Session, finding_id: int, as_of: date) -> FindingDetail:
    f = get(session, Finding, finding_id)
    # An escalation step and its record are made together: the n-th of each belong to each other.
    escalations = iter(sorted(f.escalations, key=lambda x: x.id))
    rows = []
    for e in f.events:
        esc = next(escalations, None) if e.kind == EventKind.ESCALATION else None
        rows.append(EventRow(e.event_date, e.kind, e.summary, e.actor, e.reference_no, e.new_deadline, e.passed,
                             esc.channel if esc else None, esc.recipient if esc else ""))
    events = tuple(rows)
    return FindingDetail(
        id=f.id, title=f.title, description=f.description, requirement=f.requirement, subject_id=f.subject_id,
        subject_name=f.subject.name, term_label=f"{f.term.number} {f.term.title}", severity=f.severity,
        status=f.status, found_on=f.found_on, deadline=f.deadline, overdue=is_overdue(f, as_of),
        withdrawn_reason=f.withdrawn_reason, events=events, actions=tuple(allowed_actions(f.status)),
        earliest_step=earliest_step_date(f), audit_id=f.audit_id, carried_from=f.carried_from,
        description_private=f.description_private,
        version=f.version,
    )


def filter_quarters(session: Session, as_of: date) -> list[Quarter]:
    """Quarters offered in the filter: the contract period, or the span of the findings; newest first."""
    from ngo_audit.facts import current_contract

    contract = current_contract(session)
    if contract is not None:
        start, end = contract.period_start, contract.period_end
    else:
        start, end = session.execute(select(func.min(Finding.found_on), func.max(Finding.found_on))).one()
        if start is None:
            return [Quarter.of(as_of)]
    return list(reversed(quarters_between(start, end)))
