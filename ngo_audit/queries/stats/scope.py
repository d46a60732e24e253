"""Scope of a quarterly report: the quarter, its dates, the file's reference date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from ... import facts
from ...errors import NotFound, ValidationError
from ...models import (
    Contract,
)
from ...quarters import Quarter

reference_date = facts.reference_date  # defined once, in ngo_audit/facts.py
is_demo = facts.is_demo


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
    contract = facts.current_contract(session)
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



REPORT_DAYS_DEFAULT = 15  # when the agreement sets no deadline for the report: within 15 days of the quarter


def default_issue_date(scope: Scope, due: date | None = None) -> date:
    """The issue date (成文日期) a report gets unless the user gives one.

    The day the report is due (``due``: the agreement's deadline, else 15 days after the quarter), or
    the reference date when that comes first (a report written before it is due); never after the
    agreement's end, and never before the figures' own date.  So the report of an old quarter is dated
    when it was due, not months later, and the last quarter's report is dated within the agreement.
    """
    due = due or scope.quarter.end + timedelta(days=REPORT_DAYS_DEFAULT)
    day = min(due, scope.today, scope.contract.period_end)
    return max(day, min(scope.as_of, scope.contract.period_end))


def check_issue_date(scope: Scope, issued: date) -> date:
    """A date the user gave for a report: not before the quarter began, nor after the agreement ended."""
    if issued < scope.start:
        raise ValidationError(f"成文日期 {issued} 早于 {scope.quarter} 的开始日期 {scope.start}。",
                              f"The issue date {issued} is before {scope.quarter} began ({scope.start}).",
                              field="date")
    return issued
