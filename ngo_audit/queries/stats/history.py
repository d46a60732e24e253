"""Replaying findings' rectification events: status and deadline on any day; the flow of a quarter."""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta, timezone

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from ...lifecycle import ACTIVE, TRANSITIONS, Action, overdue_at
from ...models import (
    EventKind,
    Finding,
    FindingStatus,
    RectificationEvent,
    Term,
)
from ...quarters import Quarter

S = FindingStatus
CHINA = timezone(timedelta(hours=8))
# the lifecycle action each kind of rectification event records (a verification: pass or fail)
_ACTIONS: dict[str, Action] = {EventKind.NOTICE: Action.NOTIFY, EventKind.RESPONSE: Action.RESPOND,
                               EventKind.EXTENSION: Action.EXTEND, EventKind.ESCALATION: Action.ESCALATE,
                               EventKind.WITHDRAWAL: Action.WITHDRAW}



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
    overdue = sum(1 for st, dl in states.values() if overdue_at(st, dl, as_of))
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

