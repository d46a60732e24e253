"""The finding lifecycle as an explicit state machine.

    open ──notify──▶ notified ──respond──▶ reported ──verify(pass)──▶ closed
                       ▲  │ extend              │
                       │  └────────verify(pass)─┼─────────────────────▶ closed
                       └──────verify(fail, new deadline)◀───────────────┘
    open / notified / reported ──escalate──▶ escalated ──respond/verify──▶ …
    any active state ──withdraw(reason)──▶ withdrawn

Closed and withdrawn are final: a recurrence is a new finding.  "Overdue" is
derived from the deadline and a reference date, never stored.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy import and_

from .errors import InvalidTransition
from .i18n import Text
from .models import Finding, FindingStatus

S = FindingStatus


class Action(StrEnum):
    NOTIFY = "notify"
    RESPOND = "respond"
    EXTEND = "extend"
    VERIFY_PASS = "verify_pass"
    VERIFY_FAIL = "verify_fail"
    ESCALATE = "escalate"
    WITHDRAW = "withdraw"


# (from state, action) -> to state.  Anything not listed is illegal.
TRANSITIONS: dict[tuple[FindingStatus, Action], FindingStatus] = {
    (S.OPEN, Action.NOTIFY): S.NOTIFIED,
    (S.NOTIFIED, Action.RESPOND): S.REPORTED,
    (S.ESCALATED, Action.RESPOND): S.REPORTED,
    (S.NOTIFIED, Action.EXTEND): S.NOTIFIED,
    (S.REPORTED, Action.EXTEND): S.REPORTED,
    (S.ESCALATED, Action.EXTEND): S.ESCALATED,
    (S.NOTIFIED, Action.VERIFY_PASS): S.CLOSED,
    (S.REPORTED, Action.VERIFY_PASS): S.CLOSED,
    (S.ESCALATED, Action.VERIFY_PASS): S.CLOSED,
    (S.NOTIFIED, Action.VERIFY_FAIL): S.NOTIFIED,
    (S.REPORTED, Action.VERIFY_FAIL): S.NOTIFIED,
    (S.ESCALATED, Action.VERIFY_FAIL): S.ESCALATED,
    (S.OPEN, Action.ESCALATE): S.ESCALATED,
    (S.NOTIFIED, Action.ESCALATE): S.ESCALATED,
    (S.REPORTED, Action.ESCALATE): S.ESCALATED,
    (S.OPEN, Action.WITHDRAW): S.WITHDRAWN,
    (S.NOTIFIED, Action.WITHDRAW): S.WITHDRAWN,
    (S.REPORTED, Action.WITHDRAW): S.WITHDRAWN,
    (S.ESCALATED, Action.WITHDRAW): S.WITHDRAWN,
}

ACTIVE = frozenset({S.OPEN, S.NOTIFIED, S.REPORTED, S.ESCALATED})
FINAL = frozenset({S.CLOSED, S.WITHDRAWN})
# States in which the subject still owes a rectification by the deadline.
AWAITING_SUBJECT = frozenset({S.OPEN, S.NOTIFIED})

# The rectification period (限期整改) a new finding or a new notice proposes when the user sets none.
DEFAULT_RECTIFICATION_DAYS = 30


def proposed_deadline(from_day: date) -> date:
    """The deadline the dialogs propose: :data:`DEFAULT_RECTIFICATION_DAYS` after ``from_day``."""
    return from_day + timedelta(days=DEFAULT_RECTIFICATION_DAYS)

ACTION_LABELS: dict[Action, Text] = {
    Action.NOTIFY: Text("发出整改通知", "send rectification notice"),
    Action.RESPOND: Text("登记整改回复", "record the subject's response"),
    Action.EXTEND: Text("延长整改期限", "extend the deadline"),
    Action.VERIFY_PASS: Text("复查通过并销号", "verify and close"),
    Action.VERIFY_FAIL: Text("复查未通过", "verification failed"),
    Action.ESCALATE: Text("移交/升级处理", "escalate"),
    Action.WITHDRAW: Text("撤销问题", "withdraw"),
}


def allowed_actions(status: FindingStatus) -> list[Action]:
    return [action for (state, action) in TRANSITIONS if state == status]


def target(status: FindingStatus, action: Action) -> FindingStatus:
    try:
        return TRANSITIONS[(status, action)]
    except KeyError:
        from .labels import STATUS

        raise InvalidTransition(
            f"问题当前状态为“{STATUS[status].zh}”，不能执行“{ACTION_LABELS[action].zh}”。",
            f"The finding is “{STATUS[status].en}”; it cannot be “{ACTION_LABELS[action].en}”.",
            state=status.value,
            action=action.value,
        ) from None


def overdue_at(status: FindingStatus, deadline: date | None, as_of: date) -> bool:
    """THE overdue rule: the subject still owes a step and its deadline passed before ``as_of``.

    Every overdue figure (lists, a subject's file, the dashboard, the report) applies this, in
    Python here or as SQL in :func:`overdue_clause`; ``tests/core/test_lifecycle.py`` checks they agree.
    """
    return status in AWAITING_SUBJECT and deadline is not None and deadline < as_of


def earliest_step_date(finding: Finding) -> date:
    """The first date the next step of a finding may carry: not before it was found, not before
    the last step of its rectification timeline (the timeline never runs backwards)."""
    dates = [finding.found_on] + [e.event_date for e in finding.events]
    return max(dates)


def check_step_date(finding: Finding, on: date) -> None:
    from .errors import ValidationError

    if on < finding.found_on:
        raise ValidationError(
            "日期不能早于问题的发现日期。", "The date cannot be before the finding was found.", field="date"
        )
    earliest = earliest_step_date(finding)
    if on < earliest:
        raise ValidationError(
            f"日期不能早于上一步整改记录的日期（{earliest.isoformat()}）。",
            f"The date cannot be before the previous step of the rectification ({earliest.isoformat()}).",
            field="date",
        )


def is_overdue(finding: Finding, as_of: date) -> bool:
    return overdue_at(finding.status, finding.deadline, as_of)


def overdue_clause(as_of: date):
    """The same rule as :func:`is_overdue`, as an SQL condition (portable)."""
    return and_(
        Finding.status.in_([s.value for s in AWAITING_SUBJECT]),
        Finding.deadline.is_not(None),
        Finding.deadline < as_of,
    )
